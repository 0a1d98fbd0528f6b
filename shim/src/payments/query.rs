//! Reading a search's query string, so that every way it can be wrong
//! gets the search's own 422 (P0401 / P1101), never axum's plain text.
//!
//! Decoding is strict where axum's `Query` is lenient: a value that is
//! not UTF-8 once percent-decoded would be silently turned into U+FFFD
//! and searched for, and a repeated parameter would silently keep only
//! its last value. Both are a client's mistake worth telling it about.

use std::collections::HashMap;

/// The search parameters, each given once.
pub type Params = HashMap<String, String>;

/// Parses `a=1&b=two+words`; the error says what to fix.
pub fn parse(query: Option<&str>) -> Result<Params, String> {
    let mut params = Params::new();
    let pairs = query.unwrap_or("").split('&').filter(|p| !p.is_empty());
    for pair in pairs {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let name = decode(name)?;
        let value = decode(value)?;
        if params.contains_key(&name) {
            return Err(format!(
                "{name} is given more than once; send each search \
                 parameter once"
            ));
        }
        params.insert(name, value);
    }
    Ok(params)
}

/// `application/x-www-form-urlencoded` decoding (`+` is a space).
fn decode(text: &str) -> Result<String, String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.bytes();
    while let Some(byte) = rest.next() {
        bytes.push(match byte {
            b'+' => b' ',
            b'%' => hex_pair(rest.next(), rest.next()).ok_or(
                "each % in the query string must be followed by two hex \
                 digits, as in %20",
            )?,
            other => other,
        });
    }
    String::from_utf8(bytes).map_err(|_| {
        "the query string must be UTF-8 once percent-decoded".to_owned()
    })
}

fn hex_pair(high: Option<u8>, low: Option<u8>) -> Option<u8> {
    let digit = |b: u8| char::from(b).to_digit(16);
    let (high, low) = (digit(high?)?, digit(low?)?);
    u8::try_from(high * 16 + low).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_decoded_as_forms_encode_them() {
        let query = "email=sam%40example.org&name=Sam+C&page";
        let params = parse(Some(query)).unwrap();
        assert_eq!(params["email"], "sam@example.org");
        assert_eq!(params["name"], "Sam C");
        assert_eq!(params["page"], "");
        assert!(parse(None).unwrap().is_empty());
    }

    #[test]
    fn bad_escapes_non_utf8_and_repeats_are_refused() {
        for query in ["a=%FF", "a=%G0", "a=%4", "%FF=1", "page=1&page=2"] {
            assert!(parse(Some(query)).is_err(), "{query}");
        }
    }
}
