//! `/v1/refunds`: the shim gives money back on a succeeded payment
//! intent, in full or in part, never more than is left.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Uri};
use axum::response::{IntoResponse, Response};

use crate::clock::{new_id, now_unix};
use crate::error::{Answer, ApiError};
use crate::idempotency;
use crate::paging::Page;
use crate::params::{Params, integer};
use crate::secret::{begin_post, path_id, read};
use crate::store::{IntentRecord, IntentStatus, Ledger, RefundRecord, Shared};
use crate::views;

const ENDPOINT: &str = "POST /v1/refunds";
const REASONS: [&str; 3] = ["duplicate", "fraudulent", "requested_by_customer"];

#[derive(Debug)]
struct RefundRequest {
    payment_intent: String,
    amount: Option<i64>,
    reason: Option<String>,
    metadata: BTreeMap<String, String>,
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
        Ok(refund(ledger, parse(p)?))
    })
}

fn parse(mut params: Params) -> Result<RefundRequest, ApiError> {
    let payment_intent = params.require("payment_intent")?;
    let amount = match params.optional("amount")? {
        None => None,
        Some(value) => Some(positive_amount(&value)?),
    };
    let reason = params.optional("reason")?;
    if let Some(reason) = &reason
        && !REASONS.contains(&reason.as_str())
    {
        return Err(ApiError::invalid(format!(
            "The reason must be one of: {}.",
            REASONS.join(", ")
        ))
        .with_param("reason"));
    }
    let metadata = params.take_metadata()?;
    params.finish()?;
    Ok(RefundRequest {
        payment_intent,
        amount,
        reason,
        metadata,
    })
}

fn positive_amount(value: &str) -> Result<i64, ApiError> {
    let amount = integer("amount", value)?;
    if amount < 1 {
        return Err(ApiError::invalid(
            "A refund amount must be a positive whole number of pence.",
        )
        .with_code("parameter_invalid_integer")
        .with_param("amount"));
    }
    Ok(amount)
}

/// Refunds what was asked, or everything left. Answers from here on
/// are saved against the idempotency key.
fn refund(ledger: &mut Ledger, request: RefundRequest) -> Answer {
    let id = &request.payment_intent;
    let Some(intent) = ledger.intent_mut(id) else {
        return ApiError::invalid(format!("No such payment_intent: '{id}'"))
            .with_code("resource_missing")
            .with_param("payment_intent")
            .into();
    };
    let amount = match refundable(intent, request.amount) {
        Ok(amount) => amount,
        Err(error) => return error.into(),
    };

    intent.refunded += amount;
    let record = RefundRecord {
        id: new_id("re"),
        created: now_unix(),
        amount,
        currency: intent.currency.clone(),
        payment_intent: intent.id.clone(),
        charge: intent.charge_id.clone(),
        reason: request.reason,
        metadata: request.metadata,
    };
    tracing::info!(refund = %record.id, amount, "refund succeeded");
    let body = views::refund(&record);
    ledger.refunds.push(record);
    Answer::ok(body)
}

/// How much to refund: what was asked, or all that is left; refused
/// if the intent was never paid, is refunded in full, or has less left.
fn refundable(
    intent: &IntentRecord,
    asked: Option<i64>,
) -> Result<i64, ApiError> {
    if intent.status != IntentStatus::Succeeded {
        return Err(ApiError::invalid(format!(
            "The payment intent {} has no successful charge to refund.",
            intent.id
        ))
        .with_code("payment_intent_unexpected_state")
        .with_param("payment_intent"));
    }
    let left = intent.amount - intent.refunded;
    if left == 0 {
        return Err(ApiError::invalid(format!(
            "Charge {} has already been refunded in full.",
            intent.charge_id
        ))
        .with_code("charge_already_refunded"));
    }
    let amount = asked.unwrap_or(left);
    if amount > left {
        return Err(ApiError::invalid(format!(
            "Refund amount ({}) is greater than unrefunded amount on \
             charge ({}).",
            pounds(amount),
            pounds(left)
        ))
        .with_code("amount_too_large")
        .with_param("amount"));
    }
    Ok(amount)
}

/// Pence as pounds, "£12.05", as Stripe words refund errors.
fn pounds(pence: i64) -> String {
    format!("£{}.{:02}", pence / 100, pence % 100)
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
    let found = read(&shared, &headers, &uri, |ledger, params| {
        params.finish()?;
        let refund = ledger
            .refund(&id)
            .ok_or_else(|| ApiError::no_such("refund", &id, "refund"))?;
        Ok(views::refund(refund))
    });
    match found {
        Ok(body) => Answer::ok(body).into_response(),
        Err(error) => error.into_response(),
    }
}

/// `GET /v1/refunds`: newest first, optionally only one payment
/// intent's (`payment_intent=pi_…`), with Stripe's paging.
#[tracing::instrument(skip_all)]
pub(crate) async fn list(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    uri: Uri,
) -> Response {
    let found = read(&shared, &headers, &uri, |ledger, mut params| {
        let page = Page::from_params(&mut params)?;
        let intent = params.optional("payment_intent")?;
        params.finish()?;
        let newest_first: Vec<&RefundRecord> = ledger
            .refunds
            .iter()
            .rev()
            .filter(|refund| {
                intent
                    .as_ref()
                    .is_none_or(|id| &refund.payment_intent == id)
            })
            .collect();
        let (items, has_more) = page.select(&newest_first, |r| &r.id)?;
        let data = items.into_iter().map(views::refund).collect();
        Ok(views::list("/v1/refunds", data, has_more))
    });
    match found {
        Ok(body) => Answer::ok(body).into_response(),
        Err(error) => error.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pence_read_as_pounds() {
        assert_eq!(pounds(1205), "£12.05");
        assert_eq!(pounds(30), "£0.30");
    }
}
