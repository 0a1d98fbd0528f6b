//! Storage: payments, their events, refunds and page sessions.
//!
//! SQLite is the embedded default: one file under the data directory,
//! in WAL mode so the page's reads never wait for a council's writes.
//! The SQL is the subset SQLite and PostgreSQL share (`$n` parameters,
//! `RETURNING`, TEXT timestamps), so that a PostgreSQL pool can serve
//! the same queries when one machine is not enough. Until then the
//! pool type is SQLite's; switching means `sqlx::Any` or a second pool
//! type behind these functions, not new queries.

mod events;
mod idempotency;
mod payments;
mod refunds;
mod secrets;
mod sessions;

use std::path::Path;
use std::str::FromStr;

use chrono::{DateTime, SecondsFormat, Utc};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions,
    SqliteSynchronous,
};

pub use events::EventRecord;
pub use idempotency::{CreateKey, KeyClaim};
pub use payments::{CardRecord, NewPayment, PaymentRecord, SearchFilter};
pub use refunds::{NewRefund, RefundFilter, RefundRecord};
pub use sessions::SessionRecord;

/// The database behind the shim. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Store {
    pool: SqlitePool,
}

impl Store {
    /// Opens (creating if needed) the SQLite file and brings its schema
    /// up to date.
    pub async fn open(path: &Path) -> Result<Store, sqlx::Error> {
        let url = format!("sqlite://{}", path.display());
        let options = SqliteConnectOptions::from_str(&url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(std::time::Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(Store { pool })
    }
}

/// How every timestamp is stored and shown: GOV.UK Pay's format,
/// `2016-01-21T17:15:00.000Z`. Fixed width, so text order is time order.
pub fn stamp(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Millis, true)
}
