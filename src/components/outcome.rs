//! The processing screen and the outcome screens: one component, one
//! table from the shim's outcome code to heading and body.

use leptos::prelude::*;

use super::layout::{Heading, ReturnLink};
use crate::i18n::money;
use crate::state::use_page;

#[component]
pub fn Processing() -> impl IntoView {
    let page = use_page();
    view! {
        <Heading key="processing" />
        <div class="spinner" aria-hidden="true"></div>
        <p class="body">{page.text("processing-hint")}</p>
    }
}

/// Heading and body keys for each outcome code.
fn keys(code: &str) -> (&'static str, Option<&'static str>) {
    match code {
        "success" => ("success", Some("success-body")),
        "declined" | "declined-try-again" => ("declined", None),
        "cancelled" => ("cancelled", Some("cancelled-body")),
        "expired" => ("expired", Some("expired-body")),
        _ => ("error", Some("error-body")),
    }
}

#[component]
pub fn Outcome(code: String, on_retry: Callback<()>) -> impl IntoView {
    let page = use_page();
    let (heading, body) = keys(&code);
    let body = body.map(|key| {
        let amount = page.view.with_untracked(|v| money(v.amount));
        let council = page.council_name();
        page.fill(key, &[("amount", &amount), ("council", &council)])
    });
    let success = code == "success";
    let declined = code.starts_with("declined");
    let retry = code == "declined-try-again";
    view! {
        <Heading key=heading />
        {body.map(|text| view! { <p class="body">{text}</p> })}
        {success.then(|| view! { <Reference /> })}
        {declined.then(|| view! { <DeclineReason /> })}
        {(declined && !retry).then(|| view! { <p class="body">{page.text("declined-final")}</p> })}
        {retry.then(|| view! {
            <p><button type="button" class="button" on:click=move |_| on_retry.run(())>
                {page.text("try-another-card")}
            </button></p>
        })}
        <ReturnLink />
    }
}

#[component]
fn Reference() -> impl IntoView {
    let page = use_page();
    let reference = page.view.with_untracked(|v| v.reference.clone());
    view! {
        <dl class="summary-list">
            <div class="summary-list__row">
                <dt>{page.text("reference")}</dt>
                <dd>{reference}</dd>
            </div>
        </dl>
    }
}

#[component]
fn DeclineReason() -> impl IntoView {
    let page = use_page();
    let reason = page.view.with_untracked(|v| v.outcome.decline.clone());
    let reason = reason.unwrap_or_else(|| "card-declined".to_owned());
    view! { <p class="body">{page.text(&reason)}</p> }
}

/// When the payment cannot be loaded at all: no council, no return
/// link we can trust, so the message says what to do instead.
#[component]
pub fn Unavailable(key: String) -> impl IntoView {
    let page = use_page();
    view! {
        <Heading key="error" />
        <p class="body">{page.text(&key)}</p>
    }
}
