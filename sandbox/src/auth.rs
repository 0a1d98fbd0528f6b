//! API keys. Stripe takes its key as `Authorization: Bearer <key>` or
//! as the user name of HTTP Basic auth (`curl -u sk_test_...:`);
//! Stripe.js also sends the publishable key as a `key` form field.
//! Which kind a key is comes from the configuration that named it, not
//! from its `pk_`/`sk_` prefix, so a council's keys can look like any
//! Stripe key.

use axum::http::{HeaderMap, header};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::Account;
use crate::error::ApiError;

/// Which of an account's two keys an endpoint needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeyKind {
    /// Used in the browser, only to create tokens.
    Publishable,
    /// Used by the shim, to charge tokens and refund.
    Secret,
}

/// Finds the account a request's key belongs to, as an index into the
/// configured accounts. `form_key` is Stripe.js's `key` field, if any.
pub(crate) fn authenticate(
    accounts: &[Account],
    headers: &HeaderMap,
    form_key: Option<&str>,
    wanted: KeyKind,
) -> Result<usize, ApiError> {
    let header_key = from_header(headers)?;
    let key = match (&header_key, form_key) {
        (Some(key), _) => key.as_str(),
        (None, Some(key)) if !key.is_empty() => key,
        (None, _) => return Err(no_key()),
    };

    if let Some(index) = find(accounts, key, wanted) {
        return Ok(index);
    }
    let other = match wanted {
        KeyKind::Publishable => KeyKind::Secret,
        KeyKind::Secret => KeyKind::Publishable,
    };
    match find(accounts, key, other) {
        Some(_) => Err(wrong_kind(wanted)),
        None => Err(ApiError::unauthorized(format!(
            "Invalid API key provided: {}. Use a key from the sandbox's \
             configured accounts.",
            redact(key)
        ))),
    }
}

/// The key from the `Authorization` header, if there is one.
fn from_header(headers: &HeaderMap) -> Result<Option<String>, ApiError> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let value = value.to_str().map_err(|_| malformed_header())?;
    let key = match value.split_once(' ') {
        Some((scheme, key)) if scheme.eq_ignore_ascii_case("bearer") => {
            key.trim().to_owned()
        }
        Some((scheme, encoded)) if scheme.eq_ignore_ascii_case("basic") => {
            basic_user(encoded.trim())?
        }
        _ => return Err(malformed_header()),
    };
    if key.is_empty() {
        return Err(no_key());
    }
    Ok(Some(key))
}

/// The user name of Basic credentials, which is where Stripe's
/// `curl -u key:` puts the key; the password is ignored, as at Stripe.
fn basic_user(encoded: &str) -> Result<String, ApiError> {
    let decoded = STANDARD
        .decode(encoded)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .ok_or_else(malformed_header)?;
    let user = decoded.split(':').next().unwrap_or("");
    Ok(user.to_owned())
}

fn find(accounts: &[Account], key: &str, kind: KeyKind) -> Option<usize> {
    accounts.iter().position(|account| match kind {
        KeyKind::Publishable => account.publishable_key == key,
        KeyKind::Secret => account.secret_key == key,
    })
}

fn no_key() -> ApiError {
    ApiError::unauthorized(
        "You did not provide an API key. Send it in the Authorization \
         header as 'Authorization: Bearer <key>'.",
    )
}

fn malformed_header() -> ApiError {
    ApiError::unauthorized(
        "The Authorization header must be 'Bearer <key>' (or Basic \
         auth with the key as the user name), in plain ASCII.",
    )
}

fn wrong_kind(wanted: KeyKind) -> ApiError {
    ApiError::unauthorized(match wanted {
        KeyKind::Secret => {
            "This call needs the account's secret key; a publishable key \
             can only create tokens."
        }
        KeyKind::Publishable => {
            "Tokens are created in the citizen's browser with the \
             publishable key; a secret key cannot create them, so card \
             details never pass through a server."
        }
    })
}

/// Shows enough of a wrong key to recognise it, never the whole key.
fn redact(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    if chars.len() <= 12 {
        return "****".to_owned();
    }
    let head: String = chars.iter().take(8).collect();
    let tail: String = chars.iter().skip(chars.len() - 4).collect();
    format!("{head}****{tail}")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn accounts() -> Vec<Account> {
        vec![Account {
            publishable_key: "pk_test_one".into(),
            secret_key: "sk_test_one".into(),
        }]
    }

    fn with_bearer(key: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        let value = HeaderValue::from_str(&format!("Bearer {key}")).unwrap();
        headers.insert(header::AUTHORIZATION, value);
        headers
    }

    #[test]
    fn the_header_wins_over_the_form_key() {
        let headers = with_bearer("sk_test_one");
        let found =
            authenticate(&accounts(), &headers, Some("x"), KeyKind::Secret);
        assert_eq!(found.unwrap(), 0);
    }

    #[test]
    fn basic_auth_carries_the_key_as_the_user_name() {
        let mut headers = HeaderMap::new();
        // "sk_test_one:" in base64, as `curl -u sk_test_one:` sends it.
        let value = HeaderValue::from_static("Basic c2tfdGVzdF9vbmU6");
        headers.insert(header::AUTHORIZATION, value);
        let found = authenticate(&accounts(), &headers, None, KeyKind::Secret);
        assert_eq!(found.unwrap(), 0);
    }

    #[test]
    fn an_unknown_scheme_is_refused() {
        let mut headers = HeaderMap::new();
        let value = HeaderValue::from_static("Token sk_test_one");
        headers.insert(header::AUTHORIZATION, value);
        let found = authenticate(&accounts(), &headers, None, KeyKind::Secret);
        assert_eq!(found.unwrap_err().status().as_u16(), 401);
    }

    #[test]
    fn a_publishable_key_cannot_charge() {
        let headers = with_bearer("pk_test_one");
        let error = authenticate(&accounts(), &headers, None, KeyKind::Secret)
            .unwrap_err();
        assert_eq!(error.status().as_u16(), 401);
    }

    #[test]
    fn wrong_keys_are_redacted_in_the_message() {
        let headers = with_bearer("sk_test_abcdefghijkl");
        let error = authenticate(&accounts(), &headers, None, KeyKind::Secret)
            .unwrap_err();
        let message = error.to_object()["message"].to_string();
        assert!(message.contains("sk_test_****ijkl"), "{message}");
    }
}
