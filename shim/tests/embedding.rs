//! Embedding the page in a council's site: `next_url?embed=<origin>`,
//! the allow-list check, the framing headers of every page response,
//! and a payment made under an embedded (cookie-less) session.
//!
//! Council alpha lists `https://www.alpha.example` and
//! `http://localhost:*`; beta lists nothing (tests/common).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{ALPHA_KEY, BETA_KEY, Citizen, Shim};
use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::{StatusCode, redirect};
use serde_json::Value;

const ALPHA_FRAMERS: &str = "https://www.alpha.example http://localhost:*";

/// A browser that follows no redirects and keeps no cookies, so each
/// answer is seen as it is.
fn plain() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(redirect::Policy::none())
        .build()
        .unwrap()
}

fn next_url(payment: &Value) -> String {
    payment["_links"]["next_url"]["href"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn open_embedded(payment: &Value, origin: &str) -> reqwest::Response {
    let url = format!("{}?embed={origin}", next_url(payment));
    plain().get(url).send().await.unwrap()
}

fn header<'a>(response: &'a reqwest::Response, name: &str) -> &'a str {
    let value = response.headers().get(name);
    value.map_or("", |v| v.to_str().unwrap())
}

fn frame_ancestors(response: &reqwest::Response) -> String {
    let csp = header(response, "content-security-policy");
    let directive = csp
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("frame-ancestors "));
    let directive =
        directive.unwrap_or_else(|| panic!("no frame-ancestors in {csp:?}"));
    directive["frame-ancestors ".len()..].to_owned()
}

/// The value of `<meta name="{name}" content="...">` in a page.
fn meta(html: &str, name: &str) -> Option<String> {
    let start = format!("<meta name=\"{name}\" content=\"");
    let rest = &html[html.find(&start)? + start.len()..];
    Some(rest[..rest.find('"')?].to_owned())
}

/// The citizen of an embedded page: no cookies, the session's secret
/// in the header the page sends.
fn embedded_citizen(session: &str) -> reqwest::Client {
    let mut headers = HeaderMap::new();
    let value = HeaderValue::from_str(session).unwrap();
    headers.insert("paypage-session", value);
    reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .unwrap()
}

#[tokio::test]
async fn an_embedded_page_may_be_framed_by_its_host_origin_alone() {
    let shim = Shim::start().await;
    let payment = shim.create(ALPHA_KEY, 1500).await;

    let page = open_embedded(&payment, "http://localhost:5173").await;
    assert_eq!(page.status(), StatusCode::OK);
    assert_eq!(frame_ancestors(&page), "http://localhost:5173");
    assert_eq!(header(&page, "x-frame-options"), "");
    assert_eq!(header(&page, "set-cookie"), "", "embedded: no cookie");
    assert_eq!(header(&page, "cache-control"), "no-store");
    let html = page.text().await.unwrap();
    let origin = meta(&html, "paypage-embed");
    assert_eq!(origin.as_deref(), Some("http://localhost:5173"));
    assert!(meta(&html, "paypage-session").is_some_and(|s| s.len() == 43));
}

#[tokio::test]
async fn a_citizen_pays_in_a_frame_with_the_session_header_alone() {
    let shim = Shim::start().await;
    let payment = shim.create(ALPHA_KEY, 1500).await;
    let id = payment["payment_id"].as_str().unwrap();
    let page = open_embedded(&payment, "https://www.alpha.example").await;
    let html = page.text().await.unwrap();
    let session = meta(&html, "paypage-session").unwrap();

    let view_url = shim.url("/api/page/payment");
    let without = plain().get(&view_url).send().await.unwrap();
    assert_eq!(without.status(), StatusCode::UNAUTHORIZED);
    let wrong = embedded_citizen("not-the-session");
    let wrong = wrong.get(&view_url).send().await.unwrap();
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);

    let mut citizen = Citizen {
        http: embedded_citizen(&session),
        view: Value::Null,
    };
    citizen.view = citizen.page_view(&shim).await;
    assert_eq!(citizen.view["payment_id"], id);
    let view = citizen.pay_with(&shim, "4242424242424242").await;
    assert_eq!(view["outcome"]["code"], "success");
    let paid = shim.get(ALPHA_KEY, id).await;
    assert_eq!(paid["state"]["status"], "success");
    shim.assert_no_card_numbers_stored_or_logged();
}

#[tokio::test]
async fn an_origin_not_on_the_list_is_refused_and_the_link_still_works() {
    let shim = Shim::start().await;
    let payment = shim.create(ALPHA_KEY, 1500).await;
    let id = payment["payment_id"].as_str().unwrap();

    for origin in ["https://evil.example", "http://localhost.evil.example"] {
        let refused = open_embedded(&payment, origin).await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
        assert_eq!(frame_ancestors(&refused), ALPHA_FRAMERS);
        let text = refused.text().await.unwrap();
        assert!(text.contains(&format!("{origin} may not embed alpha's")));
        assert!(text.contains("councils/alpha/council.toml"), "{text}");
    }
    let status = shim.get(ALPHA_KEY, id).await["state"]["status"].clone();
    assert_eq!(status, "created", "a refused opening changes nothing");

    let citizen = Citizen::open(&shim, &payment).await;
    assert_eq!(citizen.view["payment_id"], id);
}

#[tokio::test]
async fn embed_must_be_an_origin_and_a_wrong_one_spends_nothing() {
    let shim = Shim::start().await;
    let payment = shim.create(ALPHA_KEY, 1500).await;

    for wrong in [
        "https://www.alpha.example/",
        "https://www.alpha.example/pay",
    ] {
        let refused = open_embedded(&payment, wrong).await;
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
        let text = refused.text().await.unwrap();
        assert!(text.contains("location.origin"), "{text}");
        assert!(text.contains("still works"), "{text}");
    }
    let page = open_embedded(&payment, "https://www.alpha.example").await;
    assert_eq!(page.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_council_listing_no_origins_can_be_framed_by_nobody() {
    let shim = Shim::start().await;
    let payment = shim.create(BETA_KEY, 1500).await;

    let refused = open_embedded(&payment, "http://localhost:5173").await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(frame_ancestors(&refused), "'none'");
    assert_eq!(header(&refused, "x-frame-options"), "DENY");
    let text = refused.text().await.unwrap();
    assert!(text.contains("lists no origins"), "{text}");

    let opened = plain().get(next_url(&payment)).send().await.unwrap();
    assert_eq!(opened.status(), StatusCode::SEE_OTHER);
    assert_eq!(frame_ancestors(&opened), "'none'");
    assert_eq!(header(&opened, "x-frame-options"), "DENY");
}

#[tokio::test]
async fn the_redirect_and_the_page_carry_the_councils_frame_ancestors() {
    let shim = Shim::start().await;
    let payment = shim.create(ALPHA_KEY, 1500).await;

    let opened = plain().get(next_url(&payment)).send().await.unwrap();
    assert_eq!(opened.status(), StatusCode::SEE_OTHER);
    assert_eq!(frame_ancestors(&opened), ALPHA_FRAMERS);
    assert_eq!(header(&opened, "x-frame-options"), "");
    let cookie = header(&opened, "set-cookie").split(';').next().unwrap();
    let cookie = cookie.to_owned();

    let page = plain().get(shim.url("/pay")).header("cookie", &cookie);
    let page = page.send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert_eq!(frame_ancestors(&page), ALPHA_FRAMERS);

    let nobody = plain().get(shim.url("/pay")).send().await.unwrap();
    assert_eq!(frame_ancestors(&nobody), "'none'");
    assert_eq!(header(&nobody, "x-frame-options"), "DENY");
}

#[tokio::test]
async fn a_spent_link_opens_no_embedded_page() {
    let shim = Shim::start().await;
    let payment = shim.create(ALPHA_KEY, 1500).await;
    let first = open_embedded(&payment, "http://localhost:5173").await;
    assert_eq!(first.status(), StatusCode::OK);

    // A reloaded frame: the council's own site may show the notice.
    let again = open_embedded(&payment, "http://localhost:5173").await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
    assert_eq!(frame_ancestors(&again), "http://localhost:5173");
    let html = again.text().await.unwrap();
    assert!(html.contains("This payment link cannot be used again"));

    // Any other site gets no frame at all.
    let elsewhere = open_embedded(&payment, "https://evil.example").await;
    assert_eq!(elsewhere.status(), StatusCode::NOT_FOUND);
    assert_eq!(frame_ancestors(&elsewhere), "'none'");
    assert_eq!(header(&elsewhere, "x-frame-options"), "DENY");
}

#[tokio::test]
async fn a_council_with_a_wrong_embedding_origin_is_refused_at_load() {
    let councils = tempfile::tempdir().unwrap();
    let dir = councils.path().join("gamma");
    std::fs::create_dir(&dir).unwrap();
    let toml = "accepted_brands = [\"visa\"]\n\
                return_url_hosts = [\"localhost\"]\n\
                embedding_origins = [\"https://*.gamma.example\", \
                \"http://www.gamma.example\"]\n\
                [name]\nen = \"Gamma\"\ncy = \"Gama\"\n";
    std::fs::write(dir.join("council.toml"), toml).unwrap();

    let error = paypage_shim::council::Councils::load(councils.path());
    let message = error.unwrap_err().to_string();
    assert!(message.contains("wildcard host"), "{message}");
    assert!(message.contains("must use https://"), "{message}");
}
