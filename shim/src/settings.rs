//! Where the shim listens and finds its data, from an optional file and
//! the environment, with defaults that run with nothing set.

use std::net::SocketAddr;
use std::path::PathBuf;

use serde::Deserialize;

/// The shim's settings.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Where councils and citizens reach the shim.
    pub addr: SocketAddr,
    /// Where the sandbox PSP listens (its own origin).
    pub sandbox_addr: SocketAddr,
    /// The address councils and citizens use, for `next_url` and links:
    /// differs from `addr` behind a proxy. `None`: `http://` + `addr`.
    pub public_url: Option<String>,
    /// The sandbox's address as browsers see it. `None`: from its `addr`.
    pub sandbox_public_url: Option<String>,
    pub data_dir: PathBuf,
    pub councils_dir: PathBuf,
    /// The built page (Trunk's `dist/`).
    pub page_dir: PathBuf,
}

/// Everything is optional in the file; the environment wins over it.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    addr: Option<SocketAddr>,
    sandbox_addr: Option<SocketAddr>,
    public_url: Option<String>,
    sandbox_public_url: Option<String>,
    data_dir: Option<PathBuf>,
    councils_dir: Option<PathBuf>,
    page_dir: Option<PathBuf>,
}

/// A setting that cannot be used, naming where it came from.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("cannot read settings file {0}: {1}")]
    Read(PathBuf, std::io::Error),
    #[error("settings file {0} is not valid: {1}")]
    Syntax(PathBuf, toml::de::Error),
    #[error("{name}={value:?} is not valid: {why}")]
    Env {
        name: &'static str,
        value: String,
        why: String,
    },
}

impl Settings {
    /// Reads `PAYPAGE_CONFIG` (default `paypage.toml` when it exists),
    /// then the `PAYPAGE_*` environment variables.
    pub fn load() -> Result<Settings, SettingsError> {
        let file = file_settings()?;
        let addr = env_or("PAYPAGE_ADDR", file.addr)?
            .unwrap_or(SocketAddr::from(([127, 0, 0, 1], 8080)));
        let next_port = SocketAddr::new(addr.ip(), addr.port() + 1);
        let sandbox_addr = env_or("PAYPAGE_SANDBOX_ADDR", file.sandbox_addr)?
            .unwrap_or(next_port);
        let public_url = env_or("PAYPAGE_PUBLIC_URL", file.public_url)?;
        let sandbox_public_url =
            env_or("PAYPAGE_SANDBOX_PUBLIC_URL", file.sandbox_public_url)?;
        let path = |name, value: Option<PathBuf>, default: &str| {
            env_or(name, value).map(|v| v.unwrap_or_else(|| default.into()))
        };
        Ok(Settings {
            addr,
            sandbox_addr,
            public_url,
            sandbox_public_url,
            data_dir: path("PAYPAGE_DATA_DIR", file.data_dir, "data")?,
            councils_dir: path(
                "PAYPAGE_COUNCILS_DIR",
                file.councils_dir,
                "councils",
            )?,
            page_dir: path("PAYPAGE_PAGE_DIR", file.page_dir, "dist")?,
        })
    }
}

fn file_settings() -> Result<FileSettings, SettingsError> {
    let (path, required) = match std::env::var_os("PAYPAGE_CONFIG") {
        Some(path) => (PathBuf::from(path), true),
        None => (PathBuf::from("paypage.toml"), false),
    };
    if !required && !path.exists() {
        return Ok(FileSettings::default());
    }
    let text = std::fs::read_to_string(&path)
        .map_err(|e| SettingsError::Read(path.clone(), e))?;
    toml::from_str(&text).map_err(|e| SettingsError::Syntax(path, e))
}

/// The environment's value when set, else the file's.
fn env_or<T: std::str::FromStr>(
    name: &'static str,
    fallback: Option<T>,
) -> Result<Option<T>, SettingsError>
where
    T::Err: std::fmt::Display,
{
    let Ok(value) = std::env::var(name) else {
        return Ok(fallback);
    };
    value
        .parse()
        .map(Some)
        .map_err(|e: T::Err| SettingsError::Env {
            name,
            why: e.to_string(),
            value,
        })
}
