//! Reading and checking `council.toml`.

use std::path::{Path, PathBuf};

use paypage_card::Brand;
use serde::{Deserialize, Serialize};

use super::KeyMode;
use super::branding::{self, Bilingual, Footer, Logo, Support};
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
    #[error(
        "council {council} ({file}) cannot be used:\n  - {}",
        problems.join("\n  - ")
    )]
    Invalid {
        council: String,
        file: PathBuf,
        problems: Vec<String>,
    },
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
    /// A file name in the council's folder: an SVG or PNG, at most 100 KB.
    pub logo: Option<String>,
    /// What a screen reader says for the logo; required with a logo.
    pub logo_alt: Option<Bilingual>,
    #[serde(default)]
    pub footer: Footer,
    /// Who to contact about accessibility, for the statement.
    pub support: Option<Support>,
    /// Lets `/preview/<slug>` make a sample sandbox payment.
    pub preview: Option<Preview>,
    /// The logo file, read and checked at load.
    #[serde(skip)]
    pub logo_image: Option<Logo>,
}

/// The test key `/preview/<slug>` creates its sample payment with. The
/// shim otherwise keeps only keys' hashes; a test key may be written
/// down because it only ever reaches the sandbox PSP, and loading
/// refuses anything but a test key of this council.
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preview {
    pub test_key: String,
}

impl std::fmt::Debug for Preview {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Preview { test_key: .. }")
    }
}

fn english() -> String {
    "en".to_owned()
}

impl Council {
    /// Reads and checks `<folder>/council.toml` and its logo, listing
    /// every problem found rather than stopping at the first.
    pub fn load(folder: &Path) -> Result<Council, LoadError> {
        let file = folder.join("council.toml");
        let text = std::fs::read_to_string(&file)
            .map_err(|e| LoadError::Read(file.clone(), e))?;
        let mut council: Council = toml::from_str(&text)
            .map_err(|e| LoadError::Syntax(file.clone(), e))?;
        council.slug = slug_of(folder);
        let mut problems = council.problems();
        match council.read_logo(folder) {
            Ok(logo) => council.logo_image = logo,
            Err(problem) => problems.push(problem),
        }
        if problems.is_empty() {
            return Ok(council);
        }
        Err(LoadError::Invalid {
            council: council.slug,
            file,
            problems,
        })
    }

    fn problems(&self) -> Vec<String> {
        let mut problems: Vec<String> = [
            self.check_slug(),
            self.check_language(),
            self.brands().map(|_| ()),
            self.check_hosts(),
            self.support.as_ref().map_or(Ok(()), Support::check),
            self.check_preview(),
        ]
        .into_iter()
        .filter_map(Result::err)
        .collect();
        problems.extend(self.colours.problems());
        problems.extend(
            self.api_keys.iter().filter_map(|k| check_key_hash(k).err()),
        );
        problems.extend(self.footer.check());
        problems.extend(super::embedding::problems(&self.embedding_origins));
        problems
    }

    fn check_slug(&self) -> Result<(), String> {
        if valid_slug(&self.slug) {
            return Ok(());
        }
        Err(format!(
            "the folder name {:?} must be lower-case letters, digits and \
             hyphens",
            self.slug
        ))
    }

    fn check_language(&self) -> Result<(), String> {
        if matches!(self.default_language.as_str(), "en" | "cy") {
            return Ok(());
        }
        Err("default_language must be \"en\" or \"cy\"".into())
    }

    fn check_hosts(&self) -> Result<(), String> {
        if self.return_url_hosts.is_empty() {
            return Err("return_url_hosts needs at least one host".into());
        }
        Ok(())
    }

    /// A preview key must be one of this council's own test keys.
    fn check_preview(&self) -> Result<(), String> {
        let Some(preview) = &self.preview else {
            return Ok(());
        };
        if KeyMode::of_key(&preview.test_key) != Some(KeyMode::Test) {
            return Err("preview.test_key must be a test key (api_test_...): \
                        a live key must never be written in council.toml"
                .into());
        }
        let hash = crate::secret::hash(&preview.test_key);
        let listed = self.api_keys.iter().any(|k| {
            k.mode == KeyMode::Test && k.sha256.eq_ignore_ascii_case(&hash)
        });
        if listed {
            return Ok(());
        }
        Err(format!(
            "preview.test_key is not one of this council's test keys: add \
             an [[api_keys]] entry with mode = \"test\" and sha256 = \
             \"{hash}\""
        ))
    }

    /// The logo, when one is configured and its alternative text given.
    fn read_logo(&self, folder: &Path) -> Result<Option<Logo>, String> {
        let Some(file) = &self.logo else {
            if self.logo_alt.is_some() {
                return Err("logo_alt is given but logo is not".into());
            }
            return Ok(None);
        };
        branding::check_logo_alt(self.logo_alt.as_ref())?;
        Logo::load(folder, file).map(Some)
    }

    /// Whether `/preview/<slug>` can make a sample payment.
    pub fn preview_key(&self) -> Option<&str> {
        self.preview.as_ref().map(|p| p.test_key.as_str())
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
