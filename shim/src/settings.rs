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
    #[error(
        "the shim listens on port 65535, so the sandbox has no next port: \
         set PAYPAGE_SANDBOX_ADDR (or sandbox_addr in the settings file)"
    )]
    NoNextPort,
}

impl Settings {
    /// Reads `PAYPAGE_CONFIG` (default `paypage.toml` when it exists),
    /// then the `PAYPAGE_*` environment variables.
    pub fn load() -> Result<Settings, SettingsError> {
        let file = file_settings()?;
        let addr = env_or("PAYPAGE_ADDR", file.addr)?
            .unwrap_or(SocketAddr::from(([127, 0, 0, 1], 8080)));
        let sandbox_addr =
            match env_or("PAYPAGE_SANDBOX_ADDR", file.sandbox_addr)? {
                Some(sandbox) => sandbox,
                None => next_port(addr)?,
            };
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

/// The sandbox's default address: the port after the shim's. Port 0
/// (any free port) stays 0, so the sandbox gets a free port of its own
/// rather than port 1.
fn next_port(addr: SocketAddr) -> Result<SocketAddr, SettingsError> {
    let port = match addr.port() {
        0 => 0,
        port => port.checked_add(1).ok_or(SettingsError::NoNextPort)?,
    };
    Ok(SocketAddr::new(addr.ip(), port))
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn addr(text: &str) -> SocketAddr {
        text.parse().unwrap()
    }

    #[test]
    fn the_sandbox_takes_the_next_port_by_default() {
        let next = next_port(addr("127.0.0.1:8080")).unwrap();
        assert_eq!(next, addr("127.0.0.1:8081"));
    }

    #[test]
    fn any_free_port_stays_any_free_port_for_the_sandbox() {
        let next = next_port(addr("127.0.0.1:0")).unwrap();
        assert_eq!(next, addr("127.0.0.1:0"));
    }

    // Regression: port 65535 + 1 overflowed, which panics in a debug
    // build instead of saying which setting to change.
    #[test]
    fn the_last_port_asks_for_a_sandbox_address() {
        let error = next_port(addr("127.0.0.1:65535")).unwrap_err();
        assert!(error.to_string().contains("set PAYPAGE_SANDBOX_ADDR"));
    }
}
