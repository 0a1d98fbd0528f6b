//! Card data held in types that cannot print it.
//!
//! A `CardNumber` or `SecurityCode` can be put in a struct, passed to a
//! logging macro or shown in a panic message, and the most that ever
//! comes out is "•••• 4242". Neither type implements `Serialize` or
//! `Clone`: the digits are read only through the `expose_` methods,
//! whose names make the one place that sends them to the provider easy
//! to find in review.
//!
//! The digits are not wiped from memory on drop: in the browser the
//! same digits also sit in the input element and in JavaScript strings
//! that nothing here can reach, so wiping our copy would promise more
//! than it gives. Revisit if the shim ever holds card numbers (it must
//! not: it only ever sees a provider token).

use std::fmt;

use crate::brand::Brand;
use crate::detection::Detection;
use crate::number::{NumberProblem, check_number};

/// What masked output puts in place of hidden digits.
const HIDDEN: &str = "••••";

/// A complete, valid card number of an accepted brand.
///
/// ```
/// use paypage_card::{Brand, CardNumber};
///
/// let card = CardNumber::parse("4242 4242 4242 4242", &[Brand::Visa])?;
/// assert_eq!(card.brand(), Brand::Visa);
/// assert_eq!(card.to_string(), "•••• 4242");
/// assert_eq!(format!("{card:?}"), "CardNumber(Visa •••• 4242)");
/// assert_eq!(card.expose_digits(), "4242424242424242");
/// # Ok::<(), paypage_card::NumberProblem>(())
/// ```
pub struct CardNumber {
    digits: String,
    brand: Brand,
}

impl CardNumber {
    /// Parses and fully validates a card number against the brands
    /// the council accepts, keeping its digits without separators.
    pub fn parse(
        input: &str,
        accepted: &[Brand],
    ) -> Result<CardNumber, NumberProblem> {
        let check = check_number(input, accepted);
        if let Some(problem) = check.problem {
            return Err(problem);
        }
        // A valid number always has an accepted brand; say "unknown"
        // rather than panic if that ever stops being true.
        let Detection::Brand(brand) = check.detection else {
            return Err(NumberProblem::UnknownBrand);
        };
        let digits = input.chars().filter(char::is_ascii_digit).collect();
        Ok(CardNumber { digits, brand })
    }

    /// The card's brand.
    pub fn brand(&self) -> Brand {
        self.brand
    }

    /// The last four digits, safe to show and to store.
    pub fn last_four(&self) -> &str {
        let start = self.digits.len().saturating_sub(4);
        self.digits.get(start..).unwrap_or_default()
    }

    /// The digits, for the one place that must send them: the request
    /// that tokenises the card with the payment provider.
    pub fn expose_digits(&self) -> &str {
        &self.digits
    }
}

impl fmt::Display for CardNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{HIDDEN} {}", self.last_four())
    }
}

impl fmt::Debug for CardNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let brand = self.brand;
        write!(f, "CardNumber({brand:?} {HIDDEN} {})", self.last_four())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_and_debug_show_the_last_four_digits_only()
    -> Result<(), NumberProblem> {
        let card = CardNumber::parse("5555-5555-5555-4444", &Brand::ALL)?;
        let shown = format!("{card} {card:?} {card:#?}");
        assert!(!shown.contains("5555"), "{shown}");
        assert!(shown.contains("4444"));
        Ok(())
    }

    #[test]
    fn parse_keeps_digits_without_separators() -> Result<(), NumberProblem> {
        let card = CardNumber::parse(" 3714 496353 98431 ", &Brand::ALL)?;
        assert_eq!(card.expose_digits(), "371449635398431");
        assert_eq!(card.last_four(), "8431");
        assert_eq!(card.brand(), Brand::AmericanExpress);
        Ok(())
    }

    #[test]
    fn parse_refuses_what_check_number_refuses() {
        let refused = CardNumber::parse("4242 4242 4242 4241", &Brand::ALL);
        assert_eq!(refused.err(), Some(NumberProblem::FailsChecksum));
        let refused = CardNumber::parse("4242 4242", &Brand::ALL);
        assert_eq!(refused.err(), Some(NumberProblem::TooShort));
    }
}
