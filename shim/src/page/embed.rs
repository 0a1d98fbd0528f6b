//! Opening a payment inside a council's own web page: `next_url` with
//! `?embed=<origin>`, where the origin is the host page's and must be
//! on the council's `embedding_origins` (docs/embedding.md).
//!
//! A council's site and paypage are usually different sites, and in a
//! cross-site frame many browsers block or partition cookies (Safari
//! blocks them all; Chrome does when a citizen turns third-party
//! cookies off), so the SameSite cookie of a redirected session
//! would never arrive. An embedded session uses no cookie: the page is
//! served here, straight from the opening, carrying its session's
//! secret in a `<meta>` element; the page reads it into memory, takes
//! the element out and sends the secret in the `Paypage-Session`
//! header. The known price: reloading the frame loses the session (the
//! one-time token in its address is spent), and the page then says it
//! cannot show the payment. Keeping the secret in the frame's
//! `sessionStorage` would survive a reload, but it would also outlive
//! the page in the browser; change this if councils report reloads.

use std::sync::Arc;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::PageError;
use super::serve::{frame_options, insert, read_page, respond};
use super::session;
use crate::app::AppState;
use crate::council::Council;
use crate::council::embedding::Origin;
use crate::secret;

/// Why a page was not opened for embedding. The messages are for the
/// council's developer setting the frame up, so they are in English
/// and name the file to change; a citizen only meets them when the
/// council's page is wrong.
#[derive(Debug, thiserror::Error)]
enum Refusal {
    #[error(
        "This payment page was not opened: ?embed= must be the origin of \
         the page that frames it. {0}. The payment link has not been \
         used and still works."
    )]
    NotAnOrigin(String, Arc<Council>),
    #[error(
        "This payment page was not opened: {origin} may not embed {name}'s \
         payment page. Add it to embedding_origins in \
         councils/{slug}/council.toml, which lists {listed}. The payment \
         link has not been used and still works.",
        origin = .0.as_str(),
        name = .1.name.en,
        slug = .1.slug,
        listed = listed(.1),
    )]
    NotListed(Origin, Arc<Council>),
    #[error(transparent)]
    Page(#[from] PageError),
}

/// `GET /secure/{token}?embed=<origin>`.
pub async fn open(state: &AppState, token: &str, embed: &str) -> Response {
    match open_checked(state, token, embed).await {
        Ok(response) => response,
        Err(Refusal::Page(PageError::LinkUsed)) => {
            let ancestors = super::spent::embedded_ancestors(state, embed);
            super::spent::respond(&ancestors)
        }
        Err(refusal) => refusal.into_response(),
    }
}

/// Checks the token and the origin before spending the token, so a
/// refused opening changes nothing.
async fn open_checked(
    state: &AppState,
    token: &str,
    embed: &str,
) -> Result<Response, Refusal> {
    let council = council_of(state, token).await?;
    let origin = Origin::parse(embed)
        .map_err(|why| Refusal::NotAnOrigin(why, Arc::clone(&council)))?;
    if !council.allows_embedding_by(&origin) {
        return Err(Refusal::NotListed(origin, council));
    }

    let (payment, session) = session::start(state, token).await?;
    tracing::info!(
        payment_id = %payment.payment_id,
        origin = origin.as_str(),
        "payment page opened in a frame"
    );
    let html =
        embedded(&read_page(&state.page_dir), &origin, &session, &council);
    Ok(respond(state, html, Some(&payment), origin.as_str()))
}

/// The council whose payment an unspent token opens.
async fn council_of(
    state: &AppState,
    token: &str,
) -> Result<Arc<Council>, PageError> {
    let hash = secret::hash(token);
    let payment_id = state.store.page_token_payment(&hash).await?;
    let payment_id = payment_id.ok_or(PageError::LinkUsed)?;
    let payment = state.store.payment(&payment_id).await?;
    let council = payment.and_then(|p| state.councils.get(&p.council).cloned());
    // A payment whose council has left the configuration cannot be
    // shown any more than a spent link.
    council.ok_or(PageError::LinkUsed)
}

/// The page's HTML for one embedded session: where it may post its
/// messages, its session's secret, and the council's own style sheet
/// (the page's `/theme.css` finds the council by the cookie, which an
/// embedded page does not have).
fn embedded(
    html: &str,
    origin: &Origin,
    session: &str,
    council: &Council,
) -> String {
    let meta = format!(
        "<meta name=\"paypage-embed\" content=\"{}\">\n\
         <meta name=\"paypage-session\" content=\"{}\">\n",
        attribute(origin.as_str()),
        attribute(session),
    );
    let theme = format!(
        "href=\"/council/{}/theme.css?v={}\"",
        council.slug,
        council.colours.version()
    );
    let html = html.replacen("href=\"/theme.css\"", &theme, 1);
    match html.find("</head>") {
        Some(at) => format!("{}{meta}{}", &html[..at], &html[at..]),
        // Only the "not built" explanation has no head to add to.
        None => html,
    }
}

/// Text made safe inside a double-quoted attribute.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// The council's entries, as the refusal names them.
fn listed(council: &Council) -> String {
    if council.embedding_origins.is_empty() {
        return "no origins, so no site may embed its page".to_owned();
    }
    council.embedding_origins.join(", ")
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        match self {
            Refusal::Page(error) => error.into_response(),
            Refusal::NotAnOrigin(_, ref council) => {
                explain(StatusCode::BAD_REQUEST, council, &self)
            }
            Refusal::NotListed(_, ref council) => {
                explain(StatusCode::FORBIDDEN, council, &self)
            }
        }
    }
}

/// The refusal as plain text. The council's own origins may frame it,
/// so its developer sees it in their frame; nobody else can.
fn explain(status: StatusCode, council: &Council, why: &Refusal) -> Response {
    tracing::info!(council = %council.slug, error = %why, "embedding refused");
    let ancestors = council.frame_ancestors();
    let mut response = (status, why.to_string()).into_response();
    let headers = response.headers_mut();
    insert(headers, "content-type", "text/plain; charset=utf-8");
    let policy = format!("default-src 'none'; frame-ancestors {ancestors}");
    insert(headers, "content-security-policy", &policy);
    insert(headers, "cache-control", "no-store");
    frame_options(headers, &ancestors);
    response
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn council(origins: &[&str]) -> Council {
        let toml = format!(
            "accepted_brands = [\"visa\"]\n\
             return_url_hosts = [\"localhost\"]\n\
             embedding_origins = {origins:?}\n\
             [name]\nen = \"Testshire\"\ncy = \"Sir Brawf\"\n"
        );
        let mut council: Council = toml::from_str(&toml).unwrap();
        council.slug = "testshire".to_owned();
        council
    }

    /// The page's real source: if its theme link changes, embedded
    /// pages would lose the council's colours, and this test says so.
    const INDEX: &str = include_str!("../../../index.html");

    #[test]
    fn the_embedded_page_carries_origin_session_and_council_theme() {
        let council = council(&["http://localhost:*"]);
        let origin = Origin::parse("http://localhost:5173").unwrap();
        let html = embedded(INDEX, &origin, "s3cret", &council);
        assert!(html.contains(
            "<meta name=\"paypage-embed\" content=\"http://localhost:5173\">"
        ));
        assert!(
            html.contains("<meta name=\"paypage-session\" content=\"s3cret\">")
        );
        let theme = "href=\"/council/testshire/theme.css?v=";
        assert!(html.contains(theme), "{html}");
        assert!(!html.contains("href=\"/theme.css\""));
        let head_end = html.find("</head>").unwrap();
        assert!(html.find("paypage-session").unwrap() < head_end);
    }

    #[test]
    fn a_refusal_names_the_origin_the_file_and_the_list() {
        let listing = Arc::new(council(&["https://www.testshire.example"]));
        let origin = Origin::parse("https://evil.example").unwrap();
        let text = Refusal::NotListed(origin, listing).to_string();
        assert!(text.contains("https://evil.example may not embed Testshire"));
        assert!(text.contains("councils/testshire/council.toml"));
        assert!(text.contains("lists https://www.testshire.example."));
        assert!(text.contains("still works"));

        let nobody = Arc::new(council(&[]));
        let origin = Origin::parse("https://a.example").unwrap();
        let text = Refusal::NotListed(origin, nobody).to_string();
        assert!(text.contains("lists no origins, so no site may embed"));
    }

    #[test]
    fn attributes_cannot_be_broken_out_of() {
        assert_eq!(attribute("a\"><script>&"), "a&quot;>&lt;script>&amp;");
    }
}
