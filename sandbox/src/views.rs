//! Stripe's object shapes, built from the sandbox's records. Fields
//! the sandbox has no meaning for are present as `null` (or `false`,
//! `{}`) where Stripe always sends them, so a connector that reads
//! them finds the same types at Stripe and here.

use serde_json::{Value, json};

use crate::brand;
use crate::store::{
    Address, CardView, IntentRecord, PaymentMethodRecord, RefundRecord,
    TokenRecord,
};

pub(crate) fn token(record: &TokenRecord) -> Value {
    json!({
        "id": record.id,
        "object": "token",
        "card": token_card(&record.card_id, &record.card),
        "created": record.created,
        "livemode": false,
        "type": "card",
        "used": record.used,
    })
}

fn token_card(id: &str, card: &CardView) -> Value {
    let address = &card.address;
    json!({
        "id": id,
        "object": "card",
        "address_city": address.city,
        "address_country": address.country,
        "address_line1": address.line1,
        "address_line1_check": address.line1.as_ref().map(|_| "unchecked"),
        "address_line2": address.line2,
        "address_state": null,
        "address_zip": address.postal_code,
        "address_zip_check":
            address.postal_code.as_ref().map(|_| "unchecked"),
        "brand": brand::token_name(card.brand),
        "country": card.country,
        "cvc_check": card.cvc_given.then_some("unchecked"),
        "dynamic_last4": null,
        "exp_month": card.exp_month,
        "exp_year": card.exp_year,
        "funding": card.funding,
        "last4": card.last4,
        "metadata": {},
        "name": card.name,
        "tokenization_method": null,
        "wallet": null,
    })
}

pub(crate) fn payment_method(record: &PaymentMethodRecord) -> Value {
    let card = &record.card;
    let code = brand::payment_method_code(card.brand);
    json!({
        "id": record.id,
        "object": "payment_method",
        "billing_details": {
            "address": address(&card.address),
            "email": null,
            "name": card.name,
            "phone": null,
        },
        "card": {
            "brand": code,
            "checks": {
                "address_line1_check":
                    card.address.line1.as_ref().map(|_| "unchecked"),
                "address_postal_code_check":
                    card.address.postal_code.as_ref().map(|_| "unchecked"),
                "cvc_check": record.cvc_check,
            },
            "country": card.country,
            "display_brand": code,
            "exp_month": card.exp_month,
            "exp_year": card.exp_year,
            "funding": card.funding,
            "last4": card.last4,
            "networks": { "available": [code], "preferred": null },
            "wallet": null,
        },
        "created": record.created,
        "customer": null,
        "livemode": false,
        "metadata": {},
        "type": "card",
    })
}

fn address(address: &Address) -> Value {
    json!({
        "city": address.city,
        "country": address.country,
        "line1": address.line1,
        "line2": address.line2,
        "postal_code": address.postal_code,
        "state": null,
    })
}

/// A payment intent, with its payment method as an id or, when the
/// request asked for `expand[]=payment_method`, as the whole object.
pub(crate) fn intent(record: &IntentRecord, expand_method: bool) -> Value {
    let method = if expand_method {
        payment_method(&record.payment_method)
    } else {
        json!(record.payment_method.id)
    };
    let succeeded = record.status == crate::store::IntentStatus::Succeeded;
    json!({
        "id": record.id,
        "object": "payment_intent",
        "amount": record.amount,
        "amount_capturable": 0,
        "amount_received": if succeeded { record.amount } else { 0 },
        "canceled_at": null,
        "cancellation_reason": null,
        "capture_method": "automatic",
        "client_secret": record.client_secret,
        "confirmation_method": "automatic",
        "created": record.created,
        "currency": record.currency,
        "customer": null,
        "description": record.description,
        "last_payment_error": record.last_payment_error,
        "latest_charge": record.charge_id,
        "livemode": false,
        "metadata": record.metadata,
        "next_action": null,
        "payment_method": method,
        "payment_method_types": ["card"],
        "receipt_email": null,
        "status": record.status.as_str(),
    })
}

pub(crate) fn refund(record: &RefundRecord) -> Value {
    json!({
        "id": record.id,
        "object": "refund",
        "amount": record.amount,
        "balance_transaction": null,
        "charge": record.charge,
        "created": record.created,
        "currency": record.currency,
        "metadata": record.metadata,
        "payment_intent": record.payment_intent,
        "reason": record.reason,
        "receipt_number": null,
        "status": "succeeded",
    })
}

/// Stripe's list envelope.
pub(crate) fn list(url: &str, data: Vec<Value>, has_more: bool) -> Value {
    json!({
        "object": "list",
        "data": data,
        "has_more": has_more,
        "url": url,
    })
}
