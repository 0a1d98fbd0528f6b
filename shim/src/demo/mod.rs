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
//! It speaks English and Welsh (`words`): the council's
//! `default_language` unless `?lang=en` or `?lang=cy` says otherwise,
//! with a switch on every page. The language then rides along: in a
//! hidden field of the form, in the payment (`"language"`, so the card
//! page starts in it) and in the return address.
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
mod words;

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
use embedded::Embedded;
use form::AmountForm;
use html::Here;
use view::Refusal;
use words::Words;

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
    fn council(&self, state: &AppState) -> Result<Arc<Council>, KeyProblem> {
        let Some(owner) = state.councils.owner_of_key(&self.0) else {
            return Err(KeyProblem::Unknown);
        };
        if owner.mode != KeyMode::Test {
            return Err(KeyProblem::Live);
        }
        Ok(Arc::clone(&owner.council))
    }
}

/// Why the demo cannot use its key; the words say what to change.
#[derive(Clone, Copy, Debug)]
enum KeyProblem {
    /// No council this paypage serves has the key.
    Unknown,
    /// A live key: the demo promises that no real money moves.
    Live,
}

impl KeyProblem {
    fn says(self, w: &Words) -> &'static str {
        match self {
            KeyProblem::Unknown => w.unknown_key,
            KeyProblem::Live => w.live_key,
        }
    }
}

/// The language a page speaks: the one asked for, or the council's.
fn language(asked: Option<&str>, council: &Council) -> &'static Words {
    Words::choose(asked, &council.default_language)
}

/// `GET /[?lang=cy][&amount=..&other_amount=..]`: the amount question,
/// with any answers the language switch carried.
async fn start(
    AppData(state): AppData<AppState>,
    Extension(key): Extension<DemoKey>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let form = AmountForm::from_query(&query);
    let asked = form.lang.as_deref();
    let council = match key.council(&state) {
        Ok(council) => council,
        Err(problem) => return unavailable(asked, problem, Here::path("/")),
    };

    let words = language(asked, &council);
    let name = council.name_in(words.lang);
    let page = view::amount_page(words, name, &form, &[]);
    page.respond(StatusCode::OK)
}

/// Without a council there is no default language but English.
fn unavailable(
    asked: Option<&str>,
    problem: KeyProblem,
    here: Here,
) -> Response {
    let words = Words::choose(asked, "en");
    let page = view::unavailable_page(words, problem.says(words), here);
    page.respond(StatusCode::SERVICE_UNAVAILABLE)
}

/// `POST /demo/pay`: check the amount, create the payment, send the
/// citizen to paypage (303, so the browser follows with a GET).
async fn pay(
    AppData(state): AppData<AppState>,
    Extension(key): Extension<DemoKey>,
    Form(form): Form<AmountForm>,
) -> Response {
    match start_payment(&state, &key, &form).await {
        Ok(started) => to_next_url(&started, &form),
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
    let started = match start_payment(&state, &key, &form).await {
        Ok(started) => started,
        Err(page) => return page,
    };
    let back = started.back();
    let embedded = Embedded {
        words: started.words,
        council: started.name(),
        payment: &started.payment,
        back: &back,
        here: view::answered(&form),
    };
    embedded::page(&state.public_url, embedded)
}

/// A payment the demo created, and the language it was made in.
#[derive(Debug)]
struct Started {
    council: Arc<Council>,
    words: &'static Words,
    reference: String,
    payment: serde_json::Value,
}

impl Started {
    /// The council's name in the payment's language.
    fn name(&self) -> &str {
        self.council.name_in(self.words.lang)
    }

    fn back(&self) -> String {
        return_path(&self.reference, self.words, &self.council)
    }
}

/// Checks the amount and creates the payment in the form's language,
/// or answers the page that says what went wrong.
async fn start_payment(
    state: &AppState,
    key: &DemoKey,
    form: &AmountForm,
) -> Result<Started, Response> {
    let asked = form.lang.as_deref();
    let council = key
        .council(state)
        .map_err(|why| unavailable(asked, why, view::answered(form)))?;
    let words = language(asked, &council);
    let name = council.name_in(words.lang);
    let amount = form.amount().map_err(|error| {
        let page = view::amount_page(words, name, form, &[error]);
        page.respond(StatusCode::UNPROCESSABLE_ENTITY)
    })?;

    let reference = new_reference();
    let back = return_path(&reference, words, &council);
    let body = new_payment(state, amount, &reference, &back, words);
    match api::create(state, &key.0, body).await {
        Ok(payment) => Ok(Started {
            council,
            words,
            reference,
            payment,
        }),
        Err(failure) => {
            tracing::warn!(%failure, "the demo could not create a payment");
            let why = Refusal::Api(&failure.description);
            let page =
                view::failed_page(words, name, why, view::answered(form));
            Err(page.respond(StatusCode::BAD_GATEWAY))
        }
    }
}

/// A penalty charge notice number, made up for each demo payment. The
/// return address names it, so the demo finds the payment again with
/// the API's search by reference. A real service would keep the
/// payment id in its own session instead; the demo keeps no state.
fn new_reference() -> String {
    let id = crate::secret::new_id().to_uppercase();
    format!("PCN{}", &id.chars().take(10).collect::<String>())
}

/// Where paypage sends the citizen back: the return page, in the
/// language they paid in. The language is named only when it is not
/// the council's default, which the page falls back to anyway. Known
/// shortcoming: a payment made in the default language before the
/// council's `default_language` changed comes back in the new one;
/// name the language always if that ever matters more than short,
/// stable return addresses.
fn return_path(reference: &str, words: &Words, council: &Council) -> String {
    let mut path = format!("/demo/return?payment={reference}");
    if words.lang != council.default_language {
        path.push_str("&lang=");
        path.push_str(words.lang);
    }
    path
}

/// The payments API body: in the citizen's language, so paypage's
/// card page starts in it.
fn new_payment(
    state: &AppState,
    amount: i64,
    reference: &str,
    back: &str,
    words: &Words,
) -> serde_json::Value {
    json!({
        "amount": amount,
        "reference": reference,
        "description": words.description.replace("{reference}", reference),
        "return_url": format!("{}{back}", state.public_url),
        "language": words.lang,
        "metadata": { "service": "paypage demo" },
    })
}

fn to_next_url(started: &Started, form: &AmountForm) -> Response {
    let next = started.payment["_links"]["next_url"]["href"].as_str();
    let location = next.and_then(|url| HeaderValue::from_str(url).ok());
    let Some(location) = location else {
        let here = view::answered(form);
        let page = view::failed_page(
            started.words,
            started.name(),
            Refusal::NoNextUrl,
            here,
        );
        return page.respond(StatusCode::BAD_GATEWAY);
    };
    let mut response = StatusCode::SEE_OTHER.into_response();
    html::secure(response.headers_mut(), "text/plain; charset=utf-8");
    response.headers_mut().insert(LOCATION, location);
    response
}

/// `GET /demo/return?payment=PCN...[&lang=cy]`: how the payment ended.
async fn finish(
    AppData(state): AppData<AppState>,
    Extension(key): Extension<DemoKey>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let asked = query.get("lang").map(String::as_str);
    let reference = query.get("payment").map(String::as_str);
    let reference = reference.filter(|r| is_reference(r));
    let here = outcome::here(reference);
    let council = match key.council(&state) {
        Ok(council) => council,
        Err(problem) => return unavailable(asked, problem, here),
    };

    let words = language(asked, &council);
    let name = council.name_in(words.lang);
    let Some(reference) = reference else {
        let page = outcome::unknown_page(words, name, here);
        return page.respond(StatusCode::NOT_FOUND);
    };
    let found = api::find(&state, &key.0, reference).await;
    ended(found, words, name, here)
}

/// The return page for what the payments API found.
fn ended(
    found: Result<Option<serde_json::Value>, api::ApiFailure>,
    words: &'static Words,
    name: &str,
    here: Here,
) -> Response {
    match found {
        Ok(Some(payment)) => {
            let page = outcome::ending_page(words, name, &payment);
            page.respond(StatusCode::OK)
        }
        Ok(None) => {
            let page = outcome::unknown_page(words, name, here);
            page.respond(StatusCode::NOT_FOUND)
        }
        Err(failure) => {
            tracing::warn!(%failure, "the demo could not look a payment up");
            let why = Refusal::Api(&failure.description);
            let page = view::failed_page(words, name, why, here);
            page.respond(StatusCode::BAD_GATEWAY)
        }
    }
}

/// The shape `new_reference` makes: `PCN` and ten letters or digits.
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
