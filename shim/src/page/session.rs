//! Page sessions: `next_url` carries a one-time token; opening it swaps
//! the token for a session cookie, so the address bar, the browser
//! history and any referrer never hold a usable secret.

use axum::extract::{FromRequestParts, Path, Query, State as AppData};
use axum::http::header::{COOKIE, LOCATION, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::serve::{frame_options, insert, no_framing};
use super::{PageError, time_limit};
use crate::app::AppState;
use crate::payments::State;
use crate::secret;
use crate::store::PaymentRecord;

const COOKIE_NAME: &str = "paypage_session";

/// Where an embedded page sends its session's secret.
pub const SESSION_HEADER: &str = "paypage-session";

/// `?embed=<origin>` on `next_url`: the page is to be shown in a frame
/// on that origin (docs/embedding.md).
#[derive(Debug, Deserialize)]
pub struct Opening {
    embed: Option<String>,
}

/// `GET /secure/{token}`: spend the token, start a session, show the page.
/// Embedded (`?embed=`), the page itself is the answer and the session
/// needs no cookie (`super::embed`); otherwise the browser is sent on
/// to `/pay` with a session cookie.
pub async fn open(
    AppData(state): AppData<AppState>,
    Path(token): Path<String>,
    Query(opening): Query<Opening>,
) -> Response {
    if let Some(origin) = opening.embed {
        return super::embed::open(&state, &token, &origin).await;
    }
    match redirect(&state, &token).await {
        Ok(response) => response,
        Err(PageError::LinkUsed) => super::spent::respond(&no_framing()),
        Err(error) => error.into_response(),
    }
}

/// The redirect to `/pay`, with the new session's cookie.
async fn redirect(
    state: &AppState,
    token: &str,
) -> Result<Response, PageError> {
    let (payment, session) = start(state, token).await?;

    let cookie = cookie(&state.public_url, &session);
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    headers.insert(LOCATION, HeaderValue::from_static("/pay"));
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        headers.insert(SET_COOKIE, value);
    }
    let council = state.councils.get(&payment.council);
    let ancestors = council.map_or_else(no_framing, |c| c.frame_ancestors());
    let policy = format!("frame-ancestors {ancestors}");
    insert(headers, "content-security-policy", &policy);
    frame_options(headers, &ancestors);
    Ok(response)
}

/// Spends the token and starts a session for its payment: the payment,
/// and the session's secret, which only the browser keeps.
pub async fn start(
    state: &AppState,
    token: &str,
) -> Result<(PaymentRecord, String), PageError> {
    let payment_id = state.store.spend_page_token(&secret::hash(token)).await?;
    let payment_id = payment_id.ok_or(PageError::LinkUsed)?;
    tracing::Span::current().record("payment_id", &payment_id);

    let now = state.clock.now();
    let started = [State::Created];
    state
        .store
        .transition(&payment_id, &started, State::Started, now)
        .await?;
    let session = secret::new_secret();
    state
        .store
        .insert_session(&secret::hash(&session), &payment_id, now)
        .await?;
    tracing::info!(payment_id, "citizen opened the payment page");
    Ok((load(state, &payment_id).await?, session))
}

/// HttpOnly so no script can read it; Secure whenever served over
/// HTTPS; SameSite=Lax, not Strict. Citizens arrive from the council's
/// own site, a cross-site navigation, and browsers withhold a Strict
/// cookie from the `/pay` document this redirect leads to (the chain
/// began on another site), so the page would open without its
/// session and with a policy that blocks the PSP. Lax still keeps the
/// cookie off every cross-site POST and subresource request, which is
/// what stops another site acting in the citizen's session; the page's
/// own calls are same-origin `fetch`es.
fn cookie(public_url: &str, session: &str) -> String {
    let secure = if public_url.starts_with("https://") {
        "; Secure"
    } else {
        ""
    };
    format!("{COOKIE_NAME}={session}; Path=/; HttpOnly; SameSite=Lax{secure}")
}

/// The payment behind the request's session cookie.
#[derive(Debug)]
pub struct Session {
    pub payment: PaymentRecord,
}

impl FromRequestParts<AppState> for Session {
    type Rejection = PageError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Session, PageError> {
        let session = session_secret(parts).ok_or(PageError::NoSession)?;
        let hash = secret::hash(session);
        let record = state.store.session_payment(&hash).await?;
        let record = record.ok_or(PageError::NoSession)?;
        let payment_id = &record.payment_id;
        tracing::Span::current().record("payment_id", payment_id);
        let payment = load(state, payment_id).await?;

        // Every call from the page counts as activity, so an ended
        // session is checked before the call restarts its idle time.
        let now = state.clock.now();
        if time_limit::idled_out(&payment, &record.last_seen_at, now) {
            return Err(PageError::SessionEnded);
        }
        state.store.touch_session(&hash, now).await?;
        Ok(Session { payment })
    }
}

/// Reads a payment, expiring it first if its time is up.
pub async fn load(
    state: &AppState,
    payment_id: &str,
) -> Result<PaymentRecord, PageError> {
    let payment = state.store.payment(payment_id).await?;
    let payment = payment.ok_or(PageError::NoSession)?;
    let expires_at = payment.expires_at.clone();
    if crate::expiry::expire_if_due(state, payment_id, &expires_at).await? {
        let payment = state.store.payment(payment_id).await?;
        return payment.ok_or(PageError::NoSession);
    }
    Ok(payment)
}

/// The session's secret: in the `Paypage-Session` header from an
/// embedded page (which keeps it in memory, as a cross-site frame's
/// cookies are blocked by many browsers), else in the cookie. A header
/// also keeps other sites out: a cross-site request cannot carry it
/// without a CORS preflight, which the shim never grants.
fn session_secret(parts: &Parts) -> Option<&str> {
    let header = parts.headers.get(SESSION_HEADER);
    let header = header.and_then(|value| value.to_str().ok());
    header.or_else(|| session_cookie(parts))
}

fn session_cookie(parts: &Parts) -> Option<&str> {
    let cookies = parts.headers.get_all(COOKIE).iter();
    let pairs = cookies
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'));
    pairs
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE_NAME)
        .map(|(_, value)| value)
}

impl axum::extract::OptionalFromRequestParts<AppState> for Session {
    type Rejection = PageError;

    /// No session (or an ended one) is not an error where a page can be
    /// shown without one: the page then asks for its payment and says
    /// what happened.
    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Option<Session>, PageError> {
        let found =
            <Session as FromRequestParts<AppState>>::from_request_parts(
                parts, state,
            )
            .await;
        match found {
            Ok(session) => Ok(Some(session)),
            Err(PageError::NoSession | PageError::SessionEnded) => Ok(None),
            Err(error) => Err(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attributes(cookie: &str) -> Vec<&str> {
        cookie.split("; ").skip(1).collect()
    }

    #[test]
    fn the_cookie_is_hidden_from_scripts_and_other_sites_posts() {
        let cookie = cookie("http://127.0.0.1:8080", "s3cret");
        assert!(cookie.starts_with("paypage_session=s3cret; "));
        assert_eq!(
            attributes(&cookie),
            ["Path=/", "HttpOnly", "SameSite=Lax"],
            "plain http (a developer's machine) cannot carry Secure"
        );
    }

    #[test]
    fn over_https_the_cookie_is_secure() {
        let cookie = cookie("https://pay.council.example", "s3cret");
        assert_eq!(
            attributes(&cookie),
            ["Path=/", "HttpOnly", "SameSite=Lax", "Secure"]
        );
    }
}
