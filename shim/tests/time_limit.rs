//! Page session time limits (issue 5, WCAG 2.2.1): a session idles out
//! 20 minutes after the page's last call and never outlives the
//! payment; "I need more time" restarts the idle time and, near the
//! payment's expiry, moves it on by 10 minutes, at most 10 times.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use chrono::Duration;
use common::{ALPHA_KEY, Citizen, Shim, read};
use paypage_shim::page::{EXTEND_STEP, IDLE_LIMIT, MAX_EXTENSIONS};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// The page's view, whatever its status.
async fn view(shim: &Shim, citizen: &Citizen) -> (StatusCode, Value) {
    let response = citizen.http.get(shim.url("/api/page/payment")).send();
    read(response.await.unwrap()).await
}

/// "I need more time", as the page sends it.
async fn extend(shim: &Shim, citizen: &Citizen) -> (StatusCode, Value) {
    let response = citizen
        .http
        .post(shim.url("/api/page/extend"))
        .json(&json!({}))
        .send();
    read(response.await.unwrap()).await
}

fn seconds_left(view: &Value) -> i64 {
    view["session"]["seconds_left"].as_i64().unwrap()
}

/// Moves the shim's clock on by `minutes`, with the page calling every
/// 15 so the session does not idle out on the way.
async fn stay_active(shim: &Shim, citizen: &Citizen, minutes: i64) {
    let mut left = minutes;
    while left > 0 {
        let step = left.min(15);
        shim.clock.advance(Duration::minutes(step));
        let (status, body) = view(shim, citizen).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        left -= step;
    }
}

async fn open(shim: &Shim) -> (Citizen, String) {
    let payment = shim.create(ALPHA_KEY, 1500).await;
    let id = payment["payment_id"].as_str().unwrap().to_owned();
    (Citizen::open(shim, &payment).await, id)
}

#[tokio::test]
async fn a_new_session_has_twenty_minutes_and_can_be_extended() {
    let shim = Shim::start().await;
    let (citizen, _) = open(&shim).await;

    let left = seconds_left(&citizen.view);
    let idle = IDLE_LIMIT.num_seconds();
    assert!((idle - 2..=idle).contains(&left), "{left} seconds left");
    assert_eq!(citizen.view["session"]["can_extend"], true);
}

#[tokio::test]
async fn a_session_idles_out_twenty_minutes_after_the_last_call() {
    let shim = Shim::start().await;
    let (citizen, id) = open(&shim).await;

    shim.clock.advance(Duration::minutes(19));
    let (status, _) = view(&shim, &citizen).await;
    assert_eq!(status, StatusCode::OK, "a call restarts the idle time");
    shim.clock.advance(Duration::minutes(19));
    let (status, _) = view(&shim, &citizen).await;
    assert_eq!(status, StatusCode::OK);

    shim.clock.advance(IDLE_LIMIT);
    let (status, body) = view(&shim, &citizen).await;
    assert_eq!(status, StatusCode::GONE);
    assert_eq!(body["code"], "session-ended");
    let (status, body) = extend(&shim, &citizen).await;
    assert_eq!(
        body["code"], "session-ended",
        "an ended session stays ended"
    );
    assert_eq!(status, StatusCode::GONE);

    // The council's view is GOV.UK Pay's: open until the 90 minutes.
    let api = shim.get(ALPHA_KEY, &id).await;
    assert_eq!(api["state"]["status"], "started");
}

#[tokio::test]
async fn an_idle_session_still_serves_the_page_that_says_so() {
    let shim = Shim::start().await;
    let (citizen, _) = open(&shim).await;
    shim.clock.advance(IDLE_LIMIT);

    let page = citizen.http.get(shim.url("/pay")).send().await.unwrap();
    assert_ne!(page.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_ne!(page.status(), StatusCode::GONE);
}

#[tokio::test]
async fn extending_restarts_the_idle_time() {
    let shim = Shim::start().await;
    let (citizen, _) = open(&shim).await;

    shim.clock.advance(Duration::minutes(18));
    let (status, body) = extend(&shim, &citizen).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let idle = IDLE_LIMIT.num_seconds();
    assert!(seconds_left(&body) >= idle - 2, "{body}");

    shim.clock.advance(Duration::minutes(19));
    let (status, _) = view(&shim, &citizen).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn the_time_left_never_outlives_the_payment() {
    let shim = Shim::start().await;
    let (citizen, _) = open(&shim).await;

    stay_active(&shim, &citizen, 80).await;
    let (_, body) = view(&shim, &citizen).await;
    let left = seconds_left(&body);
    assert!((598..=600).contains(&left), "10 minutes to expiry: {left}");
}

#[tokio::test]
async fn extending_near_expiry_moves_the_payment_on_ten_minutes() {
    let shim = Shim::start().await;
    let (citizen, id) = open(&shim).await;

    stay_active(&shim, &citizen, 88).await;
    let (status, body) = extend(&shim, &citizen).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let left = seconds_left(&body);
    let expected = (Duration::minutes(2) + EXTEND_STEP).num_seconds();
    assert!((expected - 2..=expected).contains(&left), "{left}");

    stay_active(&shim, &citizen, 11).await;
    let api = shim.get(ALPHA_KEY, &id).await;
    assert_eq!(api["state"]["status"], "started", "at 99 minutes");
    shim.clock.advance(Duration::minutes(2));
    let api = shim.get(ALPHA_KEY, &id).await;
    assert_eq!(api["state"]["status"], "failed");
    assert_eq!(api["state"]["code"], "P0020");
}

#[tokio::test]
async fn extending_far_from_expiry_leaves_the_payment_alone() {
    let shim = Shim::start().await;
    let (citizen, _) = open(&shim).await;

    stay_active(&shim, &citizen, 60).await;
    let (status, body) = extend(&shim, &citizen).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let idle = IDLE_LIMIT.num_seconds();
    assert!(
        seconds_left(&body) >= idle - 2,
        "idle end, not moved: {body}"
    );
    stay_active(&shim, &citizen, 25).await;
    let (_, body) = view(&shim, &citizen).await;
    let left = seconds_left(&body);
    assert!((298..=300).contains(&left), "still 90 minutes: {left}");
}

#[tokio::test]
async fn the_payment_can_be_extended_ten_times_and_then_says_so() {
    let shim = Shim::start().await;
    let (citizen, id) = open(&shim).await;
    stay_active(&shim, &citizen, 88).await;

    for time in 1..=MAX_EXTENSIONS {
        let (status, body) = extend(&shim, &citizen).await;
        assert_eq!(status, StatusCode::OK, "extension {time}: {body}");
        let last = time == MAX_EXTENSIONS;
        assert_eq!(body["session"]["can_extend"], !last, "after {time}");
        stay_active(&shim, &citizen, 10).await;
    }
    let (status, body) = extend(&shim, &citizen).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["code"], "extend-limit-reached");

    // 90 + 100 minutes: the council sees it end in bounded time.
    shim.clock.advance(Duration::minutes(2));
    let api = shim.get(ALPHA_KEY, &id).await;
    assert_eq!(api["state"]["code"], "P0020");
}

#[tokio::test]
async fn a_paid_payment_cannot_be_extended() {
    let shim = Shim::start().await;
    let (citizen, _) = open(&shim).await;
    let paid = citizen.pay_with(&shim, "4242424242424242").await;
    assert_eq!(paid["session"], Value::Null, "no time limit once paid");

    let (status, body) = extend(&shim, &citizen).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["code"], "finished");
}

#[tokio::test]
async fn an_expired_payment_cannot_be_extended() {
    let shim = Shim::start().await;
    let (citizen, id) = open(&shim).await;
    stay_active(&shim, &citizen, 90).await;

    let (status, body) = extend(&shim, &citizen).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["code"], "finished");
    let api = shim.get(ALPHA_KEY, &id).await;
    assert_eq!(api["state"]["code"], "P0020");
}

#[tokio::test]
async fn extend_takes_only_an_empty_json_object() {
    let shim = Shim::start().await;
    let (citizen, _) = open(&shim).await;
    let url = shim.url("/api/page/extend");

    let form = citizen.http.post(&url).body("{}").send().await.unwrap();
    assert_eq!(form.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let extra = json!({ "minutes": 600 });
    let response = citizen.http.post(&url).json(&extra).send();
    let (status, body) = read(response.await.unwrap()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["code"], "bad-request");
}

#[tokio::test]
async fn extending_without_a_session_is_refused() {
    let shim = Shim::start().await;
    let response = shim
        .http
        .post(shim.url("/api/page/extend"))
        .json(&json!({}))
        .send();
    let (status, body) = read(response.await.unwrap()).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["code"], "no-session");
}
