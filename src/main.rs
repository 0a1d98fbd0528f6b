//! The citizen-facing payment page: a Leptos client-side app.
//!
//! Built to WebAssembly by Trunk (`trunk build --release`, which
//! `./task run` does) and served by the shim at `/pay`. It validates
//! card details with the `paypage-card` rules, tokenises them straight
//! to the PSP and sends only the token to the shim.

mod api;
mod app;
mod components;
mod embed;
mod form;
mod i18n;
mod json;
mod psp;
mod state;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
