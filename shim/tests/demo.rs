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
        let request = self.http.post(self.url("/demo/pay")).form(form);
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
