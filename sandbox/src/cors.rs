//! CORS for `/v1/tokens`, the one endpoint the citizen's browser calls
//! directly (DESIGN.md, journey step 5).
//!
//! Only the configured origins (the page's own) may tokenise. A request
//! with no `Origin` header comes from a server or a test, not a
//! browser, and is let through: CORS protects browsers' users, not the
//! endpoint. A browser request from any other origin is refused with a
//! 403 before anything runs. That matters because a form-encoded POST
//! carrying Stripe.js's `key` field is a "simple" request that browsers
//! send without asking first, so withholding the CORS headers alone
//! would still let it execute.

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

use crate::error::ApiError;
use crate::store::Shared;

/// How long a browser may cache a preflight answer, in seconds.
const PREFLIGHT_MAX_AGE: &str = "600";

/// Answers a browser's `OPTIONS` preflight for `/v1/tokens`.
pub(crate) async fn preflight(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
) -> Response {
    let origin = match allowed_origin(&shared, &headers) {
        Ok(Some(origin)) => origin,
        Ok(None) => {
            return ApiError::invalid(
                "A CORS preflight needs an Origin header.",
            )
            .into_response();
        }
        Err(error) => return decorate(error.into_response(), None),
    };
    let method = headers.get(header::ACCESS_CONTROL_REQUEST_METHOD);
    if method.is_some_and(|method| method != "POST") {
        let error = forbidden("Only POST is allowed on /v1/tokens.");
        return decorate(error.into_response(), None);
    }

    let mut response = StatusCode::NO_CONTENT.into_response();
    let out = response.headers_mut();
    out.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static("POST"),
    );
    out.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static("Authorization, Content-Type"),
    );
    out.insert(
        header::ACCESS_CONTROL_MAX_AGE,
        HeaderValue::from_static(PREFLIGHT_MAX_AGE),
    );
    decorate(response, Some(origin))
}

/// The request's origin if it may call `/v1/tokens`; `None` when the
/// request has no `Origin` (not from a browser); an error if refused.
/// Origins compare without case (browsers send hosts in lower case,
/// a configuration may not) and without a trailing slash.
pub(crate) fn allowed_origin(
    shared: &Shared,
    headers: &HeaderMap,
) -> Result<Option<HeaderValue>, ApiError> {
    let Some(origin) = headers.get(header::ORIGIN) else {
        return Ok(None);
    };
    let text = origin.to_str().unwrap_or("");
    let allowed = shared.allowed_origins.iter().any(|allowed| {
        allowed.trim_end_matches('/').eq_ignore_ascii_case(text)
    });
    if allowed && !text.is_empty() {
        return Ok(Some(origin.clone()));
    }
    tracing::debug!(origin = text, "refused a token request's origin");
    Err(forbidden(&format!(
        "The origin {text} may not create tokens with this sandbox; add \
         it to the sandbox's allowed origins."
    )))
}

/// Adds the CORS answer headers for an allowed origin. Every answer
/// varies by `Origin`, so caches never hand one origin's answer to
/// another.
pub(crate) fn decorate(
    mut response: Response,
    origin: Option<HeaderValue>,
) -> Response {
    let out = response.headers_mut();
    out.insert(header::VARY, HeaderValue::from_static("Origin"));
    if let Some(origin) = origin {
        out.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        out.insert(
            header::ACCESS_CONTROL_EXPOSE_HEADERS,
            HeaderValue::from_static("Request-Id"),
        );
    }
    response
}

fn forbidden(message: &str) -> ApiError {
    ApiError::invalid(message).with_status(StatusCode::FORBIDDEN)
}
