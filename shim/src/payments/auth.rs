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
        let key = bearer_key(value).ok_or(ApiError::Unauthorised)?;
        let owner = state.councils.owner_of_key(key);
        let owner = owner.ok_or(ApiError::Unauthorised)?.clone();
        tracing::Span::current().record("council", &owner.council.slug);
        Ok(Caller(owner))
    }
}

/// The key in `Bearer {key}`. The scheme's name is case-insensitive
/// (RFC 7235, section 2.1), so `bearer {key}` is the same request.
fn bearer_key(header: &str) -> Option<&str> {
    let (scheme, key) = header.trim().split_once(' ')?;
    let key = key.trim();
    let bearer = scheme.eq_ignore_ascii_case("bearer");
    (bearer && !key.is_empty()).then_some(key)
}

#[cfg(test)]
mod tests {
    use super::bearer_key;

    #[test]
    fn the_bearer_scheme_is_read_in_any_case_and_nothing_else_is() {
        assert_eq!(bearer_key("Bearer api_test_x"), Some("api_test_x"));
        assert_eq!(bearer_key("bearer  api_test_x "), Some("api_test_x"));
        assert_eq!(bearer_key("Basic api_test_x"), None);
        assert_eq!(bearer_key("Bearer "), None);
        assert_eq!(bearer_key("api_test_x"), None);
    }
}
