//! Each council's accessibility statement for its payment pages, at
//! `GET /council/{slug}/accessibility`, in the form the Public Sector
//! Bodies (Websites and Mobile Applications) (No. 2) Accessibility
//! Regulations 2018 ask for: who runs the service, how accessible it
//! is, who to contact, the enforcement procedure, the compliance
//! status with WCAG 2.2 AA and what fails it, how it was tested, and
//! when the statement was prepared and reviewed.
//!
//! `?lang=en` or `?lang=cy` picks the language; without it, the
//! council's default language. The words are in `text.rs`; the council
//! (its name, support contact and links) comes from its `council.toml`.
//!
//! Plain server-rendered HTML, like the demo service: no script at
//! all, styles from our own file and the council's theme.

mod render;
mod text;

use axum::Router;
use axum::extract::{Path, Query, State as AppData};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;

use render::Statement;
pub use render::address;
use text::Words;

use crate::app::AppState;
use crate::council::Council;
use crate::html;

const STYLESHEET: &str = include_str!("statement.css");

/// The statement is the same for every citizen and changes only when
/// paypage or the council's configuration does: caching it briefly is
/// safe, and a change shows within minutes.
const CACHE: &str = "public, max-age=300";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/council/{slug}/accessibility", get(statement))
        .route(render::STYLESHEET, get(stylesheet))
}

#[derive(Debug, Deserialize)]
pub struct Choice {
    lang: Option<String>,
}

/// `GET /council/{slug}/accessibility[?lang=en|cy]`.
async fn statement(
    AppData(state): AppData<AppState>,
    Path(slug): Path<String>,
    Query(choice): Query<Choice>,
) -> Response {
    let Some(council) = state.councils.get(&slug) else {
        return no_council(&slug);
    };
    let lang = choice.lang.as_deref().unwrap_or(&council.default_language);
    let Some(words) = Words::of(lang) else {
        return no_language(lang);
    };

    let statement = Statement {
        council,
        words,
        site: &site(&state.public_url),
    };
    let policy = policy(council);
    respond(StatusCode::OK, statement.render(), &policy)
}

/// Scripts never; styles and images only from us; framing only by the
/// origins the council lets embed its payment page, so the statement
/// opens inside an embedded page as the page itself does.
fn policy(council: &Council) -> String {
    let origins: Vec<&str> = council
        .embedding_origins
        .iter()
        .map(String::as_str)
        .filter(|origin| is_plain_origin(origin))
        .collect();
    let ancestors = if origins.is_empty() {
        "'none'".to_owned()
    } else {
        origins.join(" ")
    };
    format!(
        "default-src 'none'; style-src 'self'; img-src 'self'; \
         frame-ancestors {ancestors}; base-uri 'none'; form-action 'none'"
    )
}

/// An origin that cannot smuggle another directive into the policy.
fn is_plain_origin(origin: &str) -> bool {
    !origin.is_empty()
        && !origin
            .chars()
            .any(|c| c.is_whitespace() || c == ';' || c == ',' || c == '\'')
}

/// The host (and port) of the public address: what the statement says
/// it covers.
fn site(public_url: &str) -> String {
    let parsed = url::Url::parse(public_url).ok();
    let host = parsed.as_ref().and_then(|url| {
        let host = url.host_str()?;
        Some(match url.port() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_owned(),
        })
    });
    host.unwrap_or_else(|| public_url.to_owned())
}

fn no_council(slug: &str) -> Response {
    tracing::debug!(slug, "no council for an accessibility statement");
    let page = html::notice(
        (
            "Page not found",
            "No council with this address uses paypage here. Check the \
             address, or go back to the page you came from.",
        ),
        (
            "Heb ddod o hyd i'r dudalen",
            "Does dim cyngor â'r cyfeiriad hwn yn defnyddio paypage yma. \
             Gwiriwch y cyfeiriad, neu ewch yn ôl i'r dudalen flaenorol.",
        ),
    );
    respond(StatusCode::NOT_FOUND, page, STRICT)
}

fn no_language(asked: &str) -> Response {
    tracing::debug!(asked, "accessibility statement in an unknown language");
    let page = html::notice(
        (
            "This statement is in English and Welsh",
            "Add ?lang=en to the address for English, or ?lang=cy for \
             Welsh.",
        ),
        (
            "Mae'r datganiad hwn yn Saesneg ac yn Gymraeg",
            "Ychwanegwch ?lang=cy at y cyfeiriad i gael Cymraeg, neu \
             ?lang=en i gael Saesneg.",
        ),
    );
    respond(StatusCode::BAD_REQUEST, page, STRICT)
}

/// For the notices: nothing but our styles, framed by nobody.
const STRICT: &str = "default-src 'none'; style-src 'self'; \
     frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/// The statement may be cached briefly; a notice answers a mistyped
/// address and is not cached at all.
fn respond(status: StatusCode, page: String, policy: &str) -> Response {
    let cache = if status.is_success() {
        CACHE
    } else {
        "no-store"
    };
    let mut response = (status, page).into_response();
    let headers = response.headers_mut();
    html::secure(headers, "text/html; charset=utf-8", policy, cache);
    response
}

/// `GET /statement/statement.css`: the statement's styles (its policy
/// allows no inline styles).
async fn stylesheet() -> Response {
    let mut response = STYLESHEET.into_response();
    let headers = response.headers_mut();
    html::secure(
        headers,
        "text/css; charset=utf-8",
        "default-src 'none'",
        CACHE,
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_is_the_public_host_and_port() {
        assert_eq!(site("https://pay.example.gov.uk"), "pay.example.gov.uk");
        assert_eq!(site("http://127.0.0.1:8080"), "127.0.0.1:8080");
    }

    #[test]
    fn an_origin_cannot_add_a_directive_to_the_policy() {
        assert!(is_plain_origin("https://www.council.example"));
        assert!(!is_plain_origin("https://a.example; script-src *"));
        assert!(!is_plain_origin("'unsafe-inline'"));
        assert!(!is_plain_origin(""));
    }
}
