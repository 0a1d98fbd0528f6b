//! Idempotent requests, as Stripe defines them for API v1.
//!
//! A POST may carry an `Idempotency-Key` header. Once a request with a
//! key has started executing, its status and body are saved; a retry
//! with the same key and the same parameters gets that saved answer
//! back (with `Idempotent-Replayed: true`), whatever it was, declines
//! included, and nothing runs again. The same key with other
//! parameters, or on another endpoint, is a 400 `idempotency_error`.
//! A request refused while its parameters were being checked never
//! started, so nothing is saved and the key stays free.
//!
//! This is what lets the shim press Confirm twice and charge once.
//! Keys belong to one account and are forgotten after 24 hours.

use std::time::{Duration, Instant};

use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::error::{Answer, ApiError, ErrorType};
use crate::params::Params;
use crate::store::{Ledger, Shared};

const KEY_HEADER: HeaderName = HeaderName::from_static("idempotency-key");
const REPLAYED_HEADER: HeaderName =
    HeaderName::from_static("idempotent-replayed");
const MAX_KEY_LEN: usize = 255;
const KEPT_FOR: Duration = Duration::from_secs(24 * 60 * 60);

/// A saved answer and what it answered.
#[derive(Debug, Clone)]
pub(crate) struct Saved {
    endpoint: &'static str,
    fingerprint: Vec<(String, String)>,
    answer: Answer,
    saved_at: Instant,
}

/// Reads the request's key, refusing one Stripe would refuse.
pub(crate) fn key_from(
    headers: &HeaderMap,
) -> Result<Option<String>, ApiError> {
    let Some(value) = headers.get(KEY_HEADER) else {
        return Ok(None);
    };
    let key = value.to_str().map_err(|_| {
        ApiError::invalid("The Idempotency-Key header must be plain ASCII.")
    })?;
    if key.is_empty() || key.len() > MAX_KEY_LEN {
        return Err(ApiError::invalid(format!(
            "The Idempotency-Key header must be 1 to {MAX_KEY_LEN} \
             characters long; a UUID is a good key."
        )));
    }
    Ok(Some(key.to_owned()))
}

/// Runs `work` for a POST, or replays what an earlier request with the
/// same key answered. `work` returns `Err` for a request refused before
/// it started executing (not saved) and `Ok` for any answer it gave
/// once it had started (saved, even a decline).
pub(crate) fn run(
    shared: &Shared,
    account: usize,
    key: Option<String>,
    endpoint: &'static str,
    params: Params,
    work: impl FnOnce(&mut Ledger, Params) -> Result<Answer, ApiError>,
) -> Response {
    let fingerprint = params.fingerprint();
    let outcome =
        shared.with_ledger(account, |ledger| -> Result<_, ApiError> {
            let Some(key) = key else {
                return Ok((work(ledger, params)?, false));
            };
            if let Some(saved) = recall(ledger, &key, endpoint, &fingerprint)? {
                return Ok((saved, true));
            }
            let answer = work(ledger, params)?;
            remember(ledger, key, endpoint, fingerprint, answer.clone());
            Ok((answer, false))
        });
    match outcome {
        Some(Ok((answer, replayed))) => respond(answer, replayed),
        Some(Err(error)) => error.into_response(),
        None => missing_ledger().into_response(),
    }
}

fn recall(
    ledger: &mut Ledger,
    key: &str,
    endpoint: &'static str,
    fingerprint: &[(String, String)],
) -> Result<Option<Answer>, ApiError> {
    let Some(saved) = ledger.idempotency.get(key) else {
        return Ok(None);
    };
    if saved.saved_at.elapsed() > KEPT_FOR {
        ledger.idempotency.remove(key);
        return Ok(None);
    }
    if saved.endpoint != endpoint {
        return Err(conflict(format!(
            "The idempotency key {key} was first used for {}; a key can \
             only be reused for the same endpoint. Use a new key.",
            saved.endpoint
        )));
    }
    if saved.fingerprint != fingerprint {
        return Err(conflict(format!(
            "The idempotency key {key} was first used with different \
             parameters; a retry must send exactly the same ones. Use a \
             new key for a new request."
        )));
    }
    Ok(Some(saved.answer.clone()))
}

fn remember(
    ledger: &mut Ledger,
    key: String,
    endpoint: &'static str,
    fingerprint: Vec<(String, String)>,
    answer: Answer,
) {
    ledger
        .idempotency
        .retain(|_, saved| saved.saved_at.elapsed() <= KEPT_FOR);
    let saved = Saved {
        endpoint,
        fingerprint,
        answer,
        saved_at: Instant::now(),
    };
    ledger.idempotency.insert(key, saved);
}

fn respond(answer: Answer, replayed: bool) -> Response {
    let mut response = answer.into_response();
    if replayed {
        response
            .headers_mut()
            .insert(REPLAYED_HEADER, HeaderValue::from_static("true"));
    }
    response
}

fn conflict(message: String) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, ErrorType::Idempotency, message)
}

/// Only reachable if an account index outlived its ledger: a sandbox
/// bug, so a 500 in Stripe's `api_error` shape.
pub(crate) fn missing_ledger() -> ApiError {
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        ErrorType::Api,
        "The sandbox lost track of this account's records.",
    )
}
