//! `prefilled_cardholder_details`: the name and billing address the
//! council already knows, so the citizen need not type them again.

use serde_json::{Map, Value};

use super::ApiError;
use super::body::Fields;

const FIELD: &str = "prefilled_cardholder_details";

/// Each address part and its longest allowed length (GOV.UK Pay's
/// `Address` schema).
const ADDRESS: [(&str, usize); 5] = [
    ("line1", 255),
    ("line2", 255),
    ("postcode", 25),
    ("city", 255),
    ("country", 2),
];

pub fn parse(
    fields: &mut Fields,
) -> Result<Option<Map<String, Value>>, ApiError> {
    let Some(value) = fields.take(FIELD) else {
        return Ok(None);
    };
    let Value::Object(map) = value else {
        return Err(fields.invalid(FIELD, "Must be an object."));
    };
    for (key, value) in &map {
        match key.as_str() {
            "cardholder_name" => check_text(fields, key, value, 255)?,
            "billing_address" => check_address(fields, value)?,
            _ => return Err(unknown(fields, key)),
        }
    }
    Ok(Some(map))
}

fn check_address(fields: &Fields, value: &Value) -> Result<(), ApiError> {
    let Value::Object(address) = value else {
        let reason = "billing_address must be an object.";
        return Err(fields.invalid(FIELD, reason));
    };
    for (key, value) in address {
        let Some((_, max)) = ADDRESS.iter().find(|(name, _)| name == key)
        else {
            return Err(unknown(fields, key));
        };
        check_text(fields, key, value, *max)?;
    }
    Ok(())
}

fn check_text(
    fields: &Fields,
    key: &str,
    value: &Value,
    max: usize,
) -> Result<(), ApiError> {
    let fits = match value {
        Value::String(text) => text.chars().count() <= max,
        Value::Null => true,
        _ => false,
    };
    if fits {
        return Ok(());
    }
    let reason = format!("{key} must be a string of at most {max} characters.");
    Err(fields.invalid(FIELD, &reason))
}

fn unknown(fields: &Fields, key: &str) -> ApiError {
    let reason = format!("{key} is not part of {FIELD}.");
    fields.invalid(FIELD, &reason)
}
