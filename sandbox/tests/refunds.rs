//! Refunds: in full, in part, and never more than is left.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use reqwest::StatusCode;
use serde_json::Value;

/// A paid intent of `amount` pence for council A; returns its id.
async fn paid(harness: &Harness, amount: &str) -> String {
    let token = harness.token("4242424242424242").await;
    let (status, intent) =
        read(harness.charge(SK_A, None, &token, amount).await).await;
    assert_eq!(status, StatusCode::OK);
    intent["id"].as_str().unwrap().to_owned()
}

async fn refund(
    harness: &Harness,
    form: &[(&str, &str)],
) -> (StatusCode, Value) {
    read(harness.post(SK_A, "/v1/refunds", None, form).await).await
}

#[tokio::test]
async fn a_refund_without_an_amount_gives_back_everything() {
    let harness = start().await;
    let intent = paid(&harness, "2500").await;
    let (status, refund) =
        refund(&harness, &[("payment_intent", &intent)]).await;

    assert_eq!(status, StatusCode::OK, "{refund}");
    assert!(refund["id"].as_str().unwrap().starts_with("re_"));
    assert_eq!(refund["object"], "refund");
    assert_eq!(refund["amount"], 2500);
    assert_eq!(refund["currency"], "gbp");
    assert_eq!(refund["status"], "succeeded");
    assert_eq!(refund["payment_intent"], intent.as_str());
}

#[tokio::test]
async fn partial_refunds_add_up_to_the_amount_and_no_further() {
    let harness = start().await;
    let intent = paid(&harness, "2500").await;
    let first =
        refund(&harness, &[("payment_intent", &intent), ("amount", "1000")])
            .await;
    assert_eq!(first.0, StatusCode::OK);

    let (status, too_much) =
        refund(&harness, &[("payment_intent", &intent), ("amount", "1501")])
            .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(too_much["error"]["code"], "amount_too_large");
    assert_eq!(too_much["error"]["param"], "amount");
    let message = too_much["error"]["message"].as_str().unwrap();
    assert!(message.contains("£15.00"), "{message}");

    let (status, rest) = refund(&harness, &[("payment_intent", &intent)]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(rest["amount"], 1500);

    let (status, again) =
        refund(&harness, &[("payment_intent", &intent)]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(again["error"]["code"], "charge_already_refunded");
}

#[tokio::test]
async fn more_than_was_paid_cannot_be_refunded() {
    let harness = start().await;
    let intent = paid(&harness, "2500").await;
    let (status, body) =
        refund(&harness, &[("payment_intent", &intent), ("amount", "2501")])
            .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["code"], "amount_too_large");
}

#[tokio::test]
async fn a_declined_payment_has_nothing_to_refund() {
    let harness = start().await;
    let token = harness.token("4000000000000002").await;
    let (_, body) = read(harness.charge(SK_A, None, &token, "900").await).await;
    let intent = body["error"]["payment_intent"]["id"].as_str().unwrap();
    let (status, body) = refund(&harness, &[("payment_intent", intent)]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["code"], "payment_intent_unexpected_state");
}

#[tokio::test]
async fn zero_and_negative_refunds_are_refused() {
    let harness = start().await;
    let intent = paid(&harness, "2500").await;
    for amount in ["0", "-100", "ten"] {
        let (status, body) = refund(
            &harness,
            &[("payment_intent", &intent), ("amount", amount)],
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{amount}");
        assert_eq!(body["error"]["param"], "amount");
    }
}

#[tokio::test]
async fn an_unknown_payment_intent_cannot_be_refunded() {
    let harness = start().await;
    let (status, body) =
        refund(&harness, &[("payment_intent", "pi_nope")]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["code"], "resource_missing");
}

#[tokio::test]
async fn a_retried_refund_with_its_key_refunds_once() {
    let harness = start().await;
    let intent = paid(&harness, "2500").await;
    let form = [("payment_intent", intent.as_str()), ("amount", "1000")];
    let first = harness.post(SK_A, "/v1/refunds", Some("r1"), &form).await;
    let (_, first) = read(first).await;
    let second = harness.post(SK_A, "/v1/refunds", Some("r1"), &form).await;
    assert_eq!(second.headers()["idempotent-replayed"], "true");
    let (_, second) = read(second).await;
    assert_eq!(first, second);

    let (_, rest) = refund(&harness, &[("payment_intent", &intent)]).await;
    assert_eq!(rest["amount"], 1500);
}

#[tokio::test]
async fn a_refund_can_be_read_back_by_its_own_council_only() {
    let harness = start().await;
    let intent = paid(&harness, "2500").await;
    let (_, refund) = refund(&harness, &[("payment_intent", &intent)]).await;
    let path = format!("/v1/refunds/{}", refund["id"].as_str().unwrap());

    let (status, fetched) = read(harness.get(SK_A, &path).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(fetched, refund);
    assert_eq!(
        harness.get(SK_B, &path).await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn refunds_are_listed_newest_first_and_by_payment_intent() {
    let harness = start().await;
    let first = paid(&harness, "2500").await;
    let second = paid(&harness, "900").await;
    let _ = refund(&harness, &[("payment_intent", &first), ("amount", "100")])
        .await;
    let _ = refund(&harness, &[("payment_intent", &second)]).await;
    let _ = refund(&harness, &[("payment_intent", &first), ("amount", "200")])
        .await;

    let (status, all) = read(harness.get(SK_A, "/v1/refunds").await).await;
    assert_eq!(status, StatusCode::OK);
    let amounts: Vec<&Value> = all["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["amount"])
        .collect();
    assert_eq!(amounts, [200, 900, 100]);

    let path = format!("/v1/refunds?payment_intent={first}&limit=1");
    let (_, one) = read(harness.get(SK_A, &path).await).await;
    assert_eq!(one["data"][0]["amount"], 200);
    assert_eq!(one["has_more"], true);

    let (_, other) = read(harness.get(SK_B, "/v1/refunds").await).await;
    assert_eq!(other["data"].as_array().unwrap().len(), 0);
}
