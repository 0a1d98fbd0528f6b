//! What the API answers for an address or a method it does not have:
//! the API's own error shape, never axum's empty 404 or 405.

use axum::http::{Method, Uri};

use super::ApiError;

/// Addresses of GOV.UK Pay's API that paypage does not offer, and why,
/// so that a client moving from GOV.UK Pay learns what to do instead.
/// When paypage offers one of these, its route replaces the line here.
const NOT_OFFERED: [(&str, &str); 4] = [
    (
        "/v1/agreements",
        "paypage takes one-off card payments only: it has no agreements \
         for recurring payments.",
    ),
    (
        "/v1/auth",
        "paypage takes web payments only: card details cannot be sent \
         over the API (MOTO).",
    ),
    (
        "/v1/disputes",
        "paypage does not report disputes: see them in the payment \
         provider's dashboard.",
    ),
    (
        "/capture",
        "paypage takes the money when the citizen pays (there is no \
         delayed capture), so there is nothing to capture.",
    ),
];

pub async fn no_such_address(uri: Uri) -> ApiError {
    let path = uri.path();
    let why = NOT_OFFERED.iter().find(|(address, _)| {
        path.starts_with(address) || path.ends_with(address)
    });
    ApiError::NoSuchAddress(why.map(|(_, why)| *why))
}

pub async fn method_not_allowed(method: Method) -> ApiError {
    ApiError::MethodNotAllowed(method.to_string())
}
