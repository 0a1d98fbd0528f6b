//! Who is calling: the council behind the API key.

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;

use super::ApiError;
use crate::app::AppState;
use crate::council::KeyOwner;

/// The council (and key mode) making a payments API request.
#[derive(Debug)]
pub struct Caller(pub KeyOwner);

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Caller, ApiError> {
        let header = parts.headers.get(AUTHORIZATION);
        let value = header.and_then(|v| v.to_str().ok()).unwrap_or("");
        let key = value.strip_prefix("Bearer ").unwrap_or("").trim();
        let owner = state.councils.owner_of_key(key);
        let owner = owner.ok_or(ApiError::Unauthorised)?.clone();
        tracing::Span::current().record("council", &owner.council.slug);
        Ok(Caller(owner))
    }
}
