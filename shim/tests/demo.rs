//! The demo council service at `/`: the amount form, its errors, the
//! payment it creates and the page the citizen comes back to.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use paypage_shim::app::{self, Running};
use paypage_shim::clock::Clock;
use paypage_shim::settings::Settings;
use reqwest::redirect::Policy;
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};

const EXAMPLE_KEY: &str = "api_test_example_sandbox_4f7c2a9e1b";
const DEMO_CSP: &str = "default-src 'none'; style-src 'self'; \
     form-action 'self'; img-src 'self'; frame-ancestors 'none'; \
     base-uri 'none'";

struct Demo {
    running: Running,
    /// A browser that does not follow redirects, to see them.
    http: Client,
    _data: tempfile::TempDir,
}

fn repository_councils() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../councils")
}

impl Demo {
    /// The shim serving the repository's own councils, as `./task run`
    /// does, so the demo's default key is the example council's.
    async fn start(councils: &Path) -> Demo {
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
        let http = Client::builder().redirect(Policy::none()).build().unwrap();
        Demo {
            running,
            http,
            _data: data,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.running.public_url)
    }

    async fn get(&self, path: &str) -> (StatusCode, String) {
        let response = self.http.get(self.url(path)).send().await.unwrap();
        let status = response.status();
        (status, response.text().await.unwrap())
    }

    async fn post(&self, form: &[(&str, &str)]) -> reqwest::Response {
        self.post_to("/demo/pay", form).await
    }

    async fn post_to(
        &self,
        path: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        let request = self.http.post(self.url(path)).form(form);
        request.send().await.unwrap()
    }

    /// Pays through the form; answers the `next_url` it redirects to.
    async fn choose(&self, form: &[(&str, &str)]) -> String {
        let response = self.post(form).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let location = response.headers()["location"].to_str().unwrap();
        location.to_owned()
    }

    /// The council's view of every payment, newest first.
    async fn payments(&self) -> Vec<Value> {
        let url = self.url("/v1/payments");
        let request = self.http.get(url).bearer_auth(EXAMPLE_KEY);
        let found: Value = request.send().await.unwrap().json().await.unwrap();
        found["results"].as_array().unwrap().clone()
    }

    /// The one payment the demo made, and its return path.
    async fn only_payment(&self) -> (Value, String) {
        let payments = self.payments().await;
        assert_eq!(payments.len(), 1, "{payments:?}");
        let payment = payments[0].clone();
        let back = payment["return_url"].as_str().unwrap();
        let path = back.strip_prefix(&self.running.public_url).unwrap();
        let path = path.to_owned();
        (payment, path)
    }
}

#[tokio::test]
async fn the_form_asks_how_much_under_a_demo_banner_with_a_strict_csp() {
    let demo = Demo::start(&repository_councils()).await;
    let response = demo.http.get(demo.url("/")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-security-policy"], DEMO_CSP);
    let html = response.text().await.unwrap();
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains(
        "<title>How much do you want to pay? – Pay a parking fine (demo) \
         – Example Borough Council</title>"
    ));
    assert!(html.contains("no real money moves"));
    assert!(html.contains(
        "<legend class=\"legend\">How much do you want to pay?</legend>"
    ));
    assert!(!html.contains("<script"), "the demo has no script");
    assert!(!html.contains("style="), "the CSP forbids inline styles");
}

#[tokio::test]
async fn the_style_sheet_is_served_as_css() {
    let demo = Demo::start(&repository_councils()).await;
    let response = demo.http.get(demo.url("/demo/demo.css")).send().await;
    let response = response.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let kind = &response.headers()["content-type"];
    assert_eq!(kind, "text/css; charset=utf-8");
    assert!(response.text().await.unwrap().contains(".error-summary"));
}

#[tokio::test]
async fn a_chosen_amount_becomes_a_payment_and_the_citizen_goes_to_pay_it() {
    let demo = Demo::start(&repository_councils()).await;
    let next = demo.choose(&[("amount", "7000")]).await;
    assert!(next.starts_with(&demo.url("/secure/")), "{next}");

    let (payment, back) = demo.only_payment().await;
    assert_eq!(payment["amount"], 7000);
    assert_eq!(payment["state"]["status"], "created");
    let reference = payment["reference"].as_str().unwrap();
    assert!(reference.starts_with("PCN"), "{reference}");
    assert_eq!(back, format!("/demo/return?payment={reference}"));

    let browser = Client::builder().cookie_store(true).build().unwrap();
    let page = browser.get(&next).send().await.unwrap();
    assert_eq!(page.url().path(), "/pay");
}

#[tokio::test]
async fn an_other_amount_in_pounds_and_pence_is_charged_in_pence() {
    let demo = Demo::start(&repository_councils()).await;
    let form = [("amount", "other"), ("other_amount", "£52.5")];
    demo.choose(&form).await;
    let (payment, _) = demo.only_payment().await;
    assert_eq!(payment["amount"], 5250);
}

#[tokio::test]
async fn no_choice_is_asked_again_and_creates_nothing() {
    let demo = Demo::start(&repository_councils()).await;
    let response = demo.post(&[("other_amount", "")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("<title>Error: How much do you want to pay?"));
    assert!(html.contains("There is a problem"));
    assert!(html.contains(
        "<a href=\"#amount-3500\">Select how much you want to pay</a>"
    ));
    assert!(html.contains(
        "<span class=\"visually-hidden\">Error:</span> Select how much you \
         want to pay"
    ));
    assert!(demo.payments().await.is_empty());
}

#[tokio::test]
async fn a_wrong_other_amount_is_kept_escaped_beside_its_message() {
    let demo = Demo::start(&repository_councils()).await;
    let typed = "12.345\"><b>";
    let form = [("amount", "other"), ("other_amount", typed)];
    let html = demo.post(&form).await.text().await.unwrap();
    let message = "Enter the amount in pounds, like 35 or 35.50";
    assert!(html.contains(&format!("<a href=\"#other-amount\">{message}</a>")));
    assert!(html.contains("value=\"12.345&quot;&gt;&lt;b&gt;\""));
    assert!(!html.contains("<b>"));
    assert!(html.contains("value=\"other\" checked"));
    assert!(html.contains(
        "aria-describedby=\"other-amount-hint other-amount-error\" \
         aria-invalid=\"true\""
    ));
    assert!(demo.payments().await.is_empty());
}

#[tokio::test]
async fn amounts_outside_the_fines_range_are_refused_with_the_limit() {
    let demo = Demo::start(&repository_councils()).await;
    for (typed, message) in [
        ("0.50", "The amount must be £1 or more"),
        ("1000.01", "The amount must be £1,000 or less"),
        ("", "Enter the amount you want to pay"),
    ] {
        let form = [("amount", "other"), ("other_amount", typed)];
        let html = demo.post(&form).await.text().await.unwrap();
        assert!(html.contains(message), "{typed}: {html}");
    }
    assert!(demo.payments().await.is_empty());
}

/// Opens `next_url` like a browser, pays with a card at the sandbox and
/// has the shim charge the token, as the page does.
async fn pay_as_citizen(demo: &Demo, next: &str, card: &str) {
    let browser = Client::builder().cookie_store(true).build().unwrap();
    browser.get(next).send().await.unwrap();
    let view: Value = browser
        .get(demo.url("/api/page/payment"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let psp = &view["psp"];
    let form = [
        ("card[number]", card),
        ("card[exp_month]", "12"),
        ("card[exp_year]", "2034"),
        ("card[cvc]", "123"),
        ("card[name]", "Sam Citizen"),
    ];
    let token: Value = browser
        .post(psp["tokenise_url"].as_str().unwrap())
        .bearer_auth(psp["publishable_key"].as_str().unwrap())
        .form(&form)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let authorise = json!({ "token": token["id"] });
    let answer = browser
        .post(demo.url("/api/page/authorise"))
        .json(&authorise)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::OK);
}

#[tokio::test]
async fn coming_back_after_paying_shows_the_fine_paid_with_the_card() {
    let demo = Demo::start(&repository_councils()).await;
    let next = demo.choose(&[("amount", "3500")]).await;
    pay_as_citizen(&demo, &next, "4242424242424242").await;

    let (payment, back) = demo.only_payment().await;
    let (status, html) = demo.get(&back).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("<h1 class=\"heading-l\">Your parking fine is paid</h1>")
    );
    assert!(html.contains(payment["reference"].as_str().unwrap()));
    assert!(html.contains("£35.00"));
    assert!(html.contains("Visa ending 4242"));
}

#[tokio::test]
async fn coming_back_early_or_cancelled_says_no_money_was_taken() {
    let demo = Demo::start(&repository_councils()).await;
    demo.choose(&[("amount", "10500")]).await;
    let (payment, back) = demo.only_payment().await;
    let (_, html) = demo.get(&back).await;
    assert!(html.contains("Your payment is not finished"), "{html}");

    let id = payment["payment_id"].as_str().unwrap();
    let cancel = demo.url(&format!("/v1/payments/{id}/cancel"));
    let request = demo.http.post(cancel).bearer_auth(EXAMPLE_KEY);
    assert_eq!(request.send().await.unwrap().status(), 204);
    let (_, html) = demo.get(&back).await;
    assert!(
        html.contains("The council cancelled this payment"),
        "{html}"
    );
    assert!(html.contains("No money was taken"));
}

#[tokio::test]
async fn a_return_link_for_no_demo_payment_says_so() {
    let demo = Demo::start(&repository_councils()).await;
    for path in [
        "/demo/return",
        "/demo/return?payment=PCN0000000000",
        "/demo/return?payment=%27%3Cx",
    ] {
        let (status, html) = demo.get(path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(html.contains("We cannot find that payment"), "{path}");
    }
}

#[tokio::test]
async fn a_demo_key_no_council_owns_is_explained_not_failed() {
    let councils = tempfile::tempdir().unwrap();
    let other = councils.path().join("other");
    std::fs::create_dir(&other).unwrap();
    let hash = paypage_shim::secret::hash("api_test_some_other_council_key");
    let toml = format!(
        "accepted_brands = [\"visa\"]\nreturn_url_hosts = [\"localhost\"]\n\
         [name]\nen = \"Other\"\ncy = \"Arall\"\n[[api_keys]]\n\
         name = \"t\"\nmode = \"test\"\nsha256 = \"{hash}\"\n"
    );
    std::fs::write(other.join("council.toml"), toml).unwrap();
    let demo = Demo::start(councils.path()).await;

    let (status, html) = demo.get("/").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(html.contains("The demo is not set up"));
    assert!(html.contains("PAYPAGE_DEMO_KEY"));
    let response = demo.post(&[("amount", "3500")]).await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);

    // With no council there is no default language, but Welsh can
    // still be asked for.
    let (status, html) = demo.get("/?lang=cy").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(html.contains("<html lang=\"cy\">"));
    assert!(html.contains("Nid yw'r arddangosiad wedi'i osod"));
    assert!(html.contains("Gosodwch PAYPAGE_DEMO_KEY"));
}

// The demo in Welsh (issue 6).

const WELSH_COUNCIL: &str = "Cyngor Bwrdeistref Enghreifftiol";

/// The switch's link to English and its mark on Welsh, as on every
/// Welsh page; `query` is what the link keeps besides the language.
fn welsh_switch(path: &str, query: &str) -> [String; 2] {
    [
        format!(
            "<a href=\"{path}?{query}lang=en\" hreflang=\"en\" \
             lang=\"en\">English</a>"
        ),
        "<span class=\"language-current\" lang=\"cy\" \
         aria-current=\"true\">Cymraeg</span>"
            .to_owned(),
    ]
}

fn assert_welsh(html: &str, path: &str, query: &str) {
    assert!(html.contains("<html lang=\"cy\">"), "{html}");
    assert!(html.contains("Talu dirwy parcio (arddangosiad)"), "{html}");
    for part in welsh_switch(path, query) {
        assert!(html.contains(&part), "{part} in {html}");
    }
}

#[tokio::test]
async fn the_form_in_welsh_has_lang_cy_and_a_switch_to_english() {
    let demo = Demo::start(&repository_councils()).await;
    let response = demo.http.get(demo.url("/?lang=cy")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-security-policy"], DEMO_CSP);
    let html = response.text().await.unwrap();
    assert_welsh(&html, "/", "");
    assert!(html.contains(&format!(
        "<title>Faint ydych chi am ei dalu? – Talu dirwy parcio \
         (arddangosiad) – {WELSH_COUNCIL}</title>"
    )));
    assert!(html.contains(&format!(
        "<p>Mae {WELSH_COUNCIL} wedi rhoi hysbysiad tâl cosb i chi."
    )));
    assert!(
        html.contains("<input type=\"hidden\" name=\"lang\" value=\"cy\">")
    );
    assert!(html.contains(">Parhau</button>"));
    assert!(!html.contains("How much"), "no English left: {html}");

    // And the English page links to Welsh.
    let (_, html) = demo.get("/").await;
    assert!(html.contains(
        "<a href=\"/?lang=cy\" hreflang=\"cy\" lang=\"cy\">Cymraeg</a>"
    ));
    assert!(html.contains("lang=\"en\" aria-current=\"true\">English"));
}

#[tokio::test]
async fn a_language_the_demo_does_not_speak_gets_the_default_not_an_error() {
    let demo = Demo::start(&repository_councils()).await;
    for path in ["/?lang=fr", "/?lang=", "/?lang=cy&lang=fr", "/?lang=%FF"] {
        let (status, html) = demo.get(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(html.contains("<html lang=\"en\">"), "{path}");
    }
    let form = [("amount", "3500"), ("lang", "xx")];
    let next = demo.choose(&form).await;
    assert!(next.contains("/secure/"), "{next}");
    let (payment, back) = demo.only_payment().await;
    assert_eq!(payment["language"], "en");
    assert!(!back.contains("lang="), "{back}");
}

#[tokio::test]
async fn a_welsh_error_is_said_in_welsh_and_the_switch_keeps_the_answer() {
    let demo = Demo::start(&repository_councils()).await;
    let response = demo.post(&[("lang", "cy")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert_welsh(&html, "/", "");
    assert!(html.contains("<title>Gwall: Faint ydych chi am ei dalu?"));
    assert!(html.contains(
        "<h2 class=\"error-summary-title\">Mae problem wedi codi</h2>"
    ));
    assert!(html.contains(
        "<a href=\"#amount-3500\">Dewiswch faint rydych am ei dalu</a>"
    ));
    assert!(html.contains(
        "<span class=\"visually-hidden\">Gwall:</span> Dewiswch faint"
    ));

    let form = [("amount", "other"), ("other_amount", "0.5"), ("lang", "cy")];
    let html = demo.post(&form).await.text().await.unwrap();
    assert!(html.contains(
        "<a href=\"#other-amount\">Rhaid i'r swm fod yn £1 neu fwy</a>"
    ));
    assert_welsh(&html, "/", "amount=other&amp;other_amount=0.5&amp;");
    assert!(
        html.contains("name=\"lang\" value=\"cy\""),
        "the next try stays Welsh"
    );

    // Following the switch keeps what was typed, in English.
    let (status, html) =
        demo.get("/?amount=other&other_amount=0.5&lang=en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("value=\"other\" checked"));
    assert!(html.contains("value=\"0.5\""));
    assert!(!html.contains("There is a problem"), "asked, not judged");
    assert!(demo.payments().await.is_empty());
}

#[tokio::test]
async fn a_welsh_payment_is_made_in_welsh_and_comes_back_in_welsh() {
    let demo = Demo::start(&repository_councils()).await;
    let next = demo.choose(&[("amount", "7000"), ("lang", "cy")]).await;

    let (payment, back) = demo.only_payment().await;
    assert_eq!(payment["language"], "cy");
    let reference = payment["reference"].as_str().unwrap();
    assert_eq!(back, format!("/demo/return?payment={reference}&lang=cy"));
    assert_eq!(payment["description"], format!("Dirwy parcio {reference}"));

    // The card page starts in Welsh: its view says so.
    let browser = Client::builder().cookie_store(true).build().unwrap();
    browser.get(&next).send().await.unwrap();
    let view = browser.get(demo.url("/api/page/payment")).send().await;
    let view: Value = view.unwrap().json().await.unwrap();
    assert_eq!(view["language"], "cy", "{view}");
}

#[tokio::test]
async fn coming_back_from_a_welsh_payment_says_it_is_paid_in_welsh() {
    let demo = Demo::start(&repository_councils()).await;
    let next = demo.choose(&[("amount", "3500"), ("lang", "cy")]).await;
    pay_as_citizen(&demo, &next, "4242424242424242").await;

    let (payment, back) = demo.only_payment().await;
    let (status, html) = demo.get(&back).await;
    assert_eq!(status, StatusCode::OK);
    let reference = payment["reference"].as_str().unwrap();
    assert_welsh(&html, "/demo/return", &format!("payment={reference}&amp;"));
    assert!(html.contains(
        "<h1 class=\"heading-l\">Mae eich dirwy parcio wedi'i thalu</h1>"
    ));
    assert!(html.contains("<dt>Swm a dalwyd</dt><dd>£35.00</dd>"));
    assert!(html.contains("<dd>Visa sy'n gorffen gyda 4242</dd>"));
    assert!(html.contains("<a href=\"/?lang=cy\">Talu dirwy parcio arall"));
}

#[tokio::test]
async fn a_welsh_return_link_for_no_demo_payment_says_so_in_welsh() {
    let demo = Demo::start(&repository_councils()).await;
    let path = "/demo/return?payment=PCN0000000000&lang=cy";
    let (status, html) = demo.get(path).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_welsh(&html, "/demo/return", "payment=PCN0000000000&amp;");
    assert!(html.contains("Ni allwn ddod o hyd i'r taliad hwnnw"));
    // A reference the demo never makes is not carried to English.
    let (_, html) = demo.get("/demo/return?payment=%3Cx&lang=cy").await;
    assert_welsh(&html, "/demo/return", "");
}

#[tokio::test]
async fn paying_on_the_page_in_welsh_frames_a_welsh_payment() {
    let demo = Demo::start(&repository_councils()).await;
    let form = [("amount", "3500"), ("lang", "cy")];
    let response = demo.post_to("/demo/embedded", &form).await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    assert_welsh(&html, "/", "amount=3500&amp;");
    assert!(html.contains("Talu â cherdyn ar y dudalen hon</h1>"));
    assert!(html.contains("title=\"Taliad cerdyn\""));
    assert!(html.contains(
        " data-success=\"Mae&#39;r dudalen dalu&#39;n dweud bod eich dirwy \
         parcio wedi&#39;i thalu.\""
    ));

    let (payment, back) = demo.only_payment().await;
    assert_eq!(payment["language"], "cy");
    let recorded = format!(
        "<a href=\"{}\">Gweld beth mae'r cyngor wedi'i gofnodi",
        back.replace('&', "&amp;")
    );
    assert!(html.contains(&recorded), "{recorded} in {html}");
}

/// The example council with Welsh as its default language.
fn welsh_first_councils() -> tempfile::TempDir {
    let councils = tempfile::tempdir().unwrap();
    let folder = councils.path().join("example");
    std::fs::create_dir(&folder).unwrap();
    let toml = repository_councils().join("example/council.toml");
    let toml = std::fs::read_to_string(toml).unwrap();
    let welsh =
        toml.replace("default_language = \"en\"", "default_language = \"cy\"");
    assert_ne!(toml, welsh, "the example council's default moved");
    std::fs::write(folder.join("council.toml"), welsh).unwrap();
    councils
}

#[tokio::test]
async fn a_welsh_first_council_starts_in_welsh_and_english_is_named() {
    let councils = welsh_first_councils();
    let demo = Demo::start(councils.path()).await;
    for path in ["/", "/?lang=fr"] {
        let (status, html) = demo.get(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(html.contains("<html lang=\"cy\">"), "{path}");
    }

    demo.choose(&[("amount", "3500"), ("lang", "en")]).await;
    let (payment, back) = demo.only_payment().await;
    assert_eq!(payment["language"], "en");
    assert!(back.ends_with("&lang=en"), "{back}");
    let (_, html) = demo.get(&back).await;
    assert!(html.contains("<html lang=\"en\">"), "{html}");
    assert!(html.contains("Your payment is not finished"));
}

/// Stops the spawned shim even when an assertion fails.
struct Child(std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

#[tokio::test]
async fn paypage_demo_key_in_the_environment_replaces_the_example_key() {
    let data = tempfile::tempdir().unwrap();
    let port = free_port();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_paypage-shim"))
        .env("PAYPAGE_ADDR", format!("127.0.0.1:{port}"))
        .env("PAYPAGE_SANDBOX_ADDR", "127.0.0.1:0")
        .env("PAYPAGE_DATA_DIR", data.path())
        .env("PAYPAGE_COUNCILS_DIR", repository_councils())
        .env("PAYPAGE_DEMO_KEY", "api_test_no_council_has_this_key")
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let _child = Child(child);

    let url = format!("http://127.0.0.1:{port}/");
    let mut answer = None;
    for _ in 0..100 {
        if let Ok(response) = reqwest::get(&url).await {
            answer = Some(response);
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let response = answer.expect("the shim did not start within 10 s");
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    let html = response.text().await.unwrap();
    assert!(html.contains("is not a key of any council"), "{html}");
}
