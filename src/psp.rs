//! Tokenising card details straight to the PSP. This is the only place
//! the card number leaves the page, and it goes to the PSP alone.

use paypage_card::{CardNumber, Expiry, SecurityCode};
use wasm_bindgen::JsValue;
use web_sys::{Request, RequestInit};

use crate::api::{ApiFailure, Psp, failure, fetch};
use crate::json::Json;

/// Details checked by the card rules, ready to send.
#[derive(Debug)]
pub struct CardDetails {
    pub number: CardNumber,
    pub expiry: Expiry,
    pub security_code: SecurityCode,
    pub name: String,
    pub address: Vec<(&'static str, String)>,
}

/// Swaps the card for a single-use token. Sent as a form with the key
/// in the body (as Stripe.js does), which is a "simple" cross-origin
/// request: no preflight round trip before the citizen's card is taken.
pub async fn tokenise(
    psp: &Psp,
    card: &CardDetails,
) -> Result<String, ApiFailure> {
    let body = form(psp, card);
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(&body));
    let request = Request::new_with_str_and_init(&psp.tokenise_url, &init)
        .map_err(|_| failure(0, "network"))?;
    let _ = request
        .headers()
        .set("Content-Type", "application/x-www-form-urlencoded");
    let (status, text) = fetch(&request).await?;
    if status == 200 {
        let id = Json::parse(&text).and_then(|token| token.get("id").text());
        return id.ok_or_else(|| failure(status, "bad-answer"));
    }
    let code = Json::parse(&text)
        .and_then(|answer| answer.get("error").get("code").text())
        .unwrap_or_else(|| "psp-error".to_owned());
    Err(ApiFailure { status, code })
}

fn form(psp: &Psp, card: &CardDetails) -> String {
    let mut pairs = vec![
        ("key", psp.publishable_key.clone()),
        ("card[number]", card.number.expose_digits().to_owned()),
        ("card[exp_month]", card.expiry.month.to_string()),
        ("card[exp_year]", card.expiry.year.to_string()),
        ("card[cvc]", card.security_code.expose().to_owned()),
        ("card[name]", card.name.clone()),
    ];
    pairs.extend(card.address.iter().cloned());
    let encoded: Vec<String> = pairs
        .iter()
        .map(|(name, value)| format!("{}={}", encode(name), encode(value)))
        .collect();
    encoded.join("&")
}

fn encode(text: &str) -> String {
    String::from(js_sys::encode_uri_component(text))
}
