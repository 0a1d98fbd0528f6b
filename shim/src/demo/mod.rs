//! A demonstration council service at `/`: "Pay a parking fine" for
//! the fictional Example Borough Council. The citizen picks an amount;
//! the demo creates a payment with the council's test key and sends
//! the citizen to paypage, which sends them back to `/demo/return`.
//!
//! It is a newcomer's way in (`./task run` prints its address) and the
//! browser tests' council service. It is plain server-rendered HTML
//! with no script, so it shows what a council's own service needs and
//! nothing more; the one exception is the embedded way to pay
//! (`embedded`), whose small script listens to the framed page.
//!
//! Its API key is `PAYPAGE_DEMO_KEY`, read from the environment when
//! the routes are built; unset, it is the example council's README
//! key. Known shortcoming: unlike the other settings it cannot be set
//! in `paypage.toml`, because the `Settings` struct does not carry it;
//! move it there when the demo needs a second setting.

mod api;
mod embedded;
mod form;
mod html;
mod outcome;
mod view;

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Query, State as AppData};
use axum::http::header::LOCATION;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Form, Router};
use serde_json::json;

use crate::app::AppState;
use crate::council::{Council, KeyMode};
use form::AmountForm;

/// The example council's sandbox key, written in its README so anyone
/// can try a payment. Test keys only ever reach the sandbox PSP.
pub const EXAMPLE_KEY: &str = "api_test_example_sandbox_4f7c2a9e1b";

const STYLESHEET: &str = include_str!("demo.css");

pub fn routes() -> Router<AppState> {
    let key = DemoKey::new(std::env::var("PAYPAGE_DEMO_KEY").ok());
    Router::new()
        .route("/", get(start))
        .route("/demo/pay", post(pay))
        .route("/demo/embedded", post(pay_embedded))
        .route("/demo/embed.js", get(script))
        .route("/demo/return", get(finish))
        .route("/demo/demo.css", get(stylesheet))
        .layer(Extension(key))
}

/// The API key the demo pays with. Its `Debug` hides the key.
#[derive(Clone)]
pub struct DemoKey(Arc<str>);

impl std::fmt::Debug for DemoKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DemoKey(..)")
    }
}

impl DemoKey {
    /// The configured key, or the example council's when unset or blank.
    pub fn new(configured: Option<String>) -> DemoKey {
        let configured = configured.map(|k| k.trim().to_owned());
        let key = configured.filter(|k| !k.is_empty());
        DemoKey(key.unwrap_or_else(|| EXAMPLE_KEY.to_owned()).into())
    }

    /// The council the key belongs to, or why the demo cannot use it.
    fn council(&self, state: &AppState) -> Result<Arc<Council>, String> {
        let Some(owner) = state.councils.owner_of_key(&self.0) else {
            return Err(UNKNOWN_KEY.to_owned());
        };
        if owner.mode != KeyMode::Test {
            return Err(LIVE_KEY.to_owned());
        }
        Ok(Arc::clone(&owner.council))
    }
}

const UNKNOWN_KEY: &str = "The demo's API key is not a key of any council \
     this paypage serves. Set PAYPAGE_DEMO_KEY to a test key of a council \
     in the councils folder, or leave it unset to use the example \
     council's key (which needs councils/example).";

const LIVE_KEY: &str = "The demo's API key is a live key. The demo promises \
     that no real money moves, so it only uses test keys: set \
     PAYPAGE_DEMO_KEY to a test key (api_test_...).";

fn english_name(council: &Council) -> String {
    council.name.en.clone()
}

/// `GET /`: the amount question.
async fn start(
    AppData(state): AppData<AppState>,
    Extension(key): Extension<DemoKey>,
) -> Response {
    match key.council(&state) {
        Ok(council) => {
            let page = view::amount_page(
                &english_name(&council),
                &AmountForm::default(),
                &[],
            );
            page.respond(StatusCode::OK)
        }
        Err(why) => unavailable(&why),
    }
}

fn unavailable(why: &str) -> Response {
    view::unavailable_page(why).respond(StatusCode::SERVICE_UNAVAILABLE)
}

/// `POST /demo/pay`: check the amount, create the payment, send the
/// citizen to paypage (303, so the browser follows with a GET).
async fn pay(
    AppData(state): AppData<AppState>,
    Extension(key): Extension<DemoKey>,
    Form(form): Form<AmountForm>,
) -> Response {
    match start_payment(&state, &key, &form).await {
        Ok((council, payment)) => to_next_url(&council, &payment),
        Err(page) => page,
    }
}

/// `POST /demo/embedded`: the same payment, paid in a frame on the
/// demo's own page (`embedded`).
async fn pay_embedded(
    AppData(state): AppData<AppState>,
    Extension(key): Extension<DemoKey>,
    Form(form): Form<AmountForm>,
) -> Response {
    match start_payment(&state, &key, &form).await {
        Ok((council, payment)) => {
            embedded::page(&state.public_url, &council, &payment)
        }
        Err(page) => page,
    }
}

/// Checks the amount and creates the payment: the council's name and
/// the API's payment, or the page that says what went wrong.
async fn start_payment(
    state: &AppState,
    key: &DemoKey,
    form: &AmountForm,
) -> Result<(String, serde_json::Value), Response> {
    let council = match key.council(state) {
        Ok(council) => english_name(&council),
        Err(why) => return Err(unavailable(&why)),
    };
    let amount = match form.amount() {
        Ok(amount) => amount,
        Err(error) => {
            let page = view::amount_page(&council, form, &[error]);
            return Err(page.respond(StatusCode::UNPROCESSABLE_ENTITY));
        }
    };

    let body = new_payment(state, amount);
    match api::create(state, &key.0, body).await {
        Ok(payment) => Ok((council, payment)),
        Err(failure) => {
            tracing::warn!(%failure, "the demo could not create a payment");
            let page = view::failed_page(&council, &failure.description);
            Err(page.respond(StatusCode::BAD_GATEWAY))
        }
    }
}

/// A penalty charge notice number, made up for each demo payment. The
/// return address names it, so the demo finds the payment again with
/// the API's search by reference. A real service would keep the
/// payment id in its own session instead; the demo keeps no state.
fn new_payment(state: &AppState, amount: i64) -> serde_json::Value {
    let id = crate::secret::new_id().to_uppercase();
    let reference: String =
        format!("PCN{}", &id.chars().take(10).collect::<String>());
    let return_url =
        format!("{}/demo/return?payment={reference}", state.public_url);
    json!({
        "amount": amount,
        "reference": reference,
        "description": format!("Parking fine {reference}"),
        "return_url": return_url,
        "metadata": { "service": "paypage demo" },
    })
}

fn to_next_url(council: &str, payment: &serde_json::Value) -> Response {
    let next = payment["_links"]["next_url"]["href"].as_str();
    let location = next.and_then(|url| HeaderValue::from_str(url).ok());
    let Some(location) = location else {
        let why = "its answer had no next_url to send you to.";
        let page = view::failed_page(council, why);
        return page.respond(StatusCode::BAD_GATEWAY);
    };
    let mut response = StatusCode::SEE_OTHER.into_response();
    html::secure(response.headers_mut(), "text/plain; charset=utf-8");
    response.headers_mut().insert(LOCATION, location);
    response
}

/// `GET /demo/return?payment=PCN...`: how the payment ended.
async fn finish(
    AppData(state): AppData<AppState>,
    Extension(key): Extension<DemoKey>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let council = match key.council(&state) {
        Ok(council) => english_name(&council),
        Err(why) => return unavailable(&why),
    };
    let reference = query.get("payment").map(String::as_str);
    let Some(reference) = reference.filter(|r| is_reference(r)) else {
        return outcome::unknown_page(&council).respond(StatusCode::NOT_FOUND);
    };

    match api::find(&state, &key.0, reference).await {
        Ok(Some(payment)) => {
            outcome::ending_page(&council, &payment).respond(StatusCode::OK)
        }
        Ok(None) => {
            outcome::unknown_page(&council).respond(StatusCode::NOT_FOUND)
        }
        Err(failure) => {
            tracing::warn!(%failure, "the demo could not look a payment up");
            let page = view::failed_page(&council, &failure.description);
            page.respond(StatusCode::BAD_GATEWAY)
        }
    }
}

/// The shape `new_payment` makes: `PCN` and ten letters or digits.
fn is_reference(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("PCN") else {
        return false;
    };
    rest.len() == 10 && rest.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// `GET /demo/embed.js`: the embedded payment page's script, the
/// demo's only one.
async fn script() -> Response {
    let mut response = embedded::SCRIPT.into_response();
    html::secure(response.headers_mut(), "text/javascript; charset=utf-8");
    response
}

/// `GET /demo/demo.css`: the demo's only style sheet (the CSP allows
/// no inline styles).
async fn stylesheet() -> Response {
    let mut response = STYLESHEET.into_response();
    html::secure(response.headers_mut(), "text/css; charset=utf-8");
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unset_or_blank_key_means_the_example_councils() {
        assert_eq!(&*DemoKey::new(None).0, EXAMPLE_KEY);
        assert_eq!(&*DemoKey::new(Some("  ".into())).0, EXAMPLE_KEY);
        let own = DemoKey::new(Some(" api_test_own ".into()));
        assert_eq!(&*own.0, "api_test_own");
        assert_eq!(format!("{own:?}"), "DemoKey(..)");
    }

    #[test]
    fn only_references_the_demo_makes_are_looked_up() {
        assert!(is_reference("PCNAB12CD34EF"));
        assert!(!is_reference("PCNAB12CD34E"));
        assert!(!is_reference("PCNAB12CD34E&x"));
        assert!(!is_reference("XYZAB12CD34EF"));
    }
}
