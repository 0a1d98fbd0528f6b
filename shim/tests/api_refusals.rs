//! Everything a client can get wrong, on every route of the payments
//! API: each gets a 4xx in the spec's error shape (never a 500, never
//! axum's plain text) and changes nothing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::payment_body;
use common::{ALPHA_KEY, BETA_KEY, Citizen, Raw, Shim, assert_api_error};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

const JSON: &str = "application/json";

/// A payment the citizen has not opened (so it can be cancelled), and
/// a paid one with one refund of 100 (so it can be refunded again).
struct World {
    created: String,
    paid: String,
    refund: String,
}

async fn world(shim: &Shim) -> World {
    let created = shim.create(ALPHA_KEY, 500).await;
    let paid = shim.create(ALPHA_KEY, 1000).await;
    Citizen::open(shim, &paid)
        .await
        .pay_with(shim, "4242424242424242")
        .await;
    let paid = paid["payment_id"].as_str().unwrap().to_owned();
    let path = format!("/v1/payments/{paid}/refunds");
    let body = Some(json!({ "amount": 100 }));
    let (status, refund) = shim.api(Method::POST, &path, ALPHA_KEY, body).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{refund}");
    World {
        created: created["payment_id"].as_str().unwrap().to_owned(),
        paid,
        refund: refund["refund_id"].as_str().unwrap().to_owned(),
    }
}

/// A request with the alpha council's key, and a body of this type.
async fn send(
    shim: &Shim,
    method: Method,
    path: &str,
    content_type: Option<&str>,
    body: Option<String>,
) -> Raw {
    let key = format!("Bearer {ALPHA_KEY}");
    let mut headers: Vec<(&str, &[u8])> =
        vec![("Authorization", key.as_bytes())];
    if let Some(content_type) = content_type {
        headers.push(("Content-Type", content_type.as_bytes()));
    }
    let body = body.map(String::into_bytes);
    shim.send_raw(method, path, &headers, body).await
}

/// One malformed body: its name, the body, its Content-Type, and the
/// status and code it must get.
type BodyCase = (
    &'static str,
    String,
    Option<&'static str>,
    u16,
    &'static str,
);

async fn refuse_bodies(shim: &Shim, path: &str, cases: Vec<BodyCase>) {
    let before = shim.snapshot().await;
    for (name, body, content_type, status, code) in cases {
        let raw = send(shim, Method::POST, path, content_type, Some(body));
        assert_api_error(name, &raw.await, status, code);
    }
    assert_eq!(
        shim.snapshot().await,
        before,
        "a refused {path} changed something"
    );
}

fn huge_body() -> String {
    format!("{{\"reference\": \"{}\"}}", "x".repeat(100_000))
}

#[tokio::test]
async fn malformed_creates_get_the_specs_errors_and_create_nothing() {
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
    let json = Some(JSON);
    let metadata: serde_json::Map<_, _> =
        (0..11).map(|i| (format!("k{i}"), json!(i))).collect();
    let cases: Vec<BodyCase> = vec![
        ("bad JSON", "{\"amount\": ".into(), json, 400, "P0197"),
        ("empty body", String::new(), json, 400, "P0197"),
        ("a list, not an object", "[1]".into(), json, 400, "P0197"),
        ("missing amount", without("amount"), json, 400, "P0101"),
        (
            "missing reference",
            without("reference"),
            json,
            400,
            "P0101",
        ),
        (
            "missing description",
            without("description"),
            json,
            400,
            "P0101",
        ),
        (
            "missing return_url",
            without("return_url"),
            json,
            400,
            "P0101",
        ),
        (
            "null amount",
            with("amount", Value::Null),
            json,
            400,
            "P0101",
        ),
        (
            "amount as text",
            with("amount", json!("100")),
            json,
            422,
            "P0102",
        ),
        (
            "fractional amount",
            with("amount", json!(1.5)),
            json,
            422,
            "P0102",
        ),
        (
            "negative amount",
            with("amount", json!(-1)),
            json,
            422,
            "P0102",
        ),
        ("zero amount", with("amount", json!(0)), json, 422, "P0102"),
        (
            "oversized amount",
            with("amount", json!(10_000_001)),
            json,
            422,
            "P0102",
        ),
        (
            "huge number",
            with("amount", json!(1e300)),
            json,
            422,
            "P0102",
        ),
        (
            "long reference",
            with("reference", json!("x".repeat(256))),
            json,
            422,
            "P0102",
        ),
        (
            "long description",
            with("description", json!("x".repeat(256))),
            json,
            422,
            "P0102",
        ),
        (
            "return_url not a URL",
            with("return_url", json!("not a url")),
            json,
            422,
            "P0102",
        ),
        (
            "return_url not https",
            with("return_url", json!("http://service.example.gov.uk/")),
            json,
            422,
            "P0102",
        ),
        (
            "return_url elsewhere",
            with("return_url", json!("https://evil.example/")),
            json,
            422,
            "P0102",
        ),
        (
            "language fr",
            with("language", json!("fr")),
            json,
            422,
            "P0102",
        ),
        (
            "bad email",
            with("email", json!("not-an-email")),
            json,
            422,
            "P0102",
        ),
        (
            "unknown field",
            with("colour", json!("red")),
            json,
            422,
            "P0102",
        ),
        (
            "nested metadata",
            with("metadata", json!({"a": {"b": 1}})),
            json,
            422,
            "P0102",
        ),
        (
            "too much metadata",
            with("metadata", json!(metadata)),
            json,
            422,
            "P0102",
        ),
        ("moto", with("moto", json!(true)), json, 422, "P0102"),
        (
            "form body",
            "amount=100".into(),
            Some("application/x-www-form-urlencoded"),
            400,
            "P0197",
        ),
        (
            "JSON sent as text",
            good.to_string(),
            Some("text/plain"),
            400,
            "P0197",
        ),
        ("no Content-Type", good.to_string(), None, 400, "P0197"),
        ("huge body", huge_body(), json, 413, "P0197"),
    ];
    refuse_bodies(&shim, "/v1/payments", cases).await;
    let (_, found) =
        shim.api(Method::GET, "/v1/payments", ALPHA_KEY, None).await;
    assert_eq!(found["total"], 0, "a refused request created a payment");
}

#[tokio::test]
async fn malformed_refunds_get_the_specs_errors_and_refund_nothing() {
    let shim = Shim::start().await;
    let world = world(&shim).await;
    let path = format!("/v1/payments/{}/refunds", world.paid);
    let amount = |value: Value| json!({ "amount": value }).to_string();
    let good = amount(json!(100));
    let json = Some(JSON);
    let cases: Vec<BodyCase> = vec![
        ("bad JSON", "{\"amount\": ".into(), json, 400, "P0197"),
        ("empty body", String::new(), json, 400, "P0197"),
        ("a list, not an object", "[100]".into(), json, 400, "P0197"),
        ("missing amount", "{}".into(), json, 400, "P0601"),
        ("null amount", amount(Value::Null), json, 400, "P0601"),
        ("amount as text", amount(json!("100")), json, 422, "P0602"),
        ("amount as true", amount(json!(true)), json, 422, "P0602"),
        ("fractional amount", amount(json!(1.5)), json, 422, "P0602"),
        ("negative amount", amount(json!(-1)), json, 422, "P0602"),
        ("zero amount", amount(json!(0)), json, 422, "P0602"),
        (
            "over the spec's maximum",
            amount(json!(10_000_001)),
            json,
            422,
            "P0602",
        ),
        (
            "beyond 64 bits",
            amount(json!(u64::MAX)),
            json,
            422,
            "P0602",
        ),
        ("huge number", amount(json!(1e300)), json, 422, "P0602"),
        ("more than is left", amount(json!(901)), json, 412, "P0603"),
        (
            "unknown field",
            json!({"amount": 1, "reason": "x"}).to_string(),
            json,
            422,
            "P0602",
        ),
        (
            "available as text",
            json!({"amount": 1, "refund_amount_available": "900"}).to_string(),
            json,
            422,
            "P0602",
        ),
        (
            "stale available",
            json!({"amount": 1, "refund_amount_available": 1000}).to_string(),
            json,
            412,
            "P0604",
        ),
        (
            "form body",
            "amount=100".into(),
            Some("application/x-www-form-urlencoded"),
            400,
            "P0197",
        ),
        (
            "JSON sent as text",
            good.clone(),
            Some("text/plain"),
            400,
            "P0197",
        ),
        ("no Content-Type", good, None, 400, "P0197"),
        ("huge body", huge_body(), json, 413, "P0197"),
    ];
    refuse_bodies(&shim, &path, cases).await;

    // The same request, well formed, does refund: the cases above were
    // refused for what they got wrong, not because refunds fail here.
    let body = Some(json!({ "amount": 900 }));
    let (status, _) = shim.api(Method::POST, &path, ALPHA_KEY, body).await;
    assert_eq!(status, StatusCode::ACCEPTED);
}

#[tokio::test]
async fn a_cancel_with_a_body_is_refused_and_cancels_nothing() {
    let shim = Shim::start().await;
    let world = world(&shim).await;
    let path = format!("/v1/payments/{}/cancel", world.created);
    let json = Some(JSON);
    let cases: Vec<BodyCase> = vec![
        (
            "junk",
            "cancel it!".into(),
            Some("text/plain"),
            400,
            "P0197",
        ),
        ("bad JSON", "{\"reason\": ".into(), json, 400, "P0197"),
        (
            "an object with fields",
            json!({"reason": "x"}).to_string(),
            json,
            400,
            "P0197",
        ),
        ("a list", "[]".into(), json, 400, "P0197"),
        (
            "control characters",
            "\u{0}\u{1}".into(),
            None,
            400,
            "P0197",
        ),
        ("huge body", huge_body(), json, 413, "P0197"),
    ];
    refuse_bodies(&shim, &path, cases).await;

    // What clients really send is taken: no body, or `{}`.
    let raw = send(&shim, Method::POST, &path, None, None).await;
    assert_eq!(raw.status, StatusCode::NO_CONTENT, "{}", raw.text);
    let other = shim.create(ALPHA_KEY, 100).await;
    let other = other["payment_id"].as_str().unwrap();
    let path = format!("/v1/payments/{other}/cancel");
    let raw = send(&shim, Method::POST, &path, json, Some("{}".into())).await;
    assert_eq!(raw.status, StatusCode::NO_CONTENT, "{}", raw.text);
}

#[tokio::test]
async fn ids_that_cannot_be_ours_are_not_found_in_the_specs_shape() {
    let shim = Shim::start().await;
    let world = world(&shim).await;
    let (paid, long) = (&world.paid, "a".repeat(300));
    let refund = |id: &str| format!("/v1/payments/{paid}/refunds/{id}");
    let cases: Vec<(Method, String, u16, &str)> = vec![
        (Method::GET, "/v1/payments/%FF".into(), 404, "P0200"),
        (Method::GET, "/v1/payments/nope".into(), 404, "P0200"),
        (Method::GET, format!("/v1/payments/{long}"), 404, "P0200"),
        (Method::GET, "/v1/payments/x%2Fy".into(), 404, "P0200"),
        (Method::GET, "/v1/payments/%E2%80%AE".into(), 404, "P0200"),
        (Method::GET, "/v1/payments/%FF/events".into(), 404, "P0300"),
        (Method::GET, "/v1/payments/nope/events".into(), 404, "P0300"),
        (Method::POST, "/v1/payments/%FF/cancel".into(), 404, "P0500"),
        (
            Method::POST,
            format!("/v1/payments/{long}/cancel"),
            404,
            "P0500",
        ),
        (Method::GET, "/v1/payments/%FF/refunds".into(), 404, "P0600"),
        (
            Method::GET,
            "/v1/payments/x/refunds/%FF".into(),
            404,
            "P0700",
        ),
        (
            Method::GET,
            "/v1/payments/nope/refunds/x".into(),
            404,
            "P0700",
        ),
        (Method::GET, refund("%FF"), 404, "P0700"),
        (Method::GET, refund(&long), 404, "P0700"),
        (Method::GET, refund("nope"), 404, "P0700"),
    ];
    let before = shim.snapshot().await;
    for (method, path, status, code) in cases {
        let raw = send(&shim, method.clone(), &path, None, None).await;
        assert_api_error(&format!("{method} {path}"), &raw, status, code);
    }
    let body = json!({ "amount": 1 }).to_string();
    let path = "/v1/payments/%FF/refunds";
    let raw = send(&shim, Method::POST, path, Some(JSON), Some(body)).await;
    assert_api_error("refund of %FF", &raw, 404, "P0600");
    assert_eq!(shim.snapshot().await, before);

    // The refund that does exist is found by the same route.
    let (status, _) = shim
        .api(Method::GET, &refund(&world.refund), ALPHA_KEY, None)
        .await;
    assert_eq!(status, StatusCode::OK);
}

/// A search that cannot be run: the query, and a word the description
/// must contain (the parameter at fault, or what to fix).
const BAD_PAYMENT_SEARCHES: [(&str, &str); 31] = [
    ("page=0", "page"),
    ("page=-1", "page"),
    ("page=two", "page"),
    ("page=1.5", "page"),
    ("page=", "page"),
    ("page=99999999999999999999", "page"),
    ("display_size=0", "display_size"),
    ("display_size=501", "display_size"),
    ("display_size=ten", "display_size"),
    ("from_date=yesterday", "from_date"),
    ("from_date=2026-13-01T00:00:00Z", "from_date"),
    ("to_date=2026-01-01", "to_date"),
    ("state=paid", "state"),
    ("state=", "state"),
    ("last_digits_card_number=424", "last_digits_card_number"),
    ("last_digits_card_number=42424", "last_digits_card_number"),
    ("last_digits_card_number=abcd", "last_digits_card_number"),
    ("first_digits_card_number=42", "6 digits"),
    ("first_digits_card_number=424242", "last four digits"),
    ("from_settled_date=2026-01-01", "from_settled_date"),
    ("to_settled_date=2026-01-01", "to_settled_date"),
    ("agreement_id=abcefghjklmnopqr1234567890", "agreement_id"),
    ("colour=red", "colour"),
    ("page=1&page=2", "more than once"),
    ("reference=%FF", "UTF-8"),
    ("reference=%G1", "two hex digits"),
    ("reference=%4", "two hex digits"),
    ("%FF=1", "UTF-8"),
    ("state=success&state=failed", "more than once"),
    ("email=a&email=b", "more than once"),
    ("display_size=1e3", "display_size"),
];

const BAD_REFUND_SEARCHES: [(&str, &str); 9] = [
    ("page=0", "page"),
    ("display_size=501", "display_size"),
    ("from_date=yesterday", "from_date"),
    ("to_date=2026-01-01", "to_date"),
    ("state=success", "state"),
    ("from_settled_date=2022-08-13", "from_settled_date"),
    ("to_settled_date=2022-08-13", "to_settled_date"),
    ("page=1&page=1", "more than once"),
    ("from_date=%FF", "UTF-8"),
];

#[tokio::test]
async fn searches_that_cannot_be_run_get_a_422_that_says_why() {
    let shim = Shim::start().await;
    world(&shim).await;
    let before = shim.snapshot().await;
    let searches = [
        ("/v1/payments", &BAD_PAYMENT_SEARCHES[..], "P0401"),
        ("/v1/refunds", &BAD_REFUND_SEARCHES[..], "P1101"),
    ];
    for (path, cases, code) in searches {
        for (query, says) in cases {
            let path = format!("{path}?{query}");
            let raw = send(&shim, Method::GET, &path, None, None).await;
            assert_api_error(&path, &raw, 422, code);
            let body: Value = serde_json::from_str(&raw.text).unwrap();
            let description = body["description"].as_str().unwrap();
            assert!(description.contains(says), "{path}: {description}");
        }
    }
    assert_eq!(shim.snapshot().await, before);
}

#[tokio::test]
async fn addresses_outside_the_api_get_its_error_shape() {
    let shim = Shim::start().await;
    let world = world(&shim).await;
    let id = &world.created;
    let nothing = "Check the path";
    // Each address, and what its description must say: GOV.UK Pay's
    // addresses that paypage does not offer say why.
    let paths = [
        ("/v1".to_owned(), nothing),
        ("/v1/".to_owned(), nothing),
        ("/v1/nothing".to_owned(), nothing),
        ("/v1/payment".to_owned(), nothing),
        ("/v1/payments/".to_owned(), nothing),
        (format!("/v1/payments/{id}/refunds/x/y"), nothing),
        ("/v1/%FF".to_owned(), nothing),
        ("/v1/agreements".to_owned(), "no agreements"),
        ("/v1/agreements/abc/cancel".to_owned(), "no agreements"),
        ("/v1/auth".to_owned(), "MOTO"),
        ("/v1/disputes".to_owned(), "disputes"),
        (format!("/v1/payments/{id}/capture"), "nothing to capture"),
    ];
    let before = shim.snapshot().await;
    for (path, says) in &paths {
        for method in [Method::GET, Method::POST, Method::DELETE] {
            let name = format!("{method} {path}");
            let raw = send(&shim, method, path, None, None).await;
            assert_api_error(&name, &raw, 404, "P0920");
            assert!(raw.text.contains(says), "{name}: {}", raw.text);
        }
    }
    assert_eq!(shim.snapshot().await, before);
}

#[tokio::test]
async fn wrong_methods_get_a_405_with_allow_and_the_specs_shape() {
    let shim = Shim::start().await;
    let world = world(&shim).await;
    let (id, refund) = (&world.created, &world.refund);
    let cases: Vec<(Method, String, &str)> = vec![
        (Method::DELETE, "/v1/payments".into(), "GET,HEAD,POST"),
        (Method::PUT, "/v1/payments".into(), "GET,HEAD,POST"),
        (Method::POST, format!("/v1/payments/{id}"), "GET,HEAD"),
        (Method::DELETE, format!("/v1/payments/{id}"), "GET,HEAD"),
        (Method::GET, format!("/v1/payments/{id}/cancel"), "POST"),
        (Method::DELETE, format!("/v1/payments/{id}/cancel"), "POST"),
        (
            Method::POST,
            format!("/v1/payments/{id}/events"),
            "GET,HEAD",
        ),
        (
            Method::PATCH,
            format!("/v1/payments/{id}/refunds"),
            "GET,HEAD,POST",
        ),
        (
            Method::DELETE,
            format!("/v1/payments/{id}/refunds/{refund}"),
            "GET,HEAD",
        ),
        (Method::POST, "/v1/refunds".into(), "GET,HEAD"),
    ];
    let before = shim.snapshot().await;
    for (method, path, allowed) in cases {
        let name = format!("{method} {path}");
        let raw =
            send(&shim, method, &path, Some(JSON), Some("{}".into())).await;
        assert_api_error(&name, &raw, 405, "P0920");
        let allow = raw.headers.get("allow").map(|v| v.to_str().unwrap());
        let mut allow: Vec<&str> = allow.unwrap_or("").split(',').collect();
        allow.sort_unstable();
        assert_eq!(allow.join(","), allowed, "{name}");
    }
    assert_eq!(shim.snapshot().await, before);
}

/// Each Authorization header that must be refused (None: no header).
fn bad_authorisations() -> Vec<(&'static str, Option<Vec<u8>>)> {
    let bare = ALPHA_KEY.trim_start_matches("api_test_");
    vec![
        ("no header", None),
        ("empty", Some(b"".to_vec())),
        ("scheme alone", Some(b"Bearer".to_vec())),
        ("scheme and a space", Some(b"Bearer ".to_vec())),
        ("no scheme", Some(ALPHA_KEY.as_bytes().to_vec())),
        ("basic", Some(format!("Basic {ALPHA_KEY}").into_bytes())),
        ("unknown key", Some(b"Bearer api_test_nobody".to_vec())),
        (
            "unknown live key",
            Some(b"Bearer api_live_alpha_0001".to_vec()),
        ),
        (
            "key without its prefix",
            Some(format!("Bearer {bare}").into_bytes()),
        ),
        (
            "key with junk after",
            Some(format!("Bearer {ALPHA_KEY} x").into_bytes()),
        ),
        ("bytes that are not text", Some(b"Bearer \xff\xfe".to_vec())),
    ]
}

#[tokio::test]
async fn every_route_refuses_bad_keys_in_the_specs_shape() {
    let shim = Shim::start().await;
    let world = world(&shim).await;
    let (id, paid) = (&world.created, &world.paid);
    let refund = format!("/v1/payments/{paid}/refunds/{}", world.refund);
    let create = payment_body(100).to_string();
    let routes: Vec<(Method, String, Option<String>)> = vec![
        (Method::POST, "/v1/payments".into(), Some(create)),
        (Method::GET, "/v1/payments".into(), None),
        (Method::GET, format!("/v1/payments/{id}"), None),
        (Method::GET, format!("/v1/payments/{id}/events"), None),
        (Method::POST, format!("/v1/payments/{id}/cancel"), None),
        (Method::GET, format!("/v1/payments/{paid}/refunds"), None),
        (
            Method::POST,
            format!("/v1/payments/{paid}/refunds"),
            Some(json!({ "amount": 100 }).to_string()),
        ),
        (Method::GET, refund, None),
        (Method::GET, "/v1/refunds".into(), None),
    ];
    let before = shim.snapshot().await;
    for (method, path, body) in &routes {
        for (name, header) in bad_authorisations() {
            let mut headers: Vec<(&str, &[u8])> =
                vec![("Content-Type", b"application/json")];
            if let Some(header) = &header {
                headers.push(("Authorization", header));
            }
            let body = body.clone().map(String::into_bytes);
            let raw = shim.send_raw(method.clone(), path, &headers, body).await;
            let name = format!("{method} {path} with {name}");
            assert_api_error(&name, &raw, 401, "P0103");
            assert_eq!(raw.headers["www-authenticate"], "Bearer", "{name}");
        }
    }
    assert_eq!(
        shim.snapshot().await,
        before,
        "a refused key changed something"
    );

    // Beta's key is a good key, but not for alpha's payments.
    let path = format!("/v1/payments/{id}/cancel");
    let (status, _) = shim.api(Method::POST, &path, BETA_KEY, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(shim.snapshot().await, before);
}

/// RFC 7235: the scheme's name is case-insensitive. A client that
/// writes `bearer` was refused before this was fixed.
#[tokio::test]
async fn the_bearer_scheme_may_be_written_in_any_case() {
    let shim = Shim::start().await;
    for scheme in ["bearer", "BEARER", "Bearer"] {
        let header = format!("{scheme} {ALPHA_KEY}");
        let headers: Vec<(&str, &[u8])> =
            vec![("Authorization", header.as_bytes())];
        let raw = shim.send_raw(Method::GET, "/v1/payments", &headers, None);
        assert_eq!(raw.await.status, StatusCode::OK, "{scheme}");
    }
}
