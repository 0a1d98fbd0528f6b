//! Errors in Stripe's shape: `{"error": {"type", "code", "message",
//! "param", ...}}` with Stripe's status codes, so the shim's one Stripe
//! connector reads the sandbox's answers exactly as it reads Stripe's.
//!
//! Messages are written for the engineer reading them: they say what
//! was wrong and what to send instead. No message ever repeats a card
//! number or security code a client sent.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

/// Stripe's error `type` values that the sandbox can answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ErrorType {
    InvalidRequest,
    Card,
    Idempotency,
    /// A fault in the sandbox itself, never the client's doing.
    Api,
}

impl ErrorType {
    fn as_str(self) -> &'static str {
        match self {
            ErrorType::InvalidRequest => "invalid_request_error",
            ErrorType::Card => "card_error",
            ErrorType::Idempotency => "idempotency_error",
            ErrorType::Api => "api_error",
        }
    }
}

/// One error answer. Built with the constructors below and the `with_*`
/// setters, then turned into an [`Answer`].
#[derive(Debug, Clone)]
pub(crate) struct ApiError {
    status: StatusCode,
    kind: ErrorType,
    message: String,
    code: Option<&'static str>,
    decline_code: Option<&'static str>,
    param: Option<String>,
    extra: Map<String, Value>,
}

impl ApiError {
    pub(crate) fn new(
        status: StatusCode,
        kind: ErrorType,
        message: impl Into<String>,
    ) -> Self {
        ApiError {
            status,
            kind,
            message: message.into(),
            code: None,
            decline_code: None,
            param: None,
            extra: Map::new(),
        }
    }

    /// 400 `invalid_request_error`: the request itself was wrong.
    pub(crate) fn invalid(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, ErrorType::InvalidRequest, message)
    }

    /// 402 `card_error`: the card was refused or its details are wrong.
    pub(crate) fn card(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::PAYMENT_REQUIRED, ErrorType::Card, message)
            .with_code(code)
    }

    /// 401: no key, an unknown key or the wrong kind of key.
    pub(crate) fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, ErrorType::InvalidRequest, message)
    }

    /// 404 for an object id in the path that this account does not have.
    pub(crate) fn no_such(object: &str, id: &str, param: &str) -> Self {
        let message = format!("No such {object}: '{id}'");
        Self::new(StatusCode::NOT_FOUND, ErrorType::InvalidRequest, message)
            .with_code("resource_missing")
            .with_param(param)
    }

    /// 400 for a missing required parameter.
    pub(crate) fn missing(param: &str) -> Self {
        Self::invalid(format!("Missing required param: {param}."))
            .with_code("parameter_missing")
            .with_param(param)
    }

    pub(crate) fn with_code(mut self, code: &'static str) -> Self {
        self.code = Some(code);
        self
    }

    pub(crate) fn with_decline_code(mut self, code: &'static str) -> Self {
        self.decline_code = Some(code);
        self
    }

    pub(crate) fn with_param(mut self, param: impl Into<String>) -> Self {
        self.param = Some(param.into());
        self
    }

    pub(crate) fn with_status(mut self, status: StatusCode) -> Self {
        self.status = status;
        self
    }

    /// Adds a field such as `payment_intent` or `charge` to the error.
    pub(crate) fn with_field(mut self, name: &str, value: Value) -> Self {
        self.extra.insert(name.to_owned(), value);
        self
    }

    pub(crate) fn code(&self) -> Option<&'static str> {
        self.code
    }

    #[cfg(test)]
    pub(crate) fn status(&self) -> StatusCode {
        self.status
    }

    /// The `error` object alone, as Stripe also embeds it in a payment
    /// intent's `last_payment_error`.
    pub(crate) fn to_object(&self) -> Value {
        let mut object = Map::new();
        object.insert("type".into(), json!(self.kind.as_str()));
        object.insert("message".into(), json!(self.message));
        if let Some(code) = self.code {
            object.insert("code".into(), json!(code));
        }
        if let Some(decline_code) = self.decline_code {
            object.insert("decline_code".into(), json!(decline_code));
        }
        if let Some(param) = &self.param {
            object.insert("param".into(), json!(param));
        }
        for (name, value) in &self.extra {
            object.insert(name.clone(), value.clone());
        }
        Value::Object(object)
    }
}

/// A finished answer: a status and a JSON body. This is what the
/// idempotency store saves and replays byte for byte.
#[derive(Debug, Clone)]
pub(crate) struct Answer {
    pub(crate) status: StatusCode,
    pub(crate) body: Value,
}

impl Answer {
    pub(crate) fn ok(body: Value) -> Self {
        Answer {
            status: StatusCode::OK,
            body,
        }
    }
}

impl From<ApiError> for Answer {
    fn from(error: ApiError) -> Self {
        Answer {
            status: error.status,
            body: json!({ "error": error.to_object() }),
        }
    }
}

impl IntoResponse for Answer {
    fn into_response(self) -> Response {
        let mut response = (self.status, axum::Json(self.body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            // Stripe names its scheme on a 401; so does the sandbox, so
            // HTTP clients that look for the challenge find one.
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"sandbox\""),
            );
        }
        response
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        Answer::from(self).into_response()
    }
}
