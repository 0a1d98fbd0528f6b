//! The demo's one question: how much the citizen wants to pay, checked
//! on the server the way a GOV.UK service checks it (error summary plus
//! a message beside the field, every value kept).

use serde::Deserialize;

/// The fixed choices, in pence, with what each one is for.
pub const CHOICES: [(i64, &str); 3] = [
    (3500, "discounted fine, paid within 14 days"),
    (7000, "full fine"),
    (10500, "fine with a charge certificate"),
];

/// The smallest and largest "Other amount", in pence. A parking fine
/// is never more than this; the payments API itself takes up to
/// £100,000.
const MIN_OTHER: i64 = 100;
const MAX_OTHER: i64 = 100_000;

/// The form as the browser sent it. Every field is optional so that a
/// missing one becomes a message for the citizen, not a rejection.
#[derive(Debug, Default, Deserialize)]
pub struct AmountForm {
    pub amount: Option<String>,
    pub other_amount: Option<String>,
}

/// Which field a message belongs to, so the summary can link to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The radios: the link goes to the first one.
    Choice,
    /// The "Other amount" text box.
    Other,
}

/// A message for the citizen, saying what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormError {
    pub field: Field,
    pub message: &'static str,
}

impl FormError {
    fn new(field: Field, message: &'static str) -> FormError {
        FormError { field, message }
    }
}

impl AmountForm {
    /// The amount in pence, or what the citizen must change.
    pub fn amount(&self) -> Result<i64, FormError> {
        let choice = self.amount.as_deref().map(str::trim);
        match choice {
            Some("other") => parse_pounds(self.other_text()),
            Some(pence) => fixed_choice(pence),
            None => Err(FormError::new(
                Field::Choice,
                "Select how much you want to pay",
            )),
        }
    }

    /// What the citizen typed in "Other amount", to show it again.
    pub fn other_text(&self) -> &str {
        self.other_amount.as_deref().unwrap_or("")
    }

    /// True when this radio was the citizen's choice.
    pub fn chose(&self, value: &str) -> bool {
        self.amount.as_deref() == Some(value)
    }
}

fn fixed_choice(value: &str) -> Result<i64, FormError> {
    let pence = value.parse::<i64>().ok();
    let known = pence.filter(|p| CHOICES.iter().any(|(c, _)| c == p));
    // Only a hand-made request sends anything else; asking again is
    // the plain answer.
    known.ok_or(FormError::new(
        Field::Choice,
        "Select how much you want to pay",
    ))
}

/// Pounds as people write them: `35`, `35.5`, `35.50`, `£35`, `1,000`.
fn parse_pounds(text: &str) -> Result<i64, FormError> {
    let cleaned: String = text
        .trim()
        .trim_start_matches('£')
        .chars()
        .filter(|c| *c != ',' && !c.is_whitespace())
        .collect();
    if cleaned.is_empty() {
        return Err(FormError::new(
            Field::Other,
            "Enter the amount you want to pay",
        ));
    }
    let pence = to_pence(&cleaned).ok_or(FormError::new(
        Field::Other,
        "Enter the amount in pounds, like 35 or 35.50",
    ))?;
    if pence < MIN_OTHER {
        return Err(FormError::new(
            Field::Other,
            "The amount must be £1 or more",
        ));
    }
    if pence > MAX_OTHER {
        return Err(FormError::new(
            Field::Other,
            "The amount must be £1,000 or less",
        ));
    }
    Ok(pence)
}

/// `"35.5"` to 3550; `None` unless digits with at most two decimals.
fn to_pence(text: &str) -> Option<i64> {
    let (pounds, pence) = match text.split_once('.') {
        Some((pounds, pence)) => (pounds, pence),
        None => (text, ""),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let valid = !pounds.is_empty()
        && pounds.len() <= 7
        && pence.len() <= 2
        && digits(pounds)
        && digits(pence)
        && !(text.ends_with('.'));
    if !valid {
        return None;
    }
    let pounds: i64 = pounds.parse().ok()?;
    let pence: i64 = format!("{pence:0<2}").parse().ok()?;
    Some(pounds * 100 + pence)
}

/// 3550 as "£35.50".
pub fn pounds(pence: i64) -> String {
    let whole = pence / 100;
    let rest = pence % 100;
    let whole = group_thousands(whole);
    format!("£{whole}.{rest:02}")
}

fn group_thousands(n: i64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn form(amount: Option<&str>, other: &str) -> AmountForm {
        AmountForm {
            amount: amount.map(str::to_owned),
            other_amount: Some(other.to_owned()),
        }
    }

    fn message(amount: Option<&str>, other: &str) -> &'static str {
        form(amount, other).amount().unwrap_err().message
    }

    #[test]
    fn fixed_choices_are_taken_as_they_are() {
        assert_eq!(form(Some("3500"), "").amount(), Ok(3500));
        assert_eq!(form(Some("10500"), "999").amount(), Ok(10500));
    }

    #[test]
    fn other_amounts_are_read_as_people_write_pounds() {
        for (text, pence) in [
            ("35", 3500),
            ("35.5", 3550),
            ("35.50", 3550),
            (" £1,000 ", 100_000),
            ("1.00", 100),
        ] {
            assert_eq!(form(Some("other"), text).amount(), Ok(pence), "{text}");
        }
    }

    #[test]
    fn each_mistake_gets_its_own_message() {
        let select = "Select how much you want to pay";
        assert_eq!(message(None, ""), select);
        assert_eq!(message(Some("1"), ""), select);
        assert_eq!(
            message(Some("other"), "  "),
            "Enter the amount you want to pay"
        );
        let format = "Enter the amount in pounds, like 35 or 35.50";
        for text in ["ten", "35.505", "35.", ".5", "3 5x", "-5", "1e3"] {
            assert_eq!(message(Some("other"), text), format, "{text}");
        }
        assert_eq!(
            message(Some("other"), "0.99"),
            "The amount must be £1 or more"
        );
        assert_eq!(
            message(Some("other"), "1000.01"),
            "The amount must be £1,000 or less"
        );
    }

    #[test]
    fn amounts_are_shown_in_pounds_and_pence() {
        assert_eq!(pounds(3500), "£35.00");
        assert_eq!(pounds(100_005), "£1,000.05");
        assert_eq!(pounds(5), "£0.05");
    }
}
