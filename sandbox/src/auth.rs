//! API keys. Stripe takes its key as `Authorization: Bearer <key>` or
//! as the user name of HTTP Basic auth (`curl -u sk_test_...:`);
//! Stripe.js also sends the publishable key as a `key` form field.
//! Which kind a key is comes from the configuration that named it, not
//! from its `pk_`/`sk_` prefix, so a council's keys can look like any
//! Stripe key.

use axum::http::{HeaderMap, StatusCode, header};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::Account;
use crate::error::{ApiError, ErrorType};
use crate::read_keys::AccountReadKeys;

/// Every key the sandbox answers to.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Keyring<'a> {
    pub(crate) accounts: &'a [Account],
    pub(crate) read_keys: &'a AccountReadKeys,
}

/// Which key an endpoint needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeyKind {
    /// Used in the browser, only to create tokens.
    Publishable,
    /// Used by the shim, to charge tokens and refund.
    Secret,
    /// Reading: the secret key, or the account's read-only key.
    Read,
}

/// Which key a request holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Held {
    Publishable,
    Secret,
    ReadOnly,
}

impl KeyKind {
    /// The keys that may make a request of this kind, in the order
    /// they are looked for.
    fn accepts(self) -> &'static [Held] {
        match self {
            KeyKind::Publishable => &[Held::Publishable],
            KeyKind::Secret => &[Held::Secret],
            KeyKind::Read => &[Held::Secret, Held::ReadOnly],
        }
    }
}

/// Finds the account a request's key belongs to, as an index into the
/// configured accounts. `form_key` is Stripe.js's `key` field, if any.
pub(crate) fn authenticate(
    keys: Keyring<'_>,
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

    let accepted = wanted.accepts();
    if let Some(index) = accepted.iter().find_map(|h| find(keys, key, *h)) {
        return Ok(index);
    }
    let held = [Held::Publishable, Held::Secret, Held::ReadOnly]
        .into_iter()
        .find(|held| find(keys, key, *held).is_some());
    Err(refusal(held, wanted, key))
}

/// Why a key that cannot make this request is refused: the wrong kind
/// of key says which kind to send, an unknown key says it is unknown.
fn refusal(held: Option<Held>, wanted: KeyKind, key: &str) -> ApiError {
    match held {
        Some(Held::ReadOnly) if wanted == KeyKind::Secret => read_only(key),
        Some(Held::Publishable) => wrong_kind(KeyKind::Secret),
        Some(_) => wrong_kind(KeyKind::Publishable),
        None => ApiError::unauthorized(format!(
            "Invalid API key provided: {}. Use a key from the sandbox's \
             configured accounts.",
            redact(key)
        )),
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

fn find(keys: Keyring<'_>, key: &str, held: Held) -> Option<usize> {
    let mut accounts = keys.accounts.iter();
    match held {
        Held::Publishable => accounts.position(|a| a.publishable_key == key),
        Held::Secret => accounts.position(|a| a.secret_key == key),
        Held::ReadOnly => keys.read_keys.account_of(key),
    }
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
        KeyKind::Secret | KeyKind::Read => {
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

/// A read-only key on a request that would change something: Stripe
/// answers a restricted key without the permission with a 403.
fn read_only(key: &str) -> ApiError {
    ApiError::new(
        StatusCode::FORBIDDEN,
        ErrorType::InvalidRequest,
        format!(
            "The provided key '{}' is read-only: it can list and \
             retrieve, but charging and refunding need the account's \
             secret key.",
            redact(key)
        ),
    )
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
    use crate::read_keys::ReadKeys;
    use axum::http::HeaderValue;

    fn accounts() -> Vec<Account> {
        vec![Account {
            publishable_key: "pk_test_one".into(),
            secret_key: "sk_test_one".into(),
        }]
    }

    const SEED: &str = "a seed of thirty-two characters!";

    fn read_key() -> String {
        ReadKeys::new(SEED).unwrap().key_for("pk_test_one")
    }

    /// `authenticate` against one account that has a read-only key.
    fn check(
        headers: &HeaderMap,
        form_key: Option<&str>,
        wanted: KeyKind,
    ) -> Result<usize, ApiError> {
        let accounts = accounts();
        let seed = ReadKeys::new(SEED).unwrap();
        let read_keys = AccountReadKeys::derive(Some(&seed), &accounts);
        let keys = Keyring {
            accounts: &accounts,
            read_keys: &read_keys,
        };
        authenticate(keys, headers, form_key, wanted)
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
        let found = check(&headers, Some("x"), KeyKind::Secret);
        assert_eq!(found.unwrap(), 0);
    }

    #[test]
    fn basic_auth_carries_the_key_as_the_user_name() {
        let mut headers = HeaderMap::new();
        // "sk_test_one:" in base64, as `curl -u sk_test_one:` sends it.
        let value = HeaderValue::from_static("Basic c2tfdGVzdF9vbmU6");
        headers.insert(header::AUTHORIZATION, value);
        let found = check(&headers, None, KeyKind::Secret);
        assert_eq!(found.unwrap(), 0);
    }

    #[test]
    fn an_unknown_scheme_is_refused() {
        let mut headers = HeaderMap::new();
        let value = HeaderValue::from_static("Token sk_test_one");
        headers.insert(header::AUTHORIZATION, value);
        let found = check(&headers, None, KeyKind::Secret);
        assert_eq!(found.unwrap_err().status().as_u16(), 401);
    }

    #[test]
    fn a_publishable_key_cannot_charge() {
        let headers = with_bearer("pk_test_one");
        let error = check(&headers, None, KeyKind::Secret).unwrap_err();
        assert_eq!(error.status().as_u16(), 401);
    }

    #[test]
    fn wrong_keys_are_redacted_in_the_message() {
        let headers = with_bearer("sk_test_abcdefghijkl");
        let error = check(&headers, None, KeyKind::Secret).unwrap_err();
        let message = error.to_object()["message"].to_string();
        assert!(message.contains("sk_test_****ijkl"), "{message}");
    }

    #[test]
    fn a_read_only_key_reads_but_cannot_charge() {
        let headers = with_bearer(&read_key());
        assert_eq!(check(&headers, None, KeyKind::Read).unwrap(), 0);

        let error = check(&headers, None, KeyKind::Secret).unwrap_err();
        assert_eq!(error.status(), StatusCode::FORBIDDEN);
        let message = error.to_object()["message"].to_string();
        assert!(message.contains("read-only"), "{message}");
        assert!(!message.contains(&read_key()), "{message}");
    }

    #[test]
    fn the_secret_key_reads_too() {
        let headers = with_bearer("sk_test_one");
        assert_eq!(check(&headers, None, KeyKind::Read).unwrap(), 0);
    }

    #[test]
    fn a_read_only_key_cannot_create_tokens() {
        let headers = with_bearer(&read_key());
        let error = check(&headers, None, KeyKind::Publishable).unwrap_err();
        assert_eq!(error.status(), StatusCode::UNAUTHORIZED);
    }

    #[test]
    fn a_publishable_key_cannot_read() {
        let headers = with_bearer("pk_test_one");
        let error = check(&headers, None, KeyKind::Read).unwrap_err();
        let message = error.to_object()["message"].to_string();
        assert!(message.contains("needs the account's secret"), "{message}");
    }
}
