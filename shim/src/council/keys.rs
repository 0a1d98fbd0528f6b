//! API keys: `api_test_…` always routes to the sandbox PSP,
//! `api_live_…` to the council's own PSP account.

use std::sync::Arc;

use serde::Deserialize;

use super::Council;

/// Whether a key takes test or live payments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyMode {
    Test,
    Live,
}

impl KeyMode {
    /// The mode a key's prefix declares, or `None` for a malformed key.
    pub fn of_key(key: &str) -> Option<KeyMode> {
        if key.starts_with("api_test_") {
            Some(KeyMode::Test)
        } else if key.starts_with("api_live_") {
            Some(KeyMode::Live)
        } else {
            None
        }
    }
}

/// The council behind an API key, and the key's mode.
#[derive(Clone, Debug)]
pub struct KeyOwner {
    pub council: Arc<Council>,
    pub mode: KeyMode,
}

impl KeyOwner {
    pub fn new(council: &Arc<Council>, mode: KeyMode) -> KeyOwner {
        KeyOwner {
            council: Arc::clone(council),
            mode,
        }
    }
}
