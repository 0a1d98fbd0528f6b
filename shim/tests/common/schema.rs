//! GOV.UK Pay's published schemas, made strict enough to catch mistakes.
//!
//! As published (`publicapi_spec.json`), no schema lists `required`
//! fields or forbids others, so `{}` passes every one of them and a
//! misspelt field passes too. The wrapper here changes that: every
//! object schema that lists its properties forbids any other, and the
//! fields GOV.UK Pay always returns are required (the table below).

use std::sync::OnceLock;

use serde_json::{Value, json};

/// The fields a GOV.UK Pay client can rely on in every answer of each
/// kind: the spec's descriptions never say they may be absent, and they
/// describe the payment (or refund, or page) itself rather than
/// something that may not have happened yet. Left optional, and why:
/// `email`, `metadata` (only if the service sent them), `provider_id`
/// and `card_details` (only once the PSP has seen a card),
/// `state.code`/`message` ("only appears if the payment failed"),
/// `next_url`/`next_url_post` (only while created), `cancel` (only
/// while unfinished), `prev_page`/`next_page` (only when there is such
/// a page), `fee`/`net_amount`/`total_amount` ("only appears ..."),
/// `card_type` (the spec: `null` when not recognised),
/// `first_digits_card_number` (paypage's PSP reports only the last
/// four) and `billing_address` (only if the council collects it).
const REQUIRED: &[(&str, &[&str])] = &[
    ("CreatePaymentResult", PAYMENT),
    ("PaymentWithAllLinks", PAYMENT_SEEN_LATER),
    ("PaymentDetailForSearch", PAYMENT_SEEN_LATER),
    ("PaymentState", &["status", "finished"]),
    ("PaymentLinks", &["self", "events", "refunds"]),
    ("PaymentLinksForSearch", &["self", "events", "refunds"]),
    ("Link", &["href", "method"]),
    ("PostLink", &["href", "method"]),
    (
        "RefundSummary",
        &["status", "amount_available", "amount_submitted"],
    ),
    ("CardDetails", CARD),
    ("CardDetailsFromResponse", CARD),
    ("PaymentSearchResults", PAGE),
    ("RefundSearchResults", PAGE),
    (
        "SearchNavigationLinks",
        &["self", "first_page", "last_page"],
    ),
    ("PaymentEvents", &["payment_id", "events", "_links"]),
    (
        "PaymentEvent",
        &["payment_id", "state", "updated", "_links"],
    ),
    ("PaymentEventLink", &["payment_url"]),
    ("PaymentLinksForEvents", &["self"]),
    ("Refund", REFUND),
    ("RefundDetailForSearch", REFUND),
    ("RefundLinksForSearch", &["self", "payment"]),
    (
        "RefundForSearchResult",
        &["payment_id", "_links", "_embedded"],
    ),
    ("EmbeddedRefunds", &["refunds"]),
    ("RequestError", &["code", "description"]),
];

const PAYMENT: &[&str] = &[
    "payment_id",
    "amount",
    "description",
    "reference",
    "language",
    "state",
    "return_url",
    "payment_provider",
    "created_date",
    "refund_summary",
    "settlement_summary",
    "delayed_capture",
    "moto",
    "_links",
];

/// A payment read back (get, search) also says how it is authorised.
const PAYMENT_SEEN_LATER: &[&str] = &[
    "payment_id",
    "amount",
    "description",
    "reference",
    "language",
    "state",
    "return_url",
    "payment_provider",
    "created_date",
    "refund_summary",
    "settlement_summary",
    "delayed_capture",
    "moto",
    "authorisation_mode",
    "_links",
];

/// GOV.UK Pay's own page always asks for the cardholder's name, and so
/// does paypage's; the rest is what every PSP reports.
const CARD: &[&str] = &[
    "last_digits_card_number",
    "card_brand",
    "expiry_date",
    "cardholder_name",
];

const PAGE: &[&str] = &["total", "count", "page", "results", "_links"];

const REFUND: &[&str] = &[
    "refund_id",
    "payment_id",
    "amount",
    "status",
    "created_date",
    "settlement_summary",
    "_links",
];

fn spec() -> Value {
    // A copy kept in the repository (tests/reference/README.md), so a
    // clean clone has it wherever it is checked out.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/reference/govuk-pay-publicapi/publicapi_spec.json"
    );
    let text = std::fs::read_to_string(path).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The spec's components, made strict.
fn strict_components() -> &'static Value {
    static STRICT: OnceLock<Value> = OnceLock::new();
    STRICT.get_or_init(|| {
        let mut components = spec()["components"].clone();
        let schemas = &mut components["schemas"];
        forbid_unlisted(schemas);
        for (name, fields) in REQUIRED {
            require(&mut schemas[*name], name, fields);
        }
        schemas["ExternalMetadata"] = metadata_schema();
        components
    })
}

/// `additionalProperties: false` on every object schema that lists
/// its properties and says nothing of others (a schema that describes
/// a map, like `PostLink.params`, keeps its own rule).
fn forbid_unlisted(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            if map.contains_key("properties")
                && !map.contains_key("additionalProperties")
            {
                map.insert("additionalProperties".into(), json!(false));
            }
            map.values_mut().for_each(forbid_unlisted);
        }
        Value::Array(items) => items.iter_mut().for_each(forbid_unlisted),
        _ => {}
    }
}

/// Adds `required`, failing loudly if the table names a field the spec
/// does not have (a typo there would make every answer fail).
fn require(schema: &mut Value, name: &str, fields: &[&str]) {
    let properties = schema["properties"].as_object();
    let properties = properties.unwrap_or_else(|| panic!("no schema {name}"));
    for field in fields {
        assert!(properties.contains_key(*field), "{name} has no {field}");
    }
    schema["required"] = json!(fields);
}

/// The spec's `ExternalMetadata` is an artefact of the Java class
/// behind it: an object with one property, `metadata`, whose values are
/// objects. What GOV.UK Pay sends (and what `CreateCardPaymentRequest`
/// describes) is the council's own key/value pairs, at most 10, each a
/// string, number or boolean; that is the strict schema.
fn metadata_schema() -> Value {
    json!({
        "type": "object",
        "maxProperties": 10,
        "additionalProperties": { "type": ["string", "number", "boolean"] },
    })
}

/// A validator for one of the spec's schemas, strict as described above.
pub fn validator(schema: &str) -> jsonschema::Validator {
    let wrapper = json!({
        "$ref": format!("#/components/schemas/{schema}"),
        "components": strict_components(),
    });
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .build(&wrapper)
        .unwrap()
}

/// Each way `instance` breaks the schema, with where.
pub fn errors(schema: &str, instance: &Value) -> Vec<String> {
    let validator = validator(schema);
    validator
        .iter_errors(instance)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect()
}

pub fn assert_valid(schema: &str, instance: &Value) {
    let errors = errors(schema, instance);
    assert!(errors.is_empty(), "{schema}: {errors:?}\n{instance}");
}
