//! paypage's server.
//!
//! Run it from the repository root with `./task run` (which builds the
//! page first), or `cargo run -p paypage-shim`. With nothing configured
//! it listens on 127.0.0.1:8080, starts the sandbox PSP on 127.0.0.1:8081,
//! keeps its SQLite database in `data/` and serves the councils in
//! `councils/`. Settings: `paypage.toml` or `PAYPAGE_*` variables (see
//! README.md). Logs are JSON lines on standard error; `RUST_LOG` filters.

use std::process::ExitCode;

use paypage_shim::app;
use paypage_shim::clock::Clock;
use paypage_shim::settings::Settings;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    init_logs();
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            tracing::error!("{message}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), String> {
    let settings = Settings::load().map_err(|e| e.to_string())?;
    let running = app::start(&settings, Clock::default())
        .await
        .map_err(|e| e.to_string())?;
    tracing::info!(
        "paypage is ready: payments API at {0}/v1/payments",
        running.public_url
    );
    tokio::select! {
        served = running.server => match served {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(format!("the server stopped: {e}")),
            Err(e) => Err(format!("the server task failed: {e}")),
        },
        _ = tokio::signal::ctrl_c() => {
            tracing::info!("stopping");
            Ok(())
        }
    }
}

fn init_logs() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .json()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_current_span(true)
        .init();
}
