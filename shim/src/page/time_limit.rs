//! How long a page session lasts, and "I need more time"
//! (WCAG 2.2.1 Timing adjustable; issue 5).
//!
//! A session ends at whichever comes first: 20 minutes after the page's
//! last call (it idles out), or the payment's expiry (90 minutes after
//! creation, GOV.UK Pay's rule). The page is told how many seconds are
//! left, not the time it ends, so a citizen's wrong clock cannot cut
//! their time short. `POST /api/page/extend` restarts the idle time and,
//! when the payment itself is about to expire, moves its expiry on by
//! 10 minutes, at most 10 times: WCAG 2.2.1 asks that a time limit can
//! be extended at least ten times, and a council still sees every
//! payment end within 190 minutes.

use axum::Json;
use axum::extract::State as AppData;
use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;
use serde_json::{Value, json};

use super::{PageError, PageJson, Session, session, view};
use crate::app::AppState;
use crate::payments::State;
use crate::store::PaymentRecord;

/// A session with no call from the page for this long has ended. 20
/// minutes is what UK public services commonly use for a form; a
/// longer idle time would leave a payment page open on a shared
/// computer for longer, and "I need more time" covers anyone who needs
/// more.
pub const IDLE_LIMIT: Duration = Duration::minutes(20);

/// How far one "I need more time" moves a payment's expiry.
pub const EXTEND_STEP: Duration = Duration::minutes(10);

/// How many times a payment's expiry may be moved (WCAG 2.2.1: at
/// least ten). With `EXTEND_STEP`, 100 minutes in all.
pub const MAX_EXTENSIONS: i64 = 10;

/// A payment the citizen can still pay: only then does time matter.
pub fn is_open(payment: &PaymentRecord) -> bool {
    matches!(payment.state(), State::Created | State::Started)
}

/// True when an open payment's session has gone without a call from
/// the page for `IDLE_LIMIT`. A stamp that cannot be read counts as
/// ended: a session must never outlive what we can check.
pub fn idled_out(
    payment: &PaymentRecord,
    last_seen_at: &str,
    now: DateTime<Utc>,
) -> bool {
    let idle_end = read_stamp(last_seen_at).map(|seen| seen + IDLE_LIMIT);
    is_open(payment) && idle_end.is_none_or(|end| end <= now)
}

/// The `session` part of the page's view: seconds left and whether
/// "I need more time" can add any; null once the payment is finished.
/// Every page call restarts the idle time, so the idle end is measured
/// from `now`. (A call that waited on the PSP overstates it by those
/// seconds; a later call then finds the session ended, and the page
/// shows that it has.)
pub fn describe(payment: &PaymentRecord, now: DateTime<Utc>) -> Value {
    if !is_open(payment) {
        return Value::Null;
    }
    let expires = read_stamp(&payment.expires_at).unwrap_or(now);
    let idle_end = now + IDLE_LIMIT;
    let ends_at = idle_end.min(expires);
    let seconds_left = (ends_at - now).num_seconds().max(0);
    // Just before the end, an extension gains time if the idle limit is
    // what ends the session, or if the payment's expiry may still move.
    let can_extend = idle_end < expires || payment.extensions < MAX_EXTENSIONS;
    json!({ "seconds_left": seconds_left, "can_extend": can_extend })
}

/// What the page sends: nothing yet, and nothing else is accepted.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extend {}

/// `POST /api/page/extend`: "I need more time". The session extractor
/// has already restarted the idle time; this moves the payment's expiry
/// too when it is what would end the session soon.
pub async fn extend(
    AppData(state): AppData<AppState>,
    session: Session,
    _body: PageJson<Extend>,
) -> Result<Json<Value>, PageError> {
    let payment = session.payment;
    if !is_open(&payment) {
        return Err(PageError::Finished);
    }
    let now = state.clock.now();
    let expires = read_stamp(&payment.expires_at).unwrap_or(now);
    if expires - now > EXTEND_STEP {
        return Ok(Json(view::describe(&state, &payment)));
    }

    let id = &payment.payment_id;
    let to = expires + EXTEND_STEP;
    let moved = state
        .store
        .extend_payment(id, &payment.expires_at, to, MAX_EXTENSIONS)
        .await?;
    let payment = session::load(&state, id).await?;
    if !moved {
        refused(&payment)?;
    } else {
        let extensions = payment.extensions;
        tracing::info!(payment_id = %id, extensions, "payment time extended");
    }
    Ok(Json(view::describe(&state, &payment)))
}

/// Why the expiry did not move: the payment finished, or it has been
/// extended as often as it may be. Otherwise another request moved it
/// first, which is no error.
fn refused(payment: &PaymentRecord) -> Result<(), PageError> {
    if !is_open(payment) {
        return Err(PageError::Finished);
    }
    if payment.extensions >= MAX_EXTENSIONS {
        return Err(PageError::ExtendLimitReached);
    }
    Ok(())
}

fn read_stamp(stamp: &str) -> Option<DateTime<Utc>> {
    let time = DateTime::parse_from_rfc3339(stamp).ok()?;
    Some(time.with_timezone(&Utc))
}
