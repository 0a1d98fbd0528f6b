//! The whole payment journey over real HTTP: a council creates a
//! payment, a citizen opens it, tokenises a card at the sandbox PSP,
//! and the shim charges the token.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{ALPHA_KEY, BETA_KEY, Citizen, Shim};
use paypage_shim::council::KeyMode;
use reqwest::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn a_payment_goes_from_created_to_refunded() {
    let shim = Shim::start().await;
    let payment = shim.create(ALPHA_KEY, 2500).await;
    assert_eq!(payment["state"]["status"], "created");
    let id = payment["payment_id"].as_str().unwrap();

    let citizen = Citizen::open(&shim, &payment).await;
    assert_eq!(citizen.view["amount"], 2500);
    assert_eq!(citizen.view["council"]["name"]["en"], "alpha");
    assert_eq!(shim.get(ALPHA_KEY, id).await["state"]["status"], "started");

    let view = citizen.pay_with(&shim, "4242424242424242").await;
    assert_eq!(view["outcome"]["code"], "success");

    let paid = shim.get(ALPHA_KEY, id).await;
    assert_eq!(paid["state"]["status"], "success");
    assert_eq!(paid["state"]["finished"], true);
    assert_eq!(paid["card_details"]["last_digits_card_number"], "4242");
    assert_eq!(paid["card_details"]["card_brand"], "Visa");
    assert_eq!(paid["card_details"]["expiry_date"], "12/34");
    assert_eq!(paid["card_details"]["cardholder_name"], "Sam Citizen");
    assert_eq!(paid["refund_summary"]["amount_available"], 2500);

    let path = format!("/v1/payments/{id}/events");
    let (_, events) = shim.api(Method::GET, &path, ALPHA_KEY, None).await;
    let states: Vec<_> = events["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["state"]["status"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(states, ["created", "started", "submitted", "success"]);

    let path = format!("/v1/payments/{id}/refunds");
    let refund = json!({ "amount": 1000, "refund_amount_available": 2500 });
    let (status, refund) =
        shim.api(Method::POST, &path, ALPHA_KEY, Some(refund)).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{refund}");
    assert_eq!(refund["status"], "success");
    let after = shim.get(ALPHA_KEY, id).await;
    assert_eq!(after["refund_summary"]["amount_available"], 1500);
    assert_eq!(after["refund_summary"]["amount_submitted"], 1000);

    shim.assert_no_card_numbers_stored_or_logged();
}

#[tokio::test]
async fn every_successful_test_card_pays() {
    let shim = Shim::start().await;
    for card in [
        "4242424242424242",
        "4444333322221111",
        "5555555555554444",
        "371449635398431",
    ] {
        let payment = shim.create(ALPHA_KEY, 100).await;
        let citizen = Citizen::open(&shim, &payment).await;
        let view = citizen.pay_with(&shim, card).await;
        assert_eq!(view["outcome"]["code"], "success", "{card}: {view}");
        let last4 = &card[card.len() - 4..];
        assert_eq!(view["outcome"]["card"]["last4"], last4);
    }
    shim.assert_no_card_numbers_stored_or_logged();
}

#[tokio::test]
async fn each_declining_test_card_leaves_the_payment_open_with_a_reason() {
    let shim = Shim::start().await;
    let cases = [
        ("4000000000000002", "card-declined"),
        ("4000000000000069", "card-expired"),
        ("4000000000000127", "security-code-incorrect"),
        ("4000002500003155", "authentication-required"),
    ];
    for (card, reason) in cases {
        let payment = shim.create(ALPHA_KEY, 100).await;
        let citizen = Citizen::open(&shim, &payment).await;
        let view = citizen.pay_with(&shim, card).await;
        assert_eq!(view["outcome"]["code"], "declined-try-again", "{card}");
        assert_eq!(view["outcome"]["decline"], reason, "{card}");
        assert_eq!(view["outcome"]["attempts_left"], 2);
        let id = payment["payment_id"].as_str().unwrap();
        let api = shim.get(ALPHA_KEY, id).await;
        assert_eq!(api["state"]["status"], "started", "{card}");
    }
    shim.assert_no_card_numbers_stored_or_logged();
}

#[tokio::test]
async fn a_processing_error_ends_the_payment_in_error() {
    let shim = Shim::start().await;
    let payment = shim.create(ALPHA_KEY, 100).await;
    let citizen = Citizen::open(&shim, &payment).await;
    let view = citizen.pay_with(&shim, "4000000000000119").await;
    assert_eq!(view["outcome"]["code"], "error");
    let id = payment["payment_id"].as_str().unwrap();
    let api = shim.get(ALPHA_KEY, id).await;
    assert_eq!(api["state"]["status"], "error");
    assert_eq!(api["state"]["code"], "P0050");
}

#[tokio::test]
async fn declined_card_can_be_retried_with_another() {
    let shim = Shim::start().await;
    let payment = shim.create(ALPHA_KEY, 4200).await;
    let citizen = Citizen::open(&shim, &payment).await;
    citizen.pay_with(&shim, "4000000000000002").await;
    let view = citizen.pay_with(&shim, "5555555555554444").await;
    assert_eq!(view["outcome"]["code"], "success");
    let id = payment["payment_id"].as_str().unwrap();
    let api = shim.get(ALPHA_KEY, id).await;
    assert_eq!(api["card_details"]["card_brand"], "Mastercard");
}

#[tokio::test]
async fn a_third_decline_fails_the_payment() {
    let shim = Shim::start().await;
    let payment = shim.create(ALPHA_KEY, 100).await;
    let citizen = Citizen::open(&shim, &payment).await;
    for _ in 0..3 {
        citizen.pay_with(&shim, "4000000000000002").await;
    }
    let id = payment["payment_id"].as_str().unwrap();
    let api = shim.get(ALPHA_KEY, id).await;
    assert_eq!(api["state"]["status"], "failed");
    assert_eq!(api["state"]["code"], "P0010");
    let token = citizen.token("4242424242424242").await;
    let (status, _) = citizen.authorise(&shim, &token).await;
    assert_eq!(status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn a_payment_expires_ninety_minutes_after_creation() {
    let shim = Shim::start().await;
    let payment = shim.create(ALPHA_KEY, 100).await;
    let citizen = Citizen::open(&shim, &payment).await;
    shim.clock.advance(chrono::Duration::minutes(89));
    let id = payment["payment_id"].as_str().unwrap();
    assert_eq!(shim.get(ALPHA_KEY, id).await["state"]["status"], "started");

    shim.clock.advance(chrono::Duration::minutes(2));
    let api = shim.get(ALPHA_KEY, id).await;
    assert_eq!(api["state"]["status"], "failed");
    assert_eq!(api["state"]["code"], "P0020");
    let view = citizen.page_view(&shim).await;
    assert_eq!(view["outcome"]["code"], "expired");
}

#[tokio::test]
async fn the_service_can_cancel_an_open_payment_but_not_a_paid_one() {
    let shim = Shim::start().await;
    let open = shim.create(ALPHA_KEY, 100).await;
    let id = open["payment_id"].as_str().unwrap();
    let path = format!("/v1/payments/{id}/cancel");
    let (status, _) = shim.api(Method::POST, &path, ALPHA_KEY, None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let api = shim.get(ALPHA_KEY, id).await;
    assert_eq!(api["state"]["status"], "cancelled");
    assert_eq!(api["state"]["code"], "P0040");

    let paid = shim.create(ALPHA_KEY, 100).await;
    Citizen::open(&shim, &paid)
        .await
        .pay_with(&shim, "4242424242424242")
        .await;
    let id = paid["payment_id"].as_str().unwrap();
    let path = format!("/v1/payments/{id}/cancel");
    let (status, body) = shim.api(Method::POST, &path, ALPHA_KEY, None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["code"], "P0501");
}

#[tokio::test]
async fn the_citizen_can_cancel_from_the_page() {
    let shim = Shim::start().await;
    let payment = shim.create(ALPHA_KEY, 100).await;
    let citizen = Citizen::open(&shim, &payment).await;
    let response = citizen
        .http
        .post(shim.url("/api/page/cancel"))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let id = payment["payment_id"].as_str().unwrap();
    let api = shim.get(ALPHA_KEY, id).await;
    assert_eq!(api["state"]["code"], "P0030");
}

#[tokio::test]
async fn next_url_opens_the_payment_only_once() {
    let shim = Shim::start().await;
    let payment = shim.create(ALPHA_KEY, 100).await;
    Citizen::open(&shim, &payment).await;
    let next = payment["_links"]["next_url"]["href"].as_str().unwrap();
    let again = reqwest::get(next).await.unwrap();
    assert_eq!(again.status(), StatusCode::NOT_FOUND);

    // A person opened it (the back button, a second tab): they get a
    // page that says what to do, in both languages, not a JSON code.
    let kind = again.headers()["content-type"].to_str().unwrap();
    assert_eq!(kind, "text/html; charset=utf-8");
    let policy = again.headers()["content-security-policy"].clone();
    assert!(policy.to_str().unwrap().contains("frame-ancestors 'none'"));
    let html = again.text().await.unwrap();
    assert!(html.contains(
        "<h1 class=\"heading-xl\">This payment link \
                           cannot be used again</h1>"
    ));
    assert!(html.contains("Opening it again takes no money."));
    assert!(html.contains("Ni ellir defnyddio&#39;r ddolen dalu hon eto"));
}

// Regression: the API advertised `next_url_post`, but the address
// answered only GET, so a council posting its form got a 405.
#[tokio::test]
async fn next_url_post_opens_the_payment_as_a_posted_form() {
    let shim = Shim::start().await;
    let payment = shim.create(ALPHA_KEY, 100).await;
    let post = &payment["_links"]["next_url_post"];
    assert_eq!(post["method"], "POST");
    assert_eq!(post["type"], "application/x-www-form-urlencoded");

    let no_redirects = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let opened = no_redirects
        .post(post["href"].as_str().unwrap())
        .header("content-type", "application/x-www-form-urlencoded")
        .body("")
        .send()
        .await
        .unwrap();
    assert_eq!(opened.status(), StatusCode::SEE_OTHER);
    assert_eq!(opened.headers()["location"], "/pay");
    let cookie = opened.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("paypage_session="), "{cookie}");

    let id = payment["payment_id"].as_str().unwrap();
    let api = shim.get(ALPHA_KEY, id).await;
    assert_eq!(api["state"]["status"], "started");
}

#[tokio::test]
async fn a_made_up_link_gets_the_same_page_as_a_spent_one() {
    let shim = Shim::start().await;
    let made_up = reqwest::get(shim.url("/secure/not-a-token")).await.unwrap();
    assert_eq!(made_up.status(), StatusCode::NOT_FOUND);
    let html = made_up.text().await.unwrap();
    assert!(html.contains("This payment link cannot be used again"));
}

#[tokio::test]
async fn pressing_confirm_twice_at_once_charges_once() {
    let shim = Shim::start().await;
    let payment = shim.create(ALPHA_KEY, 100).await;
    let citizen = Citizen::open(&shim, &payment).await;
    let token = citizen.token("4242424242424242").await;
    let (first, second) = tokio::join!(
        citizen.authorise(&shim, &token),
        citizen.authorise(&shim, &token)
    );
    let mut statuses = [first.0, second.0];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
    let view = citizen.page_view(&shim).await;
    assert_eq!(view["outcome"]["code"], "success");
    let psp = shim.running.state.psp("alpha", KeyMode::Test).unwrap();
    let charges = psp.connector.recent_charges(10).await.unwrap();
    assert_eq!(charges.len(), 1, "{charges:?}");
    let id = payment["payment_id"].as_str().unwrap();
    assert_eq!(charges[0]["metadata"]["payment_id"], id, "{charges:?}");
}

#[tokio::test]
async fn a_brand_the_council_does_not_take_is_never_charged() {
    let shim = Shim::start().await;
    let payment = shim.create(BETA_KEY, 100).await;
    let citizen = Citizen::open(&shim, &payment).await;
    let token = citizen.token("5555555555554444").await;
    let (status, body) = citizen.authorise(&shim, &token).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["code"], "brand-not-accepted");
    let id = payment["payment_id"].as_str().unwrap();
    assert_eq!(shim.get(BETA_KEY, id).await["state"]["status"], "started");
}

#[tokio::test]
async fn a_council_cannot_see_another_councils_payment() {
    let shim = Shim::start().await;
    let payment = shim.create(ALPHA_KEY, 100).await;
    let id = payment["payment_id"].as_str().unwrap();
    for path in [
        format!("/v1/payments/{id}"),
        format!("/v1/payments/{id}/events"),
        format!("/v1/payments/{id}/refunds"),
    ] {
        let (status, body) = shim.api(Method::GET, &path, BETA_KEY, None).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(body.to_string().find(id).is_none());
    }
    let (_, found) =
        shim.api(Method::GET, "/v1/payments", BETA_KEY, None).await;
    assert_eq!(found["total"], 0);
    let path = format!("/v1/payments/{id}/cancel");
    let (status, _) = shim.api(Method::POST, &path, BETA_KEY, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
