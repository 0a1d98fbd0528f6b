//! Reading and checking `council.toml`.

use std::path::{Path, PathBuf};

use paypage_card::Brand;
use serde::{Deserialize, Serialize};

use super::KeyMode;
use super::colours::Colours;

/// Why a council's configuration cannot be used. Each says which file
/// and what to change.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read the councils folder {0}: {1}")]
    Folder(PathBuf, std::io::Error),
    #[error("no councils found in {0}: add councils/<slug>/council.toml")]
    NoCouncils(PathBuf),
    #[error("cannot read {0}: {1}")]
    Read(PathBuf, std::io::Error),
    #[error("{0} is not valid: {1}")]
    Syntax(PathBuf, toml::de::Error),
    #[error("{file}: {problem}")]
    Invalid { file: PathBuf, problem: String },
    #[error("council {0} uses an API key that another council uses")]
    SharedKey(String),
}

/// Whether the page collects an optional field.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Collect {
    #[default]
    Off,
    Optional,
    Required,
}

/// The council's account at a real PSP (Stripe's API).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PspAccount {
    /// Defaults to Stripe's API address.
    #[serde(default = "stripe_api")]
    pub api_base: String,
    pub publishable_key: String,
    /// The environment variable holding the secret key: secrets never
    /// live in the configuration folder.
    pub secret_key_env: String,
}

fn stripe_api() -> String {
    "https://api.stripe.com".to_owned()
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Names {
    pub en: String,
    pub cy: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiKey {
    /// What the council calls this key ("parking service").
    pub name: String,
    pub mode: KeyMode,
    /// SHA-256 of the key, in hex: the key itself is never stored.
    pub sha256: String,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fields {
    #[serde(default)]
    pub billing_address: Collect,
    #[serde(default)]
    pub email: Collect,
}

/// One council, as written in its `council.toml`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Council {
    /// The folder name; not written in the file.
    #[serde(skip)]
    pub slug: String,
    pub name: Names,
    #[serde(default = "english")]
    pub default_language: String,
    pub accepted_brands: Vec<String>,
    #[serde(default)]
    pub fields: Fields,
    /// Hosts a payment's `return_url` may point at.
    pub return_url_hosts: Vec<String>,
    /// Origins allowed to embed the page (CSP `frame-ancestors`).
    #[serde(default)]
    pub embedding_origins: Vec<String>,
    #[serde(default)]
    pub api_keys: Vec<ApiKey>,
    /// No account means every payment goes to the sandbox PSP.
    pub psp: Option<PspAccount>,
    #[serde(default)]
    pub colours: Colours,
}

fn english() -> String {
    "en".to_owned()
}

impl Council {
    /// Reads and checks `<folder>/council.toml`.
    pub fn load(folder: &Path) -> Result<Council, LoadError> {
        let file = folder.join("council.toml");
        let text = std::fs::read_to_string(&file)
            .map_err(|e| LoadError::Read(file.clone(), e))?;
        let mut council: Council = toml::from_str(&text)
            .map_err(|e| LoadError::Syntax(file.clone(), e))?;
        council.slug = slug_of(folder);
        council.check().map_err(|problem| LoadError::Invalid {
            file: file.clone(),
            problem,
        })?;
        Ok(council)
    }

    fn check(&self) -> Result<(), String> {
        if !valid_slug(&self.slug) {
            return Err(format!(
                "the folder name {:?} must be lower-case letters, digits \
                 and hyphens",
                self.slug
            ));
        }
        if !matches!(self.default_language.as_str(), "en" | "cy") {
            return Err("default_language must be \"en\" or \"cy\"".into());
        }
        self.brands()?;
        self.colours.check()?;
        for key in &self.api_keys {
            check_key_hash(key)?;
        }
        if self.return_url_hosts.is_empty() {
            return Err("return_url_hosts needs at least one host".into());
        }
        Ok(())
    }

    /// The accepted brands, in the order the council listed them.
    pub fn brands(&self) -> Result<Vec<Brand>, String> {
        let brands = self.accepted_brands.iter().map(|code| {
            Brand::from_code(code).ok_or_else(|| {
                format!(
                    "accepted_brands: {code:?} is not a card brand; use \
                     {}",
                    brand_codes()
                )
            })
        });
        let brands = brands.collect::<Result<Vec<_>, _>>()?;
        if brands.is_empty() {
            return Err("accepted_brands needs at least one brand".into());
        }
        Ok(brands)
    }

    /// The accepted brands, for code that runs after loading checked them.
    pub fn accepted(&self) -> Vec<Brand> {
        self.brands().unwrap_or_default()
    }

    /// The council's name in a payment's language.
    pub fn name_in(&self, language: &str) -> &str {
        if language == "cy" {
            &self.name.cy
        } else {
            &self.name.en
        }
    }
}

fn brand_codes() -> String {
    let codes: Vec<_> = Brand::ALL.iter().map(|b| b.code()).collect();
    codes.join(", ")
}

fn check_key_hash(key: &ApiKey) -> Result<(), String> {
    let hex = key.sha256.len() == 64
        && key.sha256.bytes().all(|b| b.is_ascii_hexdigit());
    if hex {
        Ok(())
    } else {
        Err(format!(
            "api key {:?}: sha256 must be 64 hex digits (the SHA-256 of \
             the key, e.g. from `printf %s KEY | sha256sum`)",
            key.name
        ))
    }
}

fn slug_of(folder: &Path) -> String {
    let name = folder.file_name().map(|n| n.to_string_lossy());
    name.map(|n| n.into_owned()).unwrap_or_default()
}

fn valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The folders below `dir` that hold a `council.toml`, in name order.
pub fn council_folders(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| LoadError::Folder(dir.to_path_buf(), e))?;
    let mut folders: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.join("council.toml").is_file())
        .collect();
    folders.sort();
    Ok(folders)
}
