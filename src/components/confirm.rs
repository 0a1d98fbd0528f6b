//! The confirm screen: what will be charged, to which card, before any
//! money moves (WCAG 3.3.4). Change links go back with values kept.

use leptos::prelude::*;

use super::layout::{Heading, PaymentSummary};
use crate::form::Field;
use crate::state::use_page;

#[component]
pub fn Confirm(
    on_confirm: Callback<()>,
    on_change: Callback<Field>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let page = use_page();
    let card = page.details.with_value(|d| {
        d.as_ref()
            .map(|d| (d.number.brand().name(), d.number.last_four().to_owned()))
    });
    let card = card.map(|(brand, last4)| {
        page.fill("card-ending", &[("brand", brand), ("last4", &last4)])
    });
    let name = page.form.name.get_untracked();
    view! {
        <Heading key="confirm-your-payment" />
        <p class="body">{page.text("confirm-hint")}</p>
        <PaymentSummary />
        <dl class="summary-list summary-list--actions">
            <Row key="card" value=card.unwrap_or_default()
                change="change-card-details" field=Field::Number on_change />
            <Row key="name-on-card" value=name
                change="change-name-on-card" field=Field::Name on_change />
        </dl>
        <div class="button-group">
            <button type="button" class="button" on:click=move |_| on_confirm.run(())>
                {page.text("confirm-payment")}
            </button>
            <button type="button" class="button button--secondary"
                on:click=move |_| on_cancel.run(())>
                {page.text("cancel-payment")}
            </button>
        </div>
    }
}

/// One row with its Change link. The link's accessible name is
/// "Change card details", not a bare "Change" (WCAG 2.4.4).
#[component]
fn Row(
    key: &'static str,
    value: String,
    change: &'static str,
    field: Field,
    on_change: Callback<Field>,
) -> impl IntoView {
    let page = use_page();
    let click = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        on_change.run(field);
    };
    view! {
        <div class="summary-list__row">
            <dt>{page.text(key)}</dt>
            <dd>{value}</dd>
            <dd class="summary-list__actions">
                <a class="link" href=format!("#{}", field.id()) on:click=click>
                    {page.text("change")}
                    <span class="visually-hidden">" " {page.text(change)}</span>
                </a>
            </dd>
        </div>
    }
}
