//! Showing a card number in groups, as printed on the card, and
//! keeping the caret where the citizen expects it while they edit.

use crate::brand::DEFAULT_GAPS;
use crate::detection::{Detection, detect};
use crate::digits::{self, ascii_digit};

/// Groups a card number's digits by its brand's gaps: "4242 4242 4242
/// 4242", "3714 496353 98431". Anything but ASCII digits is dropped
/// first, so formatting a formatted number changes nothing. Numbers of
/// no known brand yet use the 4-4-4 grouping most brands share.
///
/// ```
/// use paypage_card::format_number;
///
/// assert_eq!(format_number("4242424242424242"), "4242 4242 4242 4242");
/// assert_eq!(format_number("371449635398431"), "3714 496353 98431");
/// assert_eq!(format_number("4242-4242-42"), "4242 4242 42");
/// ```
pub fn format_number(digits: &str) -> String {
    let gaps = gaps_for(digits);
    let mut text = String::with_capacity(digits.len() + gaps.len());
    let only_digits = digits.chars().filter(char::is_ascii_digit);
    for (position, digit) in only_digits.enumerate() {
        if gaps.iter().any(|gap| usize::from(*gap) == position) {
            text.push(' ');
        }
        text.push(digit);
    }
    text
}

fn gaps_for(digits: &str) -> &'static [u8] {
    match detect(digits) {
        Detection::Brand(brand) => brand.gaps(),
        _ => &DEFAULT_GAPS,
    }
}

/// The kind of edit that produced the text being reformatted, as the
/// browser's `InputEvent.inputType` reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Edit {
    /// Typing, pasting, dropping or autofill.
    Insert,
    /// Backspace: deleted the character before the caret.
    DeleteBackward,
    /// Delete: deleted the character after the caret.
    DeleteForward,
}

/// Reformats a card number field after an edit, keeping the caret
/// beside the same digit: returns the new text and the new caret, both
/// counted in chars. Treats a deletion as Backspace; use
/// [`reformat_after`] when the page knows which key was pressed.
///
/// ```
/// use paypage_card::reformat;
///
/// // Typing a fifth digit opens a new group.
/// assert_eq!(reformat("42424", 5), ("4242 4".to_owned(), 6));
/// // Pasting a number with hyphens.
/// let pasted = "4242-4242-4242-4242";
/// assert_eq!(reformat(pasted, 19), ("4242 4242 4242 4242".to_owned(), 19));
/// // Backspace over a space deletes the digit before it.
/// assert_eq!(reformat("42424242", 4), ("4244 242".to_owned(), 3));
/// ```
pub fn reformat(input: &str, caret: usize) -> (String, usize) {
    reformat_after(input, caret, Edit::DeleteBackward)
}

/// [`reformat`], told which edit produced `input`.
///
/// Deleting a space we inserted would otherwise do nothing visible: the
/// space comes straight back and the caret does not move, so the
/// citizen is stuck. When `input` is our own formatting with one space
/// missing at the caret, Backspace also deletes the digit before the
/// space and Delete the digit after it, as in a field without spaces.
///
/// Input holding anything but digits and separators comes back as it
/// was, caret and all: silently dropping a letter would hide the
/// mistake, and the number check tells the citizen about it instead.
pub fn reformat_after(
    input: &str,
    caret: usize,
    edit: Edit,
) -> (String, usize) {
    let caret = caret.min(input.chars().count());
    if digits::scan(input).is_none() {
        return (input.to_owned(), caret);
    }

    let mut digits: String =
        input.chars().filter(char::is_ascii_digit).collect();
    let mut before = digits_before(input, caret);
    if removed_our_space(input, caret, &digits) {
        match edit {
            Edit::Insert => {}
            Edit::DeleteBackward if before > 0 => {
                before -= 1;
                digits.remove(before);
            }
            Edit::DeleteBackward => {}
            Edit::DeleteForward if before < digits.len() => {
                digits.remove(before);
            }
            Edit::DeleteForward => {}
        }
    }

    let text = format_number(&digits);
    let caret = caret_after_digits(&text, before);
    (text, caret)
}

/// How many digits lie before char index `caret`.
fn digits_before(input: &str, caret: usize) -> usize {
    let leading = input.chars().take(caret);
    leading.filter_map(ascii_digit).count()
}

/// Whether `input` is exactly our formatting of `digits` with the one
/// space at `caret` deleted.
fn removed_our_space(input: &str, caret: usize, digits: &str) -> bool {
    let formatted = format_number(digits);
    let mut chars = formatted.chars();
    let head = chars.by_ref().take(caret);
    let head_matches = head.eq(input.chars().take(caret));
    head_matches
        && chars.next() == Some(' ')
        && chars.eq(input.chars().skip(caret))
}

/// The char index just after the `count`th digit of `text`.
fn caret_after_digits(text: &str, count: usize) -> usize {
    if count == 0 {
        return 0;
    }
    let mut seen = 0;
    for (index, c) in text.chars().enumerate() {
        if c.is_ascii_digit() {
            seen += 1;
            if seen == count {
                return index + 1;
            }
        }
    }
    text.chars().count()
}
