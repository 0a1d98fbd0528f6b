//! Serving the page itself, with the security headers a payment page
//! needs: a strict Content-Security-Policy, no caching, no referrer.

use std::path::Path;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Path as UrlPath, Query, State as AppData};
use axum::http::header::{CONTENT_TYPE, HeaderName};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::session::Session;
use crate::app::AppState;
use crate::council::KeyMode;
use crate::store::PaymentRecord;

/// `GET /pay`: the page, for the payment in the session. Framing is
/// allowed to the council's `embedding_origins`, so a council whose
/// host page is on the same site as paypage can frame it without
/// `?embed=` (the session cookie reaches a same-site frame); such a
/// page gets no messages (docs/embedding.md).
pub async fn page(
    AppData(state): AppData<AppState>,
    session: Option<Session>,
) -> Response {
    let payment = session.map(|s| s.payment);
    let council = payment
        .as_ref()
        .and_then(|p| state.councils.get(&p.council));
    let ancestors = council.map_or_else(no_framing, |c| c.frame_ancestors());
    let html = read_page(&state.page_dir);
    respond(&state, html, payment.as_ref(), &ancestors)
}

/// `frame-ancestors` for a response that belongs to no council.
pub fn no_framing() -> String {
    "'none'".to_owned()
}

/// The page's HTML with its security headers: the CSP allows the
/// payment's PSP and framing by `ancestors` (CSP sources, or `'none'`).
pub fn respond(
    state: &AppState,
    html: String,
    payment: Option<&PaymentRecord>,
    ancestors: &str,
) -> Response {
    let psp_origin = payment.and_then(|p| {
        let mode = if p.live { KeyMode::Live } else { KeyMode::Test };
        state
            .psp(&p.council, mode)
            .map(|psp| origin(&psp.browser_base))
    });
    let policy = policy(&html, psp_origin.as_deref(), ancestors);
    let mut response = html.into_response();
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    insert(headers, "content-security-policy", &policy);
    insert(headers, "cache-control", "no-store");
    insert(headers, "referrer-policy", "no-referrer");
    insert(headers, "x-content-type-options", "nosniff");
    frame_options(headers, ancestors);
    response
}

/// `X-Frame-Options` for browsers that predate `frame-ancestors`: DENY
/// when nobody may frame the response. It cannot name several origins
/// (its ALLOW-FROM is gone from browsers), so when some may, it is left
/// out rather than contradicting the CSP, which every current browser
/// follows instead.
pub fn frame_options(headers: &mut axum::http::HeaderMap, ancestors: &str) {
    if ancestors == "'none'" {
        insert(headers, "x-frame-options", "DENY");
    }
}

/// `GET /theme.css`: the colours of the council whose payment is in
/// the session, as the CSS custom properties `style/main.css` reads.
/// Without a session, the default colours.
pub async fn theme(
    AppData(state): AppData<AppState>,
    session: Option<Session>,
) -> Response {
    let council =
        session.and_then(|s| state.councils.get(&s.payment.council).cloned());
    let css = match council {
        Some(council) => council.colours.css(),
        None => crate::council::Colours::default().css(),
    };
    let mut response = css.into_response();
    let headers = response.headers_mut();
    insert(headers, "content-type", "text/css; charset=utf-8");
    response
}

/// The routes serving each council's theme and logo by its slug, and
/// its preview.
pub fn council_routes() -> Router<AppState> {
    Router::new()
        .route("/council/{slug}/theme.css", get(council_theme))
        .route("/council/{slug}/logo", get(council_logo))
        .route("/preview/{slug}", get(crate::council::preview::preview))
}

/// Addresses carry `?v=` with a fingerprint of the content: a matching
/// one may be cached for a year, anything else only briefly, so a
/// changed logo or colour shows within minutes even on an old address.
#[derive(Debug, Deserialize)]
pub struct Version {
    v: Option<String>,
}

fn cache_for(asked: &Version, current: &str) -> &'static str {
    if asked.v.as_deref() == Some(current) {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=300"
    }
}

/// `GET /council/{slug}/theme.css`: one council's colours.
async fn council_theme(
    AppData(state): AppData<AppState>,
    UrlPath(slug): UrlPath<String>,
    Query(asked): Query<Version>,
) -> Response {
    let Some(council) = state.councils.get(&slug) else {
        return not_found(&format!("No council called {slug:?} is here."));
    };
    let mut response = council.colours.css().into_response();
    let headers = response.headers_mut();
    insert(headers, "content-type", "text/css; charset=utf-8");
    let cache = cache_for(&asked, &council.colours.version());
    insert(headers, "cache-control", cache);
    response
}

/// `GET /council/{slug}/logo`: the council's SVG or PNG. Served with
/// a sandboxing CSP: opened on its own, an SVG is a document of our
/// origin, and must not be able to run anything there.
async fn council_logo(
    AppData(state): AppData<AppState>,
    UrlPath(slug): UrlPath<String>,
    Query(asked): Query<Version>,
) -> Response {
    let Some(council) = state.councils.get(&slug) else {
        return not_found(&format!("No council called {slug:?} is here."));
    };
    let Some(logo) = &council.logo_image else {
        return not_found(&format!("Council {slug:?} has no logo."));
    };
    let mut response =
        Body::from(Bytes::copy_from_slice(&logo.bytes)).into_response();
    let headers = response.headers_mut();
    insert(headers, "content-type", logo.content_type);
    insert(headers, "cache-control", cache_for(&asked, &logo.version));
    insert(
        headers,
        "content-security-policy",
        "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    );
    response
}

fn not_found(why: &str) -> Response {
    let mut response = (StatusCode::NOT_FOUND, why.to_owned()).into_response();
    let headers = response.headers_mut();
    insert(headers, "content-type", "text/plain; charset=utf-8");
    response
}

pub fn insert(
    headers: &mut axum::http::HeaderMap,
    name: &'static str,
    value: &str,
) {
    if let Ok(value) = HeaderValue::from_str(value) {
        headers.insert(HeaderName::from_static(name), value);
    }
}

/// The built page, or a plain explanation when it has not been built.
pub fn read_page(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("index.html")).unwrap_or_else(|_| {
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Payment page not built</title></head><body><main>\
         <h1>The payment page has not been built</h1>\
         <p>Start paypage with <code>./task run</code>, which builds it.</p>\
         </main></body></html>"
            .to_owned()
    })
}

/// `scheme://host[:port]` of an address.
fn origin(base: &str) -> String {
    match url::Url::parse(base) {
        Ok(url) => url.origin().ascii_serialization(),
        Err(_) => "'none'".to_owned(),
    }
}

/// The Content-Security-Policy: scripts only from us plus the inline
/// loader Trunk writes (allowed by its hash, never `unsafe-inline`);
/// WebAssembly compiled only because it must be (`wasm-unsafe-eval`);
/// connections only to us and the payment's PSP; framing only by the
/// council's listed origins.
pub fn policy(html: &str, psp: Option<&str>, ancestors: &str) -> String {
    let scripts: String = inline_scripts(html)
        .map(|script| format!(" 'sha256-{}'", base64_sha256(script)))
        .collect();
    let connect = psp.map(|origin| format!(" {origin}")).unwrap_or_default();
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'{scripts}; \
         style-src 'self'; img-src 'self' data:; font-src 'self'; \
         connect-src 'self'{connect}; frame-ancestors {ancestors}; \
         base-uri 'none'; form-action 'self'"
    )
}

/// The bodies of `<script>` elements without a `src`.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (attributes, rest) = rest.split_once('>')?;
        if attributes.contains("src=") {
            return None;
        }
        rest.split_once("</script>").map(|(body, _)| body)
    })
}

fn base64_sha256(text: &str) -> String {
    base64_encode(&Sha256::digest(text.as_bytes()))
}

/// Standard base64, as CSP hashes are written.
fn base64_encode(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] =
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n =
            (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(TABLE[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_examples() {
        assert_eq!(base64_encode(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64_encode(b"fooba"), "Zm9vYmE=");
        assert_eq!(base64_encode(b"foob"), "Zm9vYg==");
    }

    #[test]
    fn policy_allows_inline_loader_by_hash_and_nothing_inline_else() {
        let html = "<script type=\"module\">import x from './a.js'</script>\
                    <script src=\"b.js\"></script>";
        let csp = policy(html, Some("http://127.0.0.1:8081"), "'none'");
        assert!(csp.contains("'sha256-"));
        assert_eq!(csp.matches("'sha256-").count(), 1);
        assert!(!csp.contains("unsafe-inline"));
        assert!(csp.contains("connect-src 'self' http://127.0.0.1:8081;"));
        assert!(csp.contains("frame-ancestors 'none'"));
    }
}
