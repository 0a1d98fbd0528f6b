//! The card number: grouped as the citizen types, with the caret kept
//! beside the digit they were typing, and the brand announced once.

use leptos::prelude::*;
use paypage_card::{Edit, reformat_after};
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, InputEvent};

use super::field::{
    ErrorMessage, described_by, error_for, form_group_class, input_class,
};
use crate::form::Field;
use crate::state::use_page;

#[component]
pub fn CardNumber() -> impl IntoView {
    let page = use_page();
    let value = page.form.number;
    let id = Field::Number.id();
    let error = error_for(Field::Number);
    let described = described_by(id, false, error);
    view! {
        <div class=move || form_group_class(error.with(Option::is_some))>
            <label class="label" for=id>{page.text("card-number")}</label>
            <ErrorMessage id error />
            <input
                class=move || input_class("width-20ch", error.with(Option::is_some))
                id=id
                name=id
                type="text"
                autocomplete="cc-number"
                inputmode="numeric"
                spellcheck="false"
                aria-describedby=described
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| value.set(regroup(&ev))
            />
        </div>
    }
}

/// Regroups the field's text and puts the caret back where it belongs.
fn regroup(ev: &leptos::ev::Event) -> String {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    else {
        return event_target_value(ev);
    };
    let text = input.value();
    let caret = input.selection_start().ok().flatten().unwrap_or(0) as usize;
    let edit = edit_kind(ev);
    let (grouped, caret) = reformat_after(&text, caret, edit);
    if grouped != text {
        input.set_value(&grouped);
        let caret = caret as u32;
        let _ = input.set_selection_range(caret, caret);
    }
    grouped
}

/// Which edit the browser says produced the text.
fn edit_kind(ev: &leptos::ev::Event) -> Edit {
    let kind = ev
        .dyn_ref::<InputEvent>()
        .map(InputEvent::input_type)
        .unwrap_or_default();
    match kind.as_str() {
        "deleteContentBackward" => Edit::DeleteBackward,
        "deleteContentForward" => Edit::DeleteForward,
        _ => Edit::Insert,
    }
}
