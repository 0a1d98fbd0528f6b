//! paypage's server.
//!
//! Run it from the repository root with `./task run` (which builds the
//! page first), or `cargo run -p paypage-shim`. With nothing configured
//! it listens on 127.0.0.1:8080, starts the sandbox PSP on 127.0.0.1:8081,
//! keeps its SQLite database in `data/` and serves the councils in
//! `councils/`. Settings: `paypage.toml` or `PAYPAGE_*` variables (see
//! README.md). Logs are JSON lines on standard error; `RUST_LOG` filters.
//!
//! `cargo run -p paypage-shim -- check-council councils/<slug>` checks
//! one council's folder as the shim would load it, prints each colour
//! pair's contrast or every problem, and exits 0 (usable) or 1 (not).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use paypage_shim::app;
use paypage_shim::clock::Clock;
use paypage_shim::settings::Settings;
use tracing_subscriber::EnvFilter;

const USAGE: &str = "usage: paypage-shim                 start the server\n       \
     paypage-shim check-council DIR check one council's folder\n";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [] => serve(),
        [command, folder] if command == "check-council" => {
            check_council(Path::new(folder))
        }
        _ => {
            let _ = std::io::stderr().write_all(USAGE.as_bytes());
            ExitCode::FAILURE
        }
    }
}

/// Writes the report: to standard output when the folder is usable,
/// to standard error when it is not.
fn check_council(folder: &Path) -> ExitCode {
    match paypage_shim::council::check::report(folder) {
        Ok(report) => {
            let _ = std::io::stdout().write_all(report.as_bytes());
            ExitCode::SUCCESS
        }
        Err(problems) => {
            let _ = std::io::stderr().write_all(problems.as_bytes());
            ExitCode::FAILURE
        }
    }
}

#[tokio::main]
async fn serve() -> ExitCode {
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
