//! One-time page tokens, the page sessions they are swapped for, and
//! the sessions' time limits.

use chrono::{DateTime, Utc};
use sqlx::FromRow;

use super::{Store, stamp};
use crate::payments::State;

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

    /// The payment an unspent one-time token opens, without spending
    /// it: an embedded opening is checked first, so a refused one leaves
    /// the link usable.
    pub async fn page_token_payment(
        &self,
        token_hash: &str,
    ) -> Result<Option<String>, sqlx::Error> {
        sqlx::query_scalar(
            "SELECT payment_id FROM page_tokens \
             WHERE token_hash = $1 AND used = FALSE",
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
            "INSERT INTO page_sessions \
             (session_hash, payment_id, created_at, last_seen_at) \
             VALUES ($1, $2, $3, $3)",
        )
        .bind(session_hash)
        .bind(payment_id)
        .bind(stamp(now))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The payment a page session belongs to, and when the page last
    /// called under it.
    pub async fn session_payment(
        &self,
        session_hash: &str,
    ) -> Result<Option<SessionRecord>, sqlx::Error> {
        sqlx::query_as(
            "SELECT payment_id, last_seen_at FROM page_sessions \
             WHERE session_hash = $1",
        )
        .bind(session_hash)
        .fetch_optional(&self.pool)
        .await
    }

    /// Notes that the page called under this session just now: the
    /// idle time limit starts again.
    pub async fn touch_session(
        &self,
        session_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "UPDATE page_sessions SET last_seen_at = $1 \
             WHERE session_hash = $2",
        )
        .bind(stamp(now))
        .bind(session_hash)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Moves an open payment's expiry from `expires_at` to `to`, once
    /// more than before, if it has been moved fewer than `most` times.
    /// False, changing nothing, otherwise (or if another request moved
    /// or finished it first).
    pub async fn extend_payment(
        &self,
        payment_id: &str,
        expires_at: &str,
        to: DateTime<Utc>,
        most: i64,
    ) -> Result<bool, sqlx::Error> {
        let changed = sqlx::query(
            "UPDATE payments SET expires_at = $1, extensions = extensions + 1 \
             WHERE payment_id = $2 AND expires_at = $3 AND extensions < $4 \
             AND state IN ($5, $6)",
        )
        .bind(stamp(to))
        .bind(payment_id)
        .bind(expires_at)
        .bind(most)
        .bind(State::Created.name())
        .bind(State::Started.name())
        .execute(&self.pool)
        .await?;
        Ok(changed.rows_affected() == 1)
    }
}

/// A page session as stored.
#[derive(Debug, FromRow)]
pub struct SessionRecord {
    pub payment_id: String,
    pub last_seen_at: String,
}
