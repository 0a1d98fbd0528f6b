//! Runs the sandbox on its own, for trying it with curl:
//!
//! ```sh
//! cargo run -p paypage-sandbox --example serve
//! # or on another address:
//! SANDBOX_ADDR=127.0.0.1:9090 cargo run -p paypage-sandbox --example serve
//! ```
//!
//! It serves one account, publishable key `pk_test_sandbox` and secret
//! key `sk_test_sandbox`, and lets a page on `http://127.0.0.1:8080`
//! (the shim's default address) tokenise. Stop it with Ctrl-C.

use paypage_sandbox::{Account, SandboxConfig, serve};

#[tokio::main]
async fn main() -> std::io::Result<()> {
    tracing_subscriber::fmt().init();

    let address = std::env::var("SANDBOX_ADDR")
        .unwrap_or_else(|_| "127.0.0.1:8081".to_owned());
    let listener = tokio::net::TcpListener::bind(&address).await?;
    let config = SandboxConfig {
        accounts: vec![Account {
            publishable_key: "pk_test_sandbox".to_owned(),
            secret_key: "sk_test_sandbox".to_owned(),
        }],
        allowed_origins: vec!["http://127.0.0.1:8080".to_owned()],
    };
    let sandbox = serve(listener, config).await?;
    tracing::info!(base_url = sandbox.base_url(), "press Ctrl-C to stop");

    tokio::signal::ctrl_c().await?;
    sandbox.shutdown().await;
    Ok(())
}
