//! The shim's side: charging tokens, test-card outcomes, idempotency.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use reqwest::StatusCode;
use serde_json::Value;

#[tokio::test]
async fn each_success_test_card_charges_and_reports_its_card() {
    let cases = [
        ("4242424242424242", "visa", "4242"),
        ("4444333322221111", "visa", "1111"),
        ("5555555555554444", "mastercard", "4444"),
        ("371449635398431", "amex", "8431"),
    ];
    let harness = start().await;
    for (number, brand, last4) in cases {
        let token = harness.token(number).await;
        let response = harness.charge(SK_A, None, &token, "1050").await;
        let (status, intent) = read(response).await;

        assert_eq!(status, StatusCode::OK, "{number}: {intent}");
        assert_eq!(intent["object"], "payment_intent");
        assert_eq!(intent["status"], "succeeded");
        assert_eq!(intent["amount"], 1050);
        assert_eq!(intent["amount_received"], 1050);
        assert_eq!(intent["currency"], "gbp");
        let card = &intent["payment_method"]["card"];
        assert_eq!(card["brand"], brand, "{number}");
        assert_eq!(card["last4"], last4);
        assert_eq!(card["exp_month"], 12);
        let billing = &intent["payment_method"]["billing_details"];
        assert_eq!(billing["name"], "Ada Lovelace");
    }
    assert_eq!(harness.intents().await.len(), 4);
}

/// Charges a test card and returns the 402's `error` object.
async fn decline(number: &str) -> Value {
    let harness = start().await;
    let token = harness.token(number).await;
    let response = harness.charge(SK_A, None, &token, "1050").await;
    let (status, body) = read(response).await;
    assert_eq!(status, StatusCode::PAYMENT_REQUIRED, "{number}: {body}");
    let error = body["error"].clone();
    assert_eq!(error["type"], "card_error");
    let intent = &error["payment_intent"];
    assert_eq!(intent["status"], "requires_payment_method");
    assert_eq!(intent["amount_received"], 0);
    assert_eq!(intent["last_payment_error"]["code"], error["code"]);
    assert!(error["message"].as_str().is_some_and(|m| !m.is_empty()));
    error
}

#[tokio::test]
async fn the_declined_card_is_a_generic_decline() {
    let error = decline("4000000000000002").await;
    assert_eq!(error["code"], "card_declined");
    assert_eq!(error["decline_code"], "generic_decline");
}

#[tokio::test]
async fn the_expired_card_is_declined_as_expired() {
    let error = decline("4000000000000069").await;
    assert_eq!(error["code"], "expired_card");
    assert_eq!(error["decline_code"], "expired_card");
}

#[tokio::test]
async fn the_incorrect_cvc_card_is_declined_for_its_code() {
    let error = decline("4000000000000127").await;
    assert_eq!(error["code"], "incorrect_cvc");
    assert_eq!(error["param"], "cvc");
    let checks = &error["payment_intent"]["payment_method"]["card"]["checks"];
    assert_eq!(checks["cvc_check"], "fail");
}

#[tokio::test]
async fn the_processing_error_card_is_declined_as_a_processing_error() {
    let error = decline("4000000000000119").await;
    assert_eq!(error["code"], "processing_error");
}

#[tokio::test]
async fn the_three_d_secure_card_says_plainly_it_is_not_supported_yet() {
    let error = decline("4000002500003155").await;
    assert_eq!(error["code"], "authentication_required");
    let message = error["message"].as_str().unwrap();
    assert!(message.contains("not support"), "{message}");
}

#[tokio::test]
async fn a_declined_payment_can_be_retried_with_a_new_token() {
    let harness = start().await;
    let declined = harness.token("4000000000000002").await;
    let response = harness.charge(SK_A, None, &declined, "700").await;
    assert_eq!(response.status(), StatusCode::PAYMENT_REQUIRED);

    let good = harness.token("4242424242424242").await;
    let response = harness.charge(SK_A, None, &good, "700").await;
    assert_eq!(response.status(), StatusCode::OK);
    let statuses: Vec<Value> = harness
        .intents()
        .await
        .iter()
        .map(|i| i["status"].clone())
        .collect();
    assert_eq!(statuses, ["succeeded", "requires_payment_method"]);
}

#[tokio::test]
async fn a_token_cannot_be_charged_twice() {
    let harness = start().await;
    let token = harness.token("4242424242424242").await;
    let first = harness.charge(SK_A, Some("key-1"), &token, "500").await;
    assert_eq!(first.status(), StatusCode::OK);

    let again = harness.charge(SK_A, Some("key-2"), &token, "500").await;
    let (status, body) = read(again).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["code"], "token_already_used");
    assert_eq!(harness.intents().await.len(), 1);
}

#[tokio::test]
async fn a_token_from_another_council_is_no_such_token() {
    let harness = start().await;
    let token = harness.token_for(PK_B, "4242424242424242").await;
    let response = harness.charge(SK_A, None, &token, "500").await;
    let (status, body) = read(response).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["code"], "resource_missing");
    assert_eq!(body["error"]["param"], "payment_method_data[card][token]");
    assert!(harness.intents().await.is_empty());
}

#[tokio::test]
async fn another_councils_payment_intent_is_not_found() {
    let harness = start().await;
    let token = harness.token("4242424242424242").await;
    let (_, intent) =
        read(harness.charge(SK_A, None, &token, "500").await).await;
    let id = intent["id"].as_str().unwrap();
    let path = format!("/v1/payment_intents/{id}");

    assert_eq!(harness.get(SK_A, &path).await.status(), StatusCode::OK);
    let (status, body) = read(harness.get(SK_B, &path).await).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["error"]["code"], "resource_missing");
}

#[tokio::test]
async fn pressing_confirm_twice_charges_once() {
    let harness = start().await;
    let token = harness.token("4242424242424242").await;
    let first = harness
        .charge(SK_A, Some("confirm-abc"), &token, "1200")
        .await;
    assert!(first.headers().get("idempotent-replayed").is_none());
    let (first_status, first_body) = read(first).await;

    let second = harness
        .charge(SK_A, Some("confirm-abc"), &token, "1200")
        .await;
    assert_eq!(second.headers()["idempotent-replayed"], "true");
    let (second_status, second_body) = read(second).await;

    assert_eq!(first_status, StatusCode::OK);
    assert_eq!(second_status, first_status);
    assert_eq!(second_body, first_body);
    assert_eq!(harness.intents().await.len(), 1);
}

#[tokio::test]
async fn a_replayed_decline_is_the_same_decline() {
    let harness = start().await;
    let token = harness.token("4000000000000002").await;
    let first = harness.charge(SK_A, Some("k"), &token, "1200").await;
    let (_, first_body) = read(first).await;
    let second = harness.charge(SK_A, Some("k"), &token, "1200").await;
    assert_eq!(second.headers()["idempotent-replayed"], "true");
    let (status, second_body) = read(second).await;
    assert_eq!(status, StatusCode::PAYMENT_REQUIRED);
    assert_eq!(second_body, first_body);
    assert_eq!(harness.intents().await.len(), 1);
}

#[tokio::test]
async fn the_same_key_with_other_parameters_is_an_idempotency_error() {
    let harness = start().await;
    let token = harness.token("4242424242424242").await;
    let first = harness.charge(SK_A, Some("k"), &token, "1200").await;
    assert_eq!(first.status(), StatusCode::OK);

    let other = harness.charge(SK_A, Some("k"), &token, "1300").await;
    let (status, body) = read(other).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["type"], "idempotency_error");
    assert_eq!(harness.intents().await.len(), 1);
}

#[tokio::test]
async fn the_same_key_on_another_endpoint_is_an_idempotency_error() {
    let harness = start().await;
    let token = harness.token("4242424242424242").await;
    let (_, intent) =
        read(harness.charge(SK_A, Some("k"), &token, "1200").await).await;
    let id = intent["id"].as_str().unwrap();
    let response = harness
        .post(SK_A, "/v1/refunds", Some("k"), &[("payment_intent", id)])
        .await;
    let (status, body) = read(response).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["type"], "idempotency_error");
}

#[tokio::test]
async fn idempotency_keys_belong_to_one_council() {
    let harness = start().await;
    let token_a = harness.token("4242424242424242").await;
    let token_b = harness.token_for(PK_B, "4242424242424242").await;
    let a = harness.charge(SK_A, Some("shared"), &token_a, "1200").await;
    let b = harness.charge(SK_B, Some("shared"), &token_b, "1200").await;
    assert_eq!(a.status(), StatusCode::OK);
    assert_eq!(b.status(), StatusCode::OK);
    assert!(b.headers().get("idempotent-replayed").is_none());
}

#[tokio::test]
async fn a_request_refused_for_its_parameters_leaves_the_key_free() {
    let harness = start().await;
    let token = harness.token("4242424242424242").await;
    let bad = harness.charge(SK_A, Some("k"), &token, "ten pounds").await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    let good = harness.charge(SK_A, Some("k"), &token, "1000").await;
    assert_eq!(good.status(), StatusCode::OK);
    assert!(good.headers().get("idempotent-replayed").is_none());
}

#[tokio::test]
async fn amounts_outside_stripes_limits_are_refused() {
    let harness = start().await;
    let token = harness.token("4242424242424242").await;
    let cases = [
        ("29", "amount_too_small"),
        ("100000000", "amount_too_large"),
        ("-5", "amount_too_small"),
        ("12.50", "parameter_invalid_integer"),
    ];
    for (amount, code) in cases {
        let (status, body) =
            read(harness.charge(SK_A, None, &token, amount).await).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{amount}");
        assert_eq!(body["error"]["code"], code, "{amount}");
        assert_eq!(body["error"]["param"], "amount");
    }
    assert!(harness.intents().await.is_empty());
}

#[tokio::test]
async fn a_publishable_key_cannot_charge() {
    let harness = start().await;
    let token = harness.token("4242424242424242").await;
    let response = harness.charge(PK_A, None, &token, "1000").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        response.headers()["www-authenticate"],
        "Bearer realm=\"sandbox\""
    );
}

#[tokio::test]
async fn charges_without_confirm_are_refused_with_a_reason() {
    let harness = start().await;
    let token = harness.token("4242424242424242").await;
    let mut form = charge_form(&token, "1000");
    form.retain(|(name, _)| *name != "confirm");
    form.push(("confirm", "false"));
    let response = harness.post(SK_A, "/v1/payment_intents", None, &form).await;
    let (status, body) = read(response).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["param"], "confirm");
}

#[tokio::test]
async fn without_expand_the_payment_method_is_an_id() {
    let harness = start().await;
    let token = harness.token("4242424242424242").await;
    let mut form = charge_form(&token, "1000");
    form.retain(|(name, _)| *name != "expand[]");
    let response = harness.post(SK_A, "/v1/payment_intents", None, &form).await;
    let (_, intent) = read(response).await;
    let method = intent["payment_method"].as_str().unwrap();
    assert!(method.starts_with("pm_"));
    assert_eq!(
        intent["metadata"]["payment_id"],
        "hu20sqlact5260q2nanm0q8u93"
    );
}

#[tokio::test]
async fn the_list_is_newest_first_and_honours_limit() {
    let harness = start().await;
    let mut ids = Vec::new();
    for amount in ["100", "200", "300"] {
        let token = harness.token("4242424242424242").await;
        let (_, intent) =
            read(harness.charge(SK_A, None, &token, amount).await).await;
        ids.push(intent["id"].as_str().unwrap().to_owned());
    }
    let (status, list) =
        read(harness.get(SK_A, "/v1/payment_intents?limit=2").await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["object"], "list");
    assert_eq!(list["has_more"], true);
    let listed: Vec<&str> = list["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(listed, [ids[2].as_str(), ids[1].as_str()]);

    let next = format!("/v1/payment_intents?limit=2&starting_after={}", ids[1]);
    let (_, rest) = read(harness.get(SK_A, &next).await).await;
    assert_eq!(rest["data"][0]["id"], ids[0].as_str());
    assert_eq!(rest["has_more"], false);
}

#[tokio::test]
async fn retrieving_can_expand_the_payment_method() {
    let harness = start().await;
    let token = harness.token("5555555555554444").await;
    let (_, intent) =
        read(harness.charge(SK_A, None, &token, "1000").await).await;
    let path = format!(
        "/v1/payment_intents/{}?expand[]=payment_method",
        intent["id"].as_str().unwrap()
    );
    let (status, fetched) = read(harness.get(SK_A, &path).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(fetched["payment_method"]["card"]["brand"], "mastercard");
    assert_eq!(fetched, intent);
}

#[tokio::test]
async fn two_confirms_racing_with_one_key_charge_once() {
    let harness = start().await;
    let token = harness.token("4242424242424242").await;
    let (first, second) = tokio::join!(
        harness.charge(SK_A, Some("race"), &token, "1500"),
        harness.charge(SK_A, Some("race"), &token, "1500"),
    );
    let replayed = [&first, &second]
        .iter()
        .filter(|r| r.headers().get("idempotent-replayed").is_some())
        .count();
    let (first_status, first_body) = read(first).await;
    let (second_status, second_body) = read(second).await;

    assert_eq!(replayed, 1);
    assert_eq!(first_status, StatusCode::OK);
    assert_eq!(second_status, StatusCode::OK);
    assert_eq!(first_body["id"], second_body["id"]);
    assert_eq!(harness.intents().await.len(), 1);
}

#[tokio::test]
async fn the_list_can_expand_each_payment_method() {
    let harness = start().await;
    let token = harness.token("4242424242424242").await;
    let _ = harness.charge(SK_A, None, &token, "1000").await;
    let path = "/v1/payment_intents?expand[]=data.payment_method";
    let (status, list) = read(harness.get(SK_A, path).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["data"][0]["payment_method"]["card"]["last4"], "4242");
}

#[tokio::test]
async fn only_the_payment_method_can_be_expanded() {
    let harness = start().await;
    let token = harness.token("4242424242424242").await;
    let mut form = charge_form(&token, "1000");
    form.push(("expand[]", "customer"));
    let response = harness.post(SK_A, "/v1/payment_intents", None, &form).await;
    let (status, body) = read(response).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["param"], "expand");
    let (_, token_body) =
        read(harness.get(SK_A, &format!("/v1/tokens/{token}")).await).await;
    assert_eq!(
        token_body["used"], false,
        "a refused request used the token"
    );
}

// `GET /v1/payment_intents`, as Stripe lists: what a test asks to learn
// how many charges really happened.

/// Charges one Visa test card for council A per amount, oldest first,
/// and returns the intents' ids in that order.
async fn paid_intents(harness: &Harness, amounts: &[&str]) -> Vec<String> {
    let mut ids = Vec::new();
    for amount in amounts {
        let token = harness.token("4242424242424242").await;
        let (status, intent) =
            read(harness.charge(SK_A, None, &token, amount).await).await;
        assert_eq!(status, StatusCode::OK, "{intent}");
        ids.push(intent["id"].as_str().unwrap().to_owned());
    }
    ids
}

fn listed_ids(list: &Value) -> Vec<&str> {
    let data = list["data"].as_array().unwrap();
    data.iter().map(|i| i["id"].as_str().unwrap()).collect()
}

#[tokio::test]
async fn an_account_with_no_payments_lists_an_empty_stripe_list() {
    let harness = start().await;
    let (status, list) =
        read(harness.get(SK_A, "/v1/payment_intents").await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        list,
        serde_json::json!({
            "object": "list",
            "data": [],
            "has_more": false,
            "url": "/v1/payment_intents",
        })
    );
}

#[tokio::test]
async fn the_list_shows_ten_by_default_newest_first() {
    let harness = start().await;
    let amounts: Vec<String> = (0..11).map(|n| (100 + n).to_string()).collect();
    let amounts: Vec<&str> = amounts.iter().map(String::as_str).collect();
    let ids = paid_intents(&harness, &amounts).await;

    let (status, list) =
        read(harness.get(SK_A, "/v1/payment_intents").await).await;
    assert_eq!(status, StatusCode::OK);
    let newest_ten: Vec<&str> =
        ids.iter().rev().take(10).map(|s| &**s).collect();
    assert_eq!(listed_ids(&list), newest_ten);
    assert_eq!(list["has_more"], true);
    assert_eq!(list["data"][0]["amount"], 110);
}

#[tokio::test]
async fn a_limit_from_one_to_a_hundred_is_honoured() {
    let harness = start().await;
    let ids = paid_intents(&harness, &["100", "200", "300"]).await;
    let (_, one) =
        read(harness.get(SK_A, "/v1/payment_intents?limit=1").await).await;
    assert_eq!(listed_ids(&one), [ids[2].as_str()]);
    assert_eq!(one["has_more"], true);

    let path = "/v1/payment_intents?limit=100";
    let (status, all) = read(harness.get(SK_A, path).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(listed_ids(&all).len(), 3);
    assert_eq!(all["has_more"], false);
}

#[tokio::test]
async fn a_limit_outside_one_to_a_hundred_is_refused_and_says_so() {
    let harness = start().await;
    for limit in ["0", "101", "-1", "ten"] {
        let path = format!("/v1/payment_intents?limit={limit}");
        let (status, body) = read(harness.get(SK_A, &path).await).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "limit={limit}");
        assert_eq!(body["error"]["param"], "limit", "limit={limit}");
        assert_eq!(body["error"]["type"], "invalid_request_error");
    }
    let path = "/v1/payment_intents?limit=101";
    let (_, body) = read(harness.get(SK_A, path).await).await;
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains("between 1 and 100"), "{message}");
}

#[tokio::test]
async fn ending_before_pages_back_towards_the_newest() {
    let harness = start().await;
    let ids = paid_intents(&harness, &["100", "200", "300"]).await;
    let path = format!("/v1/payment_intents?limit=1&ending_before={}", ids[1]);
    let (status, list) = read(harness.get(SK_A, &path).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(listed_ids(&list), [ids[2].as_str()]);
    assert_eq!(list["has_more"], false);
}

#[tokio::test]
async fn listed_intents_carry_the_description_and_metadata_sent() {
    let harness = start().await;
    let token = harness.token("4000000000000002").await;
    let declined = harness.charge(SK_A, None, &token, "700").await;
    assert_eq!(declined.status(), StatusCode::PAYMENT_REQUIRED);

    let (_, list) = read(harness.get(SK_A, "/v1/payment_intents").await).await;
    let intent = &list["data"][0];
    assert_eq!(intent["object"], "payment_intent");
    assert_eq!(intent["status"], "requires_payment_method");
    assert_eq!(intent["description"], "Parking fine PCN AB12345678");
    assert_eq!(
        intent["metadata"]["payment_id"],
        "hu20sqlact5260q2nanm0q8u93"
    );
}

#[tokio::test]
async fn the_list_needs_the_accounts_secret_key() {
    let harness = start().await;
    let path = "/v1/payment_intents";
    let anonymous = harness.client.get(harness.url(path)).send().await;
    assert_eq!(anonymous.unwrap().status(), StatusCode::UNAUTHORIZED);

    let (status, body) = read(harness.get(PK_A, path).await).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains("secret key"), "{message}");
}

#[tokio::test]
async fn each_council_lists_only_its_own_intents() {
    let harness = start().await;
    paid_intents(&harness, &["100"]).await;
    let (status, list) =
        read(harness.get(SK_B, "/v1/payment_intents").await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["data"], serde_json::json!([]));
    assert_eq!(harness.intents().await.len(), 1);
}
