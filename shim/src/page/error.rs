//! Errors of the page's API. The page maps each code to a message in
//! the citizen's language; the shim sends no English to the citizen.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// What went wrong for the page, with a stable code.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    #[error("this payment link has been used already or is not valid")]
    LinkUsed,
    #[error("no payment session: the cookie is missing or unknown")]
    NoSession,
    #[error("the payment session ended: the page was idle too long")]
    SessionEnded,
    #[error("the payment's time has been extended as often as it may be")]
    ExtendLimitReached,
    #[error("the request must be JSON")]
    NotJson,
    #[error("the request is not what the page sends: {0}")]
    BadRequest(String),
    #[error("the card brand {0} is not accepted by this council")]
    BrandNotAccepted(String),
    #[error("the card is being charged already")]
    InProgress,
    #[error("the payment is finished and cannot be changed")]
    Finished,
    #[error("the payment provider refused the card token: {0}")]
    TokenRefused(String),
    #[error("storage failed: {0}")]
    Storage(#[from] sqlx::Error),
}

impl PageError {
    fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            PageError::LinkUsed => (StatusCode::NOT_FOUND, "link-used"),
            PageError::NoSession => (StatusCode::UNAUTHORIZED, "no-session"),
            PageError::SessionEnded => (StatusCode::GONE, "session-ended"),
            PageError::ExtendLimitReached => {
                (StatusCode::CONFLICT, "extend-limit-reached")
            }
            PageError::NotJson => {
                (StatusCode::UNSUPPORTED_MEDIA_TYPE, "request-not-json")
            }
            PageError::BadRequest(_) => {
                (StatusCode::BAD_REQUEST, "bad-request")
            }
            PageError::BrandNotAccepted(_) => {
                (StatusCode::UNPROCESSABLE_ENTITY, "brand-not-accepted")
            }
            PageError::InProgress => (StatusCode::CONFLICT, "in-progress"),
            PageError::Finished => (StatusCode::CONFLICT, "finished"),
            PageError::TokenRefused(_) => {
                (StatusCode::UNPROCESSABLE_ENTITY, "token-refused")
            }
            PageError::Storage(_) => {
                (StatusCode::INTERNAL_SERVER_ERROR, "server-error")
            }
        }
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        if status.is_server_error() {
            tracing::error!(error = %self, "page request failed");
        } else {
            tracing::info!(error = %self, "page request refused");
        }
        let no_store = [("Cache-Control", "no-store")];
        (status, no_store, Json(json!({ "code": code }))).into_response()
    }
}
