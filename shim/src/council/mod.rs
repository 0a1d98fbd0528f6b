//! Councils: who they are, what they accept, and the keys they use.
//!
//! One folder per council under `councils/<slug>/` holds `council.toml`.
//! Everything a council can change lives there; nothing about a council
//! is written in code.

mod branding;
pub mod check;
mod colours;
mod config;
pub mod embedding;
mod keys;
pub mod preview;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

pub use branding::{Bilingual, Footer, FooterLink, LOGO_LIMIT, Logo, Support};
pub use colours::{Colour, Colours, Pair};
pub use config::{Collect, Council, LoadError, Preview, PspAccount};
pub use keys::{KeyMode, KeyOwner};

/// Every council this shim serves, found by slug or by API key.
#[derive(Debug, Default)]
pub struct Councils {
    by_slug: HashMap<String, Arc<Council>>,
    by_key: HashMap<String, KeyOwner>,
}

impl Councils {
    /// Loads every `*/council.toml` below `dir`, refusing the whole set
    /// if any one is wrong: a half-loaded set would leave a council's
    /// citizens unable to pay with no sign of why.
    pub fn load(dir: &Path) -> Result<Councils, LoadError> {
        let mut councils = Councils::default();
        for folder in config::council_folders(dir)? {
            councils.add(Council::load(&folder)?)?;
        }
        if councils.by_slug.is_empty() {
            return Err(LoadError::NoCouncils(dir.to_path_buf()));
        }
        Ok(councils)
    }

    /// Adds one council, refusing a key another council already uses.
    pub fn add(&mut self, council: Council) -> Result<(), LoadError> {
        let council = Arc::new(council);
        for key in &council.api_keys {
            let owner = KeyOwner::new(&council, key.mode);
            if self.by_key.insert(key.sha256.clone(), owner).is_some() {
                return Err(LoadError::SharedKey(council.slug.clone()));
            }
        }
        self.by_slug.insert(council.slug.clone(), council);
        Ok(())
    }

    pub fn get(&self, slug: &str) -> Option<&Arc<Council>> {
        self.by_slug.get(slug)
    }

    /// Who an API key belongs to, if anyone.
    pub fn owner_of_key(&self, key: &str) -> Option<&KeyOwner> {
        let mode = KeyMode::of_key(key)?;
        let owner = self.by_key.get(&crate::secret::hash(key))?;
        (owner.mode == mode).then_some(owner)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Arc<Council>> {
        self.by_slug.values()
    }
}
