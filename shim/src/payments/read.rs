//! `GET /v1/payments/{id}` and `GET /v1/payments/{id}/events`.

use axum::Json;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State as AppData};
use serde_json::Value;

use super::view::{self, Links};
use super::{ApiError, Caller, Operation, ids};
use crate::app::AppState;
use crate::store::PaymentRecord;

pub async fn get(
    AppData(state): AppData<AppState>,
    Caller(owner): Caller,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    let payment_id = ids::payment_id(path, Operation::Get)?;
    let council = &owner.council.slug;
    let record = find(&state, council, &payment_id, Operation::Get).await?;
    let links = Links::new(&state, &payment_id);
    Ok(Json(view::payment(&record, &links, &state.councils)))
}

pub async fn events(
    AppData(state): AppData<AppState>,
    Caller(owner): Caller,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<Value>, ApiError> {
    let payment_id = ids::payment_id(path, Operation::Events)?;
    let council = &owner.council.slug;
    find(&state, council, &payment_id, Operation::Events).await?;
    let events = state.store.events(&payment_id).await?;
    Ok(Json(view::events(&payment_id, &events, &state.public_url)))
}

/// A council's own payment, expired first if its time is up. Another
/// council's payment is "not found", exactly as a missing one is, so a
/// key cannot even learn that an id exists.
pub async fn find(
    state: &AppState,
    council: &str,
    payment_id: &str,
    op: Operation,
) -> Result<PaymentRecord, ApiError> {
    let found = state.store.council_payment(council, payment_id).await?;
    let record = found.ok_or(ApiError::NotFound(op))?;
    tracing::Span::current().record("payment_id", payment_id);
    let expired =
        crate::expiry::expire_if_due(state, payment_id, &record.expires_at)
            .await?;
    if !expired {
        return Ok(record);
    }
    let found = state.store.council_payment(council, payment_id).await?;
    found.ok_or(ApiError::NotFound(op))
}
