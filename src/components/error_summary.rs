//! The error summary (GOV.UK pattern): above the heading, takes focus
//! when shown so screen readers announce it (WCAG 3.3.1), and links to
//! each field with a problem.

use leptos::prelude::*;

use crate::state::use_page;

pub const SUMMARY_ID: &str = "error-summary";

#[component]
pub fn ErrorSummary() -> impl IntoView {
    let page = use_page();
    move || {
        let errors = page.errors.get();
        (!errors.is_empty()).then(|| {
            let items = errors
                .into_iter()
                .map(|error| {
                    let message = page.in_language(&error.message);
                    view! { <SummaryLink id=error.target message /> }
                })
                .collect_view();
            view! {
                <div id=SUMMARY_ID class="error-summary" role="alert" tabindex="-1"
                    aria-labelledby="error-summary-title">
                    <h2 id="error-summary-title" class="error-summary__title">
                        {page.text("there-is-a-problem")}
                    </h2>
                    <ul class="error-summary__list">{items}</ul>
                </div>
            }
        })
    }
}

/// A link that moves focus to its field. Done in code, not by the
/// fragment alone, so the field's label scrolls into view with it and
/// focus lands on the input even where the browser would not move it.
#[component]
fn SummaryLink(id: &'static str, message: String) -> impl IntoView {
    let on_click = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        focus_by_id(id);
    };
    view! { <li><a href=format!("#{id}") on:click=on_click>{message}</a></li> }
}

/// Focuses an element by id, scrolling it into view.
pub fn focus_by_id(id: &str) {
    let element = document().get_element_by_id(id);
    let element = element.and_then(|e| {
        wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()
    });
    if let Some(element) = element {
        let _ = element.focus();
    }
}
