//! The expiry date: month and year in a fieldset whose legend names
//! them together (GOV.UK date input pattern).

use leptos::prelude::*;

use super::field::{
    ErrorMessage, Hint, described_by, error_for, form_group_class, input_class,
};
use crate::form::Field;
use crate::state::use_page;

#[component]
pub fn ExpiryDate() -> impl IntoView {
    let page = use_page();
    let error = error_for(Field::Expiry);
    let id = "expiry";
    let described = described_by(id, true, error);
    let hint = Signal::derive(move || page.text("expiry-hint").to_owned());
    view! {
        <div class=move || form_group_class(error.with(Option::is_some))>
            <fieldset class="fieldset" aria-describedby=described>
                <legend class="fieldset__legend">{page.text("expiry-date")}</legend>
                <Hint id text=hint />
                <ErrorMessage id error />
                <div class="date-input">
                    <Part id="expiry-month" label="month" value=page.form.month
                        autocomplete="cc-exp-month" error described />
                    <Part id="expiry-year" label="year" value=page.form.year
                        autocomplete="cc-exp-year" error described />
                </div>
            </fieldset>
        </div>
    }
}

#[component]
fn Part(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    autocomplete: &'static str,
    error: Signal<Option<String>>,
    described: Signal<Option<String>>,
) -> impl IntoView {
    let page = use_page();
    view! {
        <div class="date-input__item">
            <label class="label" for=id>{page.text(label)}</label>
            <input
                class=move || input_class("width-4ch", error.with(Option::is_some))
                id=id
                name=id
                type="text"
                autocomplete=autocomplete
                inputmode="numeric"
                spellcheck="false"
                aria-describedby=described
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}
