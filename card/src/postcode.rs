//! UK postcodes, for councils that collect a billing address in GB.
//!
//! The rules are Royal Mail's published format: an outward code (area
//! and district, such as "SW1A") and an inward code (sector and unit,
//! such as "1AA"), with the letters each position may hold. Checking
//! the letters catches the common slip of typing O for 0. The format
//! cannot tell whether a postcode exists; only an address lookup can,
//! and that is the council's business, not the card page's.

use std::fmt;

use crate::rejection::{Rejection, display_as_code};

/// A UK postcode in its normal form: upper case, one space before the
/// inward code ("SW1A 1AA").
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Postcode(String);

impl Postcode {
    /// The normal form, "SW1A 1AA".
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The outward code, "SW1A".
    pub fn outward(&self) -> &str {
        self.0.split(' ').next().unwrap_or_default()
    }

    /// The inward code, "1AA".
    pub fn inward(&self) -> &str {
        self.0.rsplit(' ').next().unwrap_or_default()
    }
}

impl fmt::Display for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a postcode is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PostcodeProblem {
    /// Nothing entered.
    Missing,
    /// Not laid out like a UK postcode, such as "SW1A 1AA".
    WrongFormat,
}

impl Rejection for PostcodeProblem {
    fn code(&self) -> &'static str {
        match self {
            PostcodeProblem::Missing => "postcode-missing",
            PostcodeProblem::WrongFormat => "postcode-wrong-format",
        }
    }
}

display_as_code!(PostcodeProblem);

/// Checks a UK postcode and returns it in normal form. Case and spaces
/// do not matter: "sw1a1aa" and " SW1A  1AA " are both "SW1A 1AA".
///
/// ```
/// use paypage_card::{check_postcode, PostcodeProblem};
///
/// let postcode = check_postcode("cf10 1ep")?;
/// assert_eq!(postcode.as_str(), "CF10 1EP");
/// assert_eq!(check_postcode("CF10 1E0"), Err(PostcodeProblem::WrongFormat));
/// # Ok::<(), PostcodeProblem>(())
/// ```
pub fn check_postcode(input: &str) -> Result<Postcode, PostcodeProblem> {
    let compact: String = input
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if compact.is_empty() {
        return Err(PostcodeProblem::Missing);
    }
    if !compact.is_ascii() || !(5..=7).contains(&compact.len()) {
        return Err(PostcodeProblem::WrongFormat);
    }

    let (outward, inward) = compact.split_at(compact.len() - 3);
    let girobank = outward == "GIR" && inward == "0AA";
    let shaped = outward_ok(outward.as_bytes()) && inward_ok(inward.as_bytes());
    if !(girobank || shaped) {
        return Err(PostcodeProblem::WrongFormat);
    }
    Ok(Postcode(format!("{outward} {inward}")))
}

/// Area letters: never Q, V or X first, never I, J or Z second.
fn first_letter(b: u8) -> bool {
    b.is_ascii_uppercase() && !b"QVX".contains(&b)
}

fn second_letter(b: u8) -> bool {
    b.is_ascii_uppercase() && !b"IJZ".contains(&b)
}

/// A9, A99, AA9, AA99, A9A, AA9A.
fn outward_ok(code: &[u8]) -> bool {
    let digit = |b: &u8| b.is_ascii_digit();
    match code {
        [a, d] => first_letter(*a) && digit(d),
        [a, d, e] if digit(d) => {
            first_letter(*a) && (digit(e) || b"ABCDEFGHJKPSTUW".contains(e))
        }
        [a, b, d] => first_letter(*a) && second_letter(*b) && digit(d),
        [a, b, d, e] => {
            first_letter(*a)
                && second_letter(*b)
                && digit(d)
                && (digit(e) || b"ABEHMNPRVWXY".contains(e))
        }
        _ => false,
    }
}

/// 9AA, where the letters are never C, I, K, M, O or V.
fn inward_ok(code: &[u8]) -> bool {
    let unit = |b: &u8| b.is_ascii_uppercase() && !b"CIKMOV".contains(b);
    matches!(code, [d, x, y] if d.is_ascii_digit() && unit(x) && unit(y))
}
