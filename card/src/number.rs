//! Checking a whole or partial card number as the citizen types it.

use crate::brand::Brand;
use crate::detection::{Candidates, Detection, Issuer};
use crate::digits::{self, Scan};
use crate::rejection::{Rejection, display_as_code};

/// Why a card number is not (yet) valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberProblem {
    /// Nothing entered (spaces and hyphens alone count as nothing).
    Empty,
    /// Holds a character other than a digit, space or hyphen.
    NotDigits,
    /// Fewer digits than the brand issues, or a length between two the
    /// brand issues (we cannot tell a missing digit from an extra one,
    /// and "too short" is right whenever typing more could fix it).
    TooShort,
    /// More digits than the brand, or any brand, issues.
    TooLong,
    /// The right length, but the last digit does not match the others
    /// (the Luhn check): usually a mistyped or swapped digit.
    FailsChecksum,
    /// No card brand starts with these digits.
    UnknownBrand,
    /// A real card brand paypage never accepts, such as Mir.
    OtherBrandNotAccepted(crate::OtherBrand),
    /// A brand this council does not accept.
    BrandNotAccepted(Brand),
}

impl Rejection for NumberProblem {
    fn code(&self) -> &'static str {
        match self {
            NumberProblem::Empty => "card-number-missing",
            NumberProblem::NotDigits => "card-number-not-digits",
            NumberProblem::TooShort => "card-number-too-short",
            NumberProblem::TooLong => "card-number-too-long",
            NumberProblem::FailsChecksum => "card-number-fails-checksum",
            NumberProblem::UnknownBrand => "card-number-unknown-brand",
            NumberProblem::OtherBrandNotAccepted(_) => {
                "card-number-other-brand-not-accepted"
            }
            NumberProblem::BrandNotAccepted(_) => {
                "card-number-brand-not-accepted"
            }
        }
    }
}

display_as_code!(NumberProblem);

/// The full answer for the page as the citizen types or submits.
///
/// `Debug` shows the verdict only, never the digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NumberCheck {
    /// What the prefix says about the brand.
    pub detection: Detection,
    /// Complete: a length the brand issues, passes the Luhn check, and
    /// the brand is one the council accepts.
    pub valid: bool,
    /// Could still become valid by typing more digits. A page shows an
    /// error while typing only when this is false.
    pub potentially_valid: bool,
    /// Why the number is not valid; `None` exactly when it is.
    pub problem: Option<NumberProblem>,
}

impl NumberCheck {
    fn valid(detection: Detection) -> NumberCheck {
        NumberCheck {
            detection,
            valid: true,
            potentially_valid: true,
            problem: None,
        }
    }

    fn invalid(
        detection: Detection,
        problem: NumberProblem,
        potentially_valid: bool,
    ) -> NumberCheck {
        NumberCheck {
            detection,
            valid: false,
            potentially_valid,
            problem: Some(problem),
        }
    }
}

/// Checks a whole or partial card number against the brands a council
/// accepts.
///
/// Spaces and hyphens are ignored wherever they fall. Problems are
/// reported in the order a citizen can act on them: nothing entered,
/// wrong characters, a brand that can never be accepted, then length,
/// then the checksum.
///
/// UnionPay numbers must pass the Luhn check like every other brand.
/// Some old domestic UnionPay debit cards do not, but the payment
/// providers paypage speaks to (Stripe, and the sandbox that imitates
/// it) refuse a number failing Luhn before it reaches any card network,
/// so letting one through here would only turn a clear "check the
/// number" into a vague decline after the citizen has confirmed.
///
/// ```
/// use paypage_card::{check_number, Brand, NumberProblem};
///
/// let accepted = [Brand::Visa, Brand::Mastercard];
///
/// let check = check_number("4242 4242 4242 4242", &accepted);
/// assert!(check.valid);
///
/// let check = check_number("4242 42", &accepted);
/// assert!(check.potentially_valid);
/// assert_eq!(check.problem, Some(NumberProblem::TooShort));
///
/// let check = check_number("3714 496353 98431", &accepted);
/// assert!(!check.potentially_valid);
/// assert_eq!(
///     check.problem,
///     Some(NumberProblem::BrandNotAccepted(Brand::AmericanExpress)),
/// );
/// ```
pub fn check_number(input: &str, accepted: &[Brand]) -> NumberCheck {
    let Some(scan) = digits::scan(input) else {
        let detection = Detection::Unknown;
        return NumberCheck::invalid(
            detection,
            NumberProblem::NotDigits,
            false,
        );
    };
    if scan.count == 0 {
        let detection = Detection::Ambiguous;
        return NumberCheck::invalid(detection, NumberProblem::Empty, true);
    }

    let candidates = Candidates::of(scan.prefix);
    let detection = candidates.detection();
    match detection {
        Detection::Brand(brand) if accepted.contains(&brand) => {
            check_length_and_checksum(input, scan, brand)
        }
        Detection::Brand(brand) => {
            let problem = NumberProblem::BrandNotAccepted(brand);
            NumberCheck::invalid(detection, problem, false)
        }
        Detection::Other(other) => {
            let problem = NumberProblem::OtherBrandNotAccepted(other);
            NumberCheck::invalid(detection, problem, false)
        }
        Detection::Ambiguous => check_ambiguous(&candidates, accepted),
        Detection::Unknown => {
            let problem = NumberProblem::UnknownBrand;
            NumberCheck::invalid(detection, problem, false)
        }
    }
}

/// Length, then Luhn, for a number of an accepted brand.
fn check_length_and_checksum(
    input: &str,
    scan: Scan,
    brand: Brand,
) -> NumberCheck {
    let detection = Detection::Brand(brand);
    let lengths = brand.lengths();
    let longest = lengths.last().map_or(0, |len| usize::from(*len));
    let issued = lengths.iter().any(|len| usize::from(*len) == scan.count);

    if scan.count > longest {
        return NumberCheck::invalid(detection, NumberProblem::TooLong, false);
    }
    if !issued {
        return NumberCheck::invalid(detection, NumberProblem::TooShort, true);
    }
    // The input holds only digits and separators (the scan said so),
    // and `luhn` skips non-digits, so no copy of the digits is needed.
    if !luhn::valid(input) {
        let could_grow = scan.count < longest;
        let problem = NumberProblem::FailsChecksum;
        return NumberCheck::invalid(detection, problem, could_grow);
    }
    NumberCheck::valid(detection)
}

/// A prefix that could still become several brands is always shorter
/// than any complete number: it is valid later only if one of those
/// brands is accepted.
fn check_ambiguous(candidates: &Candidates, accepted: &[Brand]) -> NumberCheck {
    let hopeful = accepted
        .iter()
        .any(|brand| candidates.could_be(Issuer::Brand(*brand)));
    // Every ambiguity is settled by the sixth digit, and no brand
    // issues fewer than twelve, so an ambiguous number is too short.
    NumberCheck::invalid(Detection::Ambiguous, NumberProblem::TooShort, hopeful)
}
