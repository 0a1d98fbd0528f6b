//! `POST /v1/payments`: a council's service creates a payment.

use axum::extract::State as AppData;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Duration, Utc};
use serde_json::Value;

use super::body::{Fields, JsonObject};
use super::view::{self, Links};
use super::{ApiError, Caller};
use crate::app::AppState;
use crate::council::{Council, KeyMode};
use crate::expiry::PAYMENT_LIFETIME;
use crate::secret;
use crate::store::{KeyClaim, NewPayment, PaymentRecord};

/// A repeated create with the same key returns the same payment for
/// this long (GOV.UK Pay's idempotency window).
const KEY_LIFETIME: Duration = Duration::hours(24);

/// The limits of the GOV.UK Pay API reference, `CreateCardPaymentRequest`.
const MAX_AMOUNT: i64 = 10_000_000;
const KNOWN_FIELDS: [&str; 11] = [
    "amount",
    "reference",
    "description",
    "return_url",
    "language",
    "email",
    "prefilled_cardholder_details",
    "metadata",
    "delayed_capture",
    "moto",
    "authorisation_mode",
];

pub async fn create(
    AppData(state): AppData<AppState>,
    Caller(owner): Caller,
    headers: HeaderMap,
    body: JsonObject,
) -> Result<Response, ApiError> {
    let key = idempotency_key(&headers)?;
    let body_hash = secret::hash(&Value::Object(body.0.clone()).to_string());
    let new = parse(&state, &owner.council, owner.mode, body)?;
    let council = owner.council.slug.clone();

    if let Some(key) = &key
        && let Some(earlier) =
            earlier_payment(&state, &council, key, &body_hash).await?
    {
        return Ok(created_earlier(&state, &earlier));
    }
    let claim = key.as_deref().map(|key| KeyClaim {
        key,
        body_hash: &body_hash,
        now: state.clock.now(),
    });
    if !insert(&state, &new, claim.as_ref()).await? {
        // A request with the same key was being created at the same
        // moment (a retry after a timeout) and stored its payment
        // first: answer with that one, as a repeat would get.
        let key = key.as_deref().unwrap_or_default();
        let earlier = earlier_payment(&state, &council, key, &body_hash);
        return match earlier.await? {
            Some(earlier) => Ok(created_earlier(&state, &earlier)),
            None => Err(key_in_use()),
        };
    }
    tracing::info!(payment_id = %new.payment_id, council, "payment created");
    let stored = state.store.payment(&new.payment_id).await?;
    let stored = stored.ok_or_else(|| {
        ApiError::downstream(super::Operation::Create, "payment vanished")
    })?;
    let links = Links::new(&state, &stored.payment_id);
    let body = view::created(&stored, &links, &state.councils);
    Ok((StatusCode::CREATED, axum::Json(body)).into_response())
}

/// Stores the payment; false when its idempotency key was taken first.
async fn insert(
    state: &AppState,
    new: &NewPayment,
    claim: Option<&KeyClaim<'_>>,
) -> Result<bool, ApiError> {
    let token = secret::page_token(&state.token_key, &new.payment_id);
    let hash = secret::hash(&token);
    Ok(state.store.insert_payment(new, &hash, claim).await?)
}

/// The answer to a repeated create: the earlier payment, 200 not 201.
fn created_earlier(state: &AppState, earlier: &PaymentRecord) -> Response {
    let links = Links::new(state, &earlier.payment_id);
    let body = view::created(earlier, &links, &state.councils);
    (StatusCode::OK, axum::Json(body)).into_response()
}

/// The payment an earlier request with this key created, when the body
/// was the same and the key is less than 24 hours old.
async fn earlier_payment(
    state: &AppState,
    council: &str,
    key: &str,
    body_hash: &str,
) -> Result<Option<PaymentRecord>, ApiError> {
    let Some(earlier) = state.store.create_key(council, key).await? else {
        return Ok(None);
    };
    let cutoff = crate::store::stamp(state.clock.now() - KEY_LIFETIME);
    if earlier.created_at < cutoff {
        state.store.release_create_key(council, key).await?;
        return Ok(None);
    }
    if earlier.body_hash != body_hash {
        return Err(key_in_use());
    }
    Ok(state
        .store
        .council_payment(council, &earlier.payment_id)
        .await?)
}

fn key_in_use() -> ApiError {
    ApiError::Refused {
        status: StatusCode::CONFLICT,
        code: "P0191",
        description: "The Idempotency-Key was already used in the last 24 \
                      hours with a different request body. Send a new key \
                      for a new payment."
            .into(),
    }
}

fn idempotency_key(headers: &HeaderMap) -> Result<Option<String>, ApiError> {
    let Some(value) = headers.get("Idempotency-Key") else {
        return Ok(None);
    };
    let key = value.to_str().unwrap_or("\u{0}");
    let valid = !key.is_empty()
        && key.len() <= 255
        && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if valid {
        Ok(Some(key.to_owned()))
    } else {
        Err(ApiError::BadHeader {
            code: "P0102",
            header: "Idempotency-Key",
            description: "Idempotency-Key must be 1 to 255 letters, digits \
                          or hyphens."
                .into(),
        })
    }
}

/// Checks every field of a create request and builds the payment.
fn parse(
    state: &AppState,
    council: &Council,
    mode: KeyMode,
    body: JsonObject,
) -> Result<NewPayment, ApiError> {
    let mut fields = Fields::new(body, "P0101", "P0102");
    fields.only(&KNOWN_FIELDS)?;
    let amount = fields.required("amount")?;
    let amount = fields.integer("amount", &amount, (1, MAX_AMOUNT))?;
    let reference = fields.required("reference")?;
    let reference = fields.string("reference", reference, (1, 255))?;
    let description = fields.required("description")?;
    let description = fields.string("description", description, (1, 255))?;
    let return_url = fields.required("return_url")?;
    let return_url = fields.string("return_url", return_url, (1, 2000))?;
    check_return_url(&fields, council, &return_url)?;
    let language = language(&mut fields, council)?;
    let email = email(&mut fields)?;
    let prefilled = super::prefill::parse(&mut fields)?;
    let metadata = super::metadata::parse(&mut fields)?;
    unsupported_options(&mut fields)?;

    let now = state.clock.now();
    Ok(NewPayment {
        payment_id: secret::new_id(),
        council: council.slug.clone(),
        live: mode == KeyMode::Live,
        amount,
        reference,
        description,
        return_url,
        language,
        email,
        prefilled_json: prefilled.map(|p| Value::Object(p).to_string()),
        metadata_json: metadata.map(|m| Value::Object(m).to_string()),
        created_at: now,
        expires_at: expires(now),
    })
}

fn expires(created: DateTime<Utc>) -> DateTime<Utc> {
    created + PAYMENT_LIFETIME
}

/// The citizen is sent back here, so it must be a real web address on a
/// host the council listed: anything else would let a leaked API key
/// send citizens to a look-alike site.
fn check_return_url(
    fields: &Fields,
    council: &Council,
    return_url: &str,
) -> Result<(), ApiError> {
    let invalid = |reason: &str| fields.invalid("return_url", reason);
    let url = url::Url::parse(return_url)
        .map_err(|_| invalid("Must be an absolute https:// address."))?;
    let host = url.host_str().unwrap_or("");
    let local = matches!(host, "localhost" | "127.0.0.1" | "[::1]");
    if url.scheme() != "https" && !(url.scheme() == "http" && local) {
        return Err(invalid("Must be an https:// address."));
    }
    if !council
        .return_url_hosts
        .iter()
        .any(|allowed| allowed == host)
    {
        let hosts = council.return_url_hosts.join(", ");
        return Err(invalid(&format!(
            "The host {host} is not one of this council's return hosts \
             ({hosts})."
        )));
    }
    Ok(())
}

fn language(
    fields: &mut Fields,
    council: &Council,
) -> Result<String, ApiError> {
    let Some(value) = fields.take("language") else {
        return Ok(council.default_language.clone());
    };
    match value.as_str() {
        Some(code @ ("en" | "cy")) => Ok(code.to_owned()),
        _ => Err(fields.invalid("language", "Must be \"en\" or \"cy\".")),
    }
}

fn email(fields: &mut Fields) -> Result<Option<String>, ApiError> {
    let Some(email) = fields.optional_string("email", (0, 254))? else {
        return Ok(None);
    };
    match paypage_card::check_email(&email) {
        Ok(()) => Ok(Some(email)),
        Err(_) => Err(fields.invalid(
            "email",
            "Must be an email address like name@example.org.",
        )),
    }
}

/// paypage takes web card payments only: these GOV.UK Pay options are
/// accepted when they ask for exactly that, and refused plainly
/// otherwise rather than silently ignored.
fn unsupported_options(fields: &mut Fields) -> Result<(), ApiError> {
    let not_yet = "paypage does not offer this yet; send false or leave \
                   it out.";
    for field in ["delayed_capture", "moto"] {
        let value = fields.take(field);
        if let Some(value) = value
            && fields.boolean(field, &value)?
        {
            return Err(fields.invalid(field, not_yet));
        }
    }
    let mode = fields.take("authorisation_mode");
    if let Some(mode) = mode
        && mode.as_str() != Some("web")
    {
        return Err(fields.invalid(
            "authorisation_mode",
            "paypage takes web payments only; send \"web\" or leave it \
             out.",
        ));
    }
    Ok(())
}
