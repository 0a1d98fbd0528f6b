//! The page inside a council's own web page (docs/embedding.md).
//!
//! The shim serves an embedded page with two `<meta>` elements: the
//! host page's origin, which it checked against the council's
//! `embedding_origins`, and the session's secret, because a cross-site
//! frame often gets no cookies. The page keeps the secret in memory
//! and tells the host, and only the host, what happens: every message
//! goes to `postMessage` with that one origin as its target, never
//! `"*"`, so no other page can read it. No message carries card
//! details.

use std::cell::{Cell, RefCell};

use js_sys::{Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::state::{Page, Screen};

/// The messages' shape; a host checks it and ignores others, so a
/// change that breaks hosts gets a new number.
const VERSION: u32 = 1;

thread_local! {
    static HOST: RefCell<Option<String>> = const { RefCell::new(None) };
    static SESSION: RefCell<Option<String>> = const { RefCell::new(None) };
    static HEIGHT: Cell<i32> = const { Cell::new(0) };
}

/// Reads the shim's `<meta>` elements before the page's first call
/// and, when embedded, starts talking to the host.
pub fn start(page: Page) {
    SESSION.set(take_meta("paypage-session"));
    let Some(origin) = take_meta("paypage-embed") else {
        return;
    };
    HOST.set(Some(origin));
    report_screens(page);
    report_height();
    open_links_in_host_window();
}

/// The embedded session's secret, for the `Paypage-Session` header.
pub fn session() -> Option<String> {
    SESSION.with_borrow(Clone::clone)
}

/// A `<meta>` element's content, taking the element out of the
/// document so the secret is not left lying in it.
fn take_meta(name: &str) -> Option<String> {
    let selector = format!("meta[name=\"{name}\"]");
    let meta = document().query_selector(&selector).ok().flatten()?;
    let content = meta.get_attribute("content");
    meta.remove();
    content.filter(|c| !c.is_empty())
}

/// `paypage:ready` when the first screen shows, and `paypage:outcome`
/// when the payment ends. A declined card that may be followed by
/// another is not an end.
fn report_screens(page: Page) {
    let ready = Cell::new(false);
    let last = RefCell::new(String::new());
    Effect::new(move |_| {
        let screen = page.screen.get();
        if screen != Screen::Loading && !ready.replace(true) {
            post("paypage:ready", &[]);
        }
        let Screen::Outcome(code) = screen else {
            return;
        };
        if code == "declined-try-again" || *last.borrow() == code {
            return;
        }
        let reference = page.view.with_untracked(|v| v.reference.clone());
        post(
            "paypage:outcome",
            &[("state", code.as_str()), ("reference", &reference)],
        );
        last.replace(code);
    });
}

/// `paypage:height` whenever the document's height changes, so the host
/// sizes the frame to fit and it never shows a scrollbar.
fn report_height() {
    let Some(root) = document().document_element() else {
        return;
    };
    let measured = root.clone();
    let changed = Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        let height = height as i32;
        if HEIGHT.replace(height) != height {
            post_height(height);
        }
    });
    let observer =
        web_sys::ResizeObserver::new(changed.as_ref().unchecked_ref());
    if let Ok(observer) = observer {
        observer.observe(&root);
    }
    // The observer calls it for as long as the page is open.
    changed.forget();
}

fn post_height(height: i32) {
    let message = message("paypage:height");
    let _ = Reflect::set(&message, &"height".into(), &height.into());
    send(&message);
}

/// Links leaving the page (the return link, the council's footer
/// links) open in the host's window rather than inside the frame,
/// where the council's own pages would usually refuse to show. Set at
/// the click, so every link is covered, wherever a component draws it.
fn open_links_in_host_window() {
    let clicked =
        Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
            let target = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let link = target.and_then(|t| t.closest("a[href]").ok().flatten());
            let Some(link) = link else { return };
            let leaves = link
                .get_attribute("href")
                .is_some_and(|h| !h.starts_with('#'));
            if leaves {
                let _ = link.set_attribute("target", "_top");
            }
        });
    let _ = document().add_event_listener_with_callback_and_bool(
        "click",
        clicked.as_ref().unchecked_ref(),
        true,
    );
    clicked.forget();
}

fn message(kind: &str) -> Object {
    let message = Object::new();
    let _ = Reflect::set(&message, &"type".into(), &kind.into());
    let _ = Reflect::set(&message, &"version".into(), &VERSION.into());
    message
}

fn post(kind: &str, fields: &[(&str, &str)]) {
    let message = message(kind);
    for (name, value) in fields {
        let _ = Reflect::set(&message, &(*name).into(), &(*value).into());
    }
    send(&message);
}

/// To the host page's origin only.
fn send(message: &JsValue) {
    let Some(origin) = HOST.with_borrow(Clone::clone) else {
        return;
    };
    let parent = window().parent().ok().flatten();
    if let Some(parent) = parent {
        let _ = parent.post_message(message, &origin);
    }
}
