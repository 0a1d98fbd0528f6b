//! Talking to the shim: the payment view, authorising a token and
//! cancelling. Nothing sent here ever holds card details.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Request, RequestInit, Response};

use crate::json::{Json, object_with};

/// The shim's view of the payment (`GET /api/page/payment`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PaymentView {
    pub amount: i64,
    pub description: String,
    pub reference: String,
    pub language: String,
    pub return_url: String,
    pub council: Option<Council>,
    pub accepted_brands: Vec<String>,
    pub fields: Option<Fields>,
    pub psp: Option<Psp>,
    pub outcome: Outcome,
    /// What the council already knows, to save the citizen typing it.
    pub email: Option<String>,
    pub prefilled_name: Option<String>,
    /// Time left in the session; none once the payment is finished.
    pub session: Option<SessionTime>,
}

/// The session's time limit, as the shim counts it: seconds, so the
/// citizen's clock being wrong does not matter.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SessionTime {
    pub seconds_left: i64,
    /// Whether "I need more time" can add any.
    pub can_extend: bool,
}

impl SessionTime {
    fn read(json: &Json) -> Option<SessionTime> {
        (!json.is_null()).then(|| SessionTime {
            seconds_left: json.integer("seconds_left"),
            can_extend: json.flag("can_extend"),
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Council {
    pub slug: String,
    pub name: Names,
    pub logo_url: Option<String>,
    pub logo_alt: Option<Names>,
    /// Privacy notice, contact and accessibility page, when configured.
    pub footer: Vec<FooterLink>,
}

/// A link in the page's footer to the council's own site.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FooterLink {
    pub text: Names,
    pub url: String,
}

impl Council {
    fn read(json: &Json) -> Council {
        let alt = json.get("logo_alt");
        Council {
            slug: json.string("slug"),
            name: names(&json.get("name")),
            logo_url: json.get("logo_url").text(),
            logo_alt: (!alt.is_null()).then(|| names(&alt)),
            footer: footer(&json.get("footer")),
        }
    }
}

fn names(json: &Json) -> Names {
    Names {
        en: json.string("en"),
        cy: json.string("cy"),
    }
}

fn footer(json: &Json) -> Vec<FooterLink> {
    let links = ["privacy", "contact", "accessibility"].map(|k| json.get(k));
    let links = links.into_iter().filter(|link| !link.is_null());
    links
        .map(|link| FooterLink {
            text: names(&link),
            url: link.string("url"),
        })
        .collect()
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Names {
    pub en: String,
    pub cy: String,
}

/// Whether the council collects an optional field: "off", "optional"
/// or "required".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fields {
    pub billing_address: String,
    pub email: String,
}

/// Where the page tokenises card details, and with which key.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Psp {
    pub tokenise_url: String,
    pub publishable_key: String,
}

/// Where the citizen is in the journey.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    pub code: String,
    pub decline: Option<String>,
    pub attempts_left: i64,
}

impl PaymentView {
    fn read(json: &Json) -> PaymentView {
        let council = json.get("council");
        let fields = json.get("fields");
        let psp = json.get("psp");
        let outcome = json.get("outcome");
        PaymentView {
            amount: json.integer("amount"),
            description: json.string("description"),
            reference: json.string("reference"),
            language: json.string("language"),
            return_url: json.string("return_url"),
            council: (!council.is_null()).then(|| Council::read(&council)),
            accepted_brands: json.strings("accepted_brands"),
            fields: (!fields.is_null()).then(|| Fields {
                billing_address: fields.string("billing_address"),
                email: fields.string("email"),
            }),
            psp: (!psp.is_null()).then(|| Psp {
                tokenise_url: psp.string("tokenise_url"),
                publishable_key: psp.string("publishable_key"),
            }),
            outcome: Outcome {
                code: outcome.string("code"),
                decline: outcome.get("decline").text(),
                attempts_left: outcome.integer("attempts_left"),
            },
            email: json.get("email").text(),
            prefilled_name: json.get("prefilled").get("cardholder_name").text(),
            session: SessionTime::read(&json.get("session")),
        }
    }
}

/// Why a call to the shim failed, as a code the catalogue can show.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiFailure {
    pub status: u16,
    pub code: String,
}

pub async fn payment() -> Result<PaymentView, ApiFailure> {
    send("GET", "/api/page/payment", None).await
}

pub async fn authorise(token: &str) -> Result<PaymentView, ApiFailure> {
    let body = object_with("token", token);
    send("POST", "/api/page/authorise", Some(body)).await
}

pub async fn cancel() -> Result<PaymentView, ApiFailure> {
    send("POST", "/api/page/cancel", Some("{}".to_owned())).await
}

/// "I need more time" (`POST /api/page/extend`).
pub async fn extend() -> Result<PaymentView, ApiFailure> {
    send("POST", "/api/page/extend", Some("{}".to_owned())).await
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
    // Embedded, the session is in memory, not in a cookie (src/embed.rs).
    if let Some(session) = crate::embed::session() {
        let _ = request.headers().set("Paypage-Session", &session);
    }
    let (status, text) = fetch(&request).await?;
    if (200..300).contains(&status) {
        let json =
            Json::parse(&text).ok_or_else(|| failure(status, "bad-answer"))?;
        return Ok(PaymentView::read(&json));
    }
    let code = Json::parse(&text)
        .and_then(|json| json.get("code").text())
        .unwrap_or_else(|| "server-error".to_owned());
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
