//! Read-only keys: a browser test, which never sees the shim's secret
//! key, asks the sandbox what was really charged.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use paypage_sandbox::ReadKeys;
use reqwest::StatusCode;

#[tokio::test]
async fn a_read_only_key_lists_and_retrieves_its_councils_intents() {
    let (harness, read_key) = start_with_read_keys().await;
    let token = harness.token("4242424242424242").await;
    let (_, intent) =
        read(harness.charge(SK_A, None, &token, "1200").await).await;

    let (status, list) =
        read(harness.get(&read_key, "/v1/payment_intents").await).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert_eq!(list["data"][0]["id"], intent["id"]);

    let id = intent["id"].as_str().unwrap();
    let path = format!("/v1/payment_intents/{id}");
    let (status, fetched) = read(harness.get(&read_key, &path).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(fetched["amount"], 1200);
}

#[tokio::test]
async fn a_read_only_key_sees_only_its_own_council() {
    let (harness, read_key_a) = start_with_read_keys().await;
    let token = harness.token_for(PK_B, "4242424242424242").await;
    let charged = harness.charge(SK_B, None, &token, "1200").await;
    assert_eq!(charged.status(), StatusCode::OK);

    let (_, list) =
        read(harness.get(&read_key_a, "/v1/payment_intents").await).await;
    assert_eq!(list["data"], serde_json::json!([]));
}

#[tokio::test]
async fn a_read_only_key_cannot_charge_or_refund() {
    let (harness, read_key) = start_with_read_keys().await;
    let token = harness.token("4242424242424242").await;
    let (status, body) =
        read(harness.charge(&read_key, None, &token, "1200").await).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains("read-only"), "{message}");
    assert!(
        !message.contains(&read_key),
        "the key was repeated: {message}"
    );

    let (_, intent) =
        read(harness.charge(SK_A, None, &token, "1200").await).await;
    let id = intent["id"].as_str().unwrap();
    let form = [("payment_intent", id)];
    let refund = harness.post(&read_key, "/v1/refunds", None, &form).await;
    assert_eq!(refund.status(), StatusCode::FORBIDDEN);
    let (_, refunds) = read(harness.get(SK_A, "/v1/refunds").await).await;
    assert_eq!(refunds["data"], serde_json::json!([]));
}

#[tokio::test]
async fn a_read_only_key_cannot_create_tokens() {
    let (harness, read_key) = start_with_read_keys().await;
    let response = harness.post_token(&read_key, &card_form("4242")).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_key_from_another_seed_is_an_invalid_key() {
    let (harness, _) = start_with_read_keys().await;
    let other = ReadKeys::new(&"x".repeat(40)).unwrap().key_for(PK_A);
    let (status, body) =
        read(harness.get(&other, "/v1/payment_intents").await).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains("Invalid API key"), "{message}");
}

#[tokio::test]
async fn without_a_seed_no_read_only_key_works() {
    let harness = start().await;
    let key = ReadKeys::new(READ_SEED).unwrap().key_for(PK_A);
    let response = harness.get(&key, "/v1/payment_intents").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
}
