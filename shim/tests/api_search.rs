//! Searching payments and refunds (`GET /v1/payments`, `GET
//! /v1/refunds`): each filter finds what it should and nothing else,
//! and pages link to each other.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use common::schema::assert_valid;
use common::{ALPHA_KEY, BETA_KEY, Citizen, Shim, payment_body};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

async fn search(shim: &Shim, key: &str, query: &str) -> Value {
    let path = format!("/v1/payments?{query}");
    let (status, page) = shim.api(Method::GET, &path, key, None).await;
    assert_eq!(status, StatusCode::OK, "{query}: {page}");
    assert_valid("PaymentSearchResults", &page);
    page
}

/// The ids a search found, whatever their order.
async fn found(shim: &Shim, query: &str) -> BTreeSet<String> {
    let page = search(shim, ALPHA_KEY, query).await;
    let results = page["results"].as_array().unwrap();
    assert_eq!(page["total"], results.len(), "{query}");
    results
        .iter()
        .map(|p| p["payment_id"].as_str().unwrap().to_owned())
        .collect()
}

fn ids(payments: &[&str]) -> BTreeSet<String> {
    payments.iter().map(|id| (*id).to_owned()).collect()
}

async fn create_with_email(shim: &Shim, email: Option<&str>) -> Value {
    let mut body = payment_body(1000);
    if let Some(email) = email {
        body["email"] = json!(email);
    }
    let (status, payment) = shim
        .api(Method::POST, "/v1/payments", ALPHA_KEY, Some(body))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{payment}");
    payment
}

/// Sam paid by Visa, Alex by Mastercard; the third was never paid.
async fn three_payments(shim: &Shim) -> [String; 3] {
    let sam = create_with_email(shim, Some("sam.citizen@example.org")).await;
    let alex = create_with_email(shim, Some("alex@example.com")).await;
    let unpaid = create_with_email(shim, None).await;
    let cards = [(&sam, "4242424242424242", "Sam Citizen")];
    let cards =
        cards
            .into_iter()
            .chain([(&alex, "5555555555554444", "Alex Jones")]);
    for (payment, number, name) in cards {
        let citizen = Citizen::open(shim, payment).await;
        citizen.pay_as(shim, number, name).await;
    }
    let id = |p: &Value| p["payment_id"].as_str().unwrap().to_owned();
    [id(&sam), id(&alex), id(&unpaid)]
}

#[tokio::test]
async fn payments_are_found_by_email_in_part_and_in_any_case() {
    let shim = Shim::start().await;
    let [sam, alex, _] = three_payments(&shim).await;
    let cases: [(&str, &[&str]); 6] = [
        ("email=sam.citizen@example.org", &[&sam]),
        ("email=sam.citizen%40example.org", &[&sam]),
        ("email=EXAMPLE.ORG", &[&sam]),
        ("email=example", &[&sam, &alex]),
        ("email=nobody", &[]),
        // `%` and `_` are matched as themselves, not as SQL wildcards.
        ("email=%25", &[]),
    ];
    for (query, expected) in cases {
        assert_eq!(found(&shim, query).await, ids(expected), "{query}");
    }
}

#[tokio::test]
async fn payments_are_found_by_card_brand_cardholder_and_last_digits() {
    let shim = Shim::start().await;
    let [sam, alex, _] = three_payments(&shim).await;
    let cases: [(&str, &[&str]); 12] = [
        ("card_brand=visa", &[&sam]),
        ("card_brand=master-card", &[&alex]),
        // The name our answers show is accepted as well as the code.
        ("card_brand=Mastercard", &[&alex]),
        ("card_brand=VISA", &[&sam]),
        ("card_brand=american-express", &[]),
        ("cardholder_name=sam", &[&sam]),
        ("cardholder_name=JONES", &[&alex]),
        ("cardholder_name=Sam+Citizen", &[&sam]),
        ("last_digits_card_number=4242", &[&sam]),
        ("last_digits_card_number=4444", &[&alex]),
        ("last_digits_card_number=1111", &[]),
        ("email=example&card_brand=visa", &[&sam]),
    ];
    for (query, expected) in cases {
        assert_eq!(found(&shim, query).await, ids(expected), "{query}");
    }
    // Another council's key finds none of alpha's payments.
    let page = search(&shim, BETA_KEY, "card_brand=visa").await;
    assert_eq!(page["total"], 0);
}

/// `YYYY-MM-DDThh:mm:ssZ`, the spec's format for search dates,
/// rounded down to the second.
fn second(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn created_at(payment: &Value) -> DateTime<Utc> {
    let text = payment["created_date"].as_str().unwrap();
    text.parse().unwrap()
}

#[tokio::test]
async fn payments_are_found_by_when_they_were_created() {
    let shim = Shim::start().await;
    let mut made = vec![];
    for _ in 0..3 {
        made.push(shim.create(ALPHA_KEY, 100).await);
        shim.clock.advance(Duration::hours(1));
    }
    let id = |n: usize| made[n]["payment_id"].as_str().unwrap();
    let at = |n: usize| created_at(&made[n]);
    let half = Duration::minutes(30);
    let cases = [
        // from_date is inclusive, to_date exclusive (the spec's words:
        // "on or after", "before").
        (
            format!("from_date={}", second(at(0))),
            ids(&[id(0), id(1), id(2)]),
        ),
        (
            format!("from_date={}", second(at(0) + half)),
            ids(&[id(1), id(2)]),
        ),
        (format!("to_date={}", second(at(0) + half)), ids(&[id(0)])),
        (format!("to_date={}", second(at(0))), ids(&[])),
        (
            format!(
                "from_date={}&to_date={}",
                second(at(0) + half),
                second(at(1) + half)
            ),
            ids(&[id(1)]),
        ),
        (
            format!("from_date={}&to_date={}", second(at(1)), second(at(2))),
            ids(&[id(1)]),
        ),
    ];
    for (query, expected) in cases {
        assert_eq!(found(&shim, &query).await, expected, "{query}");
    }
}

#[tokio::test]
async fn payments_can_be_searched_by_reference_and_state_and_paged() {
    let shim = Shim::start().await;
    for amount in 1..=5 {
        let mut body = payment_body(amount);
        body["reference"] = json!(if amount % 2 == 0 { "EVEN" } else { "ODD" });
        let (status, _) = shim
            .api(Method::POST, "/v1/payments", ALPHA_KEY, Some(body))
            .await;
        assert_eq!(status, StatusCode::CREATED);
    }
    assert_eq!(search(&shim, ALPHA_KEY, "reference=ODD").await["total"], 3);
    let page = search(&shim, ALPHA_KEY, "display_size=2&page=2").await;
    assert_eq!((&page["total"], &page["count"]), (&json!(5), &json!(2)));
    let next = page["_links"]["next_page"]["href"].as_str().unwrap();
    assert!(next.contains("page=3"), "{next}");
    assert!(page["_links"]["prev_page"].is_object());
    let created = search(&shim, ALPHA_KEY, "state=created").await;
    assert_eq!(created["total"], 5);
    assert_eq!(search(&shim, ALPHA_KEY, "state=success").await["total"], 0);

    let path = "/v1/payments?display_size=2&page=4";
    let (status, body) = shim.api(Method::GET, path, ALPHA_KEY, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert_eq!(body["code"], "P0402");
}

async fn refund(shim: &Shim, id: &str, amount: i64) -> Value {
    let path = format!("/v1/payments/{id}/refunds");
    let body = Some(json!({ "amount": amount }));
    let (status, refund) = shim.api(Method::POST, &path, ALPHA_KEY, body).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{refund}");
    refund
}

/// Follows a page's link as a client would, with the whole address.
async fn follow(shim: &Shim, page: &Value, link: &str) -> Value {
    let href = page["_links"][link]["href"].as_str().unwrap();
    let response = shim.http.get(href).bearer_auth(ALPHA_KEY).send();
    let (status, next) = common::read(response.await.unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{link}: {next}");
    assert_valid("RefundSearchResults", &next);
    next
}

fn amounts(page: &Value) -> Vec<i64> {
    let results = page["results"].as_array().unwrap();
    results
        .iter()
        .map(|r| r["amount"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn refunds_are_paged_newest_first_and_found_by_date() {
    let shim = Shim::start().await;
    let payment = shim.create(ALPHA_KEY, 1000).await;
    Citizen::open(&shim, &payment)
        .await
        .pay_with(&shim, "4242424242424242")
        .await;
    let id = payment["payment_id"].as_str().unwrap();
    let mut made = vec![];
    for amount in [100, 200, 300] {
        shim.clock.advance(Duration::minutes(10));
        made.push(refund(&shim, id, amount).await);
    }

    let path = "/v1/refunds?display_size=2";
    let (status, first) = shim.api(Method::GET, path, ALPHA_KEY, None).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    assert_valid("RefundSearchResults", &first);
    assert_eq!((&first["total"], &first["count"]), (&json!(3), &json!(2)));
    assert_eq!(amounts(&first), [300, 200]);
    assert!(first["_links"]["prev_page"].is_null());
    let two = follow(&shim, &first, "next_page").await;
    assert_eq!((&two["page"], amounts(&two)), (&json!(2), vec![100]));
    assert!(two["_links"]["next_page"].is_null());
    assert_eq!(amounts(&follow(&shim, &two, "prev_page").await), [300, 200]);
    assert_eq!(amounts(&follow(&shim, &first, "last_page").await), [100]);

    let (status, past) = shim
        .api(
            Method::GET,
            "/v1/refunds?display_size=2&page=3",
            ALPHA_KEY,
            None,
        )
        .await;
    assert_eq!(
        (status, &past["code"]),
        (StatusCode::NOT_FOUND, &json!("P1100"))
    );

    let from = created_at(&made[1]);
    let query = format!("/v1/refunds?from_date={}", second(from));
    let (_, recent) = shim.api(Method::GET, &query, ALPHA_KEY, None).await;
    assert_eq!(amounts(&recent), [300, 200]);
    let query = format!("/v1/refunds?to_date={}", second(from));
    let (_, older) = shim.api(Method::GET, &query, ALPHA_KEY, None).await;
    assert_eq!(amounts(&older), [100]);

    let (_, none) = shim.api(Method::GET, "/v1/refunds", BETA_KEY, None).await;
    assert_eq!(none["total"], 0);
}
