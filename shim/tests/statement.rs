//! Each council's accessibility statement, as a citizen's browser gets
//! it: in both languages, naming the council and who to contact, the
//! WCAG 2.2 compliance status and the enforcement procedure, under a
//! strict Content-Security-Policy. Runs against the example councils in
//! `councils/`, so a council added there is checked without a change
//! here.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use paypage_shim::app::{self, Running};
use paypage_shim::clock::Clock;
use paypage_shim::council::{Council, Councils};
use paypage_shim::settings::Settings;
use reqwest::StatusCode;

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

    /// Status, Content-Security-Policy and body of a GET.
    async fn get(&self, path: &str) -> (StatusCode, String, String) {
        let url = format!("{}{path}", self.running.public_url);
        let response = reqwest::get(url).await.unwrap();
        let status = response.status();
        let csp = response
            .headers()
            .get("content-security-policy")
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        (status, csp, response.text().await.unwrap())
    }
}

/// What the statement must say in each language, whatever the council.
struct Expected {
    lang: &'static str,
    compliance: &'static str,
    enforcer: &'static str,
    other_language: &'static str,
}

const LANGUAGES: [Expected; 2] = [
    Expected {
        lang: "en",
        compliance: "version 2.2 AA standard",
        enforcer: "Equality and Human Rights Commission (EHRC)",
        other_language: "lang=\"cy\">Cymraeg</a>",
    },
    Expected {
        lang: "cy",
        compliance: "safon AA fersiwn 2.2",
        enforcer: "Comisiwn Cydraddoldeb a Hawliau Dynol (EHRC)",
        other_language: "lang=\"en\">English</a>",
    },
];

fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn assert_names_its_contact(council: &Council, html: &str) {
    let support = council.support.as_ref().unwrap_or_else(|| {
        panic!("example council {} has no [support]", council.slug)
    });
    for contact in [&support.email, &support.phone].into_iter().flatten() {
        assert!(
            html.contains(&escaped(contact)),
            "{}'s statement does not name {contact}",
            council.slug
        );
    }
    if let Some(email) = &support.email {
        assert!(html.contains(&format!("href=\"mailto:{email}\"")));
    }
}

#[tokio::test]
async fn every_example_councils_statement_says_what_the_regulations_ask() {
    let councils = Councils::load(&repo_councils()).unwrap();
    let shim = Shim::start(&repo_councils()).await;
    assert!(
        councils.iter().count() >= 3,
        "the example councils are gone"
    );

    for council in councils.iter() {
        for expected in &LANGUAGES {
            let path = format!(
                "/council/{}/accessibility?lang={}",
                council.slug, expected.lang
            );
            let (status, csp, html) = shim.get(&path).await;
            let at = format!("{path}: ");
            assert_eq!(status, StatusCode::OK, "{at}{html}");
            let html_lang = format!("<html lang=\"{}\">", expected.lang);
            assert!(html.contains(&html_lang), "{at}no {html_lang}");
            let name = escaped(council.name_in(expected.lang));
            assert_eq!(html.matches("<h1").count(), 1, "{at}one h1");
            assert!(html.contains(&name), "{at}does not name {name}");
            assert_names_its_contact(council, &html);
            assert!(html.contains(expected.compliance), "{at}no WCAG 2.2");
            assert!(html.contains(expected.enforcer), "{at}no EHRC");
            assert!(html.contains("https://www.equalityadvisoryservice.com/"));
            assert!(html.contains("https://www.equalityni.org/"));
            assert!(html.contains(expected.other_language), "{at}no link");
            assert_strict(&csp);
        }
    }
}

fn assert_strict(csp: &str) {
    assert!(csp.starts_with("default-src 'none'"), "{csp}");
    assert!(csp.contains("style-src 'self'"), "{csp}");
    assert!(csp.contains("frame-ancestors "), "{csp}");
    assert!(!csp.contains("script-src"), "no script is needed: {csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
}

#[tokio::test]
async fn without_a_language_the_councils_own_comes_first() {
    let shim = Shim::start(&repo_councils()).await;

    let (_, _, welsh) = shim.get("/council/glan-teifi/accessibility").await;
    assert!(welsh.contains("<html lang=\"cy\">"));
    let (_, _, english) = shim.get("/council/northmoor/accessibility").await;
    assert!(english.contains("<html lang=\"en\">"));
}

#[tokio::test]
async fn an_unknown_council_is_a_404_page_not_a_500() {
    let shim = Shim::start(&repo_councils()).await;

    for slug in ["nowhere", "..%2Fetc", "%3Cscript%3E"] {
        let path = format!("/council/{slug}/accessibility");
        let (status, csp, html) = shim.get(&path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(html.contains("<h1 class=\"heading-xl\">Page not found</h1>"));
        assert!(html.contains("Heb ddod o hyd i&#39;r dudalen"));
        assert!(!html.contains("<script"), "{path} echoed markup");
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    }
}

#[tokio::test]
async fn a_language_other_than_english_or_welsh_is_explained() {
    let shim = Shim::start(&repo_councils()).await;

    let path = "/council/northmoor/accessibility?lang=fr";
    let (status, _, html) = shim.get(path).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(html.contains("?lang=en"), "{html}");
    assert!(html.contains("?lang=cy"), "{html}");
}

/// A council whose name has markup in it, no `[support]` and an
/// embedding origin: the name is escaped, the statement says no contact
/// was given, and the origin may frame the statement.
#[tokio::test]
async fn a_council_without_support_is_told_plainly_and_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("odd");
    std::fs::create_dir(&folder).unwrap();
    let toml = "accepted_brands = [\"visa\"]\n\
         return_url_hosts = [\"localhost\"]\n\
         embedding_origins = [\"https://www.odd.example\"]\n\
         [name]\nen = \"Odd <b>Borough</b> & Co\"\ncy = \"Cyngor Od\"\n";
    std::fs::write(folder.join("council.toml"), toml).unwrap();
    let shim = Shim::start(dir.path()).await;

    let (status, csp, html) = shim.get("/council/odd/accessibility").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Odd &lt;b&gt;Borough&lt;/b&gt; &amp; Co"));
    assert!(!html.contains("<b>"));
    assert!(html.contains("has not yet given paypage a contact"));
    assert!(csp.contains("frame-ancestors https://www.odd.example;"));
}

#[tokio::test]
async fn the_stylesheet_is_served_for_the_policy_to_allow() {
    let shim = Shim::start(&repo_councils()).await;

    let url = format!("{}/statement/statement.css", shim.running.public_url);
    let response = reqwest::get(url).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let kind = response.headers()["content-type"].to_str().unwrap();
    assert_eq!(kind, "text/css; charset=utf-8");
    assert!(response.text().await.unwrap().contains(".heading-xl"));
}
