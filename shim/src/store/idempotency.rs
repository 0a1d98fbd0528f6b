//! Idempotency keys for creating payments.

use chrono::{DateTime, Utc};
use sqlx::{FromRow, Sqlite, Transaction};

use super::{Store, stamp};

/// A create request's key, claimed in the transaction that stores its
/// payment: once another request can see the key, the payment is there
/// too, so a request that loses a race for the key can answer with the
/// winner's payment instead of a conflict.
#[derive(Debug)]
pub struct KeyClaim<'a> {
    pub key: &'a str,
    pub body_hash: &'a str,
    pub now: DateTime<Utc>,
}

/// Claims the key for `payment_id`; false when another request holds it.
pub(super) async fn claim(
    tx: &mut Transaction<'_, Sqlite>,
    council: &str,
    payment_id: &str,
    claim: &KeyClaim<'_>,
) -> Result<bool, sqlx::Error> {
    let claimed = sqlx::query(
        "INSERT INTO create_keys (council, idempotency_key, body_hash, \
         payment_id, created_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (council, idempotency_key) DO NOTHING",
    )
    .bind(council)
    .bind(claim.key)
    .bind(claim.body_hash)
    .bind(payment_id)
    .bind(stamp(claim.now))
    .execute(&mut **tx)
    .await?;
    Ok(claimed.rows_affected() == 1)
}

/// A key a council's service sent with a create request.
#[derive(Debug, FromRow)]
pub struct CreateKey {
    pub body_hash: String,
    pub payment_id: String,
    pub created_at: String,
}

impl Store {
    /// The earlier use of this key, if any.
    pub async fn create_key(
        &self,
        council: &str,
        key: &str,
    ) -> Result<Option<CreateKey>, sqlx::Error> {
        sqlx::query_as(
            "SELECT body_hash, payment_id, created_at FROM create_keys \
             WHERE council = $1 AND idempotency_key = $2",
        )
        .bind(council)
        .bind(key)
        .fetch_optional(&self.pool)
        .await
    }

    /// Forgets a key older than its 24 hours, so it can be used again.
    pub async fn release_create_key(
        &self,
        council: &str,
        key: &str,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "DELETE FROM create_keys WHERE council = $1 \
             AND idempotency_key = $2",
        )
        .bind(council)
        .bind(key)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
