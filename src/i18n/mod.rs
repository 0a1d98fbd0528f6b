//! The message catalogue: every string the citizen sees, by key. Keys
//! are the card crate's rejection codes, the shim's outcome codes and
//! the page's own.

mod en;

/// The text for a key in a language; the key itself if it is missing,
/// so a gap shows up in tests and never as a blank on the page.
pub fn text(_language: &str, key: &str) -> &'static str {
    // Welsh arrives as a second table (issue 6); until then every
    // language reads the English one.
    let found = en::MESSAGES.iter().find(|(k, _)| *k == key);
    found.map_or("", |(_, text)| text)
}

/// The text with `{name}` placeholders filled in.
pub fn fill(language: &str, key: &str, values: &[(&str, &str)]) -> String {
    let mut out = text(language, key).to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// "Visa, Mastercard or American Express".
pub fn list_or(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// Pence as the citizen reads money: "£1,234.50".
pub fn money(pence: i64) -> String {
    let pounds = (pence / 100).to_string();
    let mut grouped = String::new();
    for (i, digit) in pounds.chars().enumerate() {
        if i > 0 && (pounds.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!("£{grouped}.{:02}", pence % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_grouped_in_thousands_with_pence() {
        assert_eq!(money(5), "£0.05");
        assert_eq!(money(2500), "£25.00");
        assert_eq!(money(12_345_678), "£123,456.78");
        assert_eq!(money(10_000_000), "£100,000.00");
    }

    #[test]
    fn brand_lists_read_naturally() {
        assert_eq!(list_or(&["Visa"]), "Visa");
        assert_eq!(
            list_or(&["Visa", "Maestro", "Mastercard"]),
            "Visa, Maestro or Mastercard"
        );
    }

    #[test]
    fn every_card_rule_code_has_a_message() {
        let codes = [
            "card-number-missing",
            "card-number-not-digits",
            "card-number-too-short",
            "card-number-too-long",
            "card-number-fails-checksum",
            "card-number-unknown-brand",
            "card-number-brand-not-accepted",
            "card-number-other-brand-not-accepted",
            "expiry-missing",
            "expiry-month-missing",
            "expiry-year-missing",
            "expiry-month-not-1-to-12",
            "expiry-year-not-2-or-4-digits",
            "expiry-wrong-format",
            "expiry-in-the-past",
            "expiry-too-far-ahead",
            "security-code-missing",
            "security-code-not-digits",
            "security-code-wrong-length",
            "security-code-wrong-length-amex",
            "security-code-wrong-length-unknown-brand",
            "cardholder-name-missing",
            "cardholder-name-too-long",
            "cardholder-name-looks-like-card-number",
            "cardholder-name-has-control-characters",
            "email-missing",
            "email-too-long",
            "email-missing-at-sign",
            "email-missing-name-before-at",
            "email-has-invalid-characters",
            "email-domain-not-plausible",
            "postcode-missing",
            "postcode-wrong-format",
        ];
        for code in codes {
            assert!(!text("en", code).is_empty(), "{code}");
        }
    }

    #[test]
    fn no_message_says_invalid_please_or_sorry() {
        for (key, message) in en::MESSAGES {
            let lower = message.to_lowercase();
            for word in ["invalid", "please", "sorry"] {
                assert!(!lower.contains(word), "{key}: {message}");
            }
            // A wrapped line in the table must not leave a double space.
            assert!(!message.contains("  "), "{key}: {message}");
        }
    }
}
