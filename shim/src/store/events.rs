//! The audit trail: one row for every state a payment entered.

use sqlx::{FromRow, Sqlite, Transaction};

use super::Store;
use crate::payments::State;

/// One state change.
#[derive(Debug, FromRow)]
pub struct EventRecord {
    pub state: String,
    pub at: String,
}

/// Appends an event inside the caller's transaction, numbered after the
/// payment's last one.
pub(super) async fn append(
    tx: &mut Transaction<'_, Sqlite>,
    payment_id: &str,
    state: State,
    at: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO payment_events (payment_id, seq, state, at) \
         SELECT $1, COALESCE(MAX(seq), 0) + 1, $2, $3 \
         FROM payment_events WHERE payment_id = $1",
    )
    .bind(payment_id)
    .bind(state.name())
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Store {
    /// A payment's events, oldest first.
    pub async fn events(
        &self,
        payment_id: &str,
    ) -> Result<Vec<EventRecord>, sqlx::Error> {
        sqlx::query_as(
            "SELECT state, at FROM payment_events WHERE payment_id = $1 \
             ORDER BY seq",
        )
        .bind(payment_id)
        .fetch_all(&self.pool)
        .await
    }
}
