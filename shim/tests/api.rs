//! The payments API's contract: idempotency, refunds, and every kind of
//! answer checked against GOV.UK Pay's published schemas, made strict
//! (`common::schema`). Refusals are in `api_refusals.rs`, searching in
//! `api_search.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::schema::{assert_valid, errors};
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

// Regression: two requests with one key at the same moment (a retry
// sent while the first was still on its way) got the payment and a
// 409 that blamed a different body, though the bodies were the same.
#[tokio::test]
async fn the_same_key_sent_twice_at_once_creates_one_payment_for_both() {
    let shim = Shim::start().await;
    let body = payment_body(700);
    for round in 0..5 {
        let key = format!("retry-{round}");
        let (first, second) = tokio::join!(
            create_with_key(&shim, &key, &body),
            create_with_key(&shim, &key, &body)
        );
        let mut statuses = [first.0, second.0];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::OK, StatusCode::CREATED]);
        assert_eq!(first.1["payment_id"], second.1["payment_id"]);
    }
    let (_, found) =
        shim.api(Method::GET, "/v1/payments", ALPHA_KEY, None).await;
    assert_eq!(found["total"], 5);
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

/// A payment as GOV.UK Pay's reference shows one, trimmed to what the
/// strict schema requires.
fn a_valid_payment() -> Value {
    let link = json!({ "href": "https://x.example/", "method": "GET" });
    json!({
        "payment_id": "hu20sqlact5260q2nanm0q8u93",
        "amount": 1200,
        "description": "Parking fine",
        "reference": "PCN-1",
        "language": "en",
        "state": { "status": "created", "finished": false },
        "return_url": "https://service.example.gov.uk/done",
        "payment_provider": "sandbox",
        "created_date": "2026-01-21T17:15:00.000Z",
        "refund_summary": {
            "status": "pending", "amount_available": 0, "amount_submitted": 0
        },
        "settlement_summary": {},
        "delayed_capture": false,
        "moto": false,
        "authorisation_mode": "web",
        "_links": { "self": link, "events": link, "refunds": link },
    })
}

/// The published schemas accept `{}` and any misspelling; these tests
/// prove the strict ones do not, so a mistake in an answer is caught.
#[test]
fn the_strict_schemas_refuse_misnamed_missing_and_mistyped_fields() {
    let valid = a_valid_payment();
    assert_valid("PaymentWithAllLinks", &valid);
    let mut broken: Vec<(&str, Value)> = vec![("empty", json!({}))];
    let mut renamed = valid.clone();
    let id = renamed
        .as_object_mut()
        .unwrap()
        .remove("payment_id")
        .unwrap();
    renamed["paymentId"] = id;
    broken.push(("payment_id misnamed", renamed));
    let mut nested = valid.clone();
    nested["state"] = json!({ "stauts": "created", "finished": false });
    broken.push(("state.status misnamed", nested));
    let mut extra = valid.clone();
    extra["_links"]["next"] = json!({ "href": "x", "method": "GET" });
    broken.push(("a link the spec does not have", extra));
    let mut typed = valid.clone();
    typed["amount"] = json!("ten pounds");
    broken.push(("amount as text", typed));
    let mut null = valid.clone();
    null["email"] = Value::Null;
    broken.push(("a null field", null));
    for (name, body) in broken {
        let found = errors("PaymentWithAllLinks", &body);
        assert!(!found.is_empty(), "{name} passed the strict schema");
    }
    let error = json!({ "code": "P0102", "descripton": "Misspelt" });
    assert!(!errors("RequestError", &error).is_empty());
    let metadata = json!({ "ledger": { "nested": true } });
    let mut with_metadata = valid;
    with_metadata["metadata"] = metadata;
    assert!(!errors("PaymentWithAllLinks", &with_metadata).is_empty());
}

async fn get_ok(shim: &Shim, path: &str) -> Value {
    let (status, body) = shim.api(Method::GET, path, ALPHA_KEY, None).await;
    assert_eq!(status, StatusCode::OK, "{path}: {body}");
    body
}

/// Declines the payment's card until no attempt is left: `failed`.
async fn decline_until_failed(shim: &Shim, payment: &Value) -> String {
    let citizen = Citizen::open(shim, payment).await;
    for _ in 0..3 {
        citizen.pay_with(shim, "4000000000000002").await;
    }
    let id = payment["payment_id"].as_str().unwrap();
    let failed = shim.get(ALPHA_KEY, id).await;
    assert_eq!(failed["state"]["code"], "P0010", "{failed}");
    id.to_owned()
}

#[tokio::test]
async fn every_payment_answer_matches_the_strict_schemas() {
    let shim = Shim::start().await;
    let mut body = payment_body(1500);
    body["email"] = json!("sam@example.org");
    body["metadata"] = json!({ "ledger": "PCN", "line": 7, "urgent": true });
    let (status, created) = shim
        .api(Method::POST, "/v1/payments", ALPHA_KEY, Some(body))
        .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_valid("CreatePaymentResult", &created);
    let repeat = create_with_key(&shim, "k-1", &payment_body(100)).await.1;
    assert_valid("CreatePaymentResult", &repeat);
    let again = create_with_key(&shim, "k-1", &payment_body(100)).await;
    assert_eq!(again.0, StatusCode::OK);
    assert_valid("CreatePaymentResult", &again.1);
    let id = created["payment_id"].as_str().unwrap();
    assert_valid("PaymentWithAllLinks", &shim.get(ALPHA_KEY, id).await);

    let citizen = Citizen::open(&shim, &created).await;
    let started = shim.get(ALPHA_KEY, id).await;
    assert_eq!(started["state"]["status"], "started");
    assert_valid("PaymentWithAllLinks", &started);
    citizen.pay_with(&shim, "4242424242424242").await;
    let paid = shim.get(ALPHA_KEY, id).await;
    assert_eq!(paid["state"]["status"], "success");
    assert!(paid["card_details"].is_object(), "{paid}");
    assert_valid("PaymentWithAllLinks", &paid);

    let failed = shim.create(ALPHA_KEY, 200).await;
    let failed = decline_until_failed(&shim, &failed).await;
    assert_valid("PaymentWithAllLinks", &shim.get(ALPHA_KEY, &failed).await);
    let cancelled = shim.create(ALPHA_KEY, 300).await;
    let cancelled = cancelled["payment_id"].as_str().unwrap();
    let path = format!("/v1/payments/{cancelled}/cancel");
    let (status, _) = shim.api(Method::POST, &path, ALPHA_KEY, None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let cancelled = shim.get(ALPHA_KEY, cancelled).await;
    assert_eq!(cancelled["state"]["code"], "P0040");
    assert_valid("PaymentWithAllLinks", &cancelled);

    // One page holding every state: created, success, failed, cancelled.
    let search = get_ok(&shim, "/v1/payments").await;
    assert_eq!(search["total"], 4);
    assert_valid("PaymentSearchResults", &search);
    let events = get_ok(&shim, &format!("/v1/payments/{id}/events")).await;
    assert_eq!(events["events"].as_array().unwrap().len(), 4, "{events}");
    assert_valid("PaymentEvents", &events);
}

/// The PSP calls this card `prepaid`, which is not one of the spec's
/// card types: `card_type` is left out rather than sent off-spec.
#[tokio::test]
async fn a_prepaid_card_is_reported_without_a_card_type() {
    let shim = Shim::start().await;
    let payment = shim.create(ALPHA_KEY, 100).await;
    Citizen::open(&shim, &payment)
        .await
        .pay_with(&shim, "5105105105105100")
        .await;
    let id = payment["payment_id"].as_str().unwrap();
    let paid = shim.get(ALPHA_KEY, id).await;
    assert_eq!(paid["card_details"]["card_brand"], "Mastercard", "{paid}");
    assert!(paid["card_details"].get("card_type").is_none(), "{paid}");
    assert_valid("PaymentWithAllLinks", &paid);
}

#[tokio::test]
async fn every_refund_and_error_answer_matches_the_strict_schemas() {
    let shim = Shim::start().await;
    let payment = shim.create(ALPHA_KEY, 1500).await;
    Citizen::open(&shim, &payment)
        .await
        .pay_with(&shim, "4242424242424242")
        .await;
    let id = payment["payment_id"].as_str().unwrap();
    let path = format!("/v1/payments/{id}/refunds");
    let (status, refund) = shim
        .api(Method::POST, &path, ALPHA_KEY, Some(json!({"amount": 100})))
        .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    assert_valid("Refund", &refund);
    let refund_id = refund["refund_id"].as_str().unwrap();
    let by_id = get_ok(&shim, &format!("{path}/{refund_id}")).await;
    assert_eq!(by_id, refund);
    assert_valid("Refund", &by_id);
    // The spec's path entry answers `RefundForSearchResult` here.
    let list = get_ok(&shim, &path).await;
    assert_valid("RefundForSearchResult", &list);
    assert_eq!(list["_embedded"]["refunds"][0], refund);
    let all = get_ok(&shim, "/v1/refunds").await;
    assert_valid("RefundSearchResults", &all);

    let errors = [
        (Method::GET, "/v1/payments/nope".to_owned(), None),
        (Method::GET, "/v1/payments?state=paid".to_owned(), None),
        (Method::POST, path.clone(), Some(json!({ "amount": "1" }))),
        (Method::POST, "/v1/payments".to_owned(), Some(json!({}))),
    ];
    for (method, path, body) in errors {
        let (status, error) = shim.api(method, &path, ALPHA_KEY, body).await;
        assert!(status.is_client_error(), "{path}: {status}");
        assert_valid("RequestError", &error);
    }
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
