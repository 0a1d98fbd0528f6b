//! The card's expiry date: month and year, never before this month and
//! at most 20 years ahead. "This month" is always passed in: the crate
//! reads no clock, so the page (the citizen's clock) and the shim (the
//! server's) each say what today is, and tests can pick any day.

use std::fmt;

use crate::rejection::{Rejection, display_as_code};

/// How far ahead an expiry may be. Cards are issued for at most a few
/// years; 20 leaves room for any scheme without letting "2099" through.
const MAX_YEARS_AHEAD: u32 = 20;

/// "Today" for expiry rules, to the month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct YearMonth {
    /// Four-digit year, such as 2026.
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
}

impl YearMonth {
    /// Months since year 0, to compare and count months. A month
    /// outside 1 to 12 (a caller's slip) counts as its nearest month.
    fn months(self) -> u32 {
        let month = u32::from(self.month.clamp(1, 12));
        u32::from(self.year) * 12 + month - 1
    }
}

/// A card expiry date that is neither past nor implausibly far ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Expiry {
    /// Month, 1 to 12.
    pub month: u8,
    /// Four-digit year.
    pub year: u16,
}

/// Why an expiry date is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExpiryProblem {
    /// Neither month nor year entered.
    Missing,
    /// The year is there, the month is not.
    MonthMissing,
    /// The month is there, the year is not.
    YearMissing,
    /// Holds letters or is not laid out as a month and a year.
    WrongFormat,
    /// The month is not 1 to 12.
    MonthNotReal,
    /// The year is neither two digits nor four.
    YearWrongLength,
    /// The card expired before this month.
    InThePast,
    /// More than 20 years ahead: usually a mistyped year.
    TooFarAhead,
}

impl Rejection for ExpiryProblem {
    fn code(&self) -> &'static str {
        match self {
            ExpiryProblem::Missing => "expiry-missing",
            ExpiryProblem::MonthMissing => "expiry-month-missing",
            ExpiryProblem::YearMissing => "expiry-year-missing",
            ExpiryProblem::WrongFormat => "expiry-wrong-format",
            ExpiryProblem::MonthNotReal => "expiry-month-not-1-to-12",
            ExpiryProblem::YearWrongLength => "expiry-year-not-2-or-4-digits",
            ExpiryProblem::InThePast => "expiry-in-the-past",
            ExpiryProblem::TooFarAhead => "expiry-too-far-ahead",
        }
    }
}

display_as_code!(ExpiryProblem);

impl Expiry {
    /// Reads an expiry from separate month and year fields, as the
    /// GOV.UK date-input pattern lays them out. The month may have a
    /// leading zero; the year may be two digits or four. Surrounding
    /// whitespace is ignored.
    ///
    /// ```
    /// use paypage_card::{Expiry, ExpiryProblem, YearMonth};
    ///
    /// let today = YearMonth { year: 2026, month: 5 };
    /// let expiry = Expiry::from_fields("03", "28", today)?;
    /// assert_eq!(expiry, Expiry { month: 3, year: 2028 });
    ///
    /// let past = Expiry::from_fields("4", "2026", today);
    /// assert_eq!(past, Err(ExpiryProblem::InThePast));
    /// # Ok::<(), ExpiryProblem>(())
    /// ```
    pub fn from_fields(
        month: &str,
        year: &str,
        today: YearMonth,
    ) -> Result<Expiry, ExpiryProblem> {
        let (month, year) = (month.trim(), year.trim());
        match (month.is_empty(), year.is_empty()) {
            (true, true) => return Err(ExpiryProblem::Missing),
            (true, false) => return Err(ExpiryProblem::MonthMissing),
            (false, true) => return Err(ExpiryProblem::YearMissing),
            (false, false) => {}
        }

        let month = read_month(month)?;
        let year = read_year(year, today)?;
        Expiry { month, year }.checked(today)
    }

    /// Reads an expiry typed as one string: "MM/YY", "MM / YYYY",
    /// "MM-YY", "M/YY", "MMYY" or "MMYYYY".
    ///
    /// Without a separator, a first digit of 2 to 9 is the whole month
    /// ("927" is 09/27); otherwise the month is the first two digits.
    ///
    /// ```
    /// use paypage_card::{Expiry, YearMonth};
    ///
    /// let today = YearMonth { year: 2026, month: 5 };
    /// for typed in ["03/28", "3/28", "03 / 2028", "03-28", "0328"] {
    ///     assert_eq!(
    ///         Expiry::parse(typed, today),
    ///         Ok(Expiry { month: 3, year: 2028 }),
    ///     );
    /// }
    /// ```
    pub fn parse(
        input: &str,
        today: YearMonth,
    ) -> Result<Expiry, ExpiryProblem> {
        let input = input.trim();
        if input.is_empty() {
            return Err(ExpiryProblem::Missing);
        }
        let (month, year) = split(input).ok_or(ExpiryProblem::WrongFormat)?;
        if month.is_empty() {
            return Err(ExpiryProblem::WrongFormat);
        }
        Expiry::from_fields(month, year, today)
    }

    /// Whether separate month and year fields, as typed so far, could
    /// still become a valid expiry. Empty fields could.
    ///
    /// ```
    /// use paypage_card::{Expiry, YearMonth};
    ///
    /// let today = YearMonth { year: 2026, month: 5 };
    /// assert!(Expiry::fields_potentially_valid("1", "", today));
    /// assert!(Expiry::fields_potentially_valid("12", "20", today));
    /// assert!(!Expiry::fields_potentially_valid("13", "", today));
    /// assert!(!Expiry::fields_potentially_valid("04", "2026", today));
    /// ```
    pub fn fields_potentially_valid(
        month: &str,
        year: &str,
        today: YearMonth,
    ) -> bool {
        let (month, year) = (month.trim(), year.trim());
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !digits(month) || !digits(year) || month.len() > 2 || year.len() > 4
        {
            return false;
        }

        let first = today.year;
        let last = first.saturating_add(MAX_YEARS_AHEAD as u16);
        (1..=12u8).any(|m| {
            month_could_be(month, m)
                && (first..=last).any(|y| {
                    year_could_be(year, y, today)
                        && (Expiry { month: m, year: y }).checked(today).is_ok()
                })
        })
    }

    /// Whether one expiry string, as typed so far, could still become
    /// a valid expiry ("1", "12/", "12/2" could; "13", "12/1" could
    /// not, in 2026).
    pub fn potentially_valid(input: &str, today: YearMonth) -> bool {
        match split(input.trim()) {
            Some((month, year)) => {
                Expiry::fields_potentially_valid(month, year, today)
            }
            None => false,
        }
    }

    fn checked(self, today: YearMonth) -> Result<Expiry, ExpiryProblem> {
        let months = YearMonth {
            year: self.year,
            month: self.month,
        }
        .months();
        if months < today.months() {
            return Err(ExpiryProblem::InThePast);
        }
        if months > today.months() + MAX_YEARS_AHEAD * 12 {
            return Err(ExpiryProblem::TooFarAhead);
        }
        Ok(self)
    }
}

impl fmt::Display for Expiry {
    /// "MM/YY", as printed on the card.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{:02}", self.month, self.year % 100)
    }
}

/// Splits "MM/YY"-style input into month and year text. `None` when it
/// holds a character that is neither a digit nor a separator, or more
/// than two groups of digits.
fn split(input: &str) -> Option<(&str, &str)> {
    let is_separator =
        |c: char| matches!(c, '/' | '-' | '.') || c.is_whitespace();
    if !input.chars().all(|c| c.is_ascii_digit() || is_separator(c)) {
        return None;
    }

    let mut groups = input.split(is_separator).filter(|g| !g.is_empty());
    let first = groups.next().unwrap_or_default();
    let second = groups.next();
    if groups.next().is_some() {
        return None;
    }
    match second {
        Some(year) => Some((first, year)),
        None => Some(split_run_of_digits(first)),
    }
}

/// "0328" is 03/28, "927" is 9/27: a month cannot start 2 to 9 and
/// carry on.
fn split_run_of_digits(digits: &str) -> (&str, &str) {
    let month_len = match digits.bytes().next() {
        Some(b'0' | b'1') => 2.min(digits.len()),
        Some(_) => 1,
        None => 0,
    };
    digits.split_at(month_len)
}

fn read_month(month: &str) -> Result<u8, ExpiryProblem> {
    if !month.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ExpiryProblem::WrongFormat);
    }
    match month.parse::<u8>() {
        Ok(value @ 1..=12) if month.len() <= 2 => Ok(value),
        _ => Err(ExpiryProblem::MonthNotReal),
    }
}

fn read_year(year: &str, today: YearMonth) -> Result<u16, ExpiryProblem> {
    if !year.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ExpiryProblem::WrongFormat);
    }
    let value = year
        .parse::<u16>()
        .map_err(|_| ExpiryProblem::YearWrongLength);
    match (year.len(), value) {
        (2, Ok(short)) => Ok(full_year(short, today)),
        (4, Ok(full)) => Ok(full),
        _ => Err(ExpiryProblem::YearWrongLength),
    }
}

/// The four-digit year nearest `today` that ends in `short`, the later
/// one on a tie: "28" is 2028 in 2026, and 2128 in 2090.
fn full_year(short: u16, today: YearMonth) -> u16 {
    let century = today.year / 100 * 100;
    let candidates = [
        century.saturating_sub(100),
        century,
        century.saturating_add(100),
    ];
    let distance = |year: u16| year.abs_diff(today.year);
    candidates
        .map(|c| c.saturating_add(short))
        .into_iter()
        .rev()
        .min_by_key(|year| distance(*year))
        .unwrap_or(today.year)
}

/// Whether a month field holding `typed` could still become `month`.
fn month_could_be(typed: &str, month: u8) -> bool {
    starts(typed, u32::from(month), 1) || starts(typed, u32::from(month), 2)
}

/// Whether a year field holding `typed` could still become `year`,
/// written as two digits or as four.
fn year_could_be(typed: &str, year: u16, today: YearMonth) -> bool {
    let short = year % 100;
    let as_two =
        starts(typed, u32::from(short), 2) && full_year(short, today) == year;
    as_two || starts(typed, u32::from(year), 4)
}

/// Whether `value`, zero-padded to `width` digits, starts with `typed`.
fn starts(typed: &str, value: u32, width: u32) -> bool {
    let fits = value < 10u32.pow(width);
    let mut rest = value;
    let mut padded = [0u8; 4];
    for slot in padded[..width as usize].iter_mut().rev() {
        *slot = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    fits && padded[..width as usize].starts_with(typed.as_bytes())
}
