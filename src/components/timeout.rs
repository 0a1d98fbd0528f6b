//! The session time limit (WCAG 2.2.1 Timing adjustable; issue 5): a
//! warning two minutes before the session ends, with "I need more
//! time", and the screen shown once it has ended.
//!
//! Modelled on GOV.UK's timeout warning, with one change: the dialog is
//! not modal. It sits above the form, traps nothing and hides nothing,
//! so whatever the citizen has typed stays in reach. It is an
//! `alertdialog` and takes focus when it opens, so screen readers
//! (meant for JAWS and NVDA with Chrome, VoiceOver with Safari) read its
//! heading and text; the time left is in words, rounded, so it changes
//! (and is announced) at most once a minute, never every second.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::error_summary::focus_by_id;
use super::layout::{HEADING_ID, Heading};
use crate::api::{self, SessionTime};
use crate::state::{Page, Screen, use_page};

/// The warning opens this long before the end.
const WARN_BEFORE_MS: f64 = 120_000.0;

/// How often the page looks at the time. The words only change each
/// minute; looking each second keeps the end on time after the
/// computer sleeps or the tab is throttled.
const TICK: Duration = Duration::from_secs(1);

const DIALOG_ID: &str = "timeout-warning";

/// When the session ends, on this browser's clock. The shim sends
/// seconds left, not a time, so a wrong clock on the citizen's computer
/// cannot cut their time short or stretch it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SessionEnd {
    pub at_ms: f64,
    pub can_extend: bool,
}

impl SessionEnd {
    pub fn from_now(time: &SessionTime) -> SessionEnd {
        SessionEnd {
            at_ms: js_sys::Date::now() + time.seconds_left as f64 * 1000.0,
            can_extend: time.can_extend,
        }
    }
}

/// The warning's own state: whether it is open, the time left, where
/// focus was when it opened, and whether asking for time failed.
#[derive(Clone, Copy)]
struct Warning {
    open: RwSignal<bool>,
    left_ms: RwSignal<f64>,
    return_to: StoredValue<Option<String>>,
    failed: RwSignal<bool>,
}

/// Screens on which time runs: the payment is open and waiting on the
/// citizen. (Processing waits on the PSP; outcomes have no limit.)
fn time_runs(screen: &Screen) -> bool {
    !matches!(
        screen,
        Screen::Loading
            | Screen::Processing
            | Screen::Unavailable(_)
            | Screen::SessionEnded
    )
}

/// The warning, mounted once for the whole page; it shows itself.
#[component]
pub fn TimeoutWarning() -> impl IntoView {
    let page = use_page();
    let warning = Warning {
        open: RwSignal::new(false),
        left_ms: RwSignal::new(f64::MAX),
        return_to: StoredValue::new(None),
        failed: RwSignal::new(false),
    };
    let ticking = set_interval_with_handle(move || tick(page, warning), TICK);
    on_cleanup(move || {
        if let Ok(handle) = ticking {
            handle.clear();
        }
    });
    move || warning.open.get().then(|| view! { <Dialog warning /> })
}

/// Once a tick: open the warning when two minutes are left, end the
/// session when none are.
fn tick(page: Page, warning: Warning) {
    let end = page.session_end.get_untracked();
    let runs = page.screen.with_untracked(time_runs);
    let Some(end) = end.filter(|_| runs) else {
        warning.open.set(false);
        return;
    };
    let left = end.at_ms - js_sys::Date::now();
    warning.left_ms.set(left);
    if left <= 0.0 {
        warning.open.set(false);
        end_session(page);
    } else if left <= WARN_BEFORE_MS && !warning.open.get_untracked() {
        open(warning);
    }
}

fn open(warning: Warning) {
    let active = document().active_element().map(|e| e.id());
    let id = active.filter(|id| !id.is_empty() && id != DIALOG_ID);
    warning.return_to.set_value(id);
    warning.failed.set(false);
    warning.open.set(true);
    request_animation_frame(|| focus_by_id(DIALOG_ID));
}

/// Time is up: card details are dropped from memory and the ended
/// screen replaces the form.
pub fn end_session(page: Page) {
    page.form.forget_card();
    page.details.set_value(None);
    page.errors.set(Vec::new());
    page.session_end.set(None);
    page.screen.set(Screen::SessionEnded);
}

/// "I need more time": the shim restarts the time; the warning closes
/// and focus goes back where it was.
fn extend(page: Page, warning: Warning) {
    spawn_local(async move {
        match api::extend().await {
            Ok(view) => {
                let end = view.session.as_ref().map(SessionEnd::from_now);
                page.session_end.set(end);
                warning.open.set(false);
                let back = warning.return_to.get_value();
                let id = back.unwrap_or_else(|| HEADING_ID.to_owned());
                request_animation_frame(move || focus_by_id(&id));
            }
            Err(failure) => after_refusal(page, warning, &failure.code),
        }
    });
}

fn after_refusal(page: Page, warning: Warning, code: &str) {
    match code {
        "session-ended" => end_session(page),
        "extend-limit-reached" => page.session_end.update(|end| {
            if let Some(end) = end {
                end.can_extend = false;
            }
        }),
        _ => warning.failed.set(true),
    }
}

/// The time left in words, rounded so that it changes at most once a
/// minute: "about 2 minutes", "about 1 minute", "less than a minute".
fn time_left_key(left_ms: f64) -> &'static str {
    if left_ms >= 90_000.0 {
        "timeout-about-2-minutes"
    } else if left_ms >= 60_000.0 {
        "timeout-about-1-minute"
    } else {
        "timeout-less-than-a-minute"
    }
}

/// The warning's words for the time left and whether time can be
/// added: two minutes, then one, then less than one.
fn dialog_text(page: Page, warning: Warning) -> impl Fn() -> String {
    let key = Memo::new(move |_| time_left_key(warning.left_ms.get()));
    move || {
        let time = page.text(key.get());
        let body = if can_extend(page) {
            "timeout-body"
        } else {
            "timeout-body-final"
        };
        page.fill(body, &[("time", time)])
    }
}

fn can_extend(page: Page) -> bool {
    page.session_end.get().is_some_and(|end| end.can_extend)
}

#[component]
fn Dialog(warning: Warning) -> impl IntoView {
    let page = use_page();
    let heading = move || page.text("timeout-heading");
    // Polite: a change of minute is read out, without cutting in.
    view! {
        <div id=DIALOG_ID class="timeout-warning" role="alertdialog"
            tabindex="-1" aria-labelledby="timeout-warning-title"
            aria-describedby="timeout-warning-text">
            <h2 id="timeout-warning-title" class="heading-s">{heading}</h2>
            <p id="timeout-warning-text" class="body" aria-live="polite">
                {dialog_text(page, warning)}
            </p>
            <ExtendFailed warning />
            {move || can_extend(page).then(|| view! { <MoreTime warning /> })}
        </div>
    }
}

#[component]
fn ExtendFailed(warning: Warning) -> impl IntoView {
    let page = use_page();
    let text = move || page.text("timeout-extend-failed");
    move || {
        warning.failed.get().then(|| {
            view! { <p class="body error-message" role="alert">{text}</p> }
        })
    }
}

#[component]
fn MoreTime(warning: Warning) -> impl IntoView {
    let page = use_page();
    let on_click = move |_| extend(page, warning);
    view! {
        <button type="button" class="button" on:click=on_click>
            {move || page.text("timeout-more-time")}
        </button>
    }
}

/// What the citizen sees once the time is up: what happened, that
/// nothing was charged, and the way back to the council's service.
#[component]
pub fn SessionEnded() -> impl IntoView {
    let page = use_page();
    let has_return = page.view.with_untracked(|v| !v.return_url.is_empty());
    view! {
        <Heading key="session-ended" />
        <p class="body">{page.text("session-ended-body")}</p>
        {has_return.then(|| view! { <super::layout::ReturnLink /> })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_change_once_a_minute_at_most() {
        assert_eq!(time_left_key(120_000.0), "timeout-about-2-minutes");
        assert_eq!(time_left_key(90_000.0), "timeout-about-2-minutes");
        assert_eq!(time_left_key(89_999.0), "timeout-about-1-minute");
        assert_eq!(time_left_key(60_000.0), "timeout-about-1-minute");
        assert_eq!(time_left_key(59_999.0), "timeout-less-than-a-minute");
        assert_eq!(time_left_key(1.0), "timeout-less-than-a-minute");
    }
}
