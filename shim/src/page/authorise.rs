//! `POST /api/page/authorise`: charge the token the page got from the
//! PSP. The card number never comes here; only the PSP's token does.

use axum::Json;
use axum::extract::State as AppData;
use serde::Deserialize;
use serde_json::Value;

use super::view::{MAX_ATTEMPTS, describe};
use super::{PageError, Session};
use crate::app::{AppState, PspEndpoint};
use crate::council::KeyMode;
use crate::payments::State;
use crate::psp::{
    Charge, ChargeRequest, PspError, TokenCard, brand_from_stripe,
};
use crate::store::{CardRecord, PaymentRecord};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Authorise {
    token: String,
}

pub async fn authorise(
    AppData(state): AppData<AppState>,
    session: Session,
    body: super::PageJson<Authorise>,
) -> Result<Json<Value>, PageError> {
    let payment = session.payment;
    let token = checked_token(&body.0.token)?;
    match payment.state() {
        State::Started => {}
        State::Submitted => return Err(PageError::InProgress),
        _ => return Err(PageError::Finished),
    }
    let psp = endpoint(&state, &payment)?;
    let card = psp.connector.token_card(token).await.map_err(refused)?;
    check_brand(&state, &payment, &card)?;

    let id = &payment.payment_id;
    let now = state.clock.now();
    let open = [State::Started];
    if !state
        .store
        .transition(id, &open, State::Submitted, now)
        .await?
    {
        return Err(PageError::InProgress);
    }
    let attempt = state.store.count_attempt(id).await?;
    let key = format!("{id}-attempt-{attempt}");
    let request = ChargeRequest {
        amount: payment.amount,
        token,
        description: &payment.description,
        payment_id: id,
        idempotency_key: &key,
    };
    let charge = psp.connector.charge(&request).await;
    settle(&state, &payment, attempt, &card, charge).await?;

    let payment = super::session::load(&state, id).await?;
    Ok(Json(describe(&state, &payment)))
}

/// Tokens are PSP ids like `tok_…`: anything else is not from the page.
fn checked_token(token: &str) -> Result<&str, PageError> {
    let valid = token.starts_with("tok_")
        && token.len() <= 255
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if valid {
        Ok(token)
    } else {
        Err(PageError::BadRequest("token must be a PSP token id".into()))
    }
}

fn endpoint<'a>(
    state: &'a AppState,
    payment: &PaymentRecord,
) -> Result<&'a PspEndpoint, PageError> {
    let mode = if payment.live {
        KeyMode::Live
    } else {
        KeyMode::Test
    };
    let psp = state.psp(&payment.council, mode);
    psp.ok_or_else(|| PageError::BadRequest("no PSP for this payment".into()))
}

fn refused(error: PspError) -> PageError {
    PageError::TokenRefused(error.to_string())
}

/// The page checked the brand before tokenising; this checks again with
/// what the PSP says, because a page can be bypassed.
fn check_brand(
    state: &AppState,
    payment: &PaymentRecord,
    card: &TokenCard,
) -> Result<(), PageError> {
    let council = state.councils.get(&payment.council);
    let accepted = council.map(|c| c.accepted()).unwrap_or_default();
    match brand_from_stripe(&card.brand) {
        Some(brand) if accepted.contains(&brand) => Ok(()),
        _ => Err(PageError::BrandNotAccepted(card.brand.clone())),
    }
}

/// Records what the PSP answered and moves the payment on.
async fn settle(
    state: &AppState,
    payment: &PaymentRecord,
    attempt: i64,
    card: &TokenCard,
    charge: Result<Charge, PspError>,
) -> Result<(), PageError> {
    let id = &payment.payment_id;
    let now = state.clock.now();
    let submitted = [State::Submitted];
    let next = match charge {
        Ok(Charge::Succeeded { intent_id }) => {
            let record = card_record(card, intent_id);
            state.store.record_card(id, &record).await?;
            State::Success
        }
        Ok(Charge::Declined(decline)) => {
            state.store.record_decline(id, decline.code()).await?;
            tracing::info!(payment_id = %id, attempt, code = decline.code(), "card declined");
            if attempt >= MAX_ATTEMPTS {
                State::Declined
            } else {
                State::Started
            }
        }
        Err(error) => {
            // When the PSP cannot be reached we cannot know whether the
            // money moved; the payment is marked as an error for a person
            // to check at the PSP. Reconciling automatically (fetching the
            // payment intent by its idempotency key) is the next step
            // when a live PSP is in use.
            tracing::error!(payment_id = %id, %error, "charge failed");
            State::Error
        }
    };
    state.store.transition(id, &submitted, next, now).await?;
    Ok(())
}

fn card_record(card: &TokenCard, intent_id: String) -> CardRecord {
    let brand = brand_from_stripe(&card.brand).map(|b| b.code().to_owned());
    let expiry = format!("{:02}/{:02}", card.exp_month, card.exp_year % 100);
    let address = serde_json::json!({
        "line1": card.address_line1,
        "line2": card.address_line2,
        "city": card.address_city,
        "postcode": card.address_zip,
        "country": card.address_country,
    });
    let has_address =
        card.address_line1.is_some() || card.address_zip.is_some();
    CardRecord {
        provider_id: Some(intent_id),
        brand,
        card_type: card.funding.clone(),
        last4: Some(card.last4.clone()),
        expiry: Some(expiry),
        cardholder_name: card.name.clone(),
        billing_json: has_address.then(|| address.to_string()),
    }
}
