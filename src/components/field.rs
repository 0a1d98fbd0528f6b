//! A labelled text input in the GOV.UK pattern: label, hint, error
//! message, then the input, with the hint and error joined to the input
//! by `aria-describedby` so a screen reader reads them with it.

use leptos::prelude::*;

use crate::form::Field;
use crate::state::use_page;

/// How a field is set up. Every input gets an `autocomplete` token
/// (WCAG 1.3.5) and no `maxlength`: a length limit that silently drops
/// what was typed or pasted hides mistakes instead of naming them.
#[derive(Clone, Debug)]
pub struct Input {
    pub id: &'static str,
    pub label: String,
    pub hint: Option<Signal<String>>,
    pub autocomplete: &'static str,
    pub numeric: bool,
    pub width: &'static str,
    /// The input's `type`: "text", or "email" for the email address.
    pub kind: &'static str,
}

impl Input {
    /// A text field for `field`, labelled by catalogue key `label`.
    pub fn new(field: Field, label: &str, autocomplete: &'static str) -> Input {
        Input {
            id: field.id(),
            label: use_page().text(label).to_owned(),
            hint: None,
            autocomplete,
            numeric: false,
            width: "width-full",
            kind: "text",
        }
    }

    /// An email address: `type="email"` brings up the keyboard with @
    /// on phones (GOV.UK's email pattern). The page checks it on
    /// Continue as it checks everything else; the form's `novalidate`
    /// keeps the browser's own messages out.
    pub fn email(self) -> Input {
        Input {
            kind: "email",
            ..self
        }
    }

    pub fn hint(self, hint: Signal<String>) -> Input {
        Input {
            hint: Some(hint),
            ..self
        }
    }

    /// Digits only: brings up the number pad on phones.
    pub fn numeric(self) -> Input {
        Input {
            numeric: true,
            ..self
        }
    }

    /// A width class that suits the expected answer (GOV.UK's advice:
    /// the box's size is a hint to its length).
    pub fn width(self, width: &'static str) -> Input {
        Input { width, ..self }
    }
}

/// The error shown against a field, if any.
pub fn error_for(field: Field) -> Signal<Option<String>> {
    let page = use_page();
    Signal::derive(move || {
        page.errors.with(|errors| {
            errors
                .iter()
                .find(|e| e.field == field)
                .map(|e| page.in_language(&e.message))
        })
    })
}

/// `aria-describedby`: the hint's id, then the error's, when present.
pub fn described_by(
    id: &'static str,
    has_hint: bool,
    error: Signal<Option<String>>,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(format!("{id}-hint"));
        }
        if error.with(Option::is_some) {
            ids.push(format!("{id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    })
}

#[component]
pub fn Hint(id: &'static str, text: Signal<String>) -> impl IntoView {
    view! { <div id=format!("{id}-hint") class="hint">{text}</div> }
}

/// The inline error, with a visually hidden "Error:" so a screen reader
/// user hears that it is one (GOV.UK error message pattern).
#[component]
pub fn ErrorMessage(
    id: &'static str,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let page = use_page();
    move || {
        error.get().map(|message| {
            view! {
                <p id=format!("{id}-error") class="error-message">
                    <span class="visually-hidden">
                        {page.text("error-prefix")} " "
                    </span>
                    {message}
                </p>
            }
        })
    }
}

#[component]
pub fn TextField(
    input: Input,
    value: RwSignal<String>,
    field: Field,
) -> impl IntoView {
    let error = error_for(field);
    let Input {
        id,
        label,
        hint,
        autocomplete,
        numeric,
        width,
        kind,
    } = input;
    let described = described_by(id, hint.is_some(), error);
    let group_class = move || form_group_class(error.with(Option::is_some));
    let input_class = move || input_class(width, error.with(Option::is_some));
    view! {
        <div class=group_class>
            <label class="label" for=id>{label}</label>
            {hint.map(|text| view! { <Hint id text /> })}
            <ErrorMessage id error />
            <input
                class=input_class
                id=id
                name=id
                type=kind
                autocomplete=autocomplete
                inputmode=numeric.then_some("numeric")
                spellcheck="false"
                aria-describedby=described
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

pub fn form_group_class(has_error: bool) -> &'static str {
    if has_error {
        "form-group form-group--error"
    } else {
        "form-group"
    }
}

pub fn input_class(width: &'static str, has_error: bool) -> String {
    let error = if has_error { " input--error" } else { "" };
    format!("input {width}{error}")
}
