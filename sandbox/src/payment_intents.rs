//! `/v1/payment_intents`: the shim charges a token with the account's
//! secret key, and reads back what happened.
//!
//! The sandbox only creates and confirms in one step (`confirm=true`),
//! the one way paypage charges. Creating an unconfirmed intent and
//! confirming it later would need `POST /v1/payment_intents/{id}/confirm`;
//! add it when the 3-D Secure issue needs a second step.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::clock::{new_id, now_unix};
use crate::error::{Answer, ApiError};
use crate::idempotency;
use crate::paging::Page;
use crate::params::{Params, boolean, integer};
use crate::secret::{begin_post, path_id, read};
use crate::store::{
    IntentRecord, IntentStatus, Ledger, PaymentMethodRecord, Shared,
};
use crate::test_cards::{Decline, Outcome};
use crate::views;

const ENDPOINT: &str = "POST /v1/payment_intents";
const TOKEN_PARAM: &str = "payment_method_data[card][token]";

/// Stripe's smallest charge in pounds is 30p; its largest is
/// £999,999.99. The sandbox enforces both so a payment that the sandbox
/// takes is one Stripe would take.
const MIN_AMOUNT: i64 = 30;
const MAX_AMOUNT: i64 = 99_999_999;
const MAX_DESCRIPTION: usize = 1000;

#[derive(Debug)]
struct CreateRequest {
    amount: i64,
    currency: String,
    description: Option<String>,
    metadata: BTreeMap<String, String>,
    token: String,
    expand_method: bool,
}

#[tracing::instrument(skip_all)]
pub(crate) async fn create(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let (account, params, key) = match begin_post(&shared, &headers, body) {
        Ok(parts) => parts,
        Err(error) => return error.into_response(),
    };
    idempotency::run(&shared, account, key, ENDPOINT, params, |ledger, p| {
        Ok(charge(ledger, parse_create(p)?))
    })
}

fn parse_create(mut params: Params) -> Result<CreateRequest, ApiError> {
    let amount = parse_amount(&params.require("amount")?)?;
    let currency = params.require("currency")?.to_ascii_lowercase();
    if currency != "gbp" {
        return Err(ApiError::invalid(
            "The sandbox charges in pounds only: send currency=gbp.",
        )
        .with_param("currency"));
    }
    require_confirm(&mut params)?;
    require_card_only(&mut params)?;
    let token = params.require(TOKEN_PARAM)?;
    let description = params.optional("description")?;
    check_description(description.as_deref())?;
    let metadata = params.take_metadata()?;
    let expand_method = expands_method(&mut params, "payment_method")?;
    params.finish()?;
    Ok(CreateRequest {
        amount,
        currency,
        description,
        metadata,
        token,
        expand_method,
    })
}

fn parse_amount(value: &str) -> Result<i64, ApiError> {
    let amount = integer("amount", value)?;
    if amount < MIN_AMOUNT {
        return Err(ApiError::invalid(
            "Amount must be at least £0.30 gbp (amount=30 or more, in pence).",
        )
        .with_code("amount_too_small")
        .with_param("amount"));
    }
    if amount > MAX_AMOUNT {
        return Err(ApiError::invalid(
            "Amount must be no more than £999,999.99 (amount=99999999).",
        )
        .with_code("amount_too_large")
        .with_param("amount"));
    }
    Ok(amount)
}

fn require_confirm(params: &mut Params) -> Result<(), ApiError> {
    let confirm = params.require("confirm")?;
    if boolean("confirm", &confirm)? {
        return Ok(());
    }
    Err(ApiError::invalid(
        "The sandbox creates and confirms a payment intent in one step: \
         send confirm=true.",
    )
    .with_param("confirm"))
}

/// Cards are the only payment method: `payment_method_data[type]` must
/// say so, and `payment_method_types[]`, if sent, must list only card.
fn require_card_only(params: &mut Params) -> Result<(), ApiError> {
    let kind = params.require("payment_method_data[type]")?;
    let types = params.take_list("payment_method_types");
    if kind == "card" && types.iter().all(|kind| kind == "card") {
        return Ok(());
    }
    let param = if kind == "card" {
        "payment_method_types"
    } else {
        "payment_method_data[type]"
    };
    Err(
        ApiError::invalid("The sandbox takes card payments only: send card.")
            .with_param(param),
    )
}

fn check_description(description: Option<&str>) -> Result<(), ApiError> {
    match description {
        Some(text) if text.chars().count() > MAX_DESCRIPTION => {
            Err(ApiError::invalid(format!(
                "The description is too long; keep it to {MAX_DESCRIPTION} \
                 characters."
            ))
            .with_param("description"))
        }
        _ => Ok(()),
    }
}

/// Reads `expand[]`, which may name only `wanted` (the payment method).
fn expands_method(params: &mut Params, wanted: &str) -> Result<bool, ApiError> {
    let mut expand = false;
    for field in params.take_list("expand") {
        if field != wanted {
            return Err(ApiError::invalid(format!(
                "The sandbox can expand only {wanted}, not {field}."
            ))
            .with_param("expand"));
        }
        expand = true;
    }
    Ok(expand)
}

/// Charges the token. Every answer from here on is saved against the
/// idempotency key: a used or unknown token, a decline, a success.
fn charge(ledger: &mut Ledger, request: CreateRequest) -> Answer {
    let token = match ledger.tokens.get_mut(&request.token) {
        None => return no_such_token(&request.token).into(),
        Some(token) if token.used => {
            return token_used(&request.token).into();
        }
        Some(token) => token,
    };
    token.used = true;
    let outcome = token.outcome;
    let method = PaymentMethodRecord {
        id: new_id("pm"),
        created: now_unix(),
        cvc_check: cvc_check(token.card.cvc_given, outcome),
        card: token.card.clone(),
    };
    let expand = request.expand_method;
    let intent = new_intent(request, method);
    match outcome {
        Outcome::Succeeds => succeed(ledger, intent, expand),
        Outcome::Declined(decline) => refuse(ledger, intent, expand, decline),
        Outcome::NeedsThreeDSecure => {
            refuse(ledger, intent, expand, Decline::AuthenticationRequired)
        }
    }
}

fn new_intent(
    request: CreateRequest,
    payment_method: PaymentMethodRecord,
) -> IntentRecord {
    let id = new_id("pi");
    let secret = new_id("secret");
    IntentRecord {
        client_secret: format!("{id}_{secret}"),
        id,
        created: now_unix(),
        amount: request.amount,
        currency: request.currency,
        description: request.description,
        metadata: request.metadata,
        status: IntentStatus::Succeeded,
        payment_method,
        charge_id: new_id("ch"),
        last_payment_error: None,
        refunded: 0,
    }
}

fn succeed(ledger: &mut Ledger, intent: IntentRecord, expand: bool) -> Answer {
    tracing::info!(
        payment_intent = %intent.id,
        amount = intent.amount,
        "payment intent succeeded"
    );
    let body = views::intent(&intent, expand);
    ledger.intents.push(intent);
    Answer::ok(body)
}

/// A decline: Stripe answers 402 with the card error, and the intent,
/// in `requires_payment_method`, inside it.
fn refuse(
    ledger: &mut Ledger,
    mut intent: IntentRecord,
    expand: bool,
    decline: Decline,
) -> Answer {
    let method = views::payment_method(&intent.payment_method);
    let error = decline
        .to_error()
        .with_field("charge", json!(intent.charge_id))
        .with_field("payment_method", method);
    intent.status = IntentStatus::RequiresPaymentMethod;
    intent.last_payment_error = Some(error.to_object());
    tracing::info!(
        payment_intent = %intent.id,
        code = error.code(),
        "payment intent declined"
    );
    let error =
        error.with_field("payment_intent", views::intent(&intent, expand));
    ledger.intents.push(intent);
    error.into()
}

fn cvc_check(given: bool, outcome: Outcome) -> Option<&'static str> {
    match (given, outcome) {
        (false, _) => None,
        (true, Outcome::Declined(Decline::IncorrectCvc)) => Some("fail"),
        (true, _) => Some("pass"),
    }
}

fn no_such_token(id: &str) -> ApiError {
    ApiError::invalid(format!("No such token: '{id}'"))
        .with_code("resource_missing")
        .with_param(TOKEN_PARAM)
}

fn token_used(id: &str) -> ApiError {
    ApiError::invalid(format!(
        "You cannot use a token more than once: {id}. Ask the page to \
         tokenise the card again."
    ))
    .with_code("token_already_used")
    .with_param(TOKEN_PARAM)
}

#[tracing::instrument(skip_all)]
pub(crate) async fn retrieve(
    State(shared): State<Arc<Shared>>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    uri: Uri,
) -> Response {
    let id = match path_id(path) {
        Ok(id) => id,
        Err(error) => return error.into_response(),
    };
    let found = read(&shared, &headers, &uri, |ledger, mut params| {
        let expand = expands_method(&mut params, "payment_method")?;
        params.finish()?;
        let intent = ledger.intent(&id).ok_or_else(|| {
            ApiError::no_such("payment_intent", &id, "intent")
        })?;
        Ok(views::intent(intent, expand))
    });
    match found {
        Ok(body) => Answer::ok(body).into_response(),
        Err(error) => error.into_response(),
    }
}

/// `GET /v1/payment_intents`: newest first, `limit` (1 to 100, default
/// 10) and the cursors `starting_after` / `ending_before`, as Stripe.
#[tracing::instrument(skip_all)]
pub(crate) async fn list(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    uri: Uri,
) -> Response {
    let found = read(&shared, &headers, &uri, |ledger, mut params| {
        let page = Page::from_params(&mut params)?;
        let expand = expands_method(&mut params, "data.payment_method")?;
        params.finish()?;
        let newest_first: Vec<&IntentRecord> =
            ledger.intents.iter().rev().collect();
        let (items, has_more) =
            page.select(&newest_first, |intent| &intent.id)?;
        let data = items
            .into_iter()
            .map(|intent| views::intent(intent, expand))
            .collect();
        Ok(views::list("/v1/payment_intents", data, has_more))
    });
    match found {
        Ok(body) => Answer::ok(body).into_response(),
        Err(error) => error.into_response(),
    }
}
