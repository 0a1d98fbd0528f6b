//! Properties that must hold for every input, checked with proptest.

use paypage_card::{
    Brand, CardNumber, Detection, Edit, Expiry, SecurityCode, YearMonth,
    check_cardholder_name, check_email, check_number, check_postcode, detect,
    format_number, reformat_after,
};
use proptest::prelude::*;

/// Prefix ranges restated from shared/reference/card-brands.md, each
/// long enough to decide its brand on its own. Maestro's catch-all 6
/// is left out: random digits after it may become Discover.
fn deciding_ranges(brand: Brand) -> &'static [(u32, u32)] {
    match brand {
        Brand::Visa => &[(40, 48)],
        Brand::Mastercard => &[(51, 55), (2221, 2720)],
        Brand::AmericanExpress => &[(34, 34), (37, 37)],
        Brand::Maestro => &[
            (500000, 504174),
            (504176, 506698),
            (506779, 508999),
            (56, 59),
            (63, 63),
            (67, 67),
        ],
        Brand::DinersClub => &[(300, 305), (36, 36), (38, 39)],
        Brand::Discover => &[(6011, 6011), (644, 649), (65, 65)],
        Brand::Jcb => &[(2131, 2131), (1800, 1800), (3528, 3589)],
        Brand::UnionPay => &[(62, 62), (810, 810), (8110, 8171)],
    }
}

/// The Luhn check digit for `body`, written here rather than taken
/// from the crate under test.
fn check_digit(body: &[u8]) -> u8 {
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            let d = u32::from(*d);
            if i % 2 == 0 {
                (d * 2) / 10 + (d * 2) % 10
            } else {
                d
            }
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// A Luhn-valid number of `brand` at one of its lengths.
fn valid_number() -> impl Strategy<Value = (Brand, String)> {
    let brand = prop::sample::select(Brand::ALL.to_vec());
    brand.prop_flat_map(|brand| {
        let ranges = deciding_ranges(brand);
        let range = prop::sample::select(ranges.to_vec());
        let prefix = range.prop_flat_map(|(low, high)| low..=high);
        let length = prop::sample::select(brand.lengths().to_vec());
        let body = prop::collection::vec(0u8..10, 19);
        (Just(brand), prefix, length, body).prop_map(build_number)
    })
}

fn build_number(
    (brand, prefix, length, random): (Brand, u32, u8, Vec<u8>),
) -> (Brand, String) {
    let mut digits: Vec<u8> =
        prefix.to_string().bytes().map(|b| b - b'0').collect();
    let body_len = usize::from(length) - 1;
    digits.extend(random.iter().take(body_len - digits.len()));
    digits.push(check_digit(&digits));
    let number = digits.iter().map(|d| char::from(b'0' + d)).collect();
    (brand, number)
}

/// Digits with the separators people paste between them.
fn separated_digits() -> impl Strategy<Value = String> {
    "[0-9 \\-\u{a0}]{0,30}"
}

fn digits_in(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

const TODAY: YearMonth = YearMonth {
    year: 2026,
    month: 5,
};

proptest! {
    #[test]
    fn luhn_valid_numbers_of_a_brands_length_validate_as_that_brand(
        (brand, number) in valid_number(),
    ) {
        let check = check_number(&number, &Brand::ALL);
        prop_assert!(check.valid, "{number}: {:?}", check.problem);
        prop_assert_eq!(check.detection, Detection::Brand(brand));
        prop_assert_eq!(detect(&number), Detection::Brand(brand));
    }

    #[test]
    fn formatted_valid_numbers_still_validate(
        (brand, number) in valid_number(),
    ) {
        let shown = format_number(&number);
        let card = CardNumber::parse(&shown, &[brand]);
        prop_assert!(card.is_ok(), "{shown}");
    }

    #[test]
    fn one_wrong_digit_fails_the_checksum(
        (brand, number) in valid_number(),
        bump in 1u8..10,
    ) {
        // Change the check digit only: the prefix, so the brand, stays.
        let mut digits = number.into_bytes();
        if let Some(last) = digits.last_mut() {
            *last = b'0' + (*last - b'0' + bump) % 10;
        }
        let number = String::from_utf8_lossy(&digits).into_owned();
        let check = check_number(&number, &[brand]);
        prop_assert!(!check.valid, "{number}");
    }

    #[test]
    fn every_prefix_of_a_valid_number_is_potentially_valid(
        (brand, number) in valid_number(),
    ) {
        for end in 0..number.len() {
            let check = check_number(&number[..end], &[brand]);
            prop_assert!(check.potentially_valid, "{}", &number[..end]);
        }
    }

    #[test]
    fn masked_output_shows_no_digit_but_the_last_four(
        (brand, number) in valid_number(),
    ) {
        let card = CardNumber::parse(&number, &[brand]);
        let card = card.map_err(|p| TestCaseError::fail(p.to_string()))?;
        let last_four = &number[number.len() - 4..];
        let shown_ways =
            [format!("{card}"), format!("{card:?}"), format!("{card:#?}")];
        for shown in shown_ways {
            let digits: String =
                shown.chars().filter(char::is_ascii_digit).collect();
            prop_assert_eq!(digits.as_str(), last_four, "{}", shown);
        }
    }

    #[test]
    fn stripping_the_formatting_returns_the_digits(digits in "[0-9]{0,25}") {
        let shown = format_number(&digits);
        prop_assert_eq!(shown.replace(' ', ""), digits);
    }

    #[test]
    fn reformatting_keeps_every_digit_and_the_digits_before_the_caret(
        input in separated_digits(),
        caret in 0usize..40,
    ) {
        let digits = digits_in(&input);
        let caret = caret.min(input.chars().count());
        let before = digits_in(&input.chars().take(caret).collect::<String>());

        let (text, new_caret) = reformat_after(&input, caret, Edit::Insert);

        prop_assert_eq!(text.replace(' ', ""), digits);
        prop_assert!(new_caret <= text.chars().count());
        let now_before: String = text.chars().take(new_caret).collect();
        prop_assert_eq!(digits_in(&now_before), before);
    }

    #[test]
    fn reformatting_twice_changes_nothing_more(input in separated_digits()) {
        let end = input.chars().count();
        let (once, caret) = reformat_after(&input, end, Edit::Insert);
        let (twice, again) = reformat_after(&once, caret, Edit::Insert);
        prop_assert_eq!(once, twice);
        prop_assert_eq!(caret, again);
    }

    #[test]
    fn no_input_string_panics(
        input in any::<String>(),
        caret in any::<usize>(),
    ) {
        let _ = check_number(&input, &Brand::ALL);
        let _ = detect(&input);
        let _ = format_number(&input);
        for edit in [Edit::Insert, Edit::DeleteBackward, Edit::DeleteForward] {
            let _ = reformat_after(&input, caret, edit);
        }
        let _ = CardNumber::parse(&input, &Brand::ALL);
        let _ = SecurityCode::parse(&input, None);
        let _ = SecurityCode::potentially_valid(&input, Some(Brand::Visa));
        let _ = Expiry::parse(&input, TODAY);
        let _ = Expiry::from_fields(&input, &input, TODAY);
        let _ = Expiry::potentially_valid(&input, TODAY);
        let _ = check_cardholder_name(&input);
        let _ = check_postcode(&input);
        let _ = check_email(&input);
    }

    #[test]
    fn no_number_like_string_panics(
        input in separated_digits(),
        caret in 0usize..40,
        year in any::<u16>(),
        month in any::<u8>(),
    ) {
        let today = YearMonth { year, month };
        let _ = check_number(&input, &Brand::ALL);
        let _ = reformat_after(&input, caret, Edit::DeleteBackward);
        let _ = reformat_after(&input, caret, Edit::DeleteForward);
        let _ = Expiry::parse(&input, today);
        let _ = Expiry::potentially_valid(&input, today);
        let _ = Expiry::fields_potentially_valid(&input, &input, today);
    }

    #[test]
    fn a_valid_expiry_parses_back_from_its_own_display(
        months_ahead in 0u32..=240,
    ) {
        let today = u32::from(TODAY.year) * 12 + u32::from(TODAY.month) - 1;
        let index = today + months_ahead;
        let month = (index % 12 + 1) as u8;
        let expiry = Expiry { month, year: (index / 12) as u16 };
        prop_assert_eq!(Expiry::parse(&expiry.to_string(), TODAY), Ok(expiry));
        let (month, year) = (expiry.month.to_string(), expiry.year.to_string());
        prop_assert_eq!(Expiry::from_fields(&month, &year, TODAY), Ok(expiry));
    }
}
