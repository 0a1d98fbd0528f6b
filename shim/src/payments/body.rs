//! Reading a JSON request body field by field, so that each mistake is
//! named with its field and the spec's code, never a generic 400.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use serde_json::{Map, Value};

use super::ApiError;

/// The largest body any payments API request needs: a create request at
/// its limits (255 + 255 + 2000 characters, metadata, an address) is
/// well under 16 KiB.
pub const BODY_LIMIT: usize = 16 * 1024;

/// A request body that is a JSON object.
#[derive(Debug)]
pub struct JsonObject(pub Map<String, Value>);

impl<S: Send + Sync> FromRequest<S> for JsonObject {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        check_content_type(&req)?;
        let bytes = read_bytes(req, state).await?;
        let value: Value = serde_json::from_slice(&bytes)
            .map_err(|e| ApiError::Unparsable(e.to_string()))?;
        match value {
            Value::Object(map) => Ok(JsonObject(map)),
            _ => {
                Err(ApiError::Unparsable("The body must be an object.".into()))
            }
        }
    }
}

/// The body of a request that takes none (`POST .../cancel`, as the
/// spec defines it). An empty body is what clients send; `{}` is
/// allowed too, as some JSON client libraries send it for every POST.
/// Anything else is refused, so that a request meant for another
/// address cannot cancel a payment by mistake.
#[derive(Debug)]
pub struct NoBody;

impl<S: Send + Sync> FromRequest<S> for NoBody {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let bytes = read_bytes(req, state).await?;
        let text = std::str::from_utf8(&bytes).unwrap_or("?").trim();
        let empty_object = serde_json::from_str::<Map<String, Value>>(text)
            .is_ok_and(|map| map.is_empty());
        if text.is_empty() || empty_object {
            return Ok(NoBody);
        }
        // P0197 is the spec's "unable to parse JSON" code for a body
        // the API cannot use (our choice: cancel has no code of its
        // own for a body).
        Err(ApiError::Refused {
            status: StatusCode::BAD_REQUEST,
            code: "P0197",
            description: "This request takes no body: send it with an \
                          empty body."
                .into(),
        })
    }
}

async fn read_bytes<S: Send + Sync>(
    req: Request,
    state: &S,
) -> Result<Bytes, ApiError> {
    Bytes::from_request(req, state)
        .await
        .map_err(|_| ApiError::Refused {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            code: "P0197",
            description: format!(
                "The body must be at most {BODY_LIMIT} bytes."
            ),
        })
}

fn check_content_type(req: &Request) -> Result<(), ApiError> {
    let value = req.headers().get(CONTENT_TYPE);
    let value = value.and_then(|v| v.to_str().ok()).unwrap_or("");
    let mime = value.split(';').next().unwrap_or("").trim();
    if mime.eq_ignore_ascii_case("application/json") {
        return Ok(());
    }
    Err(ApiError::BadHeader {
        code: "P0197",
        header: "Content-Type",
        description: "Send the body as JSON with Content-Type: \
                      application/json."
            .into(),
    })
}

/// Field readers that name the field and the operation's codes.
#[derive(Debug)]
pub struct Fields {
    map: Map<String, Value>,
    missing: &'static str,
    invalid: &'static str,
}

impl Fields {
    pub fn new(
        JsonObject(map): JsonObject,
        missing: &'static str,
        invalid: &'static str,
    ) -> Fields {
        Fields {
            map,
            missing,
            invalid,
        }
    }

    pub fn invalid(&self, field: &str, reason: &str) -> ApiError {
        ApiError::invalid(self.invalid, field, reason)
    }

    /// Refuses any field not in `known`, so a misspelt optional field
    /// is not silently ignored.
    pub fn only(&self, known: &[&str]) -> Result<(), ApiError> {
        match self.map.keys().find(|key| !known.contains(&key.as_str())) {
            Some(key) => Err(ApiError::invalid(
                self.invalid,
                key,
                "This attribute is not part of the request.",
            )),
            None => Ok(()),
        }
    }

    pub fn take(&mut self, field: &str) -> Option<Value> {
        self.map.remove(field).filter(|value| !value.is_null())
    }

    pub fn required(&mut self, field: &str) -> Result<Value, ApiError> {
        self.take(field)
            .ok_or_else(|| ApiError::missing(self.missing, field))
    }

    /// A whole number between `min` and `max`.
    pub fn integer(
        &self,
        field: &str,
        value: &Value,
        (min, max): (i64, i64),
    ) -> Result<i64, ApiError> {
        let range = format!("Must be a whole number from {min} to {max}.");
        let number = value.as_i64().filter(|n| (min..=max).contains(n));
        number.ok_or_else(|| self.invalid(field, &range))
    }

    /// A string of at most `max` characters (and at least `min`).
    pub fn string(
        &self,
        field: &str,
        value: Value,
        (min, max): (usize, usize),
    ) -> Result<String, ApiError> {
        let Value::String(text) = value else {
            return Err(self.invalid(field, "Must be a string."));
        };
        let length = text.chars().count();
        if length < min || length > max {
            let reason = match min {
                0 => format!("Must be {max} characters or fewer."),
                _ => format!("Must be {min} to {max} characters long."),
            };
            return Err(self.invalid(field, &reason));
        }
        Ok(text)
    }

    pub fn optional_string(
        &mut self,
        field: &str,
        limits: (usize, usize),
    ) -> Result<Option<String>, ApiError> {
        match self.take(field) {
            Some(value) => self.string(field, value, limits).map(Some),
            None => Ok(None),
        }
    }

    pub fn boolean(
        &self,
        field: &str,
        value: &Value,
    ) -> Result<bool, ApiError> {
        value
            .as_bool()
            .ok_or_else(|| self.invalid(field, "Must be true or false."))
    }
}
