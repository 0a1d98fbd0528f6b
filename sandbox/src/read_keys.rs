//! Read-only keys, in the shape of Stripe's restricted keys
//! (`rk_test_…`): they list and retrieve, and never charge or refund.
//!
//! The shim mints each account's secret key afresh at every start and
//! never lets it out of its process, so a browser test has no key to
//! ask the sandbox what was really charged. When the variable
//! [`SEED_VARIABLE`] holds a seed (the browser tests' configuration
//! sets a random one per run), every account also answers reads made
//! with `rk_test_` followed by HMAC-SHA256(seed, its publishable key) in
//! lower-case hex. A test that knows the seed and reads the page's
//! publishable key can then read that one account, and nothing more.
//!
//! Never set the variable where real people try payments: anyone with
//! the seed can read every sandbox payment (no card numbers, which the
//! sandbox never keeps, but names, amounts and descriptions).

use std::fmt;

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::Account;

/// The environment variable [`ReadKeys::from_env`] reads.
pub const SEED_VARIABLE: &str = "PAYPAGE_SANDBOX_READ_KEY_SEED";

/// A shorter seed could be guessed; such a seed turns read keys off.
const MIN_SEED_CHARS: usize = 32;

const PREFIX: &str = "rk_test_";

type HmacSha256 = Hmac<Sha256>;

/// The seed that read-only keys are derived from.
#[derive(Clone, PartialEq, Eq)]
pub struct ReadKeys {
    seed: String,
}

/// A seed too short to be kept secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShortSeed {
    /// How many characters the seed had.
    pub chars: usize,
}

impl fmt::Display for ShortSeed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a read key seed needs at least {MIN_SEED_CHARS} characters; \
             this one has {}",
            self.chars
        )
    }
}

impl std::error::Error for ShortSeed {}

impl ReadKeys {
    /// Read keys from `seed`, which must be at least 32 characters.
    pub fn new(seed: &str) -> Result<ReadKeys, ShortSeed> {
        let chars = seed.chars().count();
        if chars < MIN_SEED_CHARS {
            return Err(ShortSeed { chars });
        }
        Ok(ReadKeys {
            seed: seed.to_owned(),
        })
    }

    /// Read keys from [`SEED_VARIABLE`], or none when it is unset. A
    /// seed too short is refused with a warning (naming the variable,
    /// never its value) and the sandbox runs without read keys.
    pub fn from_env() -> Option<ReadKeys> {
        let seed = std::env::var(SEED_VARIABLE).ok()?;
        match ReadKeys::new(&seed) {
            Ok(keys) => {
                // Said at start, so a seed left set where real people
                // try payments shows up in the log.
                tracing::info!(
                    variable = SEED_VARIABLE,
                    "sandbox read-only keys are on"
                );
                Some(keys)
            }
            Err(short) => {
                tracing::warn!(
                    variable = SEED_VARIABLE,
                    "{short}: read-only keys are off"
                );
                None
            }
        }
    }

    /// The read-only key of the account with this publishable key.
    pub fn key_for(&self, publishable_key: &str) -> String {
        // HMAC takes a key of any length, so this cannot fail; if it
        // ever did, the empty key it gives matches no request.
        let Ok(mut mac) = HmacSha256::new_from_slice(self.seed.as_bytes())
        else {
            return String::new();
        };
        mac.update(publishable_key.as_bytes());
        let digest = mac.finalize().into_bytes();
        format!("{PREFIX}{}", hex::encode(digest))
    }
}

/// Never shows the seed, which would let a reader derive every key.
impl fmt::Debug for ReadKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReadKeys")
            .field("seed", &"[redacted]")
            .finish()
    }
}

/// Every account's read-only key, in the order of the accounts.
#[derive(Default)]
pub(crate) struct AccountReadKeys(Vec<String>);

impl AccountReadKeys {
    pub(crate) fn derive(
        keys: Option<&ReadKeys>,
        accounts: &[Account],
    ) -> AccountReadKeys {
        let Some(keys) = keys else {
            return AccountReadKeys::default();
        };
        let each = accounts.iter().map(|a| keys.key_for(&a.publishable_key));
        AccountReadKeys(each.collect())
    }

    /// The account whose read-only key this is.
    pub(crate) fn account_of(&self, key: &str) -> Option<usize> {
        self.0.iter().position(|read_key| read_key == key)
    }
}

/// Says how many keys there are, never what they are.
impl fmt::Debug for AccountReadKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AccountReadKeys({} redacted)", self.0.len())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const SEED: &str = "0123456789abcdef0123456789abcdef";

    /// The browser tests derive the same key in Node
    /// (tests/support/sandbox.ts); this pins the formula both follow.
    #[test]
    fn a_key_is_the_hmac_of_the_publishable_key_in_hex() {
        let key = ReadKeys::new(SEED).unwrap().key_for("pk_test_a");
        assert_eq!(
            key,
            "rk_test_48bfe42bf14c2dbf3dfd2b1743b989c2\
             31ccb59121fceaa3a3fa789092fd713d"
        );
    }

    #[test]
    fn each_account_and_each_seed_has_its_own_key() {
        let keys = ReadKeys::new(SEED).unwrap();
        let other_seed = ReadKeys::new(&SEED.replace('0', "z")).unwrap();
        assert_ne!(keys.key_for("pk_test_a"), keys.key_for("pk_test_b"));
        assert_ne!(keys.key_for("pk_test_a"), other_seed.key_for("pk_test_a"));
        assert_eq!(keys.key_for("pk_test_a"), keys.key_for("pk_test_a"));
    }

    #[test]
    fn a_short_seed_is_refused_and_says_how_short() {
        let error = ReadKeys::new("too-short").unwrap_err();
        assert_eq!(error.chars, 9);
        assert!(error.to_string().contains("at least 32"), "{error}");
    }

    #[test]
    fn debug_never_shows_the_seed() {
        let shown = format!("{:?}", ReadKeys::new(SEED).unwrap());
        assert!(!shown.contains(SEED), "{shown}");
    }
}
