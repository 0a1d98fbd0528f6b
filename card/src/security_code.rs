//! The security code (CVV, CVC, CID or CVN, by brand).

use std::fmt;

use crate::brand::Brand;
use crate::rejection::{Rejection, display_as_code};

/// Why a security code is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SecurityCodeProblem {
    /// Nothing entered.
    Missing,
    /// Holds something other than digits.
    NotDigits,
    /// Not 3 digits, for a brand other than American Express.
    WrongLength,
    /// Not 4 digits, for American Express (printed on the front).
    WrongLengthAmex,
    /// Neither 3 nor 4 digits, while the card's brand is not known.
    WrongLengthUnknownBrand,
}

impl Rejection for SecurityCodeProblem {
    fn code(&self) -> &'static str {
        match self {
            SecurityCodeProblem::Missing => "security-code-missing",
            SecurityCodeProblem::NotDigits => "security-code-not-digits",
            SecurityCodeProblem::WrongLength => "security-code-wrong-length",
            SecurityCodeProblem::WrongLengthAmex => {
                "security-code-wrong-length-amex"
            }
            SecurityCodeProblem::WrongLengthUnknownBrand => {
                "security-code-wrong-length-unknown-brand"
            }
        }
    }
}

display_as_code!(SecurityCodeProblem);

/// A security code of the right length for its card.
///
/// `Debug` and `Display` show "•••" whatever the code, so it cannot be
/// logged by accident. No `Clone`, no `Serialize`.
///
/// ```
/// use paypage_card::{Brand, SecurityCode, SecurityCodeProblem};
///
/// let code = SecurityCode::parse("123", Some(Brand::Visa))?;
/// assert_eq!(code.to_string(), "•••");
/// assert_eq!(code.expose(), "123");
///
/// let amex = SecurityCode::parse("123", Some(Brand::AmericanExpress));
/// assert_eq!(amex.err(), Some(SecurityCodeProblem::WrongLengthAmex));
/// # Ok::<(), SecurityCodeProblem>(())
/// ```
pub struct SecurityCode {
    digits: String,
}

impl SecurityCode {
    /// Parses a security code for a card of `brand`; `None` means the
    /// brand is not known yet, when 3 or 4 digits are allowed.
    /// Surrounding whitespace is ignored; anything else but digits is
    /// refused.
    pub fn parse(
        input: &str,
        brand: Option<Brand>,
    ) -> Result<SecurityCode, SecurityCodeProblem> {
        let digits = input.trim();
        if digits.is_empty() {
            return Err(SecurityCodeProblem::Missing);
        }
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(SecurityCodeProblem::NotDigits);
        }
        if !allowed_lengths(brand).contains(&digits.len()) {
            return Err(wrong_length(brand));
        }
        Ok(SecurityCode {
            digits: digits.to_owned(),
        })
    }

    /// Whether `input` is a code, or the start of one, that could
    /// still become right for `brand` as the citizen types.
    ///
    /// ```
    /// use paypage_card::{Brand, SecurityCode};
    ///
    /// let amex = Some(Brand::AmericanExpress);
    /// assert!(SecurityCode::potentially_valid("12", amex));
    /// assert!(SecurityCode::potentially_valid("", amex));
    /// assert!(!SecurityCode::potentially_valid("12a", amex));
    /// assert!(!SecurityCode::potentially_valid("1234", Some(Brand::Visa)));
    /// ```
    pub fn potentially_valid(input: &str, brand: Option<Brand>) -> bool {
        let digits = input.trim();
        let longest = allowed_lengths(brand).end().to_owned();
        digits.bytes().all(|b| b.is_ascii_digit()) && digits.len() <= longest
    }

    /// The code, for the one place that must send it: the request that
    /// tokenises the card with the payment provider.
    pub fn expose(&self) -> &str {
        &self.digits
    }
}

fn allowed_lengths(brand: Option<Brand>) -> std::ops::RangeInclusive<usize> {
    match brand {
        Some(brand) => {
            let len = usize::from(brand.security_code_len());
            len..=len
        }
        None => 3..=4,
    }
}

fn wrong_length(brand: Option<Brand>) -> SecurityCodeProblem {
    match brand {
        Some(Brand::AmericanExpress) => SecurityCodeProblem::WrongLengthAmex,
        Some(_) => SecurityCodeProblem::WrongLength,
        None => SecurityCodeProblem::WrongLengthUnknownBrand,
    }
}

impl fmt::Display for SecurityCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("•••")
    }
}

impl fmt::Debug for SecurityCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecurityCode(•••)")
    }
}
