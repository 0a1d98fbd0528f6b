//! `GET /preview/<slug>`: a council's page with a sample sandbox
//! payment, so the council sees its branding before going live.
//!
//! Like the demo, it creates the payment through the payments API's
//! router, in process, with the council's own test key: the sample
//! meets the same key check and validation as a real service's payment.
//! It needs `[preview] test_key` in `council.toml` because the shim
//! stores only the hashes of API keys.

use axum::body::Body;
use axum::extract::{Path, State as AppData};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE, LOCATION};
use axum::http::{HeaderValue, Method, Request, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use serde_json::{Value, json};
use tower::ServiceExt;

use super::Council;
use crate::app::AppState;

/// The sample's amount: £12.50, a typical parking-fine-sized sum.
const SAMPLE_AMOUNT: i64 = 1250;

/// The largest API answer read: one payment.
const ANSWER_LIMIT: usize = 1 << 20;

pub async fn preview(
    AppData(state): AppData<AppState>,
    Path(slug): Path<String>,
) -> Response {
    let Some(council) = state.councils.get(&slug).cloned() else {
        let why = format!("No council called {slug:?} is configured here.");
        return explain(StatusCode::NOT_FOUND, &why);
    };
    let Some(key) = council.preview_key() else {
        let why = format!(
            "{} cannot be previewed: its council.toml has no [preview] \
             test_key. Only councils with a sandbox test key can be \
             previewed; see docs/councils.md.",
            council.name.en
        );
        return explain(StatusCode::NOT_FOUND, &why);
    };
    match create(&state, key, sample(&state, &council)).await {
        Ok(next_url) => see_other(&next_url),
        Err(why) => {
            tracing::warn!(council = %slug, "preview failed: {why}");
            explain(StatusCode::BAD_GATEWAY, &why)
        }
    }
}

/// A sample payment in the council's default language.
fn sample(state: &AppState, council: &Council) -> Value {
    json!({
        "amount": SAMPLE_AMOUNT,
        "reference": "PREVIEW",
        "description": describe(&council.default_language),
        "return_url": return_url(state, council),
        "language": council.default_language,
    })
}

fn describe(language: &str) -> &'static str {
    if language == "cy" {
        "Taliad enghreifftiol (rhagolwg)"
    } else {
        "Sample payment (preview)"
    }
}

/// Back to this shim when the council allows its host (as the example
/// council allows localhost), else to the council's first host.
fn return_url(state: &AppState, council: &Council) -> String {
    let ours = url::Url::parse(&state.public_url).ok();
    let our_host = ours.as_ref().and_then(|u| u.host_str());
    let allowed = our_host
        .is_some_and(|h| council.return_url_hosts.iter().any(|a| a == h));
    if allowed {
        return format!("{}/", state.public_url);
    }
    let host = council.return_url_hosts.first().map_or("", String::as_str);
    format!("https://{host}/")
}

/// Creates the payment; answers its `next_url`.
async fn create(
    state: &AppState,
    key: &str,
    body: Value,
) -> Result<String, String> {
    let request = Request::builder()
        .method(Method::POST)
        .uri("/v1/payments")
        .header(AUTHORIZATION, format!("Bearer {key}"))
        .header(CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .map_err(|e| format!("the request could not be built: {e}"))?;
    let api = crate::payments::routes().with_state(state.clone());
    let response = match api.oneshot(request).await {
        Ok(response) => response,
        Err(never) => match never {},
    };
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), ANSWER_LIMIT)
        .await
        .map_err(|e| {
            format!("the payments API's answer was unreadable: {e}")
        })?;
    let payment: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    let next = payment["_links"]["next_url"]["href"].as_str();
    match (status, next) {
        (StatusCode::CREATED, Some(next)) => Ok(next.to_owned()),
        _ => Err(format!(
            "The payments API refused the sample payment ({status}): {}",
            payment["description"].as_str().unwrap_or("no description")
        )),
    }
}

fn see_other(location: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(value) = HeaderValue::from_str(location) {
        response.headers_mut().insert(LOCATION, value);
    }
    response
}

/// A short page saying why there is no preview.
fn explain(status: StatusCode, why: &str) -> Response {
    let why = why
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let page = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>No preview - paypage</title></head><body><main>\
         <h1>No preview</h1><p>{why}</p></main></body></html>"
    );
    (status, Html(page)).into_response()
}
