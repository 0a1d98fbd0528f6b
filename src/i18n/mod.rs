//! The message catalogue: every string the citizen sees, by key. Keys
//! are the card crate's rejection codes, the shim's outcome codes and
//! the page's own.

mod cy;
mod en;

/// The table for a language: "cy" is Welsh, anything else English.
fn table(language: &str) -> &'static [(&'static str, &'static str)] {
    match language {
        "cy" => cy::MESSAGES,
        _ => en::MESSAGES,
    }
}

/// The text for a key in a language. A key missing from the Welsh
/// table falls back to English rather than a blank; a test fails if
/// any key is missing from either table, so this is never relied on.
pub fn text(language: &str, key: &str) -> &'static str {
    let find = |table: &'static [(&str, &'static str)]| {
        table.iter().find(|(k, _)| *k == key).map(|(_, text)| *text)
    };
    find(table(language))
        .or_else(|| find(en::MESSAGES))
        .unwrap_or("")
}

/// The text with `{name}` placeholders filled in.
pub fn fill(language: &str, key: &str, values: &[(&str, &str)]) -> String {
    let mut out = text(language, key).to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// "Visa, Mastercard or American Express" (or "neu" in Welsh).
pub fn list_or(language: &str, names: &[&str]) -> String {
    let or = text(language, "or");
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} {or} {last}", rest.join(", ")),
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
        assert_eq!(list_or("en", &["Visa"]), "Visa");
        assert_eq!(
            list_or("en", &["Visa", "Maestro", "Mastercard"]),
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

    /// Issue 6: a key missing from either language fails here, and so
    /// does a placeholder the translation lost or gained.
    #[test]
    fn english_and_welsh_have_the_same_keys_and_placeholders() {
        let keys = |t: &[(&str, &str)]| -> Vec<String> {
            t.iter().map(|(k, _)| (*k).to_owned()).collect()
        };
        assert_eq!(keys(en::MESSAGES), keys(cy::MESSAGES));
        for ((key, english), (_, welsh)) in
            en::MESSAGES.iter().zip(cy::MESSAGES)
        {
            assert_eq!(placeholders(english), placeholders(welsh), "{key}");
        }
    }

    fn placeholders(text: &str) -> Vec<&str> {
        let mut found: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        found.sort_unstable();
        found
    }

    /// A line of the table wrapped with `\` must keep its space: "to\"
    /// then "start" would show "tostart".
    #[test]
    fn wrapped_lines_keep_the_space_between_words() {
        for source in [include_str!("en.rs"), include_str!("cy.rs")] {
            for line in source.lines() {
                let joined_words = line.ends_with('\\')
                    && !line.ends_with(" \\")
                    && !line.trim_start().starts_with("//");
                assert!(!joined_words, "no space before \\ in: {line}");
            }
        }
    }

    #[test]
    fn no_message_says_invalid_please_or_sorry() {
        for (key, message) in en::MESSAGES.iter().chain(cy::MESSAGES) {
            let lower = message.to_lowercase();
            for word in ["invalid", "please", "sorry"] {
                assert!(!lower.contains(word), "{key}: {message}");
            }
            // A wrapped line in the table must not leave a double space.
            assert!(!message.contains("  "), "{key}: {message}");
        }
    }
}
