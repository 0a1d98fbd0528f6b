//! Request logging: a span per request with its id, method and route.
//!
//! The span names the matched route (`/secure/{token}`), never the path
//! itself: paths carry one-time tokens, and query strings carry a
//! council's search terms, neither of which belongs in a log.

use axum::extract::MatchedPath;
use axum::http::Request;
use tower::ServiceBuilder;
use tower::layer::util::{Identity, Stack};
use tower_http::request_id::{
    MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer,
};
use tower_http::trace::{HttpMakeClassifier, TraceLayer};
use tracing::Span;

type Layers = Stack<
    PropagateRequestIdLayer,
    Stack<
        TraceLayer<HttpMakeClassifier, fn(&Request<axum::body::Body>) -> Span>,
        Stack<SetRequestIdLayer<MakeRequestUuid>, Identity>,
    >,
>;

/// Gives every request an `x-request-id` (kept if the caller sent one),
/// a span carrying it, and echoes it in the response.
pub fn layer() -> ServiceBuilder<Layers> {
    let span: fn(&Request<axum::body::Body>) -> Span = span_for;
    ServiceBuilder::new()
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .layer(TraceLayer::new_for_http().make_span_with(span))
        .layer(PropagateRequestIdLayer::x_request_id())
}

fn span_for<B>(request: &Request<B>) -> Span {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("(no route)", |path| path.as_str());
    let id = request
        .headers()
        .get("x-request-id")
        .and_then(|value| value.to_str().ok())
        .unwrap_or("");
    tracing::info_span!(
        "request",
        request_id = id,
        method = %request.method(),
        route,
        payment_id = tracing::field::Empty,
        council = tracing::field::Empty,
    )
}
