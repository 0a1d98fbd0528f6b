//! The page's side: tokenising card details with a publishable key.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use reqwest::StatusCode;
use serde_json::Value;

fn with(
    form: Vec<(String, String)>,
    name: &str,
    value: &str,
) -> Vec<(String, String)> {
    let mut form: Vec<_> =
        form.into_iter().filter(|(k, _)| k != name).collect();
    form.push((name.to_owned(), value.to_owned()));
    form
}

fn without(form: Vec<(String, String)>, name: &str) -> Vec<(String, String)> {
    form.into_iter().filter(|(k, _)| k != name).collect()
}

#[tokio::test]
async fn a_valid_card_becomes_a_single_use_token_with_stripes_card_fields() {
    let harness = start().await;
    let form = with(
        card_form("4242424242424242"),
        "card[address_zip]",
        "SW1A 1AA",
    );
    let (status, token) = read(harness.post_token(PK_A, &form).await).await;

    assert_eq!(status, StatusCode::OK);
    assert!(token["id"].as_str().unwrap().starts_with("tok_"));
    assert_eq!(token["object"], "token");
    assert_eq!(token["used"], false);
    assert_eq!(token["type"], "card");
    let card = &token["card"];
    assert_eq!(card["brand"], "Visa");
    assert_eq!(card["last4"], "4242");
    assert_eq!(card["exp_month"], 12);
    assert_eq!(card["exp_year"], future_year().parse::<u64>().unwrap());
    assert_eq!(card["funding"], "credit");
    assert_eq!(card["name"], "Ada Lovelace");
    assert_eq!(card["address_zip"], "SW1A 1AA");
    assert_eq!(card["country"], "GB");
}

#[tokio::test]
async fn brands_use_stripes_token_names() {
    let harness = start().await;
    let cases = [
        ("4242424242424242", "Visa"),
        ("5555555555554444", "MasterCard"),
        ("371449635398431", "American Express"),
        ("6011111111111117", "Discover"),
        ("3566002020360505", "JCB"),
        ("3056930009020004", "Diners Club"),
        ("6200000000000005", "UnionPay"),
        // Maestro is reported as Stripe does: under MasterCard.
        ("6759649826438453", "MasterCard"),
    ];
    for (number, brand) in cases {
        let response = harness.post_token(PK_A, &card_form(number)).await;
        let (status, token) = read(response).await;
        assert_eq!(status, StatusCode::OK, "{number}: {token}");
        assert_eq!(token["card"]["brand"], brand, "{number}");
    }
}

#[tokio::test]
async fn stripe_debit_test_cards_report_debit_funding() {
    let harness = start().await;
    let response = harness
        .post_token(PK_A, &card_form("4000056655665556"))
        .await;
    let (_, token) = read(response).await;
    assert_eq!(token["card"]["funding"], "debit");
}

async fn card_error(form: Vec<(String, String)>) -> Value {
    let harness = start().await;
    let (status, body) = read(harness.post_token(PK_A, &form).await).await;
    assert_eq!(status, StatusCode::PAYMENT_REQUIRED, "{body}");
    assert_eq!(body["error"]["type"], "card_error");
    body["error"].clone()
}

#[tokio::test]
async fn a_number_failing_the_checksum_is_an_incorrect_number() {
    let error = card_error(card_form("4242424242424241")).await;
    assert_eq!(error["code"], "incorrect_number");
    assert_eq!(error["param"], "number");
}

#[tokio::test]
async fn a_number_that_is_no_card_is_an_invalid_number() {
    for number in ["4242", "4242x4242x4242x4242", "42424242424242424242"] {
        let error = card_error(card_form(number)).await;
        assert_eq!(error["code"], "invalid_number", "{number}");
    }
}

#[tokio::test]
async fn a_month_outside_the_year_is_an_invalid_expiry_month() {
    let error = card_error(with(
        card_form("4242424242424242"),
        "card[exp_month]",
        "13",
    ))
    .await;
    assert_eq!(error["code"], "invalid_expiry_month");
    assert_eq!(error["param"], "exp_month");
}

#[tokio::test]
async fn a_year_in_the_past_is_an_invalid_expiry_year() {
    let error = card_error(with(
        card_form("4242424242424242"),
        "card[exp_year]",
        "2019",
    ))
    .await;
    assert_eq!(error["code"], "invalid_expiry_year");
    assert_eq!(error["param"], "exp_year");
}

#[tokio::test]
async fn a_three_digit_code_on_an_amex_card_is_an_invalid_cvc() {
    let form = with(card_form("371449635398431"), "card[cvc]", "123");
    let error = card_error(form).await;
    assert_eq!(error["code"], "invalid_cvc");
    assert_eq!(error["param"], "cvc");
}

#[tokio::test]
async fn card_errors_never_repeat_the_number_or_code() {
    let form = with(card_form("4242424242424241"), "card[cvc]", "98765");
    let error = card_error(form).await.to_string();
    assert!(!error.contains("4242424242424241"), "{error}");
    assert!(!error.contains("98765"), "{error}");
}

#[tokio::test]
async fn a_missing_number_is_a_missing_parameter() {
    let harness = start().await;
    let form = without(card_form("4242424242424242"), "card[number]");
    let (status, body) = read(harness.post_token(PK_A, &form).await).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["type"], "invalid_request_error");
    assert_eq!(body["error"]["code"], "parameter_missing");
    assert_eq!(body["error"]["param"], "card[number]");
}

#[tokio::test]
async fn the_security_code_may_be_left_out_as_at_stripe() {
    let harness = start().await;
    let form = without(card_form("4242424242424242"), "card[cvc]");
    let (status, token) = read(harness.post_token(PK_A, &form).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(token["card"]["cvc_check"], Value::Null);
}

#[tokio::test]
async fn a_missing_key_is_refused_with_401() {
    let harness = start().await;
    let response = harness
        .client
        .post(harness.url("/v1/tokens"))
        .form(&card_form("4242424242424242"))
        .send()
        .await
        .unwrap();
    let (status, body) = read(response).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["error"]["type"], "invalid_request_error");
}

#[tokio::test]
async fn an_unknown_key_is_refused_with_401() {
    let harness = start().await;
    let response = harness
        .post_token("pk_test_nobody_at_all", &card_form("4242424242424242"))
        .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_secret_key_cannot_create_tokens() {
    let harness = start().await;
    let response = harness
        .post_token(SK_A, &card_form("4242424242424242"))
        .await;
    let (status, body) = read(response).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("publishable")
    );
}

#[tokio::test]
async fn stripe_js_may_send_the_key_as_a_form_field() {
    let harness = start().await;
    let form = with(card_form("4242424242424242"), "key", PK_A);
    let response = harness
        .client
        .post(harness.url("/v1/tokens"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn an_unknown_parameter_is_named_in_the_error() {
    let harness = start().await;
    let form = with(card_form("4242424242424242"), "card[colour]", "blue");
    let (status, body) = read(harness.post_token(PK_A, &form).await).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["code"], "parameter_unknown");
    assert_eq!(body["error"]["param"], "card[colour]");
}

#[tokio::test]
async fn the_page_origin_passes_the_cors_preflight() {
    let harness = start().await;
    let response = harness
        .client
        .request(reqwest::Method::OPTIONS, harness.url("/v1/tokens"))
        .header("Origin", PAGE_ORIGIN)
        .header("Access-Control-Request-Method", "POST")
        .header(
            "Access-Control-Request-Headers",
            "authorization,content-type",
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let headers = response.headers();
    assert_eq!(headers["access-control-allow-origin"], PAGE_ORIGIN);
    assert_eq!(headers["access-control-allow-methods"], "POST");
    let allowed = headers["access-control-allow-headers"].to_str().unwrap();
    assert!(allowed.to_lowercase().contains("authorization"));
    assert_eq!(headers["vary"], "Origin");
}

#[tokio::test]
async fn another_origin_fails_the_cors_preflight() {
    let harness = start().await;
    let response = harness
        .client
        .request(reqwest::Method::OPTIONS, harness.url("/v1/tokens"))
        .header("Origin", "https://evil.example.com")
        .header("Access-Control-Request-Method", "POST")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(
        response
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );
}

#[tokio::test]
async fn a_token_request_from_another_origin_is_refused_before_running() {
    let harness = start().await;
    let response = harness
        .client
        .post(harness.url("/v1/tokens"))
        .header("Origin", "https://evil.example.com")
        .form(&with(card_form("4242424242424242"), "key", PK_A))
        .send()
        .await
        .unwrap();
    assert!(
        response
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );
    let (status, body) = read(response).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body["error"]["type"], "invalid_request_error");
}

#[tokio::test]
async fn the_page_can_read_card_errors_across_origins() {
    let harness = start().await;
    let response = harness
        .client
        .post(harness.url("/v1/tokens"))
        .header("Origin", PAGE_ORIGIN)
        .bearer_auth(PK_A)
        .form(&card_form("4242424242424241"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.headers()["access-control-allow-origin"],
        PAGE_ORIGIN
    );
    assert_eq!(response.status(), StatusCode::PAYMENT_REQUIRED);
}

#[tokio::test]
async fn the_shim_can_look_a_token_up_with_its_secret_key_only() {
    let harness = start().await;
    let token = harness.token("371449635398431").await;
    let path = format!("/v1/tokens/{token}");

    let (status, body) = read(harness.get(SK_A, &path).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["card"]["brand"], "American Express");
    assert_eq!(body["used"], false);

    let other_council = harness.get(SK_B, &path).await;
    assert_eq!(other_council.status(), StatusCode::NOT_FOUND);
    let publishable = harness.get(PK_A, &path).await;
    assert_eq!(publishable.status(), StatusCode::UNAUTHORIZED);

    let _ = harness.charge(SK_A, None, &token, "1000").await;
    let (_, body) = read(harness.get(SK_A, &path).await).await;
    assert_eq!(body["used"], true);
}

#[tokio::test]
async fn curl_style_basic_auth_is_accepted() {
    let harness = start().await;
    let response = harness
        .client
        .post(harness.url("/v1/tokens"))
        .basic_auth(PK_A, None::<&str>)
        .form(&card_form("4242424242424242"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}
