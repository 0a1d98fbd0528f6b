//! Refunds of successful payments.

use chrono::{DateTime, Utc};
use sqlx::{FromRow, QueryBuilder, Sqlite};

use super::{Store, stamp};

/// A refund about to be stored.
#[derive(Debug)]
pub struct NewRefund {
    pub refund_id: String,
    pub payment_id: String,
    pub council: String,
    pub amount: i64,
    pub status: &'static str,
    pub provider_id: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A stored refund.
#[derive(Debug, FromRow)]
pub struct RefundRecord {
    pub refund_id: String,
    pub payment_id: String,
    pub amount: i64,
    pub status: String,
    pub created_at: String,
}

/// The council's refund search, already checked.
#[derive(Debug, Default)]
pub struct RefundFilter {
    pub from: Option<String>,
    pub to: Option<String>,
}

impl Store {
    /// Reserves `amount` of what is left to refund. False, changing
    /// nothing, when less than `amount` is left: two refunds racing for
    /// the last pound cannot both win.
    pub async fn reserve_refund(
        &self,
        payment_id: &str,
        amount: i64,
    ) -> Result<bool, sqlx::Error> {
        let reserved = sqlx::query(
            "UPDATE payments SET refunded = refunded + $1 \
             WHERE payment_id = $2 AND refunded + $1 <= amount",
        )
        .bind(amount)
        .bind(payment_id)
        .execute(&self.pool)
        .await?;
        Ok(reserved.rows_affected() == 1)
    }

    /// Gives back a reservation the PSP refused.
    pub async fn release_refund(
        &self,
        payment_id: &str,
        amount: i64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "UPDATE payments SET refunded = refunded - $1 \
             WHERE payment_id = $2",
        )
        .bind(amount)
        .bind(payment_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn insert_refund(
        &self,
        refund: &NewRefund,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO refunds (refund_id, payment_id, council, amount, \
             status, provider_id, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&refund.refund_id)
        .bind(&refund.payment_id)
        .bind(&refund.council)
        .bind(refund.amount)
        .bind(refund.status)
        .bind(&refund.provider_id)
        .bind(stamp(refund.created_at))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// A payment's refunds, oldest first.
    pub async fn refunds(
        &self,
        payment_id: &str,
    ) -> Result<Vec<RefundRecord>, sqlx::Error> {
        sqlx::query_as(
            "SELECT refund_id, payment_id, amount, status, created_at \
             FROM refunds WHERE payment_id = $1 ORDER BY created_at",
        )
        .bind(payment_id)
        .fetch_all(&self.pool)
        .await
    }

    /// One of a council's refunds of one payment.
    pub async fn refund(
        &self,
        payment_id: &str,
        refund_id: &str,
    ) -> Result<Option<RefundRecord>, sqlx::Error> {
        sqlx::query_as(
            "SELECT refund_id, payment_id, amount, status, created_at \
             FROM refunds WHERE payment_id = $1 AND refund_id = $2",
        )
        .bind(payment_id)
        .bind(refund_id)
        .fetch_optional(&self.pool)
        .await
    }

    /// One page of a council's refunds, newest first, and the total.
    pub async fn search_refunds(
        &self,
        council: &str,
        filter: &RefundFilter,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<RefundRecord>, i64), sqlx::Error> {
        let mut count = QueryBuilder::new("SELECT COUNT(*) FROM refunds");
        push_filter(&mut count, council, filter);
        let total = count.build_query_scalar().fetch_one(&self.pool).await?;

        let mut page = QueryBuilder::new(
            "SELECT refund_id, payment_id, amount, status, created_at \
             FROM refunds",
        );
        push_filter(&mut page, council, filter);
        page.push(" ORDER BY created_at DESC, refund_id DESC LIMIT ");
        page.push_bind(limit).push(" OFFSET ").push_bind(offset);
        let rows = page.build_query_as().fetch_all(&self.pool).await?;
        Ok((rows, total))
    }
}

fn push_filter(
    query: &mut QueryBuilder<'_, Sqlite>,
    council: &str,
    filter: &RefundFilter,
) {
    query
        .push(" WHERE council = ")
        .push_bind(council.to_owned());
    if let Some(from) = &filter.from {
        query.push(" AND created_at >= ").push_bind(from.clone());
    }
    if let Some(to) = &filter.to {
        query.push(" AND created_at < ").push_bind(to.clone());
    }
}
