//! The cardholder's name, as printed on the card.

use crate::digits::{ascii_digit, is_separator};
use crate::rejection::{Rejection, display_as_code};

/// Longest name accepted, in characters: what GOV.UK Pay accepts, and
/// far longer than any card prints.
const MAX_CHARS: usize = 255;

/// A run of this many digits is a card number pasted into the wrong
/// box: 12 is the shortest card number paypage accepts (Maestro).
/// Shorter runs are let through, since a name field may hold a house
/// or flat number when the citizen misreads the label.
const CARD_LIKE_DIGITS: usize = 12;

/// Why a cardholder name is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameProblem {
    /// Nothing entered (or only spaces).
    Missing,
    /// Longer than 255 characters.
    TooLong,
    /// Holds a long run of digits: probably the card number, in the
    /// wrong box. Refused so the number is not sent on as a name.
    LooksLikeCardNumber,
    /// Holds a control character (a tab, a line break, a NUL), which
    /// no printed name has and which a paste can bring in unseen.
    ControlCharacters,
}

impl Rejection for NameProblem {
    fn code(&self) -> &'static str {
        match self {
            NameProblem::Missing => "cardholder-name-missing",
            NameProblem::TooLong => "cardholder-name-too-long",
            NameProblem::LooksLikeCardNumber => {
                "cardholder-name-looks-like-card-number"
            }
            NameProblem::ControlCharacters => {
                "cardholder-name-has-control-characters"
            }
        }
    }
}

display_as_code!(NameProblem);

/// Checks the name on the card. Any script is welcome (Siân,
/// Nguyễn, Ó Súilleabháin, 李); surrounding whitespace is ignored.
///
/// ```
/// use paypage_card::{check_cardholder_name, NameProblem};
///
/// assert_eq!(check_cardholder_name("Siân O'Brien-Jones"), Ok(()));
/// assert_eq!(
///     check_cardholder_name("4242 4242 4242 4242"),
///     Err(NameProblem::LooksLikeCardNumber),
/// );
/// ```
pub fn check_cardholder_name(name: &str) -> Result<(), NameProblem> {
    let name = name.trim();
    if name.is_empty() {
        return Err(NameProblem::Missing);
    }
    if name.chars().count() > MAX_CHARS {
        return Err(NameProblem::TooLong);
    }
    if longest_digit_run(name) >= CARD_LIKE_DIGITS {
        return Err(NameProblem::LooksLikeCardNumber);
    }
    if name.chars().any(char::is_control) {
        return Err(NameProblem::ControlCharacters);
    }
    Ok(())
}

/// The most digits in a row, with spaces and hyphens between them not
/// breaking the row ("4242 4242" is a run of eight).
fn longest_digit_run(text: &str) -> usize {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        if ascii_digit(c).is_some() {
            run += 1;
            longest = longest.max(run);
        } else if !is_separator(c) {
            run = 0;
        }
    }
    longest
}
