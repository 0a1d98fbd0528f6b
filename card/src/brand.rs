//! The card brands paypage accepts, and those it recognises but refuses.
//!
//! Facts come from `shared/reference/card-brands.md`; the prefixes that
//! decide a brand live in `detection.rs`.

/// Card brands paypage can accept.
///
/// Codes are GOV.UK Pay's `card_brand` values, so the payments API can
/// report them unchanged and a council's accepted-brand list reads the
/// same in paypage and GOV.UK Pay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Brand {
    /// Visa, including Visa Debit and Electron.
    #[cfg_attr(feature = "serde", serde(rename = "visa"))]
    Visa,
    /// Mastercard, in both the 5-series and the 2-series ranges.
    #[cfg_attr(feature = "serde", serde(rename = "master-card"))]
    Mastercard,
    /// American Express: 15 digits, a 4-digit code on the front.
    #[cfg_attr(feature = "serde", serde(rename = "american-express"))]
    AmericanExpress,
    /// Maestro, including the former UK Maestro (Switch) ranges.
    #[cfg_attr(feature = "serde", serde(rename = "maestro"))]
    Maestro,
    /// Diners Club International.
    #[cfg_attr(feature = "serde", serde(rename = "diners-club"))]
    DinersClub,
    /// Discover.
    #[cfg_attr(feature = "serde", serde(rename = "discover"))]
    Discover,
    /// JCB.
    #[cfg_attr(feature = "serde", serde(rename = "jcb"))]
    Jcb,
    /// UnionPay.
    #[cfg_attr(feature = "serde", serde(rename = "unionpay"))]
    UnionPay,
}

impl Brand {
    /// Every brand, in the order a page lists accepted-card logos.
    pub const ALL: [Brand; 8] = [
        Brand::Visa,
        Brand::Mastercard,
        Brand::AmericanExpress,
        Brand::Maestro,
        Brand::DinersClub,
        Brand::Discover,
        Brand::Jcb,
        Brand::UnionPay,
    ];

    /// GOV.UK Pay's `card_brand` code: `"visa"`, `"master-card"`,
    /// `"american-express"`, `"maestro"`, `"diners-club"`,
    /// `"discover"`, `"jcb"` or `"unionpay"`.
    pub fn code(self) -> &'static str {
        match self {
            Brand::Visa => "visa",
            Brand::Mastercard => "master-card",
            Brand::AmericanExpress => "american-express",
            Brand::Maestro => "maestro",
            Brand::DinersClub => "diners-club",
            Brand::Discover => "discover",
            Brand::Jcb => "jcb",
            Brand::UnionPay => "unionpay",
        }
    }

    /// The brand with this [`code`](Brand::code), if any. Exact match:
    /// codes are machine values, so `"Visa"` is not `"visa"`.
    ///
    /// ```
    /// use paypage_card::Brand;
    /// assert_eq!(Brand::from_code("master-card"), Some(Brand::Mastercard));
    /// assert_eq!(Brand::from_code("mastercard"), None);
    /// ```
    pub fn from_code(code: &str) -> Option<Brand> {
        Brand::ALL.into_iter().find(|brand| brand.code() == code)
    }

    /// The brand's proper name, as printed on the card: "Visa",
    /// "Mastercard", "American Express", "Maestro", "Diners Club",
    /// "Discover", "JCB", "UnionPay". The same in English and Welsh.
    pub fn name(self) -> &'static str {
        match self {
            Brand::Visa => "Visa",
            Brand::Mastercard => "Mastercard",
            Brand::AmericanExpress => "American Express",
            Brand::Maestro => "Maestro",
            Brand::DinersClub => "Diners Club",
            Brand::Discover => "Discover",
            Brand::Jcb => "JCB",
            Brand::UnionPay => "UnionPay",
        }
    }

    /// The number lengths this brand issues, shortest first.
    ///
    /// Visa: 16, 18 and 19 only. Visa stopped issuing 13-digit numbers
    /// decades ago and no UK card carries one, so a 13-digit Visa-looking
    /// number is far more likely to be a 16-digit card typed with digits
    /// missing. Accepting it would pass one such slip in ten (the Luhn
    /// odds) on to the payment provider as a vague decline instead of a
    /// clear "too short" here. Revisit if a council reports a genuine
    /// 13-digit card being refused.
    pub fn lengths(self) -> &'static [u8] {
        match self {
            Brand::Visa => &[16, 18, 19],
            Brand::Mastercard => &[16],
            Brand::AmericanExpress => &[15],
            Brand::Maestro => &[12, 13, 14, 15, 16, 17, 18, 19],
            Brand::DinersClub => &[14, 16, 19],
            Brand::Discover => &[16, 19],
            Brand::Jcb => &[16, 17, 18, 19],
            Brand::UnionPay => &[14, 15, 16, 17, 18, 19],
        }
    }

    /// The 0-based digit positions before which a space is shown, as
    /// the brand prints them: `4 10` gives "3714 496353 98431".
    pub fn gaps(self) -> &'static [u8] {
        match self {
            Brand::AmericanExpress | Brand::DinersClub => &[4, 10],
            _ => &DEFAULT_GAPS,
        }
    }

    /// Digits in the security code: 4 for American Express (the CID on
    /// the front of the card), 3 for every other brand.
    pub fn security_code_len(self) -> u8 {
        match self {
            Brand::AmericanExpress => 4,
            _ => 3,
        }
    }
}

/// Gaps used by most brands, and while the brand is not yet known.
pub(crate) const DEFAULT_GAPS: [u8; 3] = [4, 8, 12];

/// Well-formed card brands paypage recognises but never accepts.
///
/// A UK council rarely takes these, but a citizen holding one should be
/// told plainly that this council does not accept it, not that their
/// number is invalid. Which prefixes `detect` attributes to each brand,
/// and why [`OtherBrand::Verve`] is never detected, is written beside
/// the prefix table in `detection.rs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OtherBrand {
    /// Mir, Russia's national card scheme.
    Mir,
    /// Elo, a Brazilian card scheme.
    Elo,
    /// Hipercard, a Brazilian card scheme.
    Hipercard,
    /// Verve, a Nigerian card scheme.
    Verve,
    /// Troy, Turkey's national card scheme.
    Troy,
    /// RuPay, India's national card scheme.
    RuPay,
}

impl OtherBrand {
    /// Every brand paypage recognises but does not accept.
    pub const ALL: [OtherBrand; 6] = [
        OtherBrand::Mir,
        OtherBrand::Elo,
        OtherBrand::Hipercard,
        OtherBrand::Verve,
        OtherBrand::Troy,
        OtherBrand::RuPay,
    ];

    /// A stable kebab-case code, in the style of [`Brand::code`].
    pub fn code(self) -> &'static str {
        match self {
            OtherBrand::Mir => "mir",
            OtherBrand::Elo => "elo",
            OtherBrand::Hipercard => "hipercard",
            OtherBrand::Verve => "verve",
            OtherBrand::Troy => "troy",
            OtherBrand::RuPay => "rupay",
        }
    }

    /// The brand's proper name: "Mir", "Elo", "Hipercard", "Verve",
    /// "Troy", "RuPay".
    pub fn name(self) -> &'static str {
        match self {
            OtherBrand::Mir => "Mir",
            OtherBrand::Elo => "Elo",
            OtherBrand::Hipercard => "Hipercard",
            OtherBrand::Verve => "Verve",
            OtherBrand::Troy => "Troy",
            OtherBrand::RuPay => "RuPay",
        }
    }

    /// The number lengths this brand issues, shortest first.
    pub fn lengths(self) -> &'static [u8] {
        match self {
            OtherBrand::Mir | OtherBrand::Verve => &[16, 17, 18, 19],
            OtherBrand::Hipercard => &[16, 19],
            OtherBrand::Elo | OtherBrand::Troy | OtherBrand::RuPay => &[16],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_as_its_brand() {
        for brand in Brand::ALL {
            assert_eq!(Brand::from_code(brand.code()), Some(brand));
        }
    }

    #[test]
    fn codes_are_gov_uk_pay_card_brands() {
        let codes: Vec<_> = Brand::ALL.iter().map(|b| b.code()).collect();
        assert_eq!(
            codes,
            [
                "visa",
                "master-card",
                "american-express",
                "maestro",
                "diners-club",
                "discover",
                "jcb",
                "unionpay"
            ]
        );
    }

    #[test]
    fn unknown_or_differently_cased_codes_are_no_brand() {
        for code in ["", "Visa", "VISA", "mastercard", "amex", "mir"] {
            assert_eq!(Brand::from_code(code), None, "{code}");
        }
    }

    #[test]
    fn only_american_express_has_a_four_digit_security_code() {
        for brand in Brand::ALL {
            let expected = if brand == Brand::AmericanExpress {
                4
            } else {
                3
            };
            assert_eq!(brand.security_code_len(), expected, "{brand:?}");
        }
    }

    #[test]
    fn lengths_are_sorted_and_within_twelve_to_nineteen() {
        let other = OtherBrand::ALL.map(OtherBrand::lengths);
        for lengths in Brand::ALL.map(Brand::lengths).iter().chain(&other) {
            assert!(lengths.windows(2).all(|w| w[0] < w[1]));
            assert!(lengths.iter().all(|len| (12..=19).contains(len)));
        }
    }

    #[test]
    fn visa_refuses_the_legacy_thirteen_digit_length() {
        assert!(!Brand::Visa.lengths().contains(&13));
    }

    #[test]
    fn american_express_and_diners_group_four_six_five() {
        assert_eq!(Brand::AmericanExpress.gaps(), &[4, 10]);
        assert_eq!(Brand::DinersClub.gaps(), &[4, 10]);
        assert_eq!(Brand::Visa.gaps(), &[4, 8, 12]);
    }
}
