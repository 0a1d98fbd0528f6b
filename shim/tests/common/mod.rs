//! A real shim for tests: two councils, a temporary SQLite file, the
//! sandbox PSP, both on loopback ports, driven over HTTP.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod schema;

use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use paypage_shim::app::{self, Running};
use paypage_shim::clock::Clock;
use paypage_shim::settings::Settings;
use reqwest::StatusCode;
use serde_json::{Value, json};

pub const ALPHA_KEY: &str = "api_test_alpha_key_for_tests_0001";
pub const BETA_KEY: &str = "api_test_beta_key_for_tests_0002";

/// Every card number any test types; none may reach a log or the
/// database.
pub const TEST_CARDS: [&str; 10] = [
    "4242424242424242",
    "4444333322221111",
    "5555555555554444",
    "371449635398431",
    "4000000000000002",
    "4000000000000069",
    "4000000000000127",
    "4000000000000119",
    "4000002500003155",
    "6011111111111117",
];

pub struct Shim {
    pub running: Running,
    pub base: String,
    pub clock: Clock,
    pub http: reqwest::Client,
    data: tempfile::TempDir,
    _councils: tempfile::TempDir,
}

/// Log lines from every test in this binary, to scan for card numbers.
pub fn captured_logs() -> Arc<Mutex<Vec<u8>>> {
    static LOGS: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    LOGS.get_or_init(|| {
        let logs = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&logs);
        let writer = move || Capture(Arc::clone(&sink));
        let _ = tracing_subscriber::fmt()
            .json()
            .with_max_level(tracing::Level::TRACE)
            .with_current_span(true)
            .with_writer(writer)
            .try_init();
        logs
    })
    .clone()
}

struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn council_toml(name: &str, key: &str, brands: &str) -> String {
    let hash = paypage_shim::secret::hash(key);
    format!(
        "accepted_brands = [{brands}]\n\
         return_url_hosts = [\"service.example.gov.uk\", \"localhost\"]\n\
         [name]\nen = \"{name}\"\ncy = \"Cyngor {name}\"\n\
         [[api_keys]]\nname = \"tests\"\nmode = \"test\"\nsha256 = \"{hash}\"\n"
    )
}

impl Shim {
    pub async fn start() -> Shim {
        captured_logs();
        let councils = tempfile::tempdir().unwrap();
        let alpha_brands = "\"visa\", \"master-card\", \"american-express\"";
        for (slug, key, brands) in [
            ("alpha", ALPHA_KEY, alpha_brands),
            ("beta", BETA_KEY, "\"visa\""),
        ] {
            let dir = councils.path().join(slug);
            std::fs::create_dir(&dir).unwrap();
            let mut toml = council_toml(slug, key, brands);
            if slug == "alpha" {
                // Before any table, so it stays a top-level key.
                let origins = "embedding_origins = \
                     [\"https://www.alpha.example\", \"http://localhost:*\"]\n";
                toml.insert_str(0, origins);
            }
            if slug == "beta" {
                toml.push_str("[colours]\nheader_background = \"#123456\"\n");
            }
            std::fs::write(dir.join("council.toml"), toml).unwrap();
        }
        let data = tempfile::tempdir().unwrap();
        let settings = Settings {
            addr: "127.0.0.1:0".parse().unwrap(),
            sandbox_addr: "127.0.0.1:0".parse().unwrap(),
            public_url: None,
            sandbox_public_url: None,
            data_dir: data.path().to_path_buf(),
            councils_dir: councils.path().to_path_buf(),
            page_dir: PathBuf::from("/nonexistent"),
        };
        let clock = Clock::default();
        let running = app::start(&settings, clock.clone()).await.unwrap();
        let base = running.public_url.clone();
        Shim {
            running,
            base,
            clock,
            http: reqwest::Client::new(),
            data,
            _councils: councils,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A council API call; returns status and JSON body (Null if none).
    pub async fn api(
        &self,
        method: reqwest::Method,
        path: &str,
        key: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut request =
            self.http.request(method, self.url(path)).bearer_auth(key);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        read(response).await
    }

    pub async fn create(&self, key: &str, amount: i64) -> Value {
        let body = payment_body(amount);
        let (status, payment) = self
            .api(reqwest::Method::POST, "/v1/payments", key, Some(body))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{payment}");
        payment
    }

    pub async fn get(&self, key: &str, id: &str) -> Value {
        let path = format!("/v1/payments/{id}");
        let (status, body) =
            self.api(reqwest::Method::GET, &path, key, None).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body
    }

    /// Fails the test if any test card number is in the database files
    /// or in any log line written so far.
    pub fn assert_no_card_numbers_stored_or_logged(&self) {
        let logs = captured_logs().lock().unwrap().clone();
        // The scan proves nothing unless the logs were really captured.
        let text = String::from_utf8_lossy(&logs);
        assert!(text.contains("payment created"), "no logs were captured");
        self.scan_for_card_numbers();
    }

    /// The database files and every log line so far hold no test card
    /// number.
    fn scan_for_card_numbers(&self) {
        let mut haystacks = vec![];
        for entry in std::fs::read_dir(self.data.path()).unwrap() {
            haystacks.push(std::fs::read(entry.unwrap().path()).unwrap());
        }
        haystacks.push(captured_logs().lock().unwrap().clone());
        for haystack in &haystacks {
            let text = String::from_utf8_lossy(haystack);
            for card in TEST_CARDS {
                assert!(!text.contains(card), "card number {card} leaked");
            }
        }
    }
}

/// Every test that starts a shim ends with the scan of its database and
/// the logs, so a test added later is covered without remembering to
/// call it. Not when the test has failed already: a second panic while
/// unwinding would abort the run and hide the first failure.
impl Drop for Shim {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            self.scan_for_card_numbers();
        }
    }
}

/// An answer read as text, for requests that may not get JSON back.
pub struct Raw {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub text: String,
}

impl Shim {
    /// Any request at all: `headers` are sent as given (no key is added),
    /// `path` is sent as written, without re-encoding.
    pub async fn send_raw(
        &self,
        method: reqwest::Method,
        path: &str,
        headers: &[(&str, &[u8])],
        body: Option<Vec<u8>>,
    ) -> Raw {
        let mut request = self.http.request(method, self.url(path));
        for (name, value) in headers {
            let value = reqwest::header::HeaderValue::from_bytes(value);
            request = request.header(*name, value.unwrap());
        }
        if let Some(body) = body {
            request = request.body(body);
        }
        let response = request.send().await.unwrap();
        Raw {
            status: response.status(),
            headers: response.headers().clone(),
            text: response.text().await.unwrap(),
        }
    }

    /// Everything both councils can see through the API: every payment
    /// (with its events and refunds) and every refund. Equal snapshots
    /// before and after a request prove it changed nothing.
    pub async fn snapshot(&self) -> Value {
        let mut councils = serde_json::Map::new();
        for key in [ALPHA_KEY, BETA_KEY] {
            councils.insert(key.into(), self.council_snapshot(key).await);
        }
        Value::Object(councils)
    }

    async fn council_snapshot(&self, key: &str) -> Value {
        let get = reqwest::Method::GET;
        let (_, payments) =
            self.api(get.clone(), "/v1/payments", key, None).await;
        let (_, refunds) =
            self.api(get.clone(), "/v1/refunds", key, None).await;
        let mut each = vec![];
        for payment in payments["results"].as_array().unwrap() {
            let id = payment["payment_id"].as_str().unwrap();
            for part in ["", "/events", "/refunds"] {
                let path = format!("/v1/payments/{id}{part}");
                each.push(self.api(get.clone(), &path, key, None).await.1);
            }
        }
        json!({ "payments": payments, "refunds": refunds, "each": each })
    }
}

/// Asserts an answer is the API's error: the status, the code, and the
/// spec's `RequestError` shape (made strict: `code` and `description`,
/// optionally `field` and `header`, nothing else), never plain text.
pub fn assert_api_error(name: &str, raw: &Raw, status: u16, code: &str) {
    assert_eq!(raw.status.as_u16(), status, "{name}: {}", raw.text);
    let content_type = raw.headers.get("content-type");
    let content_type = content_type.and_then(|v| v.to_str().ok());
    assert_eq!(content_type, Some("application/json"), "{name}");
    let body: Value = serde_json::from_str(&raw.text)
        .unwrap_or_else(|_| panic!("{name}: not JSON: {:?}", raw.text));
    schema::assert_valid("RequestError", &body);
    assert_eq!(body["code"], code, "{name}: {body}");
    let description = body["description"].as_str().unwrap();
    assert!(description.len() > 20, "{name}: {description:?}");
}

pub fn payment_body(amount: i64) -> Value {
    json!({
        "amount": amount,
        "reference": "PCN-12345",
        "description": "Parking fine",
        "return_url": "https://service.example.gov.uk/done",
    })
}

pub async fn read(response: reqwest::Response) -> (StatusCode, Value) {
    let status = response.status();
    let text = response.text().await.unwrap();
    let body = serde_json::from_str(&text).unwrap_or(Value::Null);
    (status, body)
}

/// A citizen's browser: keeps cookies, talks to the shim and the PSP.
pub struct Citizen {
    pub http: reqwest::Client,
    pub view: Value,
}

impl Citizen {
    /// Opens the payment's `next_url` and loads the page's view.
    pub async fn open(shim: &Shim, payment: &Value) -> Citizen {
        let http = reqwest::Client::builder()
            .cookie_store(true)
            .build()
            .unwrap();
        let next = payment["_links"]["next_url"]["href"].as_str().unwrap();
        let page = http.get(next).send().await.unwrap();
        assert_eq!(page.status(), StatusCode::OK);
        assert!(page.url().path().ends_with("/pay"));
        let mut citizen = Citizen {
            http,
            view: Value::Null,
        };
        citizen.view = citizen.page_view(shim).await;
        citizen
    }

    pub async fn page_view(&self, shim: &Shim) -> Value {
        let response =
            self.http.get(shim.url("/api/page/payment")).send().await;
        let (status, view) = read(response.unwrap()).await;
        assert_eq!(status, StatusCode::OK, "{view}");
        view
    }

    /// Sends card details straight to the PSP, as the page does.
    pub async fn tokenise(
        &self,
        number: &str,
        cvc: &str,
    ) -> (StatusCode, Value) {
        let psp = &self.view["psp"];
        let url = psp["tokenise_url"].as_str().unwrap();
        let key = psp["publishable_key"].as_str().unwrap();
        let form = [
            ("card[number]", number),
            ("card[exp_month]", "12"),
            ("card[exp_year]", "2034"),
            ("card[cvc]", cvc),
            ("card[name]", "Sam Citizen"),
        ];
        let response = self.http.post(url).bearer_auth(key).form(&form).send();
        read(response.await.unwrap()).await
    }

    pub async fn token(&self, number: &str) -> String {
        let cvc = if number.starts_with("37") {
            "1234"
        } else {
            "123"
        };
        let (status, token) = self.tokenise(number, cvc).await;
        assert_eq!(status, StatusCode::OK, "{token}");
        token["id"].as_str().unwrap().to_owned()
    }

    pub async fn authorise(
        &self,
        shim: &Shim,
        token: &str,
    ) -> (StatusCode, Value) {
        let response = self
            .http
            .post(shim.url("/api/page/authorise"))
            .json(&json!({ "token": token }))
            .send();
        read(response.await.unwrap()).await
    }

    /// Like `pay_with`, with the cardholder's name typed as given.
    pub async fn pay_as(&self, shim: &Shim, number: &str, name: &str) -> Value {
        let psp = &self.view["psp"];
        let url = psp["tokenise_url"].as_str().unwrap();
        let key = psp["publishable_key"].as_str().unwrap();
        let cvc = if number.starts_with("37") {
            "1234"
        } else {
            "123"
        };
        let form = [
            ("card[number]", number),
            ("card[exp_month]", "12"),
            ("card[exp_year]", "2034"),
            ("card[cvc]", cvc),
            ("card[name]", name),
        ];
        let response = self.http.post(url).bearer_auth(key).form(&form);
        let (status, token) = read(response.send().await.unwrap()).await;
        assert_eq!(status, StatusCode::OK, "{token}");
        let token = token["id"].as_str().unwrap();
        let (status, view) = self.authorise(shim, token).await;
        assert_eq!(status, StatusCode::OK, "{view}");
        view
    }

    pub async fn pay_with(&self, shim: &Shim, number: &str) -> Value {
        let token = self.token(number).await;
        let (status, view) = self.authorise(shim, &token).await;
        assert_eq!(status, StatusCode::OK, "{view}");
        view
    }
}
