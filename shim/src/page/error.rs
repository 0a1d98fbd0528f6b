//! Errors of the page's API. The page maps each code to a message in
//! the citizen's language; the shim sends no English to the citizen.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value, json};

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
    /// A JSON body that is not what the page sends, described by field
    /// and problem only. serde's own message quotes the value ("invalid
    /// type: integer `4242…`"), and this is logged: a card number typed
    /// into the wrong field must not reach the log that way.
    pub fn bad_body<T: DeserializeOwned>(bytes: &[u8]) -> PageError {
        PageError::BadRequest(body_problem::<T>(bytes))
    }

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

/// The problem, found again in a copy of the body with every value
/// replaced (see `redact`), so the message can name the field and what
/// is wrong with it without any way of holding what the client sent.
fn body_problem<T: DeserializeOwned>(bytes: &[u8]) -> String {
    let value = match serde_json::from_slice::<Value>(bytes) {
        Ok(value) => value,
        Err(e) => {
            let (line, column) = (e.line(), e.column());
            return format!("not JSON (line {line}, column {column})");
        }
    };
    let redacted = redact(value).to_string();
    match Json::<T>::from_bytes(redacted.as_bytes()) {
        Err(JsonRejection::JsonDataError(e)) => scrub(&e.body_text()),
        // Only a value's size or range differs between the body and its
        // copy: say so, without the value.
        _ => "a value is out of the range the page sends".into(),
    }
}

/// The body's shape with nothing the client wrote: strings become "",
/// numbers 0, -1 or 0.5 (so a type error is still the same error), and
/// a key that is not plainly a field name becomes `unnamed_field_N`.
fn redact(value: Value) -> Value {
    match value {
        Value::String(_) => Value::String(String::new()),
        Value::Number(number) => Value::Number(placeholder(&number)),
        Value::Array(items) => items.into_iter().map(redact).collect(),
        Value::Object(map) => {
            let fields = map.into_iter().enumerate();
            let fields =
                fields.map(|(n, (k, v))| (field_name(k, n), redact(v)));
            Value::Object(fields.collect::<Map<_, _>>())
        }
        other => other,
    }
}

fn placeholder(number: &Number) -> Number {
    if number.is_u64() {
        Number::from(0)
    } else if number.is_i64() {
        Number::from(-1)
    } else {
        Number::from_f64(0.5).unwrap_or_else(|| Number::from(0))
    }
}

/// Our field names are lower-case words joined by `_`; anything else
/// (digits above all) could be data pasted into the wrong place.
fn field_name(key: String, index: usize) -> String {
    let plain = key.len() <= 40
        && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
    if plain {
        key
    } else {
        format!("unnamed_field_{index}")
    }
}

/// axum's message, less its preamble, the placeholders' renderings and
/// the position (which is in the copy, not in what the client sent).
fn scrub(message: &str) -> String {
    let preamble = "Failed to deserialize the JSON body into the target \
                    type: ";
    let text = message.trim_start_matches(preamble);
    let text = text.rsplit_once(" at line ").map_or(text, |(text, _)| text);
    let mut text = text.to_owned();
    for shown in [" `0`", " `-1`", " `0.5`", " \"\"", " ``"] {
        text = text.replace(shown, "");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Token {
        token: String,
    }

    fn problem(body: &str) -> String {
        body_problem::<Token>(body.as_bytes())
    }

    #[test]
    fn a_card_number_in_the_token_field_is_named_but_not_quoted() {
        let said = problem(r#"{"token": 4242424242424242}"#);
        assert!(said.starts_with("token: invalid type: integer,"), "{said}");
        assert!(said.contains("expected a string"), "{said}");
        assert!(!said.contains("4242"), "{said}");
    }

    #[test]
    fn no_way_of_sending_a_number_gets_it_quoted() {
        let number = "4000000000000002";
        for body in [
            format!(r#"{{"token": [{number}]}}"#),
            format!(r#"{{"token": {{"n": "{number}"}}}}"#),
            format!(r#"{{"card_number": "{number}"}}"#),
            format!(r#"{{"{number}": "tok_x"}}"#),
            format!(r#"{{"token": "tok", "token": "{number}"}}"#),
            format!(r#"{{"token": "{number}"#),
            number.to_owned(),
        ] {
            let said = problem(&body);
            assert!(!said.contains("0000"), "{body}: {said}");
            assert!(!said.is_empty(), "{body}");
        }
    }

    #[test]
    fn missing_and_unknown_fields_are_named() {
        assert!(problem("{}").contains("missing field `token`"));
        let said = problem(r#"{"token": "t", "card_number": "4242"}"#);
        assert!(said.contains("unknown field `card_number`"), "{said}");
    }
}
