//! The page's components, one file per piece of the GOV.UK patterns.

pub mod brands;
pub mod card_number;
pub mod confirm;
pub mod details;
pub mod error_summary;
pub mod expiry;
pub mod field;
pub mod layout;
pub mod outcome;
pub mod timeout;
