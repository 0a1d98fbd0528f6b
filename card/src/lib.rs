//! Every rule about card details, in one crate that runs both in the
//! citizen's browser (compiled to WebAssembly for the payment page) and
//! on the server (the shim re-checks what the page sends). One
//! implementation means the page and the server can never disagree.
//!
//! The crate reads no clock, does no I/O and holds no English: every
//! rejection carries a stable code (see [`Rejection`]) that the page
//! turns into a message in English or Welsh. Card numbers and security
//! codes live in masking types ([`CardNumber`], [`SecurityCode`]) that
//! print at most the last four digits.
//!
//! ```
//! use paypage_card::{
//!     Brand, CardNumber, Detection, Expiry, Rejection, SecurityCode,
//!     YearMonth, check_cardholder_name, check_number, detect, reformat,
//! };
//!
//! let accepted = [Brand::Visa, Brand::Mastercard, Brand::Maestro];
//! let today = YearMonth { year: 2026, month: 5 };
//!
//! // As the citizen types: the brand shows, the field is regrouped,
//! // and no error shows while the number can still become valid.
//! assert_eq!(detect("5555"), Detection::Brand(Brand::Mastercard));
//! assert_eq!(reformat("55555", 5), ("5555 5".to_owned(), 6));
//! assert!(check_number("5555 5", &accepted).potentially_valid);
//!
//! // On submit: parse each field once, at the edge.
//! let card = CardNumber::parse("5555 5555 5555 4444", &accepted)?;
//! let code = SecurityCode::parse("123", Some(card.brand()))?;
//! let expiry = Expiry::parse("04/29", today)?;
//! check_cardholder_name("Ceri Jones")?;
//! let shown = format!("{card}, {code}, {expiry}");
//! assert_eq!(shown, "•••• 4444, •••, 04/29");
//!
//! // A refusal is a stable code for the page to translate.
//! let refused = Expiry::parse("13/29", today).unwrap_err();
//! assert_eq!(refused.code(), "expiry-month-not-1-to-12");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod brand;
mod detection;
mod digits;
mod email;
mod expiry;
mod format;
mod masked;
mod name;
mod number;
mod postcode;
mod rejection;
mod security_code;

pub use brand::{Brand, OtherBrand};
pub use detection::{Detection, detect, possible_brands};
pub use email::{EmailProblem, check_email};
pub use expiry::{Expiry, ExpiryProblem, YearMonth};
pub use format::{Edit, format_number, reformat, reformat_after};
pub use masked::CardNumber;
pub use name::{NameProblem, check_cardholder_name};
pub use number::{NumberCheck, NumberProblem, check_number};
pub use postcode::{Postcode, PostcodeProblem, check_postcode};
pub use rejection::Rejection;
pub use security_code::{SecurityCode, SecurityCodeProblem};
