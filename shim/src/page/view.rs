//! What the page needs to show a payment: `GET /api/page/payment`.

use axum::Json;
use axum::extract::State as AppData;
use serde_json::{Value, json};

use super::Session;
use crate::app::AppState;
use crate::council::{Council, KeyMode};
use crate::payments::State;
use crate::store::PaymentRecord;

/// A payment may be tried with this many cards before it fails.
pub const MAX_ATTEMPTS: i64 = 3;

pub async fn payment(
    AppData(state): AppData<AppState>,
    session: Session,
) -> Json<Value> {
    Json(describe(&state, &session.payment))
}

/// The page's view of a payment. Holds nothing the citizen may not see.
pub fn describe(state: &AppState, payment: &PaymentRecord) -> Value {
    let council = state.councils.get(&payment.council);
    let psp = state.psp(&payment.council, mode(payment));
    let accepted: Vec<&str> = council
        .map(|c| c.accepted().iter().map(|b| b.code()).collect())
        .unwrap_or_default();
    json!({
        "payment_id": payment.payment_id,
        "amount": payment.amount,
        "description": payment.description,
        "reference": payment.reference,
        "language": payment.language,
        "email": payment.email,
        "prefilled": prefilled(payment),
        "return_url": payment.return_url,
        "expires_at": payment.expires_at,
        "council": council.map(|c| branding(c)),
        "accepted_brands": accepted,
        "fields": council.map(|c| json!({
            "billing_address": c.fields.billing_address,
            "email": c.fields.email,
        })),
        "psp": psp.map(|p| json!({
            "tokenise_url": format!("{}/v1/tokens", p.browser_base),
            "publishable_key": p.publishable_key,
        })),
        "state": payment.state().api().status,
        "outcome": outcome(payment),
        "session": super::time_limit::describe(payment, state.clock.now()),
    })
}

/// The council's name, logo, footer links and support contact. Every
/// text is in both languages; the page picks one.
fn branding(council: &Council) -> Value {
    let logo = council.logo_image.as_ref();
    json!({
        "slug": council.slug,
        "name": { "en": council.name.en, "cy": council.name.cy },
        "theme_url": format!(
            "/council/{}/theme.css?v={}",
            council.slug,
            council.colours.version()
        ),
        "logo_url": logo.map(|l| {
            format!("/council/{}/logo?v={}", council.slug, l.version)
        }),
        "logo_alt": logo.and(council.logo_alt.as_ref()),
        "footer": {
            "privacy": council.footer.privacy,
            "contact": council.footer.contact,
            "accessibility": council.footer.accessibility,
        },
        "support": council.support,
    })
}

fn mode(payment: &PaymentRecord) -> KeyMode {
    if payment.live {
        KeyMode::Live
    } else {
        KeyMode::Test
    }
}

fn prefilled(payment: &PaymentRecord) -> Value {
    let json = payment.prefilled_json.as_deref().unwrap_or("null");
    serde_json::from_str(json).unwrap_or(Value::Null)
}

/// Where the citizen is in the journey, as a stable code for the page.
fn outcome(payment: &PaymentRecord) -> Value {
    let attempts_left = (MAX_ATTEMPTS - payment.attempts).max(0);
    let (code, card) = match payment.state() {
        State::Created | State::Started => match &payment.last_decline {
            Some(_) => ("declined-try-again", false),
            None => ("enter-card", false),
        },
        State::Submitted => ("processing", false),
        State::Success => ("success", true),
        State::Declined => ("declined", false),
        State::Expired => ("expired", false),
        State::CancelledByUser | State::CancelledByService => {
            ("cancelled", false)
        }
        State::Error => ("error", false),
    };
    json!({
        "code": code,
        "decline": payment.last_decline,
        "attempts_left": attempts_left,
        "card": card.then(|| json!({
            "brand": payment.card_brand,
            "last4": payment.card_last4,
        })),
    })
}
