//! Reading a request's parameters, from a form body or a query string.
//! Like Stripe, the sandbox takes form-encoded bodies only; a JSON body
//! is refused with a message that says so, rather than read as empty.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, StatusCode, Uri, header};

use crate::error::ApiError;
use crate::params::Params;

/// The most a request body may hold. A token request is well under
/// 1 KiB; a payment intent with 50 metadata entries of 500 characters
/// is about 30 KiB.
pub(crate) const MAX_BODY: usize = 64 * 1024;

const FORM: &str = "application/x-www-form-urlencoded";

/// The parameters of a POST body.
pub(crate) fn form(
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Params, ApiError> {
    let body = body.map_err(unreadable)?;
    if !body.is_empty() && !is_form(headers) {
        return Err(ApiError::invalid(format!(
            "Send parameters form-encoded, with Content-Type: {FORM}, as \
             Stripe's API expects; JSON and other bodies are not read."
        )));
    }
    Ok(Params::parse(&body))
}

/// The parameters of a GET query string.
pub(crate) fn query(uri: &Uri) -> Params {
    Params::parse(uri.query().unwrap_or("").as_bytes())
}

fn is_form(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|media| media.trim().eq_ignore_ascii_case(FORM))
}

fn unreadable(rejection: BytesRejection) -> ApiError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return ApiError::invalid(format!(
            "The request body is larger than the sandbox accepts \
             ({} KiB); send fewer or shorter parameters.",
            MAX_BODY / 1024
        ))
        .with_status(StatusCode::PAYLOAD_TOO_LARGE);
    }
    ApiError::invalid("The request body could not be read; send it again.")
}
