//! The citizen's side: opening `next_url`, the page, and the small JSON
//! API the page calls under its session.

mod authorise;
mod embed;
mod error;
mod serve;
mod session;
mod spent;
mod time_limit;
mod view;

use axum::Json;
use axum::Router;
use axum::extract::{FromRequest, Request, State as AppData};
use axum::http::header::CONTENT_TYPE;
use axum::routing::{get, post};
use serde::de::DeserializeOwned;
use serde_json::Value;
use tower_http::services::ServeDir;

pub use error::PageError;
pub use session::Session;
pub use time_limit::{EXTEND_STEP, IDLE_LIMIT, MAX_EXTENSIONS};

use crate::app::AppState;
use crate::payments::State;

pub fn routes() -> Router<AppState> {
    Router::new()
        // GET for `next_url`, POST for `next_url_post` (a council's
        // form with no fields, as GOV.UK Pay's API describes it): the
        // same opening either way.
        .route("/secure/{token}", get(session::open).post(session::open))
        .route("/pay", get(serve::page))
        .route("/theme.css", get(serve::theme))
        .route("/api/page/payment", get(view::payment))
        .route("/api/page/authorise", post(authorise::authorise))
        .route("/api/page/cancel", post(cancel))
        .route("/api/page/extend", post(time_limit::extend))
        .merge(serve::council_routes())
}

/// The page's built files (Trunk's `dist/`), served under `/page/`.
pub fn assets(state: &AppState) -> ServeDir {
    ServeDir::new(&state.page_dir)
}

/// `POST /api/page/cancel`: the citizen chose Cancel.
async fn cancel(
    AppData(state): AppData<AppState>,
    session: Session,
) -> Result<Json<Value>, PageError> {
    let id = &session.payment.payment_id;
    let open = [State::Created, State::Started];
    let now = state.clock.now();
    let cancelled = state
        .store
        .transition(id, &open, State::CancelledByUser, now)
        .await?;
    if !cancelled {
        return Err(PageError::Finished);
    }
    tracing::info!(payment_id = %id, "citizen cancelled the payment");
    let payment = session::load(&state, id).await?;
    Ok(Json(view::describe(&state, &payment)))
}

/// A JSON body from the page. Requiring `application/json` also keeps
/// other sites out: a cross-site form cannot send that content type.
#[derive(Debug)]
pub struct PageJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for PageJson<T> {
    type Rejection = PageError;

    async fn from_request(req: Request, state: &S) -> Result<Self, PageError> {
        let json = req
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json"));
        if !json {
            return Err(PageError::NotJson);
        }
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|_| PageError::BadRequest("unreadable body".into()))?;
        // Not axum's `Json`: its rejection quotes the value the client
        // sent, and this one is logged (see `PageError::bad_body`).
        match serde_json::from_slice::<T>(&bytes) {
            Ok(value) => Ok(PageJson(value)),
            Err(_) => Err(PageError::bad_body::<T>(&bytes)),
        }
    }
}
