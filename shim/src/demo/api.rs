//! The demo talks to paypage the way any council service does: through
//! the payments API, with its API key.
//!
//! It calls the API's router in process rather than over HTTP at
//! `state.public_url`: the requests still pass through the same key
//! check, validation and storage a council's service meets, but they do
//! not depend on the public address being reachable from the server
//! itself (behind a proxy or in a container it often is not), and a
//! demo payment costs no socket. Calling the store directly was the
//! other choice; it would skip the API's checks, so the demo would
//! prove less.

use axum::body::Body;
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::{Method, Request, StatusCode};
use serde_json::Value;
use tower::ServiceExt;

use crate::app::AppState;

/// The largest API answer the demo reads: one payment, or a search for
/// one reference.
const ANSWER_LIMIT: usize = 1 << 20;

/// Why an API call did not give the demo what it asked for.
#[derive(Debug, thiserror::Error)]
#[error("the payments API answered {status}: {description}")]
pub struct ApiFailure {
    pub status: StatusCode,
    /// The API's own description, or what went wrong reading it.
    pub description: String,
}

impl ApiFailure {
    fn new(status: StatusCode, description: impl Into<String>) -> Self {
        ApiFailure {
            status,
            description: description.into(),
        }
    }
}

/// Creates a payment; answers the API's payment object.
pub async fn create(
    state: &AppState,
    key: &str,
    body: Value,
) -> Result<Value, ApiFailure> {
    let request = request(Method::POST, "/v1/payments", key, Some(body))?;
    let (status, payment) = send(state, request).await?;
    expect(status, StatusCode::CREATED, payment)
}

/// The council's payment with this reference, if there is one.
pub async fn find(
    state: &AppState,
    key: &str,
    reference: &str,
) -> Result<Option<Value>, ApiFailure> {
    // The caller has checked the reference is letters and digits, so it
    // needs no escaping in the query.
    let uri = format!("/v1/payments?reference={reference}&display_size=1");
    let request = request(Method::GET, &uri, key, None)?;
    let (status, found) = send(state, request).await?;
    let found = expect(status, StatusCode::OK, found)?;
    let first = found["results"].as_array().and_then(|r| r.first());
    Ok(first.cloned())
}

fn request(
    method: Method,
    uri: &str,
    key: &str,
    body: Option<Value>,
) -> Result<Request<Body>, ApiFailure> {
    let builder = Request::builder()
        .method(method)
        .uri(uri)
        .header(AUTHORIZATION, format!("Bearer {key}"))
        .header(CONTENT_TYPE, "application/json");
    let body = body.map_or_else(Body::empty, |b| Body::from(b.to_string()));
    // Only a key with bytes a header cannot hold fails here.
    builder.body(body).map_err(|e| {
        let why = format!("the request could not be built: {e}");
        ApiFailure::new(StatusCode::BAD_REQUEST, why)
    })
}

async fn send(
    state: &AppState,
    request: Request<Body>,
) -> Result<(StatusCode, Value), ApiFailure> {
    let api = crate::payments::routes().with_state(state.clone());
    let response = match api.oneshot(request).await {
        Ok(response) => response,
        Err(never) => match never {},
    };
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), ANSWER_LIMIT)
        .await
        .map_err(|e| ApiFailure::new(status, e.to_string()))?;
    let value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    Ok((status, value))
}

fn expect(
    status: StatusCode,
    wanted: StatusCode,
    body: Value,
) -> Result<Value, ApiFailure> {
    if status == wanted {
        return Ok(body);
    }
    let description = body["description"].as_str().unwrap_or("no description");
    Err(ApiFailure::new(status, description))
}
