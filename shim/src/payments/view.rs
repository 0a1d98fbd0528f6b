//! How payments and refunds look in the API (GOV.UK Pay's schemas
//! `PaymentWithAllLinks`, `Refund`, `PaymentEvents`).

use serde_json::{Map, Value, json};

use super::State;
use crate::app::AppState;
use crate::council::Councils;
use crate::secret;
use crate::store::{EventRecord, PaymentRecord, RefundRecord};

/// The addresses a payment's links point at.
#[derive(Debug)]
pub struct Links {
    payment: String,
    next_url: String,
}

impl Links {
    pub fn new(state: &AppState, payment_id: &str) -> Links {
        let token = secret::page_token(&state.token_key, payment_id);
        Links {
            payment: format!("{}/v1/payments/{payment_id}", state.public_url),
            next_url: format!("{}/secure/{token}", state.public_url),
        }
    }

    fn get(href: String) -> Value {
        json!({ "href": href, "method": "GET" })
    }

    fn post(href: String) -> Value {
        json!({ "href": href, "method": "POST" })
    }

    /// `PaymentLinks`: everything a council can do with the payment.
    fn for_payment(&self, state: State) -> Value {
        let mut links = self.for_search(state);
        if state == State::Created {
            let next = Self::get(self.next_url.clone());
            let post = json!({
                "href": self.next_url,
                "method": "POST",
                "type": "application/x-www-form-urlencoded",
                "params": {},
            });
            if let Value::Object(map) = &mut links {
                map.insert("next_url".into(), next);
                map.insert("next_url_post".into(), post);
            }
        }
        links
    }

    /// `PaymentLinksForSearch`: a search result carries no `next_url`
    /// (the spec's schema has none), so a page of results is not a page
    /// of links that open payments.
    fn for_search(&self, state: State) -> Value {
        let mut links = Map::new();
        links.insert("self".into(), Self::get(self.payment.clone()));
        let events = format!("{}/events", self.payment);
        links.insert("events".into(), Self::get(events));
        let refunds = format!("{}/refunds", self.payment);
        links.insert("refunds".into(), Self::get(refunds));
        if !state.is_finished() {
            let cancel = format!("{}/cancel", self.payment);
            links.insert("cancel".into(), Self::post(cancel));
        }
        Value::Object(links)
    }
}

/// A payment as the council's service sees it (`PaymentWithAllLinks`).
pub fn payment(
    record: &PaymentRecord,
    links: &Links,
    councils: &Councils,
) -> Value {
    let links = links.for_payment(record.state());
    with_links(record, links, councils)
}

/// The answer to a create (`CreatePaymentResult`), also given again to
/// a repeated create. The spec's schema for it has no
/// `authorisation_mode` and no top-level `card_brand`, so neither is
/// sent: a client generated from the spec may refuse fields it does
/// not know.
pub fn created(
    record: &PaymentRecord,
    links: &Links,
    councils: &Councils,
) -> Value {
    let mut body = payment(record, links, councils);
    if let Value::Object(map) = &mut body {
        map.remove("authorisation_mode");
        map.remove("card_brand");
    }
    body
}

/// One payment in a page of search results (`PaymentDetailForSearch`).
pub fn search_result(
    record: &PaymentRecord,
    links: &Links,
    councils: &Councils,
) -> Value {
    let links = links.for_search(record.state());
    with_links(record, links, councils)
}

fn with_links(
    record: &PaymentRecord,
    links: Value,
    councils: &Councils,
) -> Value {
    let mut body = json!({
        "payment_id": record.payment_id,
        "amount": record.amount,
        "description": record.description,
        "reference": record.reference,
        "language": record.language,
        "return_url": record.return_url,
        "state": record.state().api(),
        "created_date": record.created_at,
        "payment_provider": provider(record, councils),
        "delayed_capture": false,
        "moto": false,
        "authorisation_mode": "web",
        "refund_summary": refund_summary(record),
        "settlement_summary": {},
        "_links": links,
    });
    let optional = [
        ("email", record.email.clone().map(Value::String)),
        ("provider_id", record.provider_id.clone().map(Value::String)),
        ("metadata", parse_object(&record.metadata_json)),
        ("card_details", card_details(record)),
        ("card_brand", card_brand_name(record).map(Value::String)),
    ];
    if let Value::Object(map) = &mut body {
        insert_present(map, optional);
    }
    body
}

/// Adds each field that has a value. The spec's schemas give no field a
/// null type, so a field we do not know is left out, never `null`.
fn insert_present<const N: usize>(
    map: &mut Map<String, Value>,
    fields: [(&str, Option<Value>); N],
) {
    for (name, value) in fields {
        match value {
            Some(Value::Null) | None => {}
            Some(value) => {
                map.insert(name.into(), value);
            }
        }
    }
}

fn provider(record: &PaymentRecord, councils: &Councils) -> &'static str {
    let council = councils.get(&record.council);
    let has_psp = council.is_some_and(|c| c.psp.is_some());
    if record.live && has_psp {
        "stripe"
    } else {
        "sandbox"
    }
}

/// `refund_summary`: what can still be refunded.
fn refund_summary(record: &PaymentRecord) -> Value {
    let available = record.amount - record.refunded;
    let status = match record.state() {
        State::Success if available > 0 => "available",
        State::Success => "full",
        State::Created | State::Started | State::Submitted => "pending",
        _ => "unavailable",
    };
    let available = if status == "available" { available } else { 0 };
    json!({
        "status": status,
        "amount_available": available,
        "amount_submitted": record.refunded,
    })
}

/// What the PSP reported about the card: brand, last four digits,
/// expiry, name, never the number. `first_digits_card_number` is never
/// sent: the PSP reports only the last four digits.
fn card_details(record: &PaymentRecord) -> Option<Value> {
    let last4 = record.card_last4.as_ref()?;
    let text = |value: &Option<String>| value.clone().map(Value::String);
    let mut card = Map::new();
    let address = parse_object(&record.billing_json).map(without_nulls);
    insert_present(
        &mut card,
        [
            ("last_digits_card_number", Some(last4.clone().into())),
            ("card_brand", card_brand_name(record).map(Value::String)),
            ("expiry_date", text(&record.card_expiry)),
            ("cardholder_name", text(&record.cardholder_name)),
            ("card_type", card_type(record).map(Value::from)),
            ("billing_address", address),
        ],
    );
    Some(Value::Object(card))
}

/// The spec's `card_type` is `debit` or `credit`, or absent when the
/// type was not recognised. The PSP's `funding` can also be `prepaid`
/// or `unknown`, for which the spec has no value: those leave it out.
fn card_type(record: &PaymentRecord) -> Option<&'static str> {
    match record.card_type.as_deref()? {
        "debit" => Some("debit"),
        "credit" => Some("credit"),
        _ => None,
    }
}

fn without_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let kept = map.into_iter().filter(|(_, v)| !v.is_null());
            Value::Object(kept.collect())
        }
        other => other,
    }
}

/// GOV.UK Pay shows the brand's proper name ("Visa") in `card_brand`.
fn card_brand_name(record: &PaymentRecord) -> Option<String> {
    let code = record.card_brand.as_deref()?;
    let brand = paypage_card::Brand::from_code(code);
    Some(brand.map_or(code, |b| b.name()).to_owned())
}

fn parse_object(json: &Option<String>) -> Option<Value> {
    let value: Value = serde_json::from_str(json.as_deref()?).ok()?;
    value.is_object().then_some(value)
}

/// A payment's events (`PaymentEvents`).
pub fn events(
    payment_id: &str,
    events: &[EventRecord],
    public_url: &str,
) -> Value {
    let payment_url = format!("{public_url}/v1/payments/{payment_id}");
    let events: Vec<Value> = events
        .iter()
        .map(|event| {
            let state = State::from_name(&event.state).unwrap_or(State::Error);
            json!({
                "payment_id": payment_id,
                "state": state.api(),
                "updated": event.at,
                "_links": { "payment_url": Links::get(payment_url.clone()) },
            })
        })
        .collect();
    json!({
        "payment_id": payment_id,
        "events": events,
        "_links": { "self": Links::get(format!("{payment_url}/events")) },
    })
}

/// One refund (`Refund`).
pub fn refund(refund: &RefundRecord, public_url: &str) -> Value {
    let payment_url = format!("{public_url}/v1/payments/{}", refund.payment_id);
    let self_url = format!("{payment_url}/refunds/{}", refund.refund_id);
    json!({
        "refund_id": refund.refund_id,
        "payment_id": refund.payment_id,
        "amount": refund.amount,
        "status": refund.status,
        "created_date": refund.created_at,
        "settlement_summary": {},
        "_links": {
            "self": Links::get(self_url),
            "payment": Links::get(payment_url),
        },
    })
}
