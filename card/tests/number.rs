//! Checking card numbers: every problem, in the order a citizen meets
//! them, and partial input at every length.

use paypage_card::{
    Brand, Detection, NumberProblem, OtherBrand, Rejection, check_number,
};

use NumberProblem::*;

const UK_COUNCIL: [Brand; 3] = [Brand::Visa, Brand::Mastercard, Brand::Maestro];

#[track_caller]
fn problem(input: &str, accepted: &[Brand]) -> Option<NumberProblem> {
    check_number(input, accepted).problem
}

#[test]
fn stripe_test_cards_of_every_brand_are_valid() {
    let cards = [
        ("4242 4242 4242 4242", Brand::Visa),
        ("4000 0566 5566 5556", Brand::Visa),
        ("4444 3333 2222 1111", Brand::Visa),
        ("5555 5555 5555 4444", Brand::Mastercard),
        ("2223 0031 2200 3222", Brand::Mastercard),
        ("3714 496353 98431", Brand::AmericanExpress),
        ("3782 822463 10005", Brand::AmericanExpress),
        ("6011 1111 1111 1117", Brand::Discover),
        ("3056 9300 0902 0004", Brand::DinersClub),
        ("3622 720627 1667", Brand::DinersClub),
        ("3566 0020 2036 0505", Brand::Jcb),
        ("6200 0000 0000 0005", Brand::UnionPay),
        ("6759 6498 2643 8453", Brand::Maestro),
    ];
    for (number, brand) in cards {
        let check = check_number(number, &Brand::ALL);
        assert!(check.valid, "{number}: {:?}", check.problem);
        assert_eq!(check.detection, Detection::Brand(brand), "{number}");
        assert_eq!(check.problem, None);
        assert!(check.potentially_valid);
    }
}

#[test]
fn nothing_entered_is_empty_even_with_separators() {
    for input in ["", " ", " - - ", "\t"] {
        assert_eq!(problem(input, &UK_COUNCIL), Some(Empty), "{input:?}");
        assert!(check_number(input, &UK_COUNCIL).potentially_valid);
    }
}

#[test]
fn letters_and_other_marks_are_not_digits() {
    for input in ["4242 4242 4242 424O", "4242.4242", "abc", "4242/", "+44"] {
        let check = check_number(input, &UK_COUNCIL);
        assert_eq!(check.problem, Some(NotDigits), "{input:?}");
        assert!(!check.potentially_valid, "{input:?}");
    }
}

#[test]
fn hyphens_spaces_and_pasted_dashes_are_ignored() {
    for input in [
        "4242-4242-4242-4242",
        "4242424242424242",
        " 4242 4242 4242 4242 ",
        "4242\u{a0}4242\u{a0}4242\u{a0}4242",
        "4242\u{2013}4242\u{2013}4242\u{2013}4242",
    ] {
        assert!(check_number(input, &UK_COUNCIL).valid, "{input:?}");
    }
}

#[test]
fn every_partial_prefix_of_a_valid_card_is_potentially_valid() {
    for number in ["4242424242424242", "5555555555554444", "6759649826438453"] {
        for len in 1..number.len() {
            let check = check_number(&number[..len], &UK_COUNCIL);
            assert!(!check.valid, "{len} digits");
            assert!(check.potentially_valid, "{len} digits");
            // Maestro issues 12 to 19 digits, so a 12-digit prefix is
            // already a length to check the sum of.
            let short_or_sum = [Some(TooShort), Some(FailsChecksum)];
            assert!(short_or_sum.contains(&check.problem), "{len} digits");
        }
        assert!(check_number(number, &UK_COUNCIL).valid);
    }
}

#[test]
fn too_long_is_reported_and_cannot_recover() {
    let cases = [
        ("4242 4242 4242 4242 4242", &[Brand::Visa][..]),
        ("5555 5555 5555 4444 4", &[Brand::Mastercard][..]),
        ("3714 496353 984310", &[Brand::AmericanExpress][..]),
    ];
    for (input, accepted) in cases {
        let check = check_number(input, accepted);
        assert_eq!(check.problem, Some(TooLong), "{input}");
        assert!(!check.potentially_valid, "{input}");
    }
}

#[test]
fn a_length_between_two_a_brand_issues_is_too_short() {
    // Visa issues 16, 18 and 19 digits: 17 could still become 18.
    let check = check_number("4242 4242 4242 4242 4", &[Brand::Visa]);
    assert_eq!(check.problem, Some(TooShort));
    assert!(check.potentially_valid);
}

#[test]
fn legacy_thirteen_digit_visa_is_too_short() {
    // 4222222222222 passes Luhn; it is refused by length alone.
    assert_eq!(problem("4222222222222", &[Brand::Visa]), Some(TooShort));
}

#[test]
fn a_mistyped_digit_fails_the_checksum() {
    let check = check_number("4242 4242 4242 4241", &UK_COUNCIL);
    assert_eq!(check.problem, Some(FailsChecksum));
    // Visa also issues 18 and 19 digits, so typing on could still help.
    assert!(check.potentially_valid);

    let check = check_number("5555 5555 5555 4445", &UK_COUNCIL);
    assert_eq!(check.problem, Some(FailsChecksum));
    assert!(!check.potentially_valid, "Mastercard is 16 digits only");
}

#[test]
fn unionpay_must_pass_luhn_like_every_brand() {
    let unionpay = [Brand::UnionPay];
    assert_eq!(problem("6200000000000006", &unionpay), Some(FailsChecksum));
    assert_eq!(problem("6200000000000005", &unionpay), None);
}

#[test]
fn all_zeros_is_not_a_card_even_though_luhn_accepts_it() {
    assert_eq!(problem("0", &Brand::ALL), Some(UnknownBrand));
    assert_eq!(problem("0000000000000000", &Brand::ALL), Some(UnknownBrand));
}

#[test]
fn a_prefix_no_brand_uses_cannot_become_valid() {
    for input in ["0", "7", "2721 0000 0000 0000", "9999"] {
        let check = check_number(input, &Brand::ALL);
        assert_eq!(check.problem, Some(UnknownBrand), "{input}");
        assert!(!check.potentially_valid, "{input}");
        assert_eq!(check.detection, Detection::Unknown);
    }
}

#[test]
fn a_brand_the_council_refuses_is_named_as_soon_as_it_is_known() {
    let amex = NumberProblem::BrandNotAccepted(Brand::AmericanExpress);
    assert_eq!(problem("37", &UK_COUNCIL), Some(amex));
    assert_eq!(problem("3714 496353 98431", &UK_COUNCIL), Some(amex));
    assert!(!check_number("37", &UK_COUNCIL).potentially_valid);
}

#[test]
fn other_brands_are_named_not_called_invalid() {
    let mir = NumberProblem::OtherBrandNotAccepted(OtherBrand::Mir);
    assert_eq!(problem("2200 0000 0000 0004", &Brand::ALL), Some(mir));
    let troy = NumberProblem::OtherBrandNotAccepted(OtherBrand::Troy);
    assert_eq!(problem("9792", &Brand::ALL), Some(troy));
}

#[test]
fn an_ambiguous_prefix_is_hopeful_only_if_a_candidate_is_accepted() {
    // 6 could be Maestro, Discover or UnionPay.
    let visa_and_mastercard = [Brand::Visa, Brand::Mastercard];
    let check = check_number("6", &visa_and_mastercard);
    assert_eq!(check.detection, Detection::Ambiguous);
    assert_eq!(check.problem, Some(TooShort));
    assert!(!check.potentially_valid);

    let check = check_number("6", &[Brand::Discover]);
    assert!(check.potentially_valid);
}

#[test]
fn no_accepted_brands_means_nothing_is_valid() {
    let check = check_number("4242 4242 4242 4242", &[]);
    let visa = NumberProblem::BrandNotAccepted(Brand::Visa);
    assert_eq!(check.problem, Some(visa));
    assert!(!check.valid);
}

#[test]
fn codes_are_stable_and_display_shows_the_code() {
    let table = [
        (Empty, "card-number-missing"),
        (NotDigits, "card-number-not-digits"),
        (TooShort, "card-number-too-short"),
        (TooLong, "card-number-too-long"),
        (FailsChecksum, "card-number-fails-checksum"),
        (UnknownBrand, "card-number-unknown-brand"),
        (
            OtherBrandNotAccepted(OtherBrand::Elo),
            "card-number-other-brand-not-accepted",
        ),
        (
            BrandNotAccepted(Brand::Jcb),
            "card-number-brand-not-accepted",
        ),
    ];
    for (problem, code) in table {
        assert_eq!(problem.code(), code);
        assert_eq!(problem.to_string(), code);
    }
}
