//! Talking to the shim: the payment view, authorising a token and
//! cancelling. Nothing sent here ever holds card details.

use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Request, RequestInit, Response};

/// The shim's view of the payment (`GET /api/page/payment`).
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct PaymentView {
    pub amount: i64,
    pub description: String,
    pub reference: String,
    pub language: String,
    pub email: Option<String>,
    pub return_url: String,
    pub council: Option<Council>,
    pub accepted_brands: Vec<String>,
    pub fields: Option<Fields>,
    pub psp: Option<Psp>,
    pub outcome: Outcome,
    #[serde(default)]
    pub prefilled: Option<Prefilled>,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct Council {
    pub slug: String,
    pub name: Names,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct Names {
    pub en: String,
    pub cy: String,
}

/// Whether the council collects an optional field: "off", "optional"
/// or "required".
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct Fields {
    pub billing_address: String,
    pub email: String,
}

/// Where the page tokenises card details, and with which key.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct Psp {
    pub tokenise_url: String,
    pub publishable_key: String,
}

/// Where the citizen is in the journey.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct Outcome {
    pub code: String,
    pub decline: Option<String>,
    pub attempts_left: i64,
    pub card: Option<PaidCard>,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct PaidCard {
    pub brand: Option<String>,
    pub last4: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct Prefilled {
    pub cardholder_name: Option<String>,
}

/// Why a call to the shim failed, as a code the catalogue can show.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiFailure {
    pub status: u16,
    pub code: String,
}

#[derive(Deserialize)]
struct ErrorBody {
    code: String,
}

pub async fn payment() -> Result<PaymentView, ApiFailure> {
    send("GET", "/api/page/payment", None).await
}

pub async fn authorise(token: &str) -> Result<PaymentView, ApiFailure> {
    let body = serde_json::json!({ "token": token }).to_string();
    send("POST", "/api/page/authorise", Some(body)).await
}

pub async fn cancel() -> Result<PaymentView, ApiFailure> {
    send("POST", "/api/page/cancel", Some("{}".to_owned())).await
}

async fn send(
    method: &str,
    path: &str,
    body: Option<String>,
) -> Result<PaymentView, ApiFailure> {
    let init = RequestInit::new();
    init.set_method(method);
    if let Some(body) = &body {
        init.set_body(&JsValue::from_str(body));
    }
    let request = Request::new_with_str_and_init(path, &init)
        .map_err(|_| failure(0, "network"))?;
    if body.is_some() {
        let headers = request.headers();
        let _ = headers.set("Content-Type", "application/json");
    }
    let (status, text) = fetch(&request).await?;
    if (200..300).contains(&status) {
        return serde_json::from_str(&text)
            .map_err(|_| failure(status, "bad-answer"));
    }
    let code = serde_json::from_str::<ErrorBody>(&text)
        .map(|body| body.code)
        .unwrap_or_else(|_| "server-error".to_owned());
    Err(ApiFailure { status, code })
}

/// Sends a request; answers the status and body text.
pub async fn fetch(request: &Request) -> Result<(u16, String), ApiFailure> {
    let window = web_sys::window().ok_or_else(|| failure(0, "network"))?;
    let response = JsFuture::from(window.fetch_with_request(request))
        .await
        .map_err(|_| failure(0, "network"))?;
    let response: Response =
        response.dyn_into().map_err(|_| failure(0, "network"))?;
    let status = response.status();
    let text = response.text().map_err(|_| failure(status, "network"))?;
    let text = JsFuture::from(text)
        .await
        .map_err(|_| failure(status, "network"))?;
    Ok((status, text.as_string().unwrap_or_default()))
}

pub fn failure(status: u16, code: &str) -> ApiFailure {
    ApiFailure {
        status,
        code: code.to_owned(),
    }
}
