//! Stripe-style form parameters: `amount=1000`, `card[number]=...`,
//! `metadata[reference]=...`, `expand[]=payment_method`.
//!
//! Handlers take the parameters they understand one by one; whatever
//! is left at the end is refused as an unknown parameter, as Stripe
//! does, so a typo in the shim's connector fails loudly instead of
//! being silently ignored.

use std::collections::BTreeMap;

use crate::error::ApiError;

const MAX_METADATA_KEYS: usize = 50;
const MAX_METADATA_KEY: usize = 40;
const MAX_METADATA_VALUE: usize = 500;

/// Parsed, not yet consumed parameters, in the order they were sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Decodes an `application/x-www-form-urlencoded` body or query.
    pub(crate) fn parse(encoded: &[u8]) -> Params {
        let pairs = form_urlencoded::parse(encoded)
            .map(|(name, value)| (name.into_owned(), value.into_owned()))
            .collect();
        Params { pairs }
    }

    /// The parameters in a fixed order, for comparing a retried request
    /// with the one first sent under the same idempotency key.
    pub(crate) fn fingerprint(&self) -> Vec<(String, String)> {
        let mut pairs = self.pairs.clone();
        pairs.sort();
        pairs
    }

    /// Takes a single-valued parameter. Sending it twice is refused:
    /// the sandbox will not guess which of two amounts was meant.
    pub(crate) fn take(
        &mut self,
        name: &str,
    ) -> Result<Option<String>, ApiError> {
        let mut values = self.take_all(|key| key == name);
        match values.len() {
            0 => Ok(None),
            1 => Ok(values.pop().map(|(_, value)| value)),
            _ => Err(duplicate(name)),
        }
    }

    /// Takes a required, non-empty parameter.
    pub(crate) fn require(&mut self, name: &str) -> Result<String, ApiError> {
        match self.take(name)? {
            None => Err(ApiError::missing(name)),
            Some(value) if value.is_empty() => Err(empty(name)),
            Some(value) => Ok(value),
        }
    }

    /// Takes an optional parameter; an empty value counts as absent.
    pub(crate) fn optional(
        &mut self,
        name: &str,
    ) -> Result<Option<String>, ApiError> {
        Ok(self.take(name)?.filter(|value| !value.is_empty()))
    }

    /// Takes a list sent as `name[]=a&name[]=b` or `name[0]=a&name[1]=b`.
    pub(crate) fn take_list(&mut self, name: &str) -> Vec<String> {
        let prefix = format!("{name}[");
        self.take_all(|key| {
            key.strip_prefix(&prefix)
                .and_then(|rest| rest.strip_suffix(']'))
                .is_some_and(|index| index.chars().all(|c| c.is_ascii_digit()))
        })
        .into_iter()
        .map(|(_, value)| value)
        .collect()
    }

    /// Takes a map sent as `name[key]=value`, e.g. `metadata[...]`.
    pub(crate) fn take_map(
        &mut self,
        name: &str,
    ) -> Result<BTreeMap<String, String>, ApiError> {
        let prefix = format!("{name}[");
        let mut map = BTreeMap::new();
        for (full, value) in self.take_all(|key| key.starts_with(&prefix)) {
            let key = full
                .strip_prefix(&prefix)
                .and_then(|rest| rest.strip_suffix(']'))
                .unwrap_or("");
            if key.is_empty() || key.contains(['[', ']']) {
                return Err(ApiError::invalid(format!(
                    "The parameter {full} is not a valid {name} key; \
                     send {name}[your_key]=value."
                ))
                .with_param(full));
            }
            if map.insert(key.to_owned(), value).is_some() {
                return Err(duplicate(&full));
            }
        }
        Ok(map)
    }

    /// Takes `metadata[...]` and holds it to Stripe's limits: 50 keys,
    /// keys up to 40 characters, values up to 500.
    pub(crate) fn take_metadata(
        &mut self,
    ) -> Result<BTreeMap<String, String>, ApiError> {
        let metadata = self.take_map("metadata")?;
        if metadata.len() > MAX_METADATA_KEYS {
            return Err(ApiError::invalid(format!(
                "Send at most {MAX_METADATA_KEYS} metadata keys."
            ))
            .with_param("metadata"));
        }
        for (key, value) in &metadata {
            let param = format!("metadata[{key}]");
            if key.chars().count() > MAX_METADATA_KEY {
                return Err(ApiError::invalid(format!(
                    "Metadata keys can be at most {MAX_METADATA_KEY} \
                     characters."
                ))
                .with_param(param));
            }
            if value.chars().count() > MAX_METADATA_VALUE {
                return Err(ApiError::invalid(format!(
                    "Metadata values can be at most {MAX_METADATA_VALUE} \
                     characters."
                ))
                .with_param(param));
            }
        }
        Ok(metadata)
    }

    /// Refuses whatever the handler did not take.
    pub(crate) fn finish(self) -> Result<(), ApiError> {
        match self.pairs.into_iter().next() {
            None => Ok(()),
            Some((name, _)) => Err(ApiError::invalid(format!(
                "Received unknown parameter: {name}. The sandbox supports \
                 only the parameters paypage uses; remove it."
            ))
            .with_code("parameter_unknown")
            .with_param(name)),
        }
    }

    fn take_all(
        &mut self,
        mut wanted: impl FnMut(&str) -> bool,
    ) -> Vec<(String, String)> {
        let (taken, kept) = std::mem::take(&mut self.pairs)
            .into_iter()
            .partition(|(name, _)| wanted(name));
        self.pairs = kept;
        taken
    }
}

fn duplicate(name: &str) -> ApiError {
    ApiError::invalid(format!(
        "The parameter {name} was sent more than once; send it once."
    ))
    .with_param(name)
}

/// The error for a parameter sent with an empty value.
pub(crate) fn empty(name: &str) -> ApiError {
    ApiError::invalid(format!(
        "The parameter {name} was sent empty; send a value or leave it out."
    ))
    .with_code("parameter_invalid_empty")
    .with_param(name)
}

/// Parses a whole number of the smallest currency unit, or a month or
/// year. The value is not repeated in the message: it may be card data.
pub(crate) fn integer(name: &str, value: &str) -> Result<i64, ApiError> {
    value.parse::<i64>().map_err(|_| {
        ApiError::invalid(format!(
            "The parameter {name} must be a whole number, like 1050."
        ))
        .with_code("parameter_invalid_integer")
        .with_param(name)
    })
}

/// Parses Stripe's booleans, which are the words `true` and `false`.
pub(crate) fn boolean(name: &str, value: &str) -> Result<bool, ApiError> {
    match value {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(ApiError::invalid(format!(
            "The parameter {name} must be true or false."
        ))
        .with_param(name)),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn brackets_and_percent_encoding_are_decoded() {
        let mut params = Params::parse(b"card%5Bnumber%5D=4242+4242&a=1");
        assert_eq!(
            params.take("card[number]").unwrap().as_deref(),
            Some("4242 4242")
        );
        assert_eq!(params.take("a").unwrap().as_deref(), Some("1"));
        assert!(params.finish().is_ok());
    }

    #[test]
    fn a_parameter_sent_twice_is_refused() {
        let mut params = Params::parse(b"amount=1&amount=2");
        assert!(params.take("amount").is_err());
    }

    #[test]
    fn lists_accept_empty_and_numbered_brackets() {
        let mut params = Params::parse(b"expand[]=a&expand[1]=b&expander=c");
        assert_eq!(params.take_list("expand"), vec!["a", "b"]);
        assert!(params.finish().is_err());
    }

    #[test]
    fn metadata_keys_must_be_named() {
        let mut params = Params::parse(b"metadata[]=x");
        assert!(params.take_map("metadata").is_err());
    }

    #[test]
    fn metadata_is_held_to_stripes_limits() {
        let long_key = format!("metadata[{}]=x", "k".repeat(41));
        let mut params = Params::parse(long_key.as_bytes());
        assert!(params.take_metadata().is_err());

        let long_value = format!("metadata[k]={}", "v".repeat(501));
        let mut params = Params::parse(long_value.as_bytes());
        assert!(params.take_metadata().is_err());

        let many: Vec<String> =
            (0..51).map(|n| format!("metadata[k{n}]=v")).collect();
        let mut params = Params::parse(many.join("&").as_bytes());
        assert!(params.take_metadata().is_err());

        let mut params = Params::parse(b"metadata[reference]=PCN123");
        let metadata = params.take_metadata().unwrap();
        assert_eq!(metadata["reference"], "PCN123");
    }

    #[test]
    fn leftover_parameters_are_named_in_the_error() {
        let params = Params::parse(b"amonut=100");
        let error = params.finish().unwrap_err();
        assert_eq!(error.code(), Some("parameter_unknown"));
        assert!(
            error.to_object()["message"]
                .as_str()
                .unwrap()
                .contains("amonut")
        );
    }

    #[test]
    fn fingerprints_ignore_parameter_order() {
        let a = Params::parse(b"a=1&b=2").fingerprint();
        let b = Params::parse(b"b=2&a=1").fingerprint();
        assert_eq!(a, b);
        assert_ne!(a, Params::parse(b"a=1&b=3").fingerprint());
    }
}
