//! What a client sends by mistake, and the shim's own secrets, stay out
//! of the logs.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{ALPHA_KEY, Citizen, Shim, captured_logs};
use reqwest::StatusCode;
use serde_json::json;

/// The captured log lines that contain every one of `words`.
fn lines_with(words: &[&str]) -> Vec<String> {
    let logs = captured_logs().lock().unwrap().clone();
    let text = String::from_utf8_lossy(&logs).into_owned();
    let lines = text.lines().filter(|l| words.iter().all(|w| l.contains(w)));
    lines.map(str::to_owned).collect()
}

/// A card number typed into the token field (as a number, in a list,
/// in a field of its own) was logged at info inside serde's message,
/// "invalid type: integer `4242424242424242`, expected a string".
#[tokio::test]
async fn a_card_number_sent_in_place_of_a_token_never_reaches_the_log() {
    let shim = Shim::start().await;
    let payment = shim.create(ALPHA_KEY, 100).await;
    let citizen = Citizen::open(&shim, &payment).await;
    let bodies = [
        json!({ "token": 4242424242424242_u64 }),
        json!({ "token": [4444333322221111_u64] }),
        json!({ "token": { "number": "5555555555554444" } }),
        json!({ "card_number": "4000000000000002", "token": "tok_x" }),
        json!({ "4000000000000069": "tok_x" }),
    ];
    for body in bodies {
        let response = citizen
            .http
            .post(shim.url("/api/page/authorise"))
            .json(&body)
            .send()
            .await
            .unwrap();
        let (status, answer) = common::read(response).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(answer, json!({ "code": "bad-request" }), "{body}");
    }

    // The log still says which field was wrong, and how.
    let named = lines_with(&["page request refused", "token: invalid type"]);
    assert!(!named.is_empty(), "the refusal was not logged usefully");
    let unknown = lines_with(&["unknown field `card_number`"]);
    assert!(!unknown.is_empty(), "the unknown field was not named");
    shim.assert_no_card_numbers_stored_or_logged();
}

/// `AppState` derived `Debug`, so `{:?}` of it printed the key that
/// mints `next_url` tokens and, through `Connector`, each PSP secret.
#[tokio::test]
async fn the_shims_state_can_be_debug_printed_without_its_secrets() {
    let shim = Shim::start().await;
    let state = &shim.running.state;
    let shown = format!("{state:?}");
    assert!(!shown.contains(&state.token_key), "token_key is shown");
    assert!(!shown.contains("sk_test_"), "a PSP secret key is shown");
    assert!(shown.contains("test key …"), "{shown}");
}
