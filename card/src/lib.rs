//! Every rule about card details, in one crate that runs both in the
//! citizen's browser (compiled to WebAssembly for the payment page) and
//! on the server (the shim re-checks what the page sends). One
//! implementation means the page and the server can never disagree.
//!
//! The crate reads no clock, does no I/O and holds no English: every
//! rejection carries a stable code (see [`Rejection`]) that the page
//! turns into a message in English or Welsh.
//!
//! ```
//! use paypage_card::{check_number, detect, Brand, Detection};
//!
//! let accepted = [Brand::Visa, Brand::Mastercard, Brand::Maestro];
//!
//! // As the citizen types, the brand appears and errors wait until
//! // the number can no longer become valid.
//! assert_eq!(detect("5555"), Detection::Brand(Brand::Mastercard));
//! let typing = check_number("5555 5555", &accepted);
//! assert!(!typing.valid && typing.potentially_valid);
//!
//! let done = check_number("5555 5555 5555 4444", &accepted);
//! assert!(done.valid);
//! ```
#![deny(missing_docs)]

mod brand;
mod detection;
mod digits;
mod number;
mod rejection;

pub use brand::{Brand, OtherBrand};
pub use detection::{Detection, detect, possible_brands};
pub use number::{NumberCheck, NumberProblem, check_number};
pub use rejection::Rejection;
