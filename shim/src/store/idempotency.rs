//! Idempotency keys for creating payments.

use chrono::{DateTime, Utc};
use sqlx::FromRow;

use super::{Store, stamp};

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

    /// Claims a key for a payment about to be created. False when another
    /// request claimed it first (the caller then reads that one).
    pub async fn claim_create_key(
        &self,
        council: &str,
        key: &str,
        body_hash: &str,
        payment_id: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        let claimed = sqlx::query(
            "INSERT INTO create_keys (council, idempotency_key, body_hash, \
             payment_id, created_at) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (council, idempotency_key) DO NOTHING",
        )
        .bind(council)
        .bind(key)
        .bind(body_hash)
        .bind(payment_id)
        .bind(stamp(now))
        .execute(&self.pool)
        .await?;
        Ok(claimed.rows_affected() == 1)
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
