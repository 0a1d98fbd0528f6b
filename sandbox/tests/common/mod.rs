//! A sandbox served on a loopback port, two council accounts, and the
//! requests the page and the shim make, for the integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::time::{SystemTime, UNIX_EPOCH};

use paypage_sandbox::{
    Account, ReadKeys, Sandbox, SandboxConfig, serve_with_read_keys,
};
use reqwest::{Client, Response, StatusCode};
use serde_json::Value;

pub const PAGE_ORIGIN: &str = "https://pay.example.gov.uk";
pub const PK_A: &str = "pk_test_council_a_0001";
pub const SK_A: &str = "sk_test_council_a_0001";
pub const PK_B: &str = "pk_test_council_b_0002";
pub const SK_B: &str = "sk_test_council_b_0002";

pub struct Harness {
    pub sandbox: Sandbox,
    pub client: Client,
}

/// A sandbox with two councils' accounts and no read-only keys, whatever
/// the environment of the test run says.
pub async fn start() -> Harness {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let sandbox = serve_with_read_keys(listener, two_councils(), None)
        .await
        .unwrap();
    Harness {
        sandbox,
        client: Client::new(),
    }
}

fn two_councils() -> SandboxConfig {
    SandboxConfig {
        accounts: vec![account(PK_A, SK_A), account(PK_B, SK_B)],
        allowed_origins: vec![PAGE_ORIGIN.to_owned()],
    }
}

fn account(publishable: &str, secret: &str) -> Account {
    Account {
        publishable_key: publishable.to_owned(),
        secret_key: secret.to_owned(),
    }
}

/// A year two ahead of now, so test cards never expire under the tests.
pub fn future_year() -> String {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    (1970 + seconds / 31_556_952 + 2).to_string()
}

pub fn card_form(number: &str) -> Vec<(String, String)> {
    let cvc = if number.len() == 15 { "1234" } else { "123" };
    [
        ("card[number]", number),
        ("card[exp_month]", "12"),
        ("card[exp_year]", &future_year()),
        ("card[cvc]", cvc),
        ("card[name]", "Ada Lovelace"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect()
}

impl Harness {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.sandbox.base_url())
    }

    /// `POST /v1/tokens` with a publishable key, as the page does.
    pub async fn post_token(
        &self,
        key: &str,
        form: &[(String, String)],
    ) -> Response {
        self.client
            .post(self.url("/v1/tokens"))
            .bearer_auth(key)
            .form(form)
            .send()
            .await
            .unwrap()
    }

    /// Tokenises a test card with council A's key and returns the id.
    pub async fn token(&self, number: &str) -> String {
        self.token_for(PK_A, number).await
    }

    pub async fn token_for(&self, key: &str, number: &str) -> String {
        let response = self.post_token(key, &card_form(number)).await;
        assert_eq!(response.status(), StatusCode::OK);
        let body: Value = response.json().await.unwrap();
        body["id"].as_str().unwrap().to_owned()
    }

    /// `POST /v1/payment_intents` as the shim's connector sends it.
    pub async fn charge(
        &self,
        key: &str,
        idempotency_key: Option<&str>,
        token: &str,
        amount: &str,
    ) -> Response {
        let form = charge_form(token, amount);
        self.post(key, "/v1/payment_intents", idempotency_key, &form)
            .await
    }

    pub async fn post(
        &self,
        key: &str,
        path: &str,
        idempotency_key: Option<&str>,
        form: &[(&str, &str)],
    ) -> Response {
        let mut request =
            self.client.post(self.url(path)).bearer_auth(key).form(form);
        if let Some(idempotency_key) = idempotency_key {
            request = request.header("Idempotency-Key", idempotency_key);
        }
        request.send().await.unwrap()
    }

    pub async fn get(&self, key: &str, path: &str) -> Response {
        self.client
            .get(self.url(path))
            .bearer_auth(key)
            .send()
            .await
            .unwrap()
    }

    /// Every payment intent council A has, newest first.
    pub async fn intents(&self) -> Vec<Value> {
        let response = self.get(SK_A, "/v1/payment_intents?limit=100").await;
        let body: Value = response.json().await.unwrap();
        body["data"].as_array().unwrap().clone()
    }
}

pub fn charge_form<'a>(
    token: &'a str,
    amount: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("amount", amount),
        ("currency", "gbp"),
        ("confirm", "true"),
        ("payment_method_data[type]", "card"),
        ("payment_method_data[card][token]", token),
        ("description", "Parking fine PCN AB12345678"),
        ("metadata[payment_id]", "hu20sqlact5260q2nanm0q8u93"),
        ("expand[]", "payment_method"),
    ]
}

/// Reads an answer's status and JSON body together.
pub async fn read(response: Response) -> (StatusCode, Value) {
    let status = response.status();
    let body = response.json().await.unwrap();
    (status, body)
}

/// A seed for read-only keys, long enough to be accepted.
pub const READ_SEED: &str = "a test seed of at least 32 characters";

/// A sandbox like [`start`] whose accounts also take read-only keys;
/// returns it with council A's read-only key.
pub async fn start_with_read_keys() -> (Harness, String) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let keys = ReadKeys::new(READ_SEED).unwrap();
    let sandbox = serve_with_read_keys(listener, two_councils(), Some(&keys))
        .await
        .unwrap();
    let harness = Harness {
        sandbox,
        client: Client::new(),
    };
    (harness, keys.key_for(PK_A))
}
