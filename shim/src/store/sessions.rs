//! One-time page tokens and the page sessions they are swapped for.

use chrono::{DateTime, Utc};

use super::{Store, stamp};

impl Store {
    /// Spends a one-time token: the payment it opens, once, or `None`.
    pub async fn spend_page_token(
        &self,
        token_hash: &str,
    ) -> Result<Option<String>, sqlx::Error> {
        sqlx::query_scalar(
            "UPDATE page_tokens SET used = TRUE \
             WHERE token_hash = $1 AND used = FALSE RETURNING payment_id",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await
    }

    /// Starts a page session for a payment.
    pub async fn insert_session(
        &self,
        session_hash: &str,
        payment_id: &str,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO page_sessions (session_hash, payment_id, created_at) \
             VALUES ($1, $2, $3)",
        )
        .bind(session_hash)
        .bind(payment_id)
        .bind(stamp(now))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The payment a page session belongs to.
    pub async fn session_payment(
        &self,
        session_hash: &str,
    ) -> Result<Option<String>, sqlx::Error> {
        sqlx::query_scalar(
            "SELECT payment_id FROM page_sessions WHERE session_hash = $1",
        )
        .bind(session_hash)
        .fetch_optional(&self.pool)
        .await
    }
}
