//! The sandbox's routes, its request ids and its answers for anything
//! it does not serve.

use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tracing::Instrument;

use crate::error::ApiError;
use crate::store::Shared;
use crate::{body, clock, cors, payment_intents, refunds, tokens};

const REQUEST_ID: HeaderName = HeaderName::from_static("request-id");

pub(crate) fn build(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(
            "/v1/tokens",
            post(tokens::create)
                .options(cors::preflight)
                .fallback(unrecognised),
        )
        .route(
            "/v1/tokens/{id}",
            get(tokens::retrieve).fallback(unrecognised),
        )
        .route(
            "/v1/payment_intents",
            post(payment_intents::create)
                .get(payment_intents::list)
                .fallback(unrecognised),
        )
        .route(
            "/v1/payment_intents/{id}",
            get(payment_intents::retrieve).fallback(unrecognised),
        )
        .route(
            "/v1/refunds",
            post(refunds::create)
                .get(refunds::list)
                .fallback(unrecognised),
        )
        .route(
            "/v1/refunds/{id}",
            get(refunds::retrieve).fallback(unrecognised),
        )
        .fallback(unrecognised)
        .layer(DefaultBodyLimit::max(body::MAX_BODY))
        .layer(middleware::from_fn(with_request_id))
        .with_state(shared)
}

/// Stripe answers an unknown path, or a known path with the wrong
/// method, with a 404 naming both; so does the sandbox.
async fn unrecognised(method: Method, uri: Uri) -> Response {
    tracing::debug!(%method, "unrecognised request");
    ApiError::invalid(format!(
        "Unrecognized request URL ({method}: {}). The sandbox serves \
         POST /v1/tokens, GET /v1/tokens/{{id}}, POST and GET \
         /v1/payment_intents, GET \
         /v1/payment_intents/{{id}}, POST and GET /v1/refunds and GET \
         /v1/refunds/{{id}}.",
        uri.path()
    ))
    .with_status(StatusCode::NOT_FOUND)
    .into_response()
}

/// Gives every request an id, in a `Request-Id` header as Stripe does
/// and on the span of everything logged while answering it. The span
/// carries the method and the route's pattern (`/v1/refunds/{id}`),
/// never the raw path, query or body: whatever a client typed into a
/// URL, even a card number, cannot reach the log.
async fn with_request_id(request: Request, next: Next) -> Response {
    let id = clock::new_id("req");
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unrecognised", MatchedPath::as_str)
        .to_owned();
    let span = tracing::info_span!(
        "sandbox_request",
        request_id = %id,
        method = %request.method(),
        route,
    );
    let mut response = next.run(request).instrument(span).await;
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    response
}
