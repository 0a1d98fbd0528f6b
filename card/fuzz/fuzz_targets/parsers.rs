//! Feeds arbitrary text to every parser in paypage-card and checks the
//! promises that must hold for any input: nothing panics, a number the
//! check calls valid parses, masked output shows at most four digits,
//! and reformatting keeps every digit.
//!
//! Run: `cargo +nightly fuzz run parsers` from `card/`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paypage_card::{
    Brand, CardNumber, Edit, Expiry, SecurityCode, YearMonth,
    check_cardholder_name, check_email, check_number, check_postcode,
    reformat_after,
};

const TODAY: YearMonth = YearMonth {
    year: 2026,
    month: 5,
};

fuzz_target!(|data: &[u8]| {
    let Some((&control, rest)) = data.split_first() else {
        return;
    };
    let Ok(input) = std::str::from_utf8(rest) else {
        return;
    };

    number(input, control);
    let _ = Expiry::parse(input, TODAY);
    let _ = Expiry::potentially_valid(input, TODAY);
    if let Some((month, year)) = input.split_at_checked(input.len() / 2) {
        let _ = Expiry::from_fields(month, year, TODAY);
        let _ = Expiry::fields_potentially_valid(month, year, TODAY);
    }
    let _ = check_cardholder_name(input);
    let _ = check_postcode(input);
    let _ = check_email(input);
    let _ = SecurityCode::parse(input, None);
});

fn number(input: &str, control: u8) {
    let check = check_number(input, &Brand::ALL);
    let card = CardNumber::parse(input, &Brand::ALL);
    assert_eq!(check.valid, card.is_ok());
    assert_eq!(check.valid, check.problem.is_none());
    if let Ok(card) = card {
        let shown = format!("{card} {card:?}");
        let digits = shown.chars().filter(char::is_ascii_digit).count();
        assert_eq!(digits, 8, "{shown}");
    }

    let edit = match control % 3 {
        0 => Edit::Insert,
        1 => Edit::DeleteBackward,
        _ => Edit::DeleteForward,
    };
    let caret = usize::from(control / 3);
    let (text, caret) = reformat_after(input, caret, edit);
    assert!(caret <= text.chars().count());
    if edit == Edit::Insert {
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).count();
        assert_eq!(digits(&text), digits(input));
    }
}
