//! Errors of the payments API, in GOV.UK Pay's shape and codes.
//!
//! Codes follow the GOV.UK Pay API reference ("API error codes"), so a
//! council service that already handles them needs no change. Codes we
//! had to add are marked "paypage's own" below.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// Which operation failed: GOV.UK Pay numbers its codes per operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operation {
    Create,
    Get,
    Events,
    Search,
    Cancel,
    Refund,
    GetRefund,
    SearchRefunds,
}

impl Operation {
    /// The code prefix for "not found" and "downstream error".
    fn codes(self) -> (&'static str, &'static str) {
        match self {
            Operation::Create => ("P0200", "P0198"),
            Operation::Get => ("P0200", "P0298"),
            Operation::Events => ("P0300", "P0398"),
            Operation::Search => ("P0402", "P0498"),
            Operation::Cancel => ("P0500", "P0598"),
            Operation::Refund => ("P0600", "P0698"),
            Operation::GetRefund => ("P0700", "P0798"),
            Operation::SearchRefunds => ("P1100", "P1898"),
        }
    }
}

/// One failure of the payments API, as the client will see it.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("missing mandatory attribute: {field}")]
    Missing { code: &'static str, field: String },
    #[error("invalid attribute value: {field}. {reason}")]
    Invalid {
        code: &'static str,
        field: String,
        reason: String,
    },
    #[error("unable to parse JSON: {0}")]
    Unparsable(String),
    #[error("{description}")]
    BadHeader {
        code: &'static str,
        header: &'static str,
        description: String,
    },
    #[error("not found")]
    NotFound(Operation),
    #[error("{description}")]
    Refused {
        status: StatusCode,
        code: &'static str,
        description: String,
    },
    #[error("invalid search parameters: {1}")]
    BadSearch(Operation, String),
    #[error("API key missing or not recognised")]
    Unauthorised,
    /// The path names nothing in the API. Neither the path nor the
    /// query is kept here: a log line is no place for either.
    #[error("no such address in the payments API")]
    NoSuchAddress(Option<&'static str>),
    #[error("method {0} is not allowed at this address")]
    MethodNotAllowed(String),
    #[error("downstream failure: {cause}")]
    Downstream { op: Operation, cause: String },
}

#[derive(Serialize)]
struct Body<'a> {
    code: &'a str,
    description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    header: Option<&'a str>,
}

impl ApiError {
    /// An attribute that failed validation: 422 with the operation's code.
    pub fn invalid(
        code: &'static str,
        field: &str,
        reason: impl Into<String>,
    ) -> ApiError {
        ApiError::Invalid {
            code,
            field: field.to_owned(),
            reason: reason.into(),
        }
    }

    pub fn missing(code: &'static str, field: &str) -> ApiError {
        ApiError::Missing {
            code,
            field: field.to_owned(),
        }
    }

    pub fn downstream(op: Operation, cause: impl ToString) -> ApiError {
        let cause = cause.to_string();
        ApiError::Downstream { op, cause }
    }

    fn status(&self) -> StatusCode {
        match self {
            ApiError::Missing { .. }
            | ApiError::Unparsable(_)
            | ApiError::BadHeader { .. } => StatusCode::BAD_REQUEST,
            ApiError::Invalid { .. } | ApiError::BadSearch(..) => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Refused { status, .. } => *status,
            ApiError::Unauthorised => StatusCode::UNAUTHORIZED,
            ApiError::NoSuchAddress(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Downstream { .. } => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn body(&self) -> Body<'_> {
        let (code, description) = self.code_and_description();
        let (field, header) = match self {
            ApiError::Missing { field, .. }
            | ApiError::Invalid { field, .. } => (Some(field.as_str()), None),
            ApiError::BadHeader { header, .. } => (None, Some(*header)),
            _ => (None, None),
        };
        Body {
            code,
            description,
            field,
            header,
        }
    }

    fn code_and_description(&self) -> (&str, String) {
        match self {
            ApiError::Missing { code, field } => {
                (code, format!("Missing mandatory attribute: {field}"))
            }
            ApiError::Invalid {
                code,
                field,
                reason,
            } => (code, invalid_description(field, reason)),
            ApiError::Unparsable(why) => {
                ("P0197", format!("Unable to parse JSON. {why}"))
            }
            ApiError::BadHeader {
                code, description, ..
            }
            | ApiError::Refused {
                code, description, ..
            } => (code, description.clone()),
            ApiError::NotFound(op) => (op.codes().0, not_found(*op)),
            ApiError::BadSearch(op, why) => {
                (search_code(*op), format!("Invalid parameters: {why}"))
            }
            ApiError::Unauthorised => ("P0103", UNAUTHORISED.into()),
            // P0920 is what GOV.UK Pay answers for a request it will not
            // pass to the API at all; no code of the spec's is closer to
            // "this address or method is not part of the API" (our
            // choice: the spec gives unknown addresses no code).
            ApiError::NoSuchAddress(why) => {
                ("P0920", why.unwrap_or(NO_SUCH_ADDRESS).into())
            }
            ApiError::MethodNotAllowed(method) => {
                ("P0920", not_allowed(method))
            }
            ApiError::Downstream { op, .. } => {
                (op.codes().1, "Downstream system error".into())
            }
        }
    }
}

fn not_allowed(method: &str) -> String {
    format!(
        "The payments API does not take {method} at this address; the \
         Allow header lists the methods it takes."
    )
}

const UNAUTHORISED: &str = "Send a valid API key in the Authorization \
                            header, as: Authorization: Bearer {your key}.";

const NO_SUCH_ADDRESS: &str = "There is nothing at this address. Check \
                               the path against the GOV.UK Pay API \
                               reference, for example /v1/payments/{id}.";

/// "Not found", said so the client knows which id to check. Another
/// council's payment gets the same words: an id is never confirmed to
/// exist for a key that may not see it.
fn not_found(op: Operation) -> String {
    let text = match op {
        Operation::Search | Operation::SearchRefunds => {
            "Not found: there is no page of results with this number; \
             the last_page link goes to the last one."
        }
        Operation::GetRefund => {
            "Not found: there is no refund with this refund_id on this \
             payment for your API key. Check both ids."
        }
        _ => {
            "Not found: there is no payment with this payment_id for \
             your API key. Check the id your create request returned."
        }
    };
    text.into()
}

fn invalid_description(field: &str, reason: &str) -> String {
    if reason.is_empty() {
        format!("Invalid attribute value: {field}")
    } else {
        format!("Invalid attribute value: {field}. {reason}")
    }
}

fn search_code(op: Operation) -> &'static str {
    match op {
        Operation::SearchRefunds => "P1101",
        _ => "P0401",
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            // The one place a server fault is logged, with its cause.
            tracing::error!(error = %self, "payments API failed");
        } else {
            tracing::info!(error = %self, "payments API refused a request");
        }
        if matches!(self, ApiError::Unauthorised) {
            // GOV.UK Pay answers 401 with no body; we add the header
            // a client library expects and a body a person can read.
            let header = [("WWW-Authenticate", "Bearer")];
            return (status, header, axum::Json(self.body())).into_response();
        }
        (status, axum::Json(self.body())).into_response()
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(error: sqlx::Error) -> ApiError {
        ApiError::downstream(Operation::Create, error)
    }
}
