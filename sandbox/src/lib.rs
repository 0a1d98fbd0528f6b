//! The sandbox payment provider: a test PSP that speaks the subset of
//! Stripe's API paypage uses, with Stripe's test-mode card behaviour,
//! so the shim's one Stripe connector serves both the sandbox and real
//! Stripe (DESIGN.md, "Sandbox PSP and test cards").
//!
//! The shim starts it on its own loopback port when a council has no
//! real PSP configured, and for every `api_test_` key:
//!
//! ```no_run
//! # async fn start() -> std::io::Result<()> {
//! use paypage_sandbox::{Account, SandboxConfig, serve};
//!
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
//! let config = SandboxConfig {
//!     accounts: vec![Account {
//!         publishable_key: "pk_test_example".into(),
//!         secret_key: "sk_test_example".into(),
//!     }],
//!     allowed_origins: vec!["http://127.0.0.1:8080".into()],
//! };
//! let sandbox = serve(listener, config).await?;
//! let tokens_url = format!("{}/v1/tokens", sandbox.base_url());
//! # let _ = tokens_url;
//! sandbox.shutdown().await;
//! # Ok(()) }
//! ```
//!
//! Endpoints: `POST /v1/tokens` (publishable key, CORS for the page),
//! `POST /v1/payment_intents`, `GET /v1/payment_intents[/{id}]`,
//! `POST /v1/refunds`, `GET /v1/refunds[/{id}]` (secret key; the reads
//! also take an account's read-only key, see [`ReadKeys`]). What it
//! does not do yet, and why, is written where it lives: 3-D Secure in
//! `test_cards`, separate confirmation in `payment_intents`, idempotent
//! token creation in `tokens`.

mod auth;
mod body;
mod brand;
mod card_details;
mod clock;
mod cors;
mod error;
mod idempotency;
mod paging;
mod params;
mod payment_intents;
mod read_keys;
mod refunds;
mod routes;
mod secret;
mod server;
mod store;
mod test_cards;
mod tokens;
mod views;

use std::fmt;
use std::sync::Arc;

pub use read_keys::{ReadKeys, SEED_VARIABLE, ShortSeed};
pub use server::{Sandbox, serve, serve_with_read_keys};

/// One council's PSP account: the key its page tokenises with and the
/// key the shim charges with. Objects made under one account are
/// invisible to every other.
#[derive(Clone, PartialEq, Eq)]
pub struct Account {
    /// Sent by the browser to `POST /v1/tokens`; safe to publish.
    pub publishable_key: String,
    /// Sent by the shim to charge and refund; never leaves the server.
    pub secret_key: String,
}

/// Shows the publishable key but never the secret one, so logging a
/// configuration cannot leak a key that charges cards.
impl fmt::Debug for Account {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Account")
            .field("publishable_key", &self.publishable_key)
            .field("secret_key", &"[redacted]")
            .finish()
    }
}

/// What the sandbox needs to start.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SandboxConfig {
    /// One per council PSP account.
    pub accounts: Vec<Account>,
    /// Browser origins (scheme, host and port, such as
    /// `https://pay.example.gov.uk`) allowed to call `POST /v1/tokens`:
    /// the page's own origin.
    pub allowed_origins: Vec<String>,
}

/// The sandbox's routes, for serving on a listener of the caller's
/// choosing or for driving in-process with `tower::ServiceExt`. Reads
/// take read-only keys when [`SEED_VARIABLE`] holds a seed.
pub fn router(config: SandboxConfig) -> axum::Router {
    router_with_read_keys(config, ReadKeys::from_env().as_ref())
}

/// [`router`] with read-only keys from `read_keys` (none for `None`),
/// whatever the environment says.
pub fn router_with_read_keys(
    config: SandboxConfig,
    read_keys: Option<&ReadKeys>,
) -> axum::Router {
    warn_about_shared_keys(&config.accounts);
    let shared =
        store::Shared::new(config.accounts, config.allowed_origins, read_keys);
    routes::build(Arc::new(shared))
}

/// A key named twice would send one council's requests to another's
/// ledger (the first account that has it wins), so say so at start-up.
/// Keys themselves are never logged.
fn warn_about_shared_keys(accounts: &[Account]) {
    let mut seen = std::collections::HashSet::new();
    let keys = accounts
        .iter()
        .flat_map(|account| [&account.publishable_key, &account.secret_key]);
    for (position, key) in keys.enumerate() {
        if !seen.insert(key) {
            tracing::warn!(
                account = position / 2,
                "a sandbox account reuses a key already configured; \
                 requests with it go to the first account that has it"
            );
        }
    }
}
