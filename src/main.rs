//! The citizen-facing payment page: a Leptos client-side app.
//!
//! Built to WebAssembly by Trunk (`trunk build --release`) and served by
//! the shim. Until the page issue lands this only mounts a placeholder.

use leptos::prelude::*;

fn main() {
    mount_to_body(|| view! { <p>"paypage"</p> });
}
