//! The payments API for councils' services, compatible with GOV.UK
//! Pay's public API (card payments: create, get, search, cancel, events,
//! refunds). The reference is
//! `shared/reference/govuk-pay-publicapi/publicapi_spec.json`.

mod auth;
mod body;
mod cancel;
mod create;
mod error;
mod fallback;
mod ids;
mod metadata;
mod prefill;
mod query;
mod read;
mod refund;
mod search;
mod state;
mod view;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{any, get, post};

pub use auth::Caller;
pub use error::{ApiError, Operation};
pub use state::{ApiState, State};

use crate::app::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/payments", post(create::create).get(search::payments))
        .route("/v1/payments/{payment_id}", get(read::get))
        .route("/v1/payments/{payment_id}/cancel", post(cancel::cancel))
        .route("/v1/payments/{payment_id}/events", get(read::events))
        .route(
            "/v1/payments/{payment_id}/refunds",
            post(refund::create).get(refund::list),
        )
        .route(
            "/v1/payments/{payment_id}/refunds/{refund_id}",
            get(refund::get),
        )
        .route("/v1/refunds", get(search::refunds))
        // Before the catch-all below, so that it applies only to the
        // routes above; axum adds the Allow header to its answer.
        .method_not_allowed_fallback(fallback::method_not_allowed)
        // Everything else under /v1 is the API's too, and answers in the
        // API's shape rather than axum's empty 404.
        .route("/v1", any(fallback::no_such_address))
        .route("/v1/", any(fallback::no_such_address))
        .route("/v1/{*rest}", any(fallback::no_such_address))
        .layer(DefaultBodyLimit::max(body::BODY_LIMIT))
}
