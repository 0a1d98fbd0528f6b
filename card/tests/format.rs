//! Grouping digits for display, and keeping the caret in place while
//! the citizen types, deletes and pastes.

use paypage_card::{Edit, format_number, reformat, reformat_after};

#[test]
fn numbers_are_grouped_by_their_brand() {
    let table = [
        ("", ""),
        ("4", "4"),
        ("4242", "4242"),
        ("42424", "4242 4"),
        ("4242424242424242", "4242 4242 4242 4242"),
        ("4242424242424242424", "4242 4242 4242 4242424"),
        ("371449635398431", "3714 496353 98431"),
        ("36227206271667", "3622 720627 1667"),
        ("675964982643", "6759 6498 2643"),
        // No brand yet: the common 4-4-4 grouping.
        ("0000000000", "0000 0000 00"),
    ];
    for (digits, shown) in table {
        assert_eq!(format_number(digits), shown, "{digits}");
    }
}

#[test]
fn formatting_ignores_existing_separators() {
    assert_eq!(format_number("4242-4242 42"), "4242 4242 42");
    assert_eq!(format_number("3714 4963 5398 431"), "3714 496353 98431");
}

#[test]
fn typing_at_the_end_moves_the_caret_past_a_new_space() {
    // Field showed "4242" with the caret at the end; the citizen typed 4.
    assert_eq!(reformat("42424", 5), ("4242 4".to_owned(), 6));
    assert_eq!(reformat("4242 42424", 10), ("4242 4242 4".to_owned(), 11));
}

#[test]
fn typing_in_the_middle_keeps_the_caret_after_the_typed_digit() {
    // "4242 |4242" and the citizen typed 1 where the caret was.
    let (text, caret) = reformat_after("4242 14242", 6, Edit::Insert);
    assert_eq!(text, "4242 1424 2");
    assert_eq!(caret, 6);
    // Typing just before a space: "424|2 4242" then 9.
    let (text, caret) = reformat_after("42492 4242", 4, Edit::Insert);
    assert_eq!(text, "4249 2424 2");
    assert_eq!(caret, 4);
}

#[test]
fn backspace_after_a_space_deletes_the_digit_before_it() {
    // "4242 |4242", Backspace: the browser removed the space.
    let (text, caret) = reformat_after("42424242", 4, Edit::DeleteBackward);
    assert_eq!((text.as_str(), caret), ("4244 242", 3));
}

#[test]
fn delete_before_a_space_deletes_the_digit_after_it() {
    // "4242| 4242", Delete: the browser removed the space.
    let (text, caret) = reformat_after("42424242", 4, Edit::DeleteForward);
    assert_eq!((text.as_str(), caret), ("4242 242", 4));
}

#[test]
fn backspace_on_a_digit_regroups_the_rest() {
    // "4242 4|242" Backspace removed the 4 after the space.
    let (text, caret) = reformat_after("4242 242", 5, Edit::DeleteBackward);
    assert_eq!((text.as_str(), caret), ("4242 242", 4));
}

#[test]
fn pasting_with_hyphens_or_spaces_regroups_and_puts_the_caret_at_the_end() {
    let pasted = "4242-4242-4242-4242";
    assert_eq!(reformat(pasted, 19), ("4242 4242 4242 4242".to_owned(), 19));
    let amex = "3714-4963-5398-431";
    assert_eq!(reformat(amex, 18), ("3714 496353 98431".to_owned(), 17));
}

#[test]
fn a_caret_at_the_start_stays_at_the_start() {
    assert_eq!(reformat("42424242", 0), ("4242 4242".to_owned(), 0));
}

#[test]
fn a_caret_past_the_end_is_clamped() {
    assert_eq!(reformat("4242", 99), ("4242".to_owned(), 4));
}

#[test]
fn input_with_letters_is_left_exactly_as_typed() {
    // Dropping the O silently would hide the mistake from the citizen.
    let typed = "4242 424O";
    assert_eq!(reformat(typed, 9), (typed.to_owned(), 9));
}

#[test]
fn the_caret_counts_chars_not_bytes() {
    // No-break spaces are two bytes in UTF-8 but one caret step.
    let pasted = "4242\u{a0}4242";
    assert_eq!(reformat(pasted, 9), ("4242 4242".to_owned(), 9));
    assert_eq!(reformat(pasted, 5), ("4242 4242".to_owned(), 4));
}

#[test]
fn amex_regroups_once_the_brand_is_known() {
    // "3714 4963 5" reflows to Amex grouping when the 37 is recognised.
    assert_eq!(reformat("37144963 5", 10), ("3714 49635".to_owned(), 10));
}
