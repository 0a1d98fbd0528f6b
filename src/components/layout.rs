//! What every screen shares: the council's header, the payment summary
//! and the page heading that takes focus when the screen changes.

use leptos::prelude::*;

use crate::i18n::money;
use crate::state::use_page;

pub const HEADING_ID: &str = "page-heading";

#[component]
pub fn Header() -> impl IntoView {
    let page = use_page();
    view! {
        <header class="header">
            <div class="header__inner width-container">
                <p class="header__council">
                    <Logo />
                    <span>{move || page.council_name()}</span>
                </p>
                <LanguageSwitch />
            </div>
        </header>
    }
}

/// The council's logo, named by its own alternative text (the council
/// writes it, in both languages, in its configuration).
#[component]
fn Logo() -> impl IntoView {
    let page = use_page();
    let logo = move || {
        let council = page.view.with(|v| v.council.clone())?;
        let url = council.logo_url?;
        let alt = council.logo_alt.map(|alt| page.in_language(&alt));
        Some(view! {
            <img class="header__logo" src=url alt=alt.unwrap_or_default()
                height="40" />
        })
    };
    view! { {logo} }
}

/// Links to the council's privacy notice, contact and accessibility
/// pages, when it has given them.
#[component]
pub fn Footer() -> impl IntoView {
    let page = use_page();
    let links = move || {
        let council = page.view.with(|v| v.council.clone()).unwrap_or_default();
        council
            .footer
            .into_iter()
            .map(|link| {
                let text = page.in_language(&link.text);
                view! { <li><a class="link" href=link.url>{text}</a></li> }
            })
            .collect_view()
    };
    view! {
        <footer class="footer">
            <div class="width-container">
                <ul class="footer__links">{links}<StatementLink /></ul>
            </div>
        </footer>
    }
}

/// paypage's accessibility statement for this council, served by the
/// shim, in the language the citizen is reading.
#[component]
fn StatementLink() -> impl IntoView {
    let page = use_page();
    let link = move || {
        let slug = page.view.with(|v| v.council.clone())?.slug;
        let href =
            format!("/council/{slug}/accessibility?lang={}", page.language());
        let text = page.text("statement-link");
        Some(view! { <li><a class="link" href=href>{text}</a></li> })
    };
    view! { {link} }
}

/// The page's one `h1`. `tabindex="-1"` lets the page move focus here
/// when the screen changes, so a screen reader starts reading from it.
#[component]
pub fn Heading(key: &'static str) -> impl IntoView {
    let page = use_page();
    view! {
        <h1 id=HEADING_ID class="heading-l" tabindex="-1">{page.text(key)}</h1>
    }
}

/// What the payment is for and how much, in a description list.
#[component]
pub fn PaymentSummary() -> impl IntoView {
    let page = use_page();
    let description = move || page.view.with(|v| v.description.clone());
    let amount = move || page.view.with(|v| money(v.amount));
    view! {
        <section class="payment-summary" aria-labelledby="payment-summary-title">
            <h2 id="payment-summary-title" class="heading-s">
                {page.text("payment-summary")}
            </h2>
            <dl class="summary-list">
                <div class="summary-list__row">
                    <dt>{page.text("payment-for")}</dt>
                    <dd>{description}</dd>
                </div>
                <div class="summary-list__row">
                    <dt>{page.text("total-amount")}</dt>
                    <dd class="amount">{amount}</dd>
                </div>
            </dl>
        </section>
    }
}

/// A link back to the council's service (its `return_url`).
#[component]
pub fn ReturnLink() -> impl IntoView {
    let page = use_page();
    let href = move || page.view.with(|v| v.return_url.clone());
    let text =
        move || page.fill("return-to", &[("council", &page.council_name())]);
    view! { <p class="body"><a class="link" href=href>{text}</a></p> }
}

/// English | Cymraeg. Switching keeps everything typed: the form's
/// values live in signals, only the words change. Both are buttons, the
/// current one marked `aria-current`, so focus stays where the citizen
/// pressed. Each name is in its own language, with its `lang`, so a
/// screen reader pronounces it properly.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let page = use_page();
    let item = move |code: &'static str, name: &'static str| {
        let current = move || page.language() == code;
        view! {
            <li class="language-switch__item">
                <button type="button" class="link-button" lang=code
                    aria-current=move || current().then_some("true")
                    on:click=move |_| page.chosen_language.set(Some(code))>
                    {name}
                </button>
            </li>
        }
    };
    view! {
        <nav class="language-switch" aria-label=move || page.text("language")>
            <ul class="language-switch__list">
                {item("en", "English")}
                {item("cy", "Cymraeg")}
            </ul>
        </nav>
    }
}
