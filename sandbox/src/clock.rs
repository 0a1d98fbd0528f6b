//! Times and ids. Stripe reports times as Unix seconds and names its
//! objects with a type prefix and a random tail (`pi_…`, `tok_…`).

use std::time::{SystemTime, UNIX_EPOCH};

use paypage_card::YearMonth;
use rand::distr::{Alphanumeric, SampleString};

/// Seconds since the Unix epoch. A clock before 1970 reads as 0.
pub(crate) fn now_unix() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| {
            i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX)
        })
}

/// This month in UTC, for the card crate's expiry rules.
pub(crate) fn this_month() -> YearMonth {
    let (year, month) = year_month_of(now_unix().div_euclid(86_400));
    YearMonth { year, month }
}

/// Converts days since 1970-01-01 to a (year, month) in the proleptic
/// Gregorian calendar, by counting 400-year eras of 146,097 days.
fn year_month_of(days: i64) -> (u16, u8) {
    let shifted = days + 719_468; // from 0000-03-01
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1_460 + day_of_era / 36_524
        - day_of_era / 146_096)
        / 365;
    let day_of_year =
        day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let march_based_month = (5 * day_of_year + 2) / 153;
    let month = if march_based_month < 10 {
        march_based_month + 3
    } else {
        march_based_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (
        u16::try_from(year).unwrap_or(u16::MAX),
        u8::try_from(month).unwrap_or(1),
    )
}

/// A new object id such as `pi_3kTq…`: the prefix, then 24 random
/// letters and digits from the operating system's secure generator,
/// because a token id is what lets a secret-key holder charge a card.
pub(crate) fn new_id(prefix: &str) -> String {
    let tail = Alphanumeric.sample_string(&mut rand::rng(), 24);
    format!("{prefix}_{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_days_fall_in_the_right_month() {
        assert_eq!(year_month_of(0), (1970, 1));
        assert_eq!(year_month_of(31), (1970, 2));
        // 2000-02-29, a leap day in a century leap year.
        assert_eq!(year_month_of(11_016), (2000, 2));
        // 2024-12-31 and 2025-01-01 either side of a year boundary.
        assert_eq!(year_month_of(20_088), (2024, 12));
        assert_eq!(year_month_of(20_089), (2025, 1));
    }

    #[test]
    fn ids_carry_their_prefix_and_differ() {
        let a = new_id("tok");
        assert!(a.starts_with("tok_"));
        assert_eq!(a.len(), 28);
        assert_ne!(a, new_id("tok"));
    }
}
