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
            ApiError::Downstream { .. } => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn body(&self) -> Body<'_> {
        let plain = |code, description| Body {
            code,
            description,
            field: None,
            header: None,
        };
        match self {
            ApiError::Missing { code, field } => Body {
                field: Some(field),
                ..plain(code, format!("Missing mandatory attribute: {field}"))
            },
            ApiError::Invalid {
                code,
                field,
                reason,
            } => Body {
                field: Some(field),
                ..plain(code, invalid_description(field, reason))
            },
            ApiError::Unparsable(why) => {
                plain("P0197", format!("Unable to parse JSON. {why}"))
            }
            ApiError::BadHeader {
                code,
                header,
                description,
            } => Body {
                header: Some(header),
                ..plain(code, description.clone())
            },
            ApiError::NotFound(op) => plain(op.codes().0, "Not found".into()),
            ApiError::Refused {
                code, description, ..
            } => plain(code, description.clone()),
            ApiError::BadSearch(op, why) => {
                plain(search_code(*op), format!("Invalid parameters: {why}"))
            }
            ApiError::Unauthorised => plain("P0103", self.to_string()),
            ApiError::Downstream { op, .. } => {
                plain(op.codes().1, "Downstream system error".into())
            }
        }
    }
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
