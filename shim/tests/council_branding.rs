//! Each council's branding as a browser meets it: its theme and logo
//! served by slug, the page's view naming them, and the preview address
//! that makes a sample payment. Runs against the example councils in
//! `councils/`, so a broken example fails here too.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use paypage_shim::app::{self, Running};
use paypage_shim::clock::Clock;
use paypage_shim::settings::Settings;
use reqwest::StatusCode;
use reqwest::redirect::Policy;
use serde_json::Value;

fn repo_councils() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../councils")
}

struct Shim {
    running: Running,
    _data: tempfile::TempDir,
}

impl Shim {
    async fn start(councils: &Path) -> Shim {
        let data = tempfile::tempdir().unwrap();
        let settings = Settings {
            addr: "127.0.0.1:0".parse().unwrap(),
            sandbox_addr: "127.0.0.1:0".parse().unwrap(),
            public_url: None,
            sandbox_public_url: None,
            data_dir: data.path().to_path_buf(),
            councils_dir: councils.to_path_buf(),
            page_dir: PathBuf::from("/nonexistent"),
        };
        let running = app::start(&settings, Clock::default()).await.unwrap();
        Shim {
            running,
            _data: data,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.running.public_url)
    }
}

/// A browser that keeps cookies, like a council officer's.
fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap()
}

/// Opens the preview in a browser and answers the page's view.
async fn preview_view(
    shim: &Shim,
    browser: &reqwest::Client,
    slug: &str,
) -> Value {
    let page = browser
        .get(shim.url(&format!("/preview/{slug}")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert_eq!(page.url().path(), "/pay", "{slug}");
    let view = browser
        .get(shim.url("/api/page/payment"))
        .send()
        .await
        .unwrap();
    assert_eq!(view.status(), StatusCode::OK);
    view.json().await.unwrap()
}

fn header<'a>(response: &'a reqwest::Response, name: &str) -> &'a str {
    let value = response.headers().get(name);
    value.map(|v| v.to_str().unwrap()).unwrap_or("")
}

#[tokio::test]
async fn preview_redirects_to_a_new_sandbox_payment_page() {
    let shim = Shim::start(&repo_councils()).await;
    let client = reqwest::Client::builder()
        .redirect(Policy::none())
        .build()
        .unwrap();
    let first = client.get(shim.url("/preview/northmoor")).send().await;
    let first = first.unwrap();
    assert_eq!(first.status(), StatusCode::SEE_OTHER);
    let location = header(&first, "location").to_owned();
    assert!(location.contains("/secure/"), "{location}");
    // Each visit is a fresh payment: a used next_url cannot be reopened.
    let second = client.get(shim.url("/preview/northmoor")).send().await;
    let second = second.unwrap();
    assert_ne!(header(&second, "location"), location);
}

#[tokio::test]
async fn every_example_council_previews_with_its_own_branding() {
    let shim = Shim::start(&repo_councils()).await;
    let cases = [
        ("northmoor", "en", "#1b2a41"),
        ("glan-teifi", "cy", "#5a1020"),
        ("sunnybank", "en", "#ffd60a"),
    ];
    for (slug, language, header_background) in cases {
        let browser = browser();
        let view = preview_view(&shim, &browser, slug).await;
        let council = &view["council"];
        assert_eq!(council["slug"], slug);
        assert_eq!(view["language"], language, "{slug}");
        assert_eq!(view["amount"], 1250);
        assert!(
            council["logo_alt"]["en"]
                .as_str()
                .unwrap()
                .contains("Council")
        );
        assert!(!council["logo_alt"]["cy"].as_str().unwrap().is_empty());
        let privacy = council["footer"]["privacy"]["url"].as_str().unwrap();
        assert!(privacy.starts_with("https://"), "{slug}: {privacy}");

        let theme_url = council["theme_url"].as_str().unwrap();
        let theme = browser.get(shim.url(theme_url)).send().await.unwrap();
        assert_eq!(header(&theme, "content-type"), "text/css; charset=utf-8");
        assert!(header(&theme, "cache-control").contains("immutable"));
        let css = theme.text().await.unwrap();
        let wanted = format!("--header-background: {header_background};");
        assert!(css.contains(&wanted), "{slug}: {css}");

        // The session's theme is the same council's.
        let session = browser.get(shim.url("/theme.css")).send().await;
        let session_css = session.unwrap().text().await.unwrap();
        assert_eq!(session_css, css, "{slug}");
    }
}

#[tokio::test]
async fn the_logo_is_served_as_the_file_with_its_type_and_a_long_cache() {
    let shim = Shim::start(&repo_councils()).await;
    let browser = browser();
    let view = preview_view(&shim, &browser, "sunnybank").await;
    let logo_url = view["council"]["logo_url"].as_str().unwrap();
    assert!(logo_url.starts_with("/council/sunnybank/logo?v="));

    let logo = browser.get(shim.url(logo_url)).send().await.unwrap();
    assert_eq!(logo.status(), StatusCode::OK);
    assert_eq!(header(&logo, "content-type"), "image/svg+xml");
    let cache = header(&logo, "cache-control");
    assert_eq!(cache, "public, max-age=31536000, immutable");
    assert!(header(&logo, "content-security-policy").contains("sandbox"));
    let file = std::fs::read(repo_councils().join("sunnybank/logo.svg"));
    assert_eq!(logo.bytes().await.unwrap().to_vec(), file.unwrap());
}

#[tokio::test]
async fn an_old_or_missing_version_is_served_with_a_short_cache() {
    let shim = Shim::start(&repo_councils()).await;
    let http = reqwest::Client::new();
    for path in [
        "/council/northmoor/logo",
        "/council/northmoor/logo?v=0000",
        "/council/northmoor/theme.css",
    ] {
        let response = http.get(shim.url(path)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(header(&response, "cache-control"), "public, max-age=300");
    }
}

#[tokio::test]
async fn unknown_councils_and_missing_logos_are_404_with_a_reason() {
    let councils = tempfile::tempdir().unwrap();
    let plain = councils.path().join("plain");
    std::fs::create_dir(&plain).unwrap();
    std::fs::write(
        plain.join("council.toml"),
        "accepted_brands = [\"visa\"]\nreturn_url_hosts = [\"localhost\"]\n\
         [name]\nen = \"Plain Council\"\ncy = \"Cyngor Plaen\"\n",
    )
    .unwrap();
    let shim = Shim::start(councils.path()).await;
    let http = reqwest::Client::new();
    let cases = [
        ("/council/nowhere/logo", "No council called \"nowhere\""),
        (
            "/council/nowhere/theme.css",
            "No council called \"nowhere\"",
        ),
        ("/council/plain/logo", "has no logo"),
        ("/preview/nowhere", "No council called"),
        ("/preview/plain", "Plain Council cannot be previewed"),
    ];
    for (path, reason) in cases {
        let response = http.get(shim.url(path)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        let text = response.text().await.unwrap();
        assert!(text.contains(reason), "{path}: {text}");
    }
}

#[tokio::test]
async fn a_council_without_logo_or_footer_gets_nulls_in_the_view() {
    // The example council has no logo and no footer links, but since
    // the accessibility statement it has a support contact.
    let shim = Shim::start(&repo_councils()).await;
    let browser = browser();
    let view = preview_view(&shim, &browser, "example").await;
    let council = &view["council"];
    assert_eq!(council["logo_url"], Value::Null);
    assert_eq!(council["logo_alt"], Value::Null);
    assert_eq!(council["footer"]["privacy"], Value::Null);
    let support = &council["support"];
    assert_eq!(support["email"], "accessibility@example-borough.example");
    assert_eq!(support["phone"], Value::Null);
}
