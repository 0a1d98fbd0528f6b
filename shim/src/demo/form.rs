//! The demo's one question: how much the citizen wants to pay, checked
//! on the server the way a GOV.UK service checks it (error summary plus
//! a message beside the field, every value kept).

use std::collections::HashMap;

use serde::Deserialize;

use super::words::Words;

/// The fixed choices, in pence; what each one is for is in
/// `Words::choice_hints`, in this order.
pub const CHOICES: [i64; 3] = [3500, 7000, 10500];

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
    /// The page's language, from a hidden field, so errors and the
    /// payment stay in the language the citizen was reading.
    pub lang: Option<String>,
}

/// Which field a message belongs to, so the summary can link to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The radios: the link goes to the first one.
    Choice,
    /// The "Other amount" text box.
    Other,
}

/// What the citizen must change; `message` says it in their language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    NoChoice,
    NoAmount,
    NotPounds,
    TooSmall,
    TooLarge,
}

/// A mistake in the form, and the field it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormError {
    pub field: Field,
    pub problem: Problem,
}

impl FormError {
    fn new(field: Field, problem: Problem) -> FormError {
        FormError { field, problem }
    }

    /// What to do, in the page's language.
    pub fn message(&self, words: &Words) -> &'static str {
        match self.problem {
            Problem::NoChoice => words.select_amount,
            Problem::NoAmount => words.enter_amount,
            Problem::NotPounds => words.amount_format,
            Problem::TooSmall => words.too_small,
            Problem::TooLarge => words.too_large,
        }
    }
}

impl AmountForm {
    /// The amount in pence, or what the citizen must change.
    pub fn amount(&self) -> Result<i64, FormError> {
        let choice = self.amount.as_deref().map(str::trim);
        match choice {
            Some("other") => parse_pounds(self.other_text()),
            Some(pence) => fixed_choice(pence),
            None => Err(FormError::new(Field::Choice, Problem::NoChoice)),
        }
    }

    /// The answers in an address's query (the language switch carries
    /// them, so switching keeps what the citizen chose and typed).
    pub fn from_query(query: &HashMap<String, String>) -> AmountForm {
        AmountForm {
            amount: query.get("amount").cloned(),
            other_amount: query.get("other_amount").cloned(),
            lang: query.get("lang").cloned(),
        }
    }

    /// The answers to carry in an address; `lang` is left to the
    /// switch, which adds the other language.
    pub fn answers(&self) -> Vec<(&'static str, String)> {
        let mut answers = Vec::new();
        if let Some(amount) = &self.amount {
            answers.push(("amount", amount.clone()));
        }
        if !self.other_text().is_empty() {
            answers.push(("other_amount", self.other_text().to_owned()));
        }
        answers
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
    let known = pence.filter(|p| CHOICES.contains(p));
    // Only a hand-made request sends anything else; asking again is
    // the plain answer.
    known.ok_or(FormError::new(Field::Choice, Problem::NoChoice))
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
        return Err(FormError::new(Field::Other, Problem::NoAmount));
    }
    let pence = to_pence(&cleaned)
        .ok_or(FormError::new(Field::Other, Problem::NotPounds))?;
    if pence < MIN_OTHER {
        return Err(FormError::new(Field::Other, Problem::TooSmall));
    }
    if pence > MAX_OTHER {
        return Err(FormError::new(Field::Other, Problem::TooLarge));
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
    use crate::demo::words::{CY, EN};

    fn form(amount: Option<&str>, other: &str) -> AmountForm {
        AmountForm {
            amount: amount.map(str::to_owned),
            other_amount: Some(other.to_owned()),
            lang: None,
        }
    }

    fn message(amount: Option<&str>, other: &str) -> &'static str {
        form(amount, other).amount().unwrap_err().message(&EN)
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
    fn each_message_is_said_in_welsh_too() {
        let error = form(Some("other"), "0.99").amount().unwrap_err();
        assert_eq!(error.message(&CY), "Rhaid i'r swm fod yn £1 neu fwy");
        let error = form(None, "").amount().unwrap_err();
        assert_eq!(error.message(&CY), "Dewiswch faint rydych am ei dalu");
    }

    #[test]
    fn the_answers_go_into_an_address_and_come_back() {
        let typed = form(Some("other"), "12.5");
        let answers = typed.answers();
        assert_eq!(
            answers,
            [
                ("amount", "other".to_owned()),
                ("other_amount", "12.5".into())
            ]
        );
        let query = answers
            .into_iter()
            .map(|(name, value)| (name.to_owned(), value))
            .collect();
        let back = AmountForm::from_query(&query);
        assert_eq!(back.amount(), Ok(1250));
        assert!(AmountForm::default().answers().is_empty());
    }

    #[test]
    fn amounts_are_shown_in_pounds_and_pence() {
        assert_eq!(pounds(3500), "£35.00");
        assert_eq!(pounds(100_005), "£1,000.05");
        assert_eq!(pounds(5), "£0.05");
    }
}
