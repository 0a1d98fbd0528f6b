//! The page: loads the payment, then moves the citizen through card
//! details, confirm, processing and the outcome.

use leptos::prelude::*;
use leptos::task::spawn_local;
use paypage_card::YearMonth;

use crate::api::{self, ApiFailure};
use crate::components::confirm::Confirm;
use crate::components::details::Details;
use crate::components::error_summary::{SUMMARY_ID, focus_by_id};
use crate::components::layout::{Footer, HEADING_ID, Header};
use crate::components::outcome::{Outcome, Processing, Unavailable};
use crate::components::timeout::{SessionEnded, TimeoutWarning};
use crate::form::{Field, FieldError};
use crate::psp;
use crate::state::{Page, Screen};

#[component]
pub fn App() -> impl IntoView {
    let page = Page::new();
    provide_context(page);
    crate::embed::start(page);
    spawn_local(async move {
        match api::payment().await {
            Ok(view) => page.show(view),
            Err(failure) => page.screen.set(unavailable(&failure)),
        }
    });
    keep_title(page);
    keep_focus(page);
    keep_document_language(page);
    view! {
        <a href="#main-content" class="skip-link">{move || page.text("skip-link")}</a>
        <Header />
        <div class="width-container">
            <main class="main" id="main-content">
                <TimeoutWarning />
                {move || screen(page)}
            </main>
        </div>
        <Footer />
        <div class="visually-hidden" role="status" aria-live="polite">
            {move || page.announce.get()}
        </div>
    }
}

/// The current screen, drawn again when the citizen switches language:
/// components draw their words once (Leptos runs a component's body
/// untracked), and the values typed live in signals outside the
/// screen, so redrawing changes the words and keeps everything else.
/// Focus stays on the language switch, which is outside the screen.
fn screen(page: Page) -> AnyView {
    page.language();
    match page.screen.get() {
        Screen::Loading => view! {
            <p class="body" role="status">{page.text("loading")}</p>
        }
        .into_any(),
        Screen::Details => view! {
            <Details on_continue=Callback::new(move |()| continue_to_confirm(page))
                on_cancel=Callback::new(move |()| cancel(page)) />
        }
        .into_any(),
        Screen::Confirm => view! {
            <Confirm on_confirm=Callback::new(move |()| confirm(page))
                on_change=Callback::new(move |field| change(page, field))
                on_cancel=Callback::new(move |()| cancel(page)) />
        }
        .into_any(),
        Screen::Processing => view! { <Processing /> }.into_any(),
        Screen::Outcome(code) => view! {
            <Outcome code on_retry=Callback::new(move |()| try_another_card(page)) />
        }
        .into_any(),
        Screen::Unavailable(key) => view! { <Unavailable key /> }.into_any(),
        Screen::SessionEnded => view! { <SessionEnded /> }.into_any(),
    }
}

/// "Continue": check everything; show every error, or the confirm page.
fn continue_to_confirm(page: Page) {
    let collect = page.collect();
    match page.form.check(&collect, today()) {
        Ok(details) => {
            page.errors.set(Vec::new());
            page.details.set_value(Some(details));
            page.screen.set(Screen::Confirm);
        }
        Err(errors) => page.errors.set(errors),
    }
}

/// "Confirm payment": tokenise at the PSP, then ask the shim to charge.
/// A second press while the first is on its way does nothing.
fn confirm(page: Page) {
    if page.busy.get_untracked() {
        return;
    }
    page.busy.set(true);
    page.announce.set(page.text("processing").to_owned());
    page.screen.set(Screen::Processing);
    spawn_local(async move {
        let token = tokenise(page).await;
        let answer = match token {
            Ok(token) => api::authorise(&token).await,
            Err(failure) => Err(failure),
        };
        page.busy.set(false);
        page.announce.set(String::new());
        match answer {
            Ok(view) => page.show(view),
            Err(failure) => after_failure(page, &failure),
        }
    });
}

async fn tokenise(page: Page) -> Result<String, ApiFailure> {
    let psp = page.view.with_untracked(|v| v.psp.clone());
    let psp = psp.ok_or_else(|| api::failure(0, "network"))?;
    // Taken, not copied: once sent, the checked details are dropped.
    let details = page.details.try_update_value(Option::take).flatten();
    let details = details.ok_or_else(|| api::failure(0, "network"))?;
    psp::tokenise(&psp, &details).await
}

/// A refused token or a failed call: back to the details with the
/// problem against the field it concerns, or to an outcome.
fn after_failure(page: Page, failure: &ApiFailure) {
    let field = match failure.code.as_str() {
        "incorrect_number" | "invalid_number" => {
            Some((Field::Number, "psp-card-number"))
        }
        "invalid_expiry_month" | "invalid_expiry_year" => {
            Some((Field::Expiry, "psp-expiry"))
        }
        "invalid_cvc" | "incorrect_cvc" => {
            Some((Field::SecurityCode, "psp-security-code"))
        }
        "brand-not-accepted" => Some((Field::Number, "brand-not-accepted")),
        _ => None,
    };
    if let Some((field, key)) = field {
        page.errors.set(vec![FieldError::keyed(field, key)]);
        page.screen.set(Screen::Details);
        return;
    }
    if failure.code == "in-progress" || failure.code == "finished" {
        spawn_local(async move {
            if let Ok(view) = api::payment().await {
                page.show(view);
            }
        });
        return;
    }
    page.screen.set(unavailable(failure));
}

fn unavailable(failure: &ApiFailure) -> Screen {
    let key = match failure.code.as_str() {
        "session-ended" => return Screen::SessionEnded,
        "no-session" => "no-session",
        "network" => "network",
        _ => "error-body",
    };
    Screen::Unavailable(key.to_owned())
}

/// A Change link: back to the details, focus on the field.
fn change(page: Page, field: Field) {
    page.focus.set(Some(field.id()));
    page.screen.set(Screen::Details);
}

fn try_another_card(page: Page) {
    page.form.forget_card();
    page.errors.set(Vec::new());
    page.focus.set(Some(Field::Number.id()));
    page.screen.set(Screen::Details);
}

fn cancel(page: Page) {
    spawn_local(async move {
        match api::cancel().await {
            Ok(view) => page.show(view),
            Err(failure) => after_failure(page, &failure),
        }
    });
}

/// This month, from the citizen's clock: the card rules never read one.
fn today() -> YearMonth {
    let now = js_sys::Date::new_0();
    YearMonth {
        year: now.get_full_year() as u16,
        month: (now.get_month() + 1) as u8,
    }
}

/// The document title names the screen and starts with "Error: " when
/// there are errors (WCAG 2.4.2, 3.3.1); it follows the language too.
fn keep_title(page: Page) {
    Effect::new(move |_| {
        page.screen.track();
        let _ = page.language();
        let has_errors = page.errors.with(|e| !e.is_empty());
        request_animation_frame(move || set_title(page, has_errors));
    });
}

/// Focus moves to the error summary when errors appear, else to the
/// heading of a new screen, or to the field a Change link named.
fn keep_focus(page: Page) {
    Effect::new(move |_| {
        let screen = page.screen.get();
        let has_errors = page.errors.with(|e| !e.is_empty());
        let target = page.focus.get_untracked();
        request_animation_frame(move || {
            if has_errors && screen == Screen::Details {
                focus_by_id(SUMMARY_ID);
            } else if let Some(id) = target {
                page.focus.set(None);
                focus_by_id(id);
            } else if screen != Screen::Loading {
                focus_by_id(HEADING_ID);
            }
        });
    });
}

/// The document's `lang` follows the language shown (WCAG 3.1.1), so
/// screen readers switch voice when the citizen switches language.
fn keep_document_language(page: Page) {
    Effect::new(move |_| {
        let language = page.language();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", language);
        }
    });
}

fn set_title(page: Page, has_errors: bool) {
    let heading = document()
        .get_element_by_id(HEADING_ID)
        .and_then(|h| h.text_content())
        .unwrap_or_default();
    let prefix = if has_errors {
        page.text("title-error-prefix")
    } else {
        ""
    };
    let council = page.council_name();
    let title = if council.is_empty() {
        format!("{prefix}{heading}")
    } else {
        format!("{prefix}{heading} – {council}")
    };
    document().set_title(&title);
}
