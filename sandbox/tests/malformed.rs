//! Anything malformed gets Stripe's error shape and a 4xx, never a 500.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use reqwest::StatusCode;

struct Case {
    what: &'static str,
    method: reqwest::Method,
    path: &'static str,
    content_type: Option<&'static str>,
    body: Vec<u8>,
    key: Option<&'static str>,
    status: StatusCode,
}

fn post(
    what: &'static str,
    path: &'static str,
    body: &str,
    status: StatusCode,
) -> Case {
    Case {
        what,
        method: reqwest::Method::POST,
        path,
        content_type: Some("application/x-www-form-urlencoded"),
        body: body.as_bytes().to_vec(),
        key: Some(SK_A),
        status,
    }
}

fn cases() -> Vec<Case> {
    use StatusCode as S;
    let intents = "/v1/payment_intents";
    vec![
        post("empty charge", intents, "", S::BAD_REQUEST),
        post("amount only", intents, "amount=100", S::BAD_REQUEST),
        post(
            "bad percent escapes",
            intents,
            "amount=%zz%&currency=%",
            S::BAD_REQUEST,
        ),
        post(
            "amount twice",
            intents,
            "amount=100&amount=200",
            S::BAD_REQUEST,
        ),
        post(
            "huge amount",
            intents,
            "amount=99999999999999999999999",
            S::BAD_REQUEST,
        ),
        post(
            "unknown field",
            intents,
            "amount=100&colour=red",
            S::BAD_REQUEST,
        ),
        post("nameless metadata", intents, "metadata[]=x", S::BAD_REQUEST),
        post("empty refund", "/v1/refunds", "", S::BAD_REQUEST),
        post(
            "bad refund reason",
            "/v1/refunds",
            "payment_intent=pi_x&reason=bored",
            S::BAD_REQUEST,
        ),
        post(
            "raw bytes",
            intents,
            "\u{0}\u{1}\u{2}=\u{3}",
            S::BAD_REQUEST,
        ),
        Case {
            content_type: Some("application/json"),
            body: br#"{"amount": 100, "currency": "gbp"}"#.to_vec(),
            ..post("a JSON body", intents, "", S::BAD_REQUEST)
        },
        Case {
            body: vec![b'a'; 200 * 1024],
            ..post("a 200 KiB body", intents, "", S::PAYLOAD_TOO_LARGE)
        },
        Case {
            key: None,
            ..post("no key", intents, "amount=100", S::UNAUTHORIZED)
        },
        Case {
            key: Some("sk_test_wrong_key_value"),
            ..post(
                "wrong key",
                "/v1/refunds",
                "payment_intent=x",
                S::UNAUTHORIZED,
            )
        },
        Case {
            method: reqwest::Method::GET,
            ..post("unknown path", "/v1/charges", "", S::NOT_FOUND)
        },
        Case {
            method: reqwest::Method::DELETE,
            ..post("wrong method", intents, "", S::NOT_FOUND)
        },
        Case {
            method: reqwest::Method::GET,
            ..post(
                "bad limit",
                "/v1/payment_intents?limit=lots",
                "",
                S::BAD_REQUEST,
            )
        },
        Case {
            method: reqwest::Method::GET,
            ..post(
                "unknown cursor",
                "/v1/payment_intents?starting_after=pi_x",
                "",
                S::BAD_REQUEST,
            )
        },
        Case {
            method: reqwest::Method::GET,
            ..post(
                "unknown query",
                "/v1/payment_intents?colour=red",
                "",
                S::BAD_REQUEST,
            )
        },
        Case {
            method: reqwest::Method::GET,
            ..post(
                "unknown intent",
                "/v1/payment_intents/pi_nope",
                "",
                S::NOT_FOUND,
            )
        },
        Case {
            method: reqwest::Method::GET,
            ..post("unknown refund", "/v1/refunds/re_nope", "", S::NOT_FOUND)
        },
        Case {
            method: reqwest::Method::GET,
            ..post("non-UTF-8 id", "/v1/refunds/%FF%FE", "", S::BAD_REQUEST)
        },
        Case {
            method: reqwest::Method::GET,
            ..post("non-UTF-8 token", "/v1/tokens/%C3%28", "", S::BAD_REQUEST)
        },
    ]
}

#[tokio::test]
async fn every_malformed_request_gets_its_4xx_in_stripes_shape() {
    let harness = start().await;
    for case in cases() {
        let mut request = harness
            .client
            .request(case.method.clone(), harness.url(case.path))
            .body(case.body.clone());
        if let Some(content_type) = case.content_type {
            request = request.header("Content-Type", content_type);
        }
        if let Some(key) = case.key {
            request = request.bearer_auth(key);
        }
        let response = request.send().await.unwrap();
        let (status, body) = read(response).await;

        assert_eq!(status, case.status, "{}: {body}", case.what);
        let error = &body["error"];
        assert!(error["type"].is_string(), "{}: {body}", case.what);
        let message = error["message"].as_str().unwrap_or("");
        assert!(message.len() > 10, "{}: {body}", case.what);
    }
}

#[tokio::test]
async fn an_overlong_idempotency_key_is_refused() {
    let harness = start().await;
    let key = "k".repeat(256);
    let token = harness.token("4242424242424242").await;
    let response = harness.charge(SK_A, Some(&key), &token, "1000").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(harness.intents().await.is_empty());
}

#[tokio::test]
async fn every_answer_carries_a_request_id() {
    let harness = start().await;
    let response = harness.get(SK_A, "/v1/nothing-here").await;
    let id = response.headers()["request-id"].to_str().unwrap();
    assert!(id.starts_with("req_"));
}

#[tokio::test]
async fn shutdown_stops_the_server() {
    let harness = start().await;
    let url = harness.url("/v1/payment_intents");
    harness.sandbox.shutdown().await;
    let fresh = reqwest::Client::new();
    assert!(fresh.get(url).send().await.is_err());
}

#[tokio::test]
async fn dropping_the_handle_stops_the_server_too() {
    let harness = start().await;
    let url = harness.url("/v1/payment_intents");
    drop(harness);
    let fresh = reqwest::Client::new();
    // Shutdown runs in the background once the handle is gone; give it
    // a bounded number of short chances to finish.
    let mut stopped = false;
    for _ in 0..100 {
        if fresh.get(&url).send().await.is_err() {
            stopped = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(
        stopped,
        "the sandbox still answers after its handle dropped"
    );
}
