//! Payments left unfinished expire 90 minutes after creation
//! (GOV.UK Pay's rule; the state becomes `failed` with code P0020).

use std::time::Duration;

use crate::app::AppState;
use crate::payments::State;

/// How long a citizen has to pay.
pub const PAYMENT_LIFETIME: chrono::Duration = chrono::Duration::minutes(90);

/// How often the sweeper looks. A payment read between sweeps is
/// expired on the spot too (see `expire_if_due`), so nobody ever sees
/// an overdue payment as open.
const SWEEP_EVERY: Duration = Duration::from_secs(30);

pub fn spawn_sweeper(state: AppState) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(SWEEP_EVERY);
        loop {
            ticks.tick().await;
            if let Err(error) = sweep(&state).await {
                tracing::warn!(%error, "expiry sweep failed; will retry");
            }
        }
    });
}

/// Expires every overdue payment.
pub async fn sweep(state: &AppState) -> Result<(), sqlx::Error> {
    let now = state.clock.now();
    for payment_id in state.store.due_to_expire(now).await? {
        expire(state, &payment_id).await?;
    }
    Ok(())
}

/// Expires one payment if its time is up; true if it did.
pub async fn expire_if_due(
    state: &AppState,
    payment_id: &str,
    expires_at: &str,
) -> Result<bool, sqlx::Error> {
    if crate::store::stamp(state.clock.now()).as_str() < expires_at {
        return Ok(false);
    }
    expire(state, payment_id).await
}

async fn expire(
    state: &AppState,
    payment_id: &str,
) -> Result<bool, sqlx::Error> {
    // Not `submitted`: a charge is on its way to the PSP, which may
    // have taken the money, so expiring it could tell the council
    // "failed" for a paid fine. Known shortcoming: a shim that dies
    // mid-charge leaves such a payment submitted for good. When that
    // is seen, ask the PSP for the intent (by the idempotency key) and
    // settle the payment from its answer here.
    let open = [State::Created, State::Started];
    let now = state.clock.now();
    let expired = state
        .store
        .transition(payment_id, &open, State::Expired, now)
        .await?;
    if expired {
        tracing::info!(payment_id, "payment expired");
    }
    Ok(expired)
}
