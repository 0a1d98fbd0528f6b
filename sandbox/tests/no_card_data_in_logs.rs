//! Every log line the sandbox (and axum, hyper and the rest under it)
//! writes at any level, through a whole run of every test card, holds
//! no card number and no security code.
#![allow(clippy::unwrap_used)]

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use common::*;

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

const CARDS: [&str; 9] = [
    "4242424242424242",
    "4444333322221111",
    "5555555555554444",
    "371449635398431",
    "4000000000000002",
    "4000000000000069",
    "4000000000000127",
    "4000000000000119",
    "4000002500003155",
];

#[tokio::test]
async fn no_card_number_or_security_code_reaches_the_log() {
    let captured = Captured::default();
    let writer = captured.clone();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .init();

    let harness = start().await;
    for (attempt, number) in CARDS.iter().enumerate() {
        let token = harness.token(number).await;
        let key = format!("attempt-{attempt}");
        let _ = harness.charge(SK_A, Some(&key), &token, "1000").await;
        let _ = harness.charge(SK_A, Some(&key), &token, "1000").await;
    }
    let mut bad = card_form("4242424242424241");
    bad.retain(|(name, _)| name != "card[cvc]");
    bad.push(("card[cvc]".into(), "98765".into()));
    let _ = harness.post_token(PK_A, &bad).await;
    harness.sandbox.shutdown().await;

    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(
        log.contains("payment intent succeeded"),
        "nothing was logged"
    );
    for secret in CARDS.iter().chain(&["4242424242424241", "98765"]) {
        assert!(!log.contains(secret), "{secret} appeared in the log");
    }
}
