//! The payments API's contract: idempotency, searching, the spec's
//! validation errors, and response shapes checked against GOV.UK Pay's
//! published schemas.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{ALPHA_KEY, BETA_KEY, Citizen, Shim, payment_body, read};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

async fn create_with_key(
    shim: &Shim,
    key: &str,
    body: &Value,
) -> (StatusCode, Value) {
    let request = shim
        .http
        .post(shim.url("/v1/payments"))
        .bearer_auth(ALPHA_KEY)
        .header("Idempotency-Key", key)
        .json(body);
    read(request.send().await.unwrap()).await
}

#[tokio::test]
async fn the_same_idempotency_key_and_body_returns_the_same_payment() {
    let shim = Shim::start().await;
    let body = payment_body(500);
    let (first, one) = create_with_key(&shim, "order-1", &body).await;
    let (second, two) = create_with_key(&shim, "order-1", &body).await;
    assert_eq!(first, StatusCode::CREATED);
    assert_eq!(second, StatusCode::OK);
    assert_eq!(one["payment_id"], two["payment_id"]);
    assert_eq!(one["_links"]["next_url"], two["_links"]["next_url"]);

    let (status, error) =
        create_with_key(&shim, "order-1", &payment_body(501)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(error["code"], "P0191");

    let (_, found) =
        shim.api(Method::GET, "/v1/payments", ALPHA_KEY, None).await;
    assert_eq!(found["total"], 1);
}

#[tokio::test]
async fn an_idempotency_key_can_be_reused_after_24_hours() {
    let shim = Shim::start().await;
    let (_, one) = create_with_key(&shim, "k", &payment_body(500)).await;
    shim.clock.advance(chrono::Duration::hours(25));
    let (status, two) = create_with_key(&shim, "k", &payment_body(500)).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_ne!(one["payment_id"], two["payment_id"]);
}

#[tokio::test]
async fn payments_can_be_searched_and_paged() {
    let shim = Shim::start().await;
    for amount in 1..=5 {
        let mut body = payment_body(amount);
        body["reference"] = json!(if amount % 2 == 0 { "EVEN" } else { "ODD" });
        let (status, _) = shim
            .api(Method::POST, "/v1/payments", ALPHA_KEY, Some(body))
            .await;
        assert_eq!(status, StatusCode::CREATED);
    }
    let get = |path: &'static str| shim.api(Method::GET, path, ALPHA_KEY, None);
    let (_, odd) = get("/v1/payments?reference=ODD").await;
    assert_eq!(odd["total"], 3);
    let (_, page) = get("/v1/payments?display_size=2&page=2").await;
    assert_eq!(
        (page["total"].clone(), page["count"].clone()),
        (json!(5), json!(2))
    );
    assert!(
        page["_links"]["next_page"]["href"]
            .as_str()
            .unwrap()
            .contains("page=3")
    );
    assert!(page["_links"]["prev_page"].is_object());
    let (_, created) = get("/v1/payments?state=created").await;
    assert_eq!(created["total"], 5);
    let (status, body) = get("/v1/payments?display_size=2&page=4").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert_eq!(body["code"], "P0402");
    let (status, body) = get("/v1/payments?state=paid").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["code"], "P0401");
    let (status, _) = get("/v1/payments?from_date=yesterday").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn refunds_cannot_exceed_what_is_left() {
    let shim = Shim::start().await;
    let payment = shim.create(ALPHA_KEY, 1000).await;
    let id = payment["payment_id"].as_str().unwrap();
    let path = format!("/v1/payments/{id}/refunds");
    let refund = |amount: i64| json!({ "amount": amount });

    let (status, body) = shim
        .api(Method::POST, &path, ALPHA_KEY, Some(refund(100)))
        .await;
    assert_eq!(
        (status, body["code"].clone()),
        (StatusCode::PRECONDITION_FAILED, json!("P0603"))
    );

    Citizen::open(&shim, &payment)
        .await
        .pay_with(&shim, "4242424242424242")
        .await;
    let (status, _) = shim
        .api(Method::POST, &path, ALPHA_KEY, Some(refund(600)))
        .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let (status, body) = shim
        .api(Method::POST, &path, ALPHA_KEY, Some(refund(401)))
        .await;
    assert_eq!(
        (status, body["code"].clone()),
        (StatusCode::PRECONDITION_FAILED, json!("P0603"))
    );
    let stale = json!({ "amount": 100, "refund_amount_available": 1000 });
    let (status, body) =
        shim.api(Method::POST, &path, ALPHA_KEY, Some(stale)).await;
    assert_eq!(
        (status, body["code"].clone()),
        (StatusCode::PRECONDITION_FAILED, json!("P0604"))
    );
    let (status, _) = shim
        .api(Method::POST, &path, ALPHA_KEY, Some(refund(400)))
        .await;
    assert_eq!(status, StatusCode::ACCEPTED);

    let (_, list) = shim.api(Method::GET, &path, ALPHA_KEY, None).await;
    let refunds = list["_embedded"]["refunds"].as_array().unwrap();
    assert_eq!(refunds.len(), 2);
    let refund_id = refunds[0]["refund_id"].as_str().unwrap();
    let one = format!("{path}/{refund_id}");
    let (status, got) = shim.api(Method::GET, &one, ALPHA_KEY, None).await;
    assert_eq!(
        (status, got["amount"].clone()),
        (StatusCode::OK, json!(600))
    );
    let (_, all) = shim.api(Method::GET, "/v1/refunds", ALPHA_KEY, None).await;
    assert_eq!(all["total"], 2);
    let (_, none) = shim.api(Method::GET, "/v1/refunds", BETA_KEY, None).await;
    assert_eq!(none["total"], 0);
}

/// Each malformed request, the status and code it must get. None may
/// ever be answered with a 500.
#[tokio::test]
async fn malformed_requests_get_the_specs_errors_never_a_500() {
    let shim = Shim::start().await;
    let good = payment_body(100);
    let with = |field: &str, value: Value| {
        let mut body = good.clone();
        body[field] = value;
        body.to_string()
    };
    let without = |field: &str| {
        let mut body = good.clone();
        body.as_object_mut().unwrap().remove(field);
        body.to_string()
    };
    let json_type = "application/json";
    let cases: Vec<(&str, String, &str, u16, &str)> = vec![
        ("bad JSON", "{\"amount\": ".into(), json_type, 400, "P0197"),
        (
            "a list, not an object",
            "[1]".into(),
            json_type,
            400,
            "P0197",
        ),
        ("missing amount", without("amount"), json_type, 400, "P0101"),
        (
            "missing reference",
            without("reference"),
            json_type,
            400,
            "P0101",
        ),
        (
            "missing description",
            without("description"),
            json_type,
            400,
            "P0101",
        ),
        (
            "missing return_url",
            without("return_url"),
            json_type,
            400,
            "P0101",
        ),
        (
            "amount as text",
            with("amount", json!("100")),
            json_type,
            422,
            "P0102",
        ),
        (
            "fractional amount",
            with("amount", json!(1.5)),
            json_type,
            422,
            "P0102",
        ),
        (
            "negative amount",
            with("amount", json!(-1)),
            json_type,
            422,
            "P0102",
        ),
        (
            "zero amount",
            with("amount", json!(0)),
            json_type,
            422,
            "P0102",
        ),
        (
            "oversized amount",
            with("amount", json!(10_000_001)),
            json_type,
            422,
            "P0102",
        ),
        (
            "huge number",
            with("amount", json!(1e300)),
            json_type,
            422,
            "P0102",
        ),
        (
            "long reference",
            with("reference", json!("x".repeat(256))),
            json_type,
            422,
            "P0102",
        ),
        (
            "long description",
            with("description", json!("x".repeat(256))),
            json_type,
            422,
            "P0102",
        ),
        (
            "return_url not a URL",
            with("return_url", json!("not a url")),
            json_type,
            422,
            "P0102",
        ),
        (
            "return_url not https",
            with("return_url", json!("http://service.example.gov.uk/")),
            json_type,
            422,
            "P0102",
        ),
        (
            "return_url elsewhere",
            with("return_url", json!("https://evil.example/")),
            json_type,
            422,
            "P0102",
        ),
        (
            "language fr",
            with("language", json!("fr")),
            json_type,
            422,
            "P0102",
        ),
        (
            "bad email",
            with("email", json!("not-an-email")),
            json_type,
            422,
            "P0102",
        ),
        (
            "unknown field",
            with("colour", json!("red")),
            json_type,
            422,
            "P0102",
        ),
        (
            "nested metadata",
            with("metadata", json!({"a": {"b": 1}})),
            json_type,
            422,
            "P0102",
        ),
        (
            "too much metadata",
            with(
                "metadata",
                json!(
                    (0..11)
                        .map(|i| (format!("k{i}"), json!(i)))
                        .collect::<serde_json::Map<_, _>>()
                ),
            ),
            json_type,
            422,
            "P0102",
        ),
        ("moto", with("moto", json!(true)), json_type, 422, "P0102"),
        (
            "form body",
            "amount=100".into(),
            "application/x-www-form-urlencoded",
            400,
            "P0197",
        ),
        (
            "huge body",
            format!("{{\"reference\": \"{}\"}}", "x".repeat(100_000)),
            json_type,
            413,
            "P0197",
        ),
    ];
    for (name, body, content_type, status, code) in cases {
        let response = shim
            .http
            .post(shim.url("/v1/payments"))
            .bearer_auth(ALPHA_KEY)
            .header("Content-Type", content_type)
            .body(body)
            .send()
            .await
            .unwrap();
        let (got, error) = read(response).await;
        assert_eq!(got.as_u16(), status, "{name}: {error}");
        assert_eq!(error["code"], code, "{name}: {error}");
        assert!(
            error["description"].as_str().is_some_and(|d| !d.is_empty()),
            "{name}"
        );
    }
    let (_, found) =
        shim.api(Method::GET, "/v1/payments", ALPHA_KEY, None).await;
    assert_eq!(found["total"], 0, "a refused request created a payment");
}

#[tokio::test]
async fn missing_or_wrong_keys_are_refused() {
    let shim = Shim::start().await;
    let body = Some(payment_body(100));
    for key in [
        "",
        "api_test_nobody",
        "api_live_alpha_key_for_tests_0001",
        ALPHA_KEY.trim_start_matches("api_test_"),
    ] {
        let (status, _) = shim
            .api(Method::POST, "/v1/payments", key, body.clone())
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "key {key:?}");
    }
    let response = shim
        .http
        .get(shim.url("/v1/payments"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn unknown_payment_ids_are_not_found() {
    let shim = Shim::start().await;
    for path in [
        "/v1/payments/nope",
        "/v1/payments/nope/events",
        "/v1/payments/nope/refunds/x",
    ] {
        let (status, body) = shim.api(Method::GET, path, ALPHA_KEY, None).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(body["code"].as_str().unwrap().starts_with('P'));
    }
}

/// GOV.UK Pay's schemas, resolvable by `$ref` from a wrapper document.
fn validator(schema: &str) -> jsonschema::Validator {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/reference/govuk-pay-publicapi/publicapi_spec.json"
    );
    let spec: Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let wrapper = json!({
        "$ref": format!("#/components/schemas/{schema}"),
        "components": spec["components"],
    });
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .build(&wrapper)
        .unwrap()
}

fn assert_valid(schema: &str, instance: &Value) {
    let validator = validator(schema);
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{schema}: {errors:?}\n{instance}");
}

#[test]
fn the_schema_check_can_fail() {
    let wrong = json!({ "amount": "ten pounds", "state": "success" });
    assert!(!validator("PaymentWithAllLinks").is_valid(&wrong));
}

#[tokio::test]
async fn responses_match_the_govuk_pay_schemas() {
    let shim = Shim::start().await;
    let mut body = payment_body(1500);
    body["email"] = json!("sam@example.org");
    body["metadata"] = json!({ "ledger": "PCN", "line": 7, "urgent": true });
    let (_, created) = shim
        .api(Method::POST, "/v1/payments", ALPHA_KEY, Some(body))
        .await;
    assert_valid("CreatePaymentResult", &created);
    let id = created["payment_id"].as_str().unwrap();
    Citizen::open(&shim, &created)
        .await
        .pay_with(&shim, "4242424242424242")
        .await;

    assert_valid("PaymentWithAllLinks", &shim.get(ALPHA_KEY, id).await);
    let (_, search) =
        shim.api(Method::GET, "/v1/payments", ALPHA_KEY, None).await;
    assert_valid("PaymentSearchResults", &search);
    let path = format!("/v1/payments/{id}/events");
    let (_, events) = shim.api(Method::GET, &path, ALPHA_KEY, None).await;
    assert_valid("PaymentEvents", &events);
    let path = format!("/v1/payments/{id}/refunds");
    let (_, refund) = shim
        .api(Method::POST, &path, ALPHA_KEY, Some(json!({"amount": 100})))
        .await;
    assert_valid("Refund", &refund);
    let (_, refunds) = shim.api(Method::GET, &path, ALPHA_KEY, None).await;
    assert_valid("RefundsResponse", &refunds);
    let (_, all) = shim.api(Method::GET, "/v1/refunds", ALPHA_KEY, None).await;
    assert_valid("RefundSearchResults", &all);
    let (_, error) = shim
        .api(Method::GET, "/v1/payments/nope", ALPHA_KEY, None)
        .await;
    assert_valid("RequestError", &error);
}

#[tokio::test]
async fn the_page_is_served_with_strict_security_headers() {
    let shim = Shim::start().await;
    // Beta lists no embedding origins (alpha's are in tests/embedding.rs).
    let payment = shim.create(BETA_KEY, 100).await;
    let citizen = Citizen::open(&shim, &payment).await;
    let page = citizen.http.get(shim.url("/pay")).send().await.unwrap();
    let headers = page.headers();
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("default-src 'none'"));
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(headers["x-frame-options"], "DENY");
    assert!(!csp.contains("unsafe-inline"));
    let sandbox = shim.running.sandbox.base_url().trim_end_matches('/');
    assert!(
        csp.contains(&format!("connect-src 'self' {sandbox}")),
        "{csp}"
    );
    assert_eq!(headers["cache-control"], "no-store");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "no-referrer");

    let api = shim
        .http
        .get(shim.url("/v1/payments"))
        .bearer_auth(ALPHA_KEY);
    let api = api.send().await.unwrap();
    assert_eq!(api.headers()["cache-control"], "no-store");
    assert_eq!(api.headers()["x-content-type-options"], "nosniff");
}

#[tokio::test]
async fn the_page_takes_its_colours_from_the_councils_configuration() {
    let shim = Shim::start().await;
    let payment = shim.create(BETA_KEY, 100).await;
    let citizen = Citizen::open(&shim, &payment).await;
    let css = citizen
        .http
        .get(shim.url("/theme.css"))
        .send()
        .await
        .unwrap();
    assert_eq!(css.headers()["content-type"], "text/css; charset=utf-8");
    let css = css.text().await.unwrap();
    assert!(css.contains("--header-background: #123456;"), "{css}");
    assert!(css.contains("--link: #1d70b8;"), "{css}");
}
