//! Reading the digits out of what a citizen typed or pasted.
//!
//! Citizens copy numbers from statements, banking apps and PDFs, which
//! bring spaces, no-break spaces, tabs and several kinds of dash. All
//! of those separate digits and nothing else does: a letter, a dot or a
//! full-width digit is a mistake the citizen should be told about, not
//! something to drop silently.

/// Longest prefix any brand rule looks at.
pub(crate) const PREFIX_DIGITS: u8 = 6;

/// Whether `c` may sit between the digits of a card number.
pub(crate) fn is_separator(c: char) -> bool {
    // Hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash,
    // em dash, minus sign: what word processors turn "-" into.
    c.is_whitespace()
        || matches!(
            c,
            '-' | '\u{2010}'
                | '\u{2011}'
                | '\u{2012}'
                | '\u{2013}'
                | '\u{2014}'
                | '\u{2212}'
        )
}

/// The first few digits of a number, as a value and a count, so brand
/// rules can compare prefixes without allocating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Prefix {
    /// The leading digits read as a decimal number.
    pub(crate) value: u32,
    /// How many digits `value` holds (0 to [`PREFIX_DIGITS`]).
    pub(crate) len: u8,
}

impl Prefix {
    fn push(&mut self, digit: u8) {
        if self.len < PREFIX_DIGITS {
            self.value = self.value * 10 + u32::from(digit);
            self.len += 1;
        }
    }
}

/// What a scan of the input found: how many digits, and the first few.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Scan {
    /// Digits in the input, separators not counted.
    pub(crate) count: usize,
    /// The leading digits.
    pub(crate) prefix: Prefix,
}

/// Scans `input`, or `None` when it holds anything other than ASCII
/// digits and separators.
pub(crate) fn scan(input: &str) -> Option<Scan> {
    let mut scan = Scan::default();
    for c in input.chars() {
        if let Some(digit) = ascii_digit(c) {
            scan.count += 1;
            scan.prefix.push(digit);
        } else if !is_separator(c) {
            return None;
        }
    }
    Some(scan)
}

/// The value of an ASCII digit.
pub(crate) fn ascii_digit(c: char) -> Option<u8> {
    c.is_ascii_digit().then(|| c as u8 - b'0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_are_skipped_and_counted_as_nothing() {
        let found = scan("4242 4242-4242\u{a0}4242\t");
        assert_eq!(found.map(|s| s.count), Some(16));
        assert_eq!(
            found.map(|s| s.prefix),
            Some(Prefix {
                value: 424242,
                len: 6
            })
        );
    }

    #[test]
    fn letters_dots_and_full_width_digits_are_not_separators() {
        for input in ["4242a", "4242.4242", "４２４２", "4242/4242"] {
            assert_eq!(scan(input), None, "{input}");
        }
    }

    #[test]
    fn a_short_input_keeps_all_of_its_digits_in_the_prefix() {
        let found = scan("3 7");
        assert_eq!(found.map(|s| s.prefix), Some(Prefix { value: 37, len: 2 }));
    }
}
