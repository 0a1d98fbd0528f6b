//! The sandbox's memory: one ledger per configured account.
//!
//! Everything lives in process memory behind one mutex, and a restart
//! forgets every token, payment intent, refund and idempotency key.
//! That is acceptable for a sandbox: it moves no money, the shim's own
//! database is the record of what happened, and a test run starts a
//! fresh sandbox anyway. One mutex is enough because no handler holds
//! it across an `.await`, and it makes the idempotency check-and-charge
//! a single step, so two identical requests can never both charge.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Mutex, PoisonError};

use paypage_card::Brand;
use serde_json::Value;

use crate::Account;
use crate::auth::Keyring;
use crate::idempotency::Saved;
use crate::read_keys::{AccountReadKeys, ReadKeys};
use crate::test_cards::Outcome;

/// Configuration and state shared by every request.
#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) accounts: Vec<Account>,
    /// Each account's read-only key, in the same order; none when the
    /// sandbox runs without read keys.
    pub(crate) read_keys: AccountReadKeys,
    pub(crate) allowed_origins: Vec<String>,
    ledgers: Mutex<Vec<Ledger>>,
}

impl Shared {
    pub(crate) fn new(
        accounts: Vec<Account>,
        origins: Vec<String>,
        read_keys: Option<&ReadKeys>,
    ) -> Self {
        let ledgers = accounts.iter().map(|_| Ledger::default()).collect();
        let read_keys = AccountReadKeys::derive(read_keys, &accounts);
        Shared {
            accounts,
            read_keys,
            allowed_origins: origins,
            ledgers: Mutex::new(ledgers),
        }
    }

    /// Every key the sandbox answers to, for `auth::authenticate`.
    pub(crate) fn keyring(&self) -> Keyring<'_> {
        Keyring {
            accounts: &self.accounts,
            read_keys: &self.read_keys,
        }
    }

    /// Runs `work` with the account's ledger locked. Nothing in the
    /// sandbox panics while holding the lock, but if something ever did,
    /// the ledgers are still consistent maps, so carry on with them.
    pub(crate) fn with_ledger<R>(
        &self,
        account: usize,
        work: impl FnOnce(&mut Ledger) -> R,
    ) -> Option<R> {
        let mut ledgers =
            self.ledgers.lock().unwrap_or_else(PoisonError::into_inner);
        ledgers.get_mut(account).map(work)
    }
}

/// One account's objects. Other accounts' objects are invisible: a
/// token made with another account's publishable key is "no such
/// token" here, exactly as at Stripe.
#[derive(Debug, Default)]
pub(crate) struct Ledger {
    pub(crate) tokens: HashMap<String, TokenRecord>,
    /// Oldest first; lists read it backwards for newest first.
    pub(crate) intents: Vec<IntentRecord>,
    pub(crate) refunds: Vec<RefundRecord>,
    pub(crate) idempotency: HashMap<String, Saved>,
}

impl Ledger {
    pub(crate) fn intent(&self, id: &str) -> Option<&IntentRecord> {
        self.intents.iter().find(|intent| intent.id == id)
    }

    pub(crate) fn intent_mut(&mut self, id: &str) -> Option<&mut IntentRecord> {
        self.intents.iter_mut().find(|intent| intent.id == id)
    }

    pub(crate) fn refund(&self, id: &str) -> Option<&RefundRecord> {
        self.refunds.iter().find(|refund| refund.id == id)
    }
}

/// What the sandbox keeps of a card: nothing a thief could charge.
/// The full number and security code are checked and then dropped (see
/// `card_details`), so they are never stored, even in memory.
#[derive(Debug, Clone)]
pub(crate) struct CardView {
    pub(crate) brand: Brand,
    pub(crate) last4: String,
    pub(crate) exp_month: u8,
    pub(crate) exp_year: u16,
    pub(crate) funding: &'static str,
    /// The issuing country. The sandbox cannot know it and reports the
    /// UK, where paypage's councils and most of their citizens are.
    pub(crate) country: &'static str,
    pub(crate) name: Option<String>,
    pub(crate) address: Address,
    /// Whether a security code was sent (and passed the format check).
    pub(crate) cvc_given: bool,
}

/// The billing address sent with the card, each line optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Address {
    pub(crate) line1: Option<String>,
    pub(crate) line2: Option<String>,
    pub(crate) city: Option<String>,
    pub(crate) postal_code: Option<String>,
    pub(crate) country: Option<String>,
}

/// A single-use token: the card view and what charging it will do.
#[derive(Debug, Clone)]
pub(crate) struct TokenRecord {
    pub(crate) id: String,
    pub(crate) card_id: String,
    pub(crate) created: i64,
    pub(crate) card: CardView,
    pub(crate) outcome: Outcome,
    pub(crate) used: bool,
}

/// Stripe's payment intent states that the sandbox can reach: it only
/// creates and confirms in one step, so an intent is either paid or
/// waiting for another card after a decline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IntentStatus {
    Succeeded,
    RequiresPaymentMethod,
}

impl IntentStatus {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            IntentStatus::Succeeded => "succeeded",
            IntentStatus::RequiresPaymentMethod => "requires_payment_method",
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct PaymentMethodRecord {
    pub(crate) id: String,
    pub(crate) created: i64,
    pub(crate) card: CardView,
    /// `pass` or `fail` once charged, as Stripe reports `checks.cvc_check`.
    pub(crate) cvc_check: Option<&'static str>,
}

#[derive(Debug, Clone)]
pub(crate) struct IntentRecord {
    pub(crate) id: String,
    pub(crate) client_secret: String,
    pub(crate) created: i64,
    pub(crate) amount: i64,
    pub(crate) currency: String,
    pub(crate) description: Option<String>,
    pub(crate) metadata: BTreeMap<String, String>,
    pub(crate) status: IntentStatus,
    pub(crate) payment_method: PaymentMethodRecord,
    pub(crate) charge_id: String,
    /// The card error of a declined attempt, as Stripe embeds it.
    pub(crate) last_payment_error: Option<Value>,
    /// Pence refunded so far.
    pub(crate) refunded: i64,
}

#[derive(Debug, Clone)]
pub(crate) struct RefundRecord {
    pub(crate) id: String,
    pub(crate) created: i64,
    pub(crate) amount: i64,
    pub(crate) currency: String,
    pub(crate) payment_intent: String,
    pub(crate) charge: String,
    pub(crate) reason: Option<String>,
    pub(crate) metadata: BTreeMap<String, String>,
}
