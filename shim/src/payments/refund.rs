//! Refunds: `POST` and `GET /v1/payments/{id}/refunds`,
//! `GET /v1/payments/{id}/refunds/{refundId}`.

use axum::Json;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State as AppData};
use axum::http::StatusCode;
use serde_json::{Value, json};

use super::body::{Fields, JsonObject};
use super::read::find;
use super::view;
use super::{ApiError, Caller, Operation, State, ids};
use crate::app::AppState;
use crate::council::KeyOwner;
use crate::secret;
use crate::store::{NewRefund, PaymentRecord};

pub async fn create(
    AppData(state): AppData<AppState>,
    Caller(owner): Caller,
    path: Result<Path<String>, PathRejection>,
    body: JsonObject,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let payment_id = ids::payment_id(path, Operation::Refund)?;
    let council = owner.council.slug.clone();
    let payment =
        find(&state, &council, &payment_id, Operation::Refund).await?;
    let request = parse(body)?;
    let available = check_available(&payment, &request)?;
    if request.amount > available {
        return Err(not_available(format!(
            "Only {available} pence is left to refund on this payment."
        )));
    }
    if !state
        .store
        .reserve_refund(&payment_id, request.amount)
        .await?
    {
        return Err(not_available(
            "Another refund took what was left; get the payment and try \
             again with its refund_amount_available."
                .into(),
        ));
    }
    let refund = send(&state, &owner, &payment, request.amount).await;
    let refund = match refund {
        Ok(refund) => refund,
        Err(error) => {
            state
                .store
                .release_refund(&payment_id, request.amount)
                .await?;
            return Err(error);
        }
    };
    state.store.insert_refund(&refund).await?;
    tracing::info!(payment_id, refund_id = %refund.refund_id, "refunded");
    let stored = state.store.refund(&payment_id, &refund.refund_id).await?;
    let stored = stored.ok_or(ApiError::NotFound(Operation::GetRefund))?;
    let body = view::refund(&stored, &state.public_url);
    Ok((StatusCode::ACCEPTED, Json(body)))
}

pub async fn list(
    AppData(state): AppData<AppState>,
    Caller(owner): Caller,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    let payment_id = ids::payment_id(path, Operation::Refund)?;
    let council = &owner.council.slug;
    find(&state, council, &payment_id, Operation::Refund).await?;
    let refunds = state.store.refunds(&payment_id).await?;
    let refunds: Vec<Value> = refunds
        .iter()
        .map(|r| view::refund(r, &state.public_url))
        .collect();
    let href = format!("{}/v1/payments/{payment_id}/refunds", state.public_url);
    Ok(Json(json!({
        "payment_id": payment_id,
        "_links": {
            "self": { "href": href, "method": "GET" },
            "payment": { "href": href.trim_end_matches("/refunds"),
                         "method": "GET" },
        },
        "_embedded": { "refunds": refunds },
    })))
}

pub async fn get(
    AppData(state): AppData<AppState>,
    Caller(owner): Caller,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    let (payment_id, refund_id) =
        ids::payment_and_refund_id(path, Operation::GetRefund)?;
    let council = &owner.council.slug;
    find(&state, council, &payment_id, Operation::GetRefund).await?;
    let refund = state.store.refund(&payment_id, &refund_id).await?;
    let refund = refund.ok_or(ApiError::NotFound(Operation::GetRefund))?;
    Ok(Json(view::refund(&refund, &state.public_url)))
}

struct RefundRequest {
    amount: i64,
    expected_available: Option<i64>,
}

fn parse(body: JsonObject) -> Result<RefundRequest, ApiError> {
    let mut fields = Fields::new(body, "P0601", "P0602");
    fields.only(&["amount", "refund_amount_available"])?;
    let amount = fields.required("amount")?;
    let amount = fields.integer("amount", &amount, (1, 10_000_000))?;
    let expected = fields.take("refund_amount_available");
    let expected_available = match expected {
        Some(value) => Some(fields.integer(
            "refund_amount_available",
            &value,
            (0, 10_000_000),
        )?),
        None => None,
    };
    Ok(RefundRequest {
        amount,
        expected_available,
    })
}

/// What is left to refund, after checking the payment can be refunded
/// and that the council's idea of what is left matches ours (GOV.UK
/// Pay's guard against two staff refunding the same payment at once).
fn check_available(
    payment: &PaymentRecord,
    request: &RefundRequest,
) -> Result<i64, ApiError> {
    if payment.state() != State::Success {
        return Err(not_available(format!(
            "Only a successful payment can be refunded; this one is {}.",
            payment.state().status()
        )));
    }
    let available = payment.amount - payment.refunded;
    match request.expected_available {
        Some(expected) if expected != available => Err(ApiError::Refused {
            status: StatusCode::PRECONDITION_FAILED,
            code: "P0604",
            description: format!(
                "refund_amount_available is {expected} but {available} \
                 pence is left; get the payment and try again."
            ),
        }),
        _ => Ok(available),
    }
}

fn not_available(description: String) -> ApiError {
    ApiError::Refused {
        status: StatusCode::PRECONDITION_FAILED,
        code: "P0603",
        description,
    }
}

async fn send(
    state: &AppState,
    owner: &KeyOwner,
    payment: &PaymentRecord,
    amount: i64,
) -> Result<NewRefund, ApiError> {
    let downstream = |why: String| ApiError::downstream(Operation::Refund, why);
    let intent = payment.provider_id.as_deref();
    let intent = intent.ok_or_else(|| downstream("no PSP charge id".into()))?;
    let psp = state.psp(&payment.council, owner.mode);
    let psp = psp.ok_or_else(|| downstream("no PSP account".into()))?;
    let refund_id = secret::new_id();
    let provider_id = psp
        .connector
        .refund(intent, amount, &refund_id)
        .await
        .map_err(|e| downstream(e.to_string()))?;
    Ok(NewRefund {
        refund_id,
        payment_id: payment.payment_id.clone(),
        council: payment.council.clone(),
        amount,
        status: "success",
        provider_id: Some(provider_id),
        created_at: state.clock.now(),
    })
}
