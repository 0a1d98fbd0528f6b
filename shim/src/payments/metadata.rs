//! `metadata`: a council's own labels on a payment.
//!
//! GOV.UK Pay's rules: at most 10 keys of 1 to 30 characters, each value
//! a string of at most 100 characters, a number or true/false; no lists
//! or nested objects.

use serde_json::{Map, Value};

use super::ApiError;
use super::body::Fields;

const MAX_KEYS: usize = 10;
const MAX_KEY_LENGTH: usize = 30;
const MAX_VALUE_LENGTH: usize = 100;

pub fn parse(
    fields: &mut Fields,
) -> Result<Option<Map<String, Value>>, ApiError> {
    let Some(value) = fields.take("metadata") else {
        return Ok(None);
    };
    let Value::Object(map) = value else {
        return Err(fields.invalid("metadata", "Must be an object."));
    };
    if map.len() > MAX_KEYS {
        let reason = format!("Must have at most {MAX_KEYS} keys.");
        return Err(fields.invalid("metadata", &reason));
    }
    for (key, value) in &map {
        check_entry(fields, key, value)?;
    }
    Ok(Some(map))
}

fn check_entry(
    fields: &Fields,
    key: &str,
    value: &Value,
) -> Result<(), ApiError> {
    let length = key.chars().count();
    if length == 0 || length > MAX_KEY_LENGTH {
        let reason =
            format!("Keys must be 1 to {MAX_KEY_LENGTH} characters long.");
        return Err(fields.invalid("metadata", &reason));
    }
    let fits = match value {
        Value::String(text) => text.chars().count() <= MAX_VALUE_LENGTH,
        Value::Number(_) | Value::Bool(_) => true,
        _ => false,
    };
    if fits {
        return Ok(());
    }
    let reason = format!(
        "The value of {key} must be a string of at most {MAX_VALUE_LENGTH} \
         characters, a number, or true or false."
    );
    Err(fields.invalid("metadata", &reason))
}
