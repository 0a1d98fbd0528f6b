//! The payments table.

use chrono::{DateTime, Utc};
use sqlx::{FromRow, QueryBuilder, Sqlite};

use super::idempotency::{self, KeyClaim};
use super::{Store, stamp};
use crate::payments::State;

/// A payment as created by a council's service.
#[derive(Debug)]
pub struct NewPayment {
    pub payment_id: String,
    pub council: String,
    pub live: bool,
    pub amount: i64,
    pub reference: String,
    pub description: String,
    pub return_url: String,
    pub language: String,
    pub email: Option<String>,
    pub prefilled_json: Option<String>,
    pub metadata_json: Option<String>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// A stored payment.
#[derive(Clone, Debug, FromRow)]
pub struct PaymentRecord {
    pub payment_id: String,
    pub council: String,
    pub live: bool,
    pub amount: i64,
    pub reference: String,
    pub description: String,
    pub return_url: String,
    pub language: String,
    pub email: Option<String>,
    pub prefilled_json: Option<String>,
    pub metadata_json: Option<String>,
    pub state: String,
    pub attempts: i64,
    pub last_decline: Option<String>,
    pub provider_id: Option<String>,
    pub card_brand: Option<String>,
    pub card_type: Option<String>,
    pub card_last4: Option<String>,
    pub card_expiry: Option<String>,
    pub cardholder_name: Option<String>,
    pub billing_json: Option<String>,
    pub refunded: i64,
    pub created_at: String,
    pub expires_at: String,
    /// Times the citizen's "I need more time" moved `expires_at`.
    pub extensions: i64,
}

impl PaymentRecord {
    /// The state; a name this build never wrote reads as an error state
    /// rather than failing every request for the payment.
    pub fn state(&self) -> State {
        State::from_name(&self.state).unwrap_or(State::Error)
    }
}

/// What the PSP reported about the card that paid. Never the number.
#[derive(Debug, Default)]
pub struct CardRecord {
    pub provider_id: Option<String>,
    pub brand: Option<String>,
    pub card_type: Option<String>,
    pub last4: Option<String>,
    pub expiry: Option<String>,
    pub cardholder_name: Option<String>,
    pub billing_json: Option<String>,
}

/// The council's search, already checked.
#[derive(Debug, Default)]
pub struct SearchFilter {
    pub reference: Option<String>,
    pub email: Option<String>,
    pub states: Option<Vec<&'static str>>,
    pub card_brand: Option<String>,
    pub cardholder_name: Option<String>,
    pub last4: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

impl Store {
    /// Stores a new payment, its first event and its one-time page token
    /// together: a payment never exists without a way to open it. With
    /// an idempotency key, the key is claimed in the same transaction;
    /// false (and nothing stored) when another request holds it.
    pub async fn insert_payment(
        &self,
        new: &NewPayment,
        token_hash: &str,
        key: Option<&KeyClaim<'_>>,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        if let Some(key) = key {
            let council = &new.council;
            if !idempotency::claim(&mut tx, council, &new.payment_id, key)
                .await?
            {
                tx.rollback().await?;
                return Ok(false);
            }
        }
        sqlx::query(
            "INSERT INTO payments (payment_id, council, live, amount, \
             reference, description, return_url, language, email, \
             prefilled_json, metadata_json, state, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, \
             $13, $14)",
        )
        .bind(&new.payment_id)
        .bind(&new.council)
        .bind(new.live)
        .bind(new.amount)
        .bind(&new.reference)
        .bind(&new.description)
        .bind(&new.return_url)
        .bind(&new.language)
        .bind(&new.email)
        .bind(&new.prefilled_json)
        .bind(&new.metadata_json)
        .bind(State::Created.name())
        .bind(stamp(new.created_at))
        .bind(stamp(new.expires_at))
        .execute(&mut *tx)
        .await?;
        let created = stamp(new.created_at);
        super::events::append(
            &mut tx,
            &new.payment_id,
            State::Created,
            &created,
        )
        .await?;
        sqlx::query(
            "INSERT INTO page_tokens (token_hash, payment_id) VALUES ($1, $2)",
        )
        .bind(token_hash)
        .bind(&new.payment_id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// A council's own payment; another council's is `None`.
    pub async fn council_payment(
        &self,
        council: &str,
        payment_id: &str,
    ) -> Result<Option<PaymentRecord>, sqlx::Error> {
        sqlx::query_as(
            "SELECT * FROM payments WHERE payment_id = $1 AND council = $2",
        )
        .bind(payment_id)
        .bind(council)
        .fetch_optional(&self.pool)
        .await
    }

    /// Any payment by id, for the page (whose session names it).
    pub async fn payment(
        &self,
        payment_id: &str,
    ) -> Result<Option<PaymentRecord>, sqlx::Error> {
        sqlx::query_as("SELECT * FROM payments WHERE payment_id = $1")
            .bind(payment_id)
            .fetch_optional(&self.pool)
            .await
    }

    /// Moves a payment from one of `from` to `to` and records the event.
    /// Returns false, changing nothing, when it was in none of `from`:
    /// this is what makes a double-pressed Confirm charge once.
    pub async fn transition(
        &self,
        payment_id: &str,
        from: &[State],
        to: State,
        now: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let mut query =
            QueryBuilder::<Sqlite>::new("UPDATE payments SET state = ");
        query.push_bind(to.name());
        query.push(" WHERE payment_id = ").push_bind(payment_id);
        query.push(" AND state IN (");
        let mut names = query.separated(", ");
        for state in from {
            names.push_bind(state.name());
        }
        query.push(")");
        let changed = query.build().execute(&mut *tx).await?;
        if changed.rows_affected() != 1 {
            return Ok(false);
        }
        super::events::append(&mut tx, payment_id, to, &stamp(now)).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Records what the PSP said about the card that was charged.
    pub async fn record_card(
        &self,
        payment_id: &str,
        card: &CardRecord,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "UPDATE payments SET provider_id = $1, card_brand = $2, \
             card_type = $3, card_last4 = $4, card_expiry = $5, \
             cardholder_name = $6, billing_json = $7 WHERE payment_id = $8",
        )
        .bind(&card.provider_id)
        .bind(&card.brand)
        .bind(&card.card_type)
        .bind(&card.last4)
        .bind(&card.expiry)
        .bind(&card.cardholder_name)
        .bind(&card.billing_json)
        .bind(payment_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Remembers why the last card was declined, for the page.
    pub async fn record_decline(
        &self,
        payment_id: &str,
        reason: &str,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "UPDATE payments SET last_decline = $1 WHERE payment_id = $2",
        )
        .bind(reason)
        .bind(payment_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Counts an attempt that reached the PSP, whatever it answered.
    pub async fn count_attempt(
        &self,
        payment_id: &str,
    ) -> Result<i64, sqlx::Error> {
        sqlx::query_scalar(
            "UPDATE payments SET attempts = attempts + 1 \
             WHERE payment_id = $1 RETURNING attempts",
        )
        .bind(payment_id)
        .fetch_one(&self.pool)
        .await
    }

    /// Unfinished payments whose 90 minutes are up.
    pub async fn due_to_expire(
        &self,
        now: DateTime<Utc>,
    ) -> Result<Vec<String>, sqlx::Error> {
        sqlx::query_scalar(
            "SELECT payment_id FROM payments WHERE state IN ($1, $2) \
             AND expires_at <= $3",
        )
        .bind(State::Created.name())
        .bind(State::Started.name())
        .bind(stamp(now))
        .fetch_all(&self.pool)
        .await
    }

    /// One page of a council's payments, newest first, and the total.
    pub async fn search(
        &self,
        council: &str,
        filter: &SearchFilter,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<PaymentRecord>, i64), sqlx::Error> {
        let mut count = QueryBuilder::new("SELECT COUNT(*) FROM payments");
        push_filter(&mut count, council, filter);
        let total: i64 =
            count.build_query_scalar().fetch_one(&self.pool).await?;

        let mut page = QueryBuilder::new("SELECT * FROM payments");
        push_filter(&mut page, council, filter);
        page.push(" ORDER BY created_at DESC, payment_id DESC LIMIT ");
        page.push_bind(limit).push(" OFFSET ").push_bind(offset);
        let rows = page.build_query_as().fetch_all(&self.pool).await?;
        Ok((rows, total))
    }
}

fn push_filter(
    query: &mut QueryBuilder<'_, Sqlite>,
    council: &str,
    filter: &SearchFilter,
) {
    query
        .push(" WHERE council = ")
        .push_bind(council.to_owned());
    let exact = [
        ("reference", &filter.reference),
        ("card_brand", &filter.card_brand),
        ("card_last4", &filter.last4),
    ];
    for (column, value) in exact {
        if let Some(value) = value {
            query
                .push(format!(" AND {column} = "))
                .push_bind(value.clone());
        }
    }
    // GOV.UK Pay matches email and cardholder name on part of the value.
    let partial = [
        ("email", &filter.email),
        ("cardholder_name", &filter.cardholder_name),
    ];
    for (column, value) in partial {
        if let Some(value) = value {
            let pattern = format!("%{}%", escape_like(value));
            query.push(format!(" AND LOWER({column}) LIKE LOWER("));
            query.push_bind(pattern).push(") ESCAPE '\\'");
        }
    }
    if let Some(states) = &filter.states {
        query.push(" AND state IN (");
        let mut names = query.separated(", ");
        for state in states {
            names.push_bind(*state);
        }
        query.push(")");
    }
    if let Some(from) = &filter.from {
        query.push(" AND created_at >= ").push_bind(from.clone());
    }
    if let Some(to) = &filter.to {
        query.push(" AND created_at < ").push_bind(to.clone());
    }
}

fn escape_like(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len());
    for c in value.chars() {
        if matches!(c, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}
