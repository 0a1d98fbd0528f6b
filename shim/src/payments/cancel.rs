//! `POST /v1/payments/{id}/cancel`: the council's service stops a
//! payment the citizen has not finished.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State as AppData};
use axum::http::StatusCode;

use super::body::NoBody;
use super::read::find;
use super::{ApiError, Caller, Operation, State, ids};
use crate::app::AppState;

pub async fn cancel(
    AppData(state): AppData<AppState>,
    Caller(owner): Caller,
    path: Result<Path<String>, PathRejection>,
    _body: NoBody,
) -> Result<StatusCode, ApiError> {
    let payment_id = ids::payment_id(path, Operation::Cancel)?;
    let council = &owner.council.slug;
    let record = find(&state, council, &payment_id, Operation::Cancel).await?;
    let open = [State::Created, State::Started];
    let now = state.clock.now();
    let cancelled = state
        .store
        .transition(&payment_id, &open, State::CancelledByService, now)
        .await?;
    if cancelled {
        tracing::info!(payment_id, "payment cancelled by the service");
        return Ok(StatusCode::NO_CONTENT);
    }
    if record.state() == State::Submitted {
        return Err(ApiError::Refused {
            status: StatusCode::CONFLICT,
            code: "P0502",
            description: "The citizen's card is being charged right now; \
                          get the payment to see how it ended."
                .into(),
        });
    }
    let status = record.state().status();
    Err(ApiError::Refused {
        status: StatusCode::BAD_REQUEST,
        code: "P0501",
        description: format!(
            "Cancellation of payment failed: the payment is {status}, and \
             only a payment that is created or started can be cancelled."
        ),
    })
}
