//! Cardholder names: required, at most 255 characters, and no card
//! number pasted into the wrong box.

use paypage_card::{NameProblem, Rejection, check_cardholder_name};

use NameProblem::*;

#[test]
fn names_in_any_script_with_punctuation_are_accepted() {
    let names = [
        "Ceri Jones",
        "Siân O'Brien-Jones",
        "Nguyễn Thị Minh Khai",
        "Dr. A. Ó Súilleabháin",
        "李小龙",
        "X",
        "Flat 2, J Smith",
    ];
    for name in names {
        assert_eq!(check_cardholder_name(name), Ok(()), "{name}");
    }
}

#[test]
fn an_empty_or_blank_name_is_missing() {
    for name in ["", " ", "\t\n"] {
        assert_eq!(check_cardholder_name(name), Err(Missing), "{name:?}");
    }
}

#[test]
fn the_limit_is_255_characters_not_bytes() {
    let longest = "é".repeat(255);
    assert_eq!(check_cardholder_name(&longest), Ok(()));
    let too_long = "é".repeat(256);
    assert_eq!(check_cardholder_name(&too_long), Err(TooLong));
}

#[test]
fn a_pasted_card_number_is_refused() {
    let pasted = [
        "4242424242424242",
        "4242 4242 4242 4242",
        "Ceri 4242-4242-4242-4242",
        "675964982643",
    ];
    for name in pasted {
        let found = check_cardholder_name(name);
        assert_eq!(found, Err(LooksLikeCardNumber), "{name}");
    }
}

#[test]
fn short_runs_of_digits_are_allowed() {
    // Eleven digits in a row, and digits broken up by letters.
    for name in ["J Smith 12345678901", "4242 Ceri 4242 4242"] {
        assert_eq!(check_cardholder_name(name), Ok(()), "{name}");
    }
}

#[test]
fn control_characters_are_refused() {
    for name in ["Ceri\tJones", "Ceri\u{0}Jones", "Ceri\nJones"] {
        let found = check_cardholder_name(name);
        assert_eq!(found, Err(ControlCharacters), "{name:?}");
    }
}

#[test]
fn codes_are_stable() {
    let table = [
        (Missing, "cardholder-name-missing"),
        (TooLong, "cardholder-name-too-long"),
        (
            LooksLikeCardNumber,
            "cardholder-name-looks-like-card-number",
        ),
        (ControlCharacters, "cardholder-name-has-control-characters"),
    ];
    for (problem, code) in table {
        assert_eq!(problem.code(), code);
        assert_eq!(problem.to_string(), code);
    }
}
