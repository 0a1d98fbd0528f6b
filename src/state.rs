//! The page's state, shared by its screens through Leptos context.

use leptos::prelude::*;
use paypage_card::Brand;

use crate::api::PaymentView;
use crate::components::timeout::SessionEnd;
use crate::form::{CardForm, Collect, FieldError};
use crate::i18n;
use crate::psp::CardDetails;

/// Which screen the citizen is on. One table in `screen_for` maps the
/// shim's outcome codes to these.
#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    Loading,
    Details,
    Confirm,
    Processing,
    /// A finished or declined payment: the shim's outcome code.
    Outcome(String),
    /// The payment could not be loaded: a catalogue key.
    Unavailable(String),
    /// The session's time ran out (WCAG 2.2.1; `components::timeout`).
    SessionEnded,
}

/// The screen for the shim's outcome code.
pub fn screen_for(code: &str) -> Screen {
    match code {
        "enter-card" => Screen::Details,
        "processing" => Screen::Processing,
        other => Screen::Outcome(other.to_owned()),
    }
}

/// Everything the screens share. Copy: every part is a signal.
#[derive(Clone, Copy, Debug)]
pub struct Page {
    pub view: RwSignal<PaymentView>,
    pub screen: RwSignal<Screen>,
    pub form: CardForm,
    pub errors: RwSignal<Vec<FieldError>>,
    /// Checked details waiting on the confirm screen. Never rendered.
    pub details: StoredValue<Option<CardDetails>>,
    /// True from Confirm until the shim answers: a second press is
    /// ignored rather than disabling the button (a disabled button
    /// loses focus and is skipped by screen readers).
    pub busy: RwSignal<bool>,
    /// The field to focus when the details screen next shows.
    pub focus: RwSignal<Option<&'static str>>,
    /// Text for the page's polite live region, which is always in the
    /// document so that a change to it is announced (WCAG 4.1.3).
    pub announce: RwSignal<String>,
    /// The language the citizen switched to, if they did; otherwise
    /// the payment's.
    pub chosen_language: RwSignal<Option<&'static str>>,
    /// When the session ends, while the payment is open.
    pub session_end: RwSignal<Option<SessionEnd>>,
}

impl Page {
    pub fn new() -> Page {
        Page {
            view: RwSignal::new(PaymentView::default()),
            screen: RwSignal::new(Screen::Loading),
            form: CardForm::new(),
            errors: RwSignal::new(Vec::new()),
            details: StoredValue::new(None),
            busy: RwSignal::new(false),
            focus: RwSignal::new(None),
            announce: RwSignal::new(String::new()),
            chosen_language: RwSignal::new(None),
            session_end: RwSignal::new(None),
        }
    }

    /// "en" or "cy": the citizen's choice, else the payment's.
    pub fn language(&self) -> &'static str {
        if let Some(chosen) = self.chosen_language.get() {
            return chosen;
        }
        self.view
            .with(|v| if v.language == "cy" { "cy" } else { "en" })
    }

    /// A catalogue message in the payment's language.
    pub fn text(&self, key: &str) -> &'static str {
        i18n::text(self.language(), key)
    }

    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        i18n::fill(self.language(), key, values)
    }

    /// The council's name in the payment's language.
    pub fn council_name(&self) -> String {
        self.view.with(|v| {
            let council = v.council.as_ref();
            council
                .map(|c| self.in_language(&c.name))
                .unwrap_or_default()
        })
    }

    /// A council text in the language shown.
    pub fn in_language(&self, names: &crate::api::Names) -> String {
        let welsh = self.language() == "cy";
        if welsh {
            names.cy.clone()
        } else {
            names.en.clone()
        }
    }

    pub fn accepted(&self) -> Vec<Brand> {
        self.view.with(|v| {
            v.accepted_brands
                .iter()
                .filter_map(|c| Brand::from_code(c))
                .collect()
        })
    }

    pub fn collect(&self) -> Collect {
        let accepted = self.accepted();
        self.view.with(|v| {
            let fields = v.fields.clone().unwrap_or_default();
            Collect {
                address: mode(fields.billing_address),
                email: mode(fields.email),
                accepted,
            }
        })
    }

    /// Shows the shim's latest view of the payment.
    pub fn show(&self, view: PaymentView) {
        let screen = screen_for(&view.outcome.code);
        self.prefill(&view);
        let end = view.session.as_ref().map(SessionEnd::from_now);
        self.session_end.set(end);
        self.view.set(view);
        self.screen.set(screen);
    }
}

impl Page {
    /// Fills empty fields with what the council sent when it created
    /// the payment (GOV.UK Pay's `email` and
    /// `prefilled_cardholder_details`). Never overwrites typing.
    fn prefill(&self, view: &PaymentView) {
        let pairs = [
            (self.form.name, &view.prefilled_name),
            (self.form.email, &view.email),
        ];
        for (field, value) in pairs {
            if let Some(value) = value
                && field.with_untracked(String::is_empty)
            {
                field.set(value.clone());
            }
        }
    }
}

pub fn use_page() -> Page {
    use_context::<Page>().unwrap_or_else(Page::new)
}

/// A field's collection mode as the shim sends it: "off", "optional"
/// or "required"; nothing sent means the field is not collected.
fn mode(sent: String) -> String {
    if sent.is_empty() {
        "off".to_owned()
    } else {
        sent
    }
}
