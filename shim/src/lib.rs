//! The paypage shim: the payments API councils' services call, the
//! server of the citizen's payment page, and the PSP connector.
//!
//! The binary (`src/main.rs`) starts it; integration tests start it in
//! process with [`app::start`] on loopback ports.

pub mod app;
pub mod clock;
pub mod council;
mod demo;
pub mod expiry;
mod html;
mod observe;
pub mod page;
pub mod payments;
pub mod psp;
pub mod secret;
pub mod settings;
pub mod statement;
pub mod store;
