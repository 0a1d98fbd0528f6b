//! Which brand a (possibly partial) card number belongs to.
//!
//! Each row of [`RANGES`] says: numbers whose first `digits` digits lie
//! between `low` and `high` belong to `issuer`. A longer row is more
//! specific and wins over a shorter one (`6011` is Discover, not the
//! Maestro catch-all `6`). While fewer digits are typed than a row
//! needs, the row is "open": it could still match. The answer is a
//! brand only when every row that matches or could still match points
//! at that same brand; otherwise it is ambiguous (more to come) or
//! unknown (nothing can match).
//!
//! # Other brands: what is detected, and why
//!
//! An other brand's range is listed only where it does not overlap the
//! published range of a brand paypage accepts, except for the Maestro
//! catch-all `6`, which by definition yields to anything more specific.
//! Where ranges overlap we cannot tell from the number alone, and
//! wrongly calling a Visa card "Elo" would refuse a card the council
//! takes, while the reverse only costs a decline from the provider.
//!
//! - Mir: 2200-2204 (no accepted brand starts 2200-2220).
//! - Elo: 504175, 506699-506778 and 509000-509999, the gaps in the
//!   Maestro ranges. Elo's ranges inside Visa (4011 78..), UnionPay
//!   (627780), Maestro 63 (636297, 636368) and Discover (650...) are
//!   left to those brands.
//! - Hipercard: 606282 (inside only the Maestro catch-all). Its 3841x0
//!   ranges overlap Diners Club 38 and are left to Diners Club.
//! - Troy: 9792 (no accepted brand starts with 9).
//! - RuPay: 606985-607984 and 608001-608500 (inside only the Maestro
//!   catch-all). RuPay's 6521-6531 are carried on the Discover network
//!   and stay Discover; 508500-508999 and 81, 82 overlap Maestro and
//!   UnionPay.
//! - Verve: never detected. Its published ranges (506099-506198,
//!   507865-507964, 650002-650027) all sit inside Maestro's or
//!   Discover's own. A Verve card is checked as Maestro or Discover and
//!   the provider decides. Change this if a council needs to name Verve.

use crate::brand::{Brand, OtherBrand};
use crate::digits::{self, Prefix};

/// What a (possibly partial) number's prefix says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Detection {
    /// A brand paypage can accept (the council may still refuse it).
    Brand(Brand),
    /// A well-formed brand paypage recognises but never accepts.
    Other(OtherBrand),
    /// Could still become several brands: more digits are needed.
    Ambiguous,
    /// No brand starts like this.
    Unknown,
}

/// Detects the brand of a whole or partial card number.
///
/// Spaces and hyphens are ignored. Input holding anything else is
/// [`Detection::Unknown`]; [`crate::check_number`] says why. Empty input
/// is [`Detection::Ambiguous`]: it could still become any brand.
///
/// ```
/// use paypage_card::{detect, Brand, Detection, OtherBrand};
///
/// assert_eq!(detect("4242 4242"), Detection::Brand(Brand::Visa));
/// assert_eq!(detect("6011"), Detection::Brand(Brand::Discover));
/// assert_eq!(detect("6"), Detection::Ambiguous);
/// assert_eq!(detect("2200"), Detection::Other(OtherBrand::Mir));
/// assert_eq!(detect("2721"), Detection::Unknown);
/// ```
pub fn detect(digits: &str) -> Detection {
    match digits::scan(digits) {
        Some(scan) => Candidates::of(scan.prefix).detection(),
        None => Detection::Unknown,
    }
}

/// Every brand paypage accepts that `digits` could still turn out to
/// be, in [`Brand::ALL`] order: one brand once the prefix decides it,
/// several while it is ambiguous, none for an unknown or other brand.
///
/// Pages use this to highlight the logos a citizen's card may be.
///
/// ```
/// use paypage_card::{possible_brands, Brand};
///
/// let brands: Vec<Brand> = possible_brands("3").collect();
/// assert_eq!(
///     brands,
///     [Brand::AmericanExpress, Brand::DinersClub, Brand::Jcb],
/// );
/// ```
pub fn possible_brands(digits: &str) -> impl Iterator<Item = Brand> {
    let candidates = match digits::scan(digits) {
        Some(scan) => Candidates::of(scan.prefix),
        None => Candidates::default(),
    };
    Brand::ALL
        .into_iter()
        .filter(move |brand| candidates.could_be(Issuer::Brand(*brand)))
}

/// Who issues numbers in a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Issuer {
    Brand(Brand),
    Other(OtherBrand),
}

impl Issuer {
    /// A distinct bit per issuer, for [`Candidates`].
    fn bit(self) -> u16 {
        match self {
            Issuer::Brand(brand) => 1 << brand as u16,
            Issuer::Other(other) => 1 << (8 + other as u16),
        }
    }

    fn detection(self) -> Detection {
        match self {
            Issuer::Brand(brand) => Detection::Brand(brand),
            Issuer::Other(other) => Detection::Other(other),
        }
    }
}

/// Numbers whose first `digits` digits lie in `low..=high`.
struct Range {
    low: u32,
    high: u32,
    digits: u8,
    issuer: Issuer,
}

const fn brand(low: u32, high: u32, digits: u8, brand: Brand) -> Range {
    Range {
        low,
        high,
        digits,
        issuer: Issuer::Brand(brand),
    }
}

const fn other(low: u32, high: u32, digits: u8, other: OtherBrand) -> Range {
    Range {
        low,
        high,
        digits,
        issuer: Issuer::Other(other),
    }
}

use Brand::*;
use OtherBrand::{Elo, Hipercard, Mir, RuPay, Troy};

/// The prefix table (see the module comment for the other brands).
///
/// UnionPay owns all of 62, including 622126-622925, which older
/// validators still call Discover: those cards are UnionPay cards that
/// the Discover network also accepts, and the provider reports them as
/// UnionPay.
const RANGES: [Range; 33] = [
    brand(4, 4, 1, Visa),
    brand(51, 55, 2, Mastercard),
    brand(2221, 2720, 4, Mastercard),
    brand(34, 34, 2, AmericanExpress),
    brand(37, 37, 2, AmericanExpress),
    brand(493698, 493698, 6, Maestro),
    brand(500000, 504174, 6, Maestro),
    brand(504176, 506698, 6, Maestro),
    brand(506779, 508999, 6, Maestro),
    brand(56, 59, 2, Maestro),
    brand(63, 63, 2, Maestro),
    brand(67, 67, 2, Maestro),
    brand(6, 6, 1, Maestro),
    brand(300, 305, 3, DinersClub),
    brand(36, 36, 2, DinersClub),
    brand(38, 39, 2, DinersClub),
    brand(6011, 6011, 4, Discover),
    brand(644, 649, 3, Discover),
    brand(65, 65, 2, Discover),
    brand(2131, 2131, 4, Jcb),
    brand(1800, 1800, 4, Jcb),
    brand(3528, 3589, 4, Jcb),
    brand(62, 62, 2, UnionPay),
    brand(810, 810, 3, UnionPay),
    brand(8110, 8171, 4, UnionPay),
    other(2200, 2204, 4, Mir),
    other(504175, 504175, 6, Elo),
    other(506699, 506778, 6, Elo),
    other(509000, 509999, 6, Elo),
    other(606282, 606282, 6, Hipercard),
    other(9792, 9792, 4, Troy),
    other(606985, 607984, 6, RuPay),
    other(608001, 608500, 6, RuPay),
];

/// How a range relates to a prefix.
enum Fit {
    /// The prefix has enough digits and they lie in the range.
    Matches,
    /// The prefix is too short to tell, but could still match.
    Open,
    /// The prefix cannot be in this range.
    Outside,
}

/// Powers of ten up to the longest prefix, so fitting a range needs
/// multiplications only (this runs on every keystroke).
const POW10: [u32; 7] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

impl Range {
    fn fit(&self, prefix: Prefix) -> Fit {
        let pow = |n: u8| POW10.get(usize::from(n)).copied().unwrap_or(0);
        if prefix.len >= self.digits {
            // value's first `digits` digits lie in low..=high.
            let scale = pow(prefix.len - self.digits);
            let inside = self.low * scale <= prefix.value
                && prefix.value < (self.high + 1) * scale;
            return if inside { Fit::Matches } else { Fit::Outside };
        }
        // Some number starting with value lies in low..=high.
        let scale = pow(self.digits - prefix.len);
        let first = prefix.value * scale;
        let open = first <= self.high && self.low < first + scale;
        if open { Fit::Open } else { Fit::Outside }
    }
}

/// The most specific range a prefix matches, and every issuer whose
/// ranges it could still grow into.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Candidates {
    best: Option<(Issuer, u8)>,
    open: u16,
}

impl Candidates {
    pub(crate) fn of(prefix: Prefix) -> Candidates {
        let mut candidates = Candidates::default();
        for range in &RANGES {
            match range.fit(prefix) {
                Fit::Matches => candidates.matched(range),
                Fit::Open => candidates.open |= range.issuer.bit(),
                Fit::Outside => {}
            }
        }
        candidates
    }

    fn matched(&mut self, range: &Range) {
        let more_specific = match self.best {
            Some((_, digits)) => range.digits > digits,
            None => true,
        };
        if more_specific {
            self.best = Some((range.issuer, range.digits));
        }
    }

    /// Whether the number could still turn out to be `issuer`'s.
    pub(crate) fn could_be(&self, issuer: Issuer) -> bool {
        let best = self.best.map_or(0, |(best, _)| best.bit());
        (best | self.open) & issuer.bit() != 0
    }

    pub(crate) fn detection(&self) -> Detection {
        match self.best {
            Some((issuer, _)) if self.open & !issuer.bit() == 0 => {
                issuer.detection()
            }
            Some(_) => Detection::Ambiguous,
            None => self.only_open().map_or_else(
                || match self.open {
                    0 => Detection::Unknown,
                    _ => Detection::Ambiguous,
                },
                Issuer::detection,
            ),
        }
    }

    /// The one issuer whose ranges are still open, if only one is.
    fn only_open(&self) -> Option<Issuer> {
        let brands = Brand::ALL.map(Issuer::Brand);
        let others = OtherBrand::ALL.map(Issuer::Other);
        let mut all = brands.into_iter().chain(others);
        all.find(|issuer| issuer.bit() == self.open)
    }
}
