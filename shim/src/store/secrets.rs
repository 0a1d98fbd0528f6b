//! Secrets the shim keeps in its database.

use super::Store;

impl Store {
    /// The named secret, created from `fresh` the first time. Every shim
    /// sharing the database reads the same value.
    pub async fn secret(
        &self,
        name: &str,
        fresh: String,
    ) -> Result<String, sqlx::Error> {
        sqlx::query(
            "INSERT INTO shim_secrets (name, value) VALUES ($1, $2) \
             ON CONFLICT (name) DO NOTHING",
        )
        .bind(name)
        .bind(fresh)
        .execute(&self.pool)
        .await?;
        sqlx::query_scalar("SELECT value FROM shim_secrets WHERE name = $1")
            .bind(name)
            .fetch_one(&self.pool)
            .await
    }
}
