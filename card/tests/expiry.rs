//! Expiry dates: separate fields, one string, partial input, and the
//! window from this month to 20 years ahead.

use paypage_card::{Expiry, ExpiryProblem, Rejection, YearMonth};

use ExpiryProblem::*;

const MAY_2026: YearMonth = YearMonth {
    year: 2026,
    month: 5,
};

fn expiry(month: u8, year: u16) -> Result<Expiry, ExpiryProblem> {
    Ok(Expiry { month, year })
}

#[test]
fn separate_fields_accept_one_or_two_digit_months_and_short_or_long_years() {
    let table = [
        (("5", "26"), expiry(5, 2026)),
        (("05", "2026"), expiry(5, 2026)),
        ((" 12 ", " 30 "), expiry(12, 2030)),
        (("1", "2046"), expiry(1, 2046)),
        (("05", "2046"), expiry(5, 2046)),
    ];
    for ((month, year), expected) in table {
        let found = Expiry::from_fields(month, year, MAY_2026);
        assert_eq!(found, expected, "{month}/{year}");
    }
}

#[test]
fn separate_fields_say_what_is_wrong() {
    let table = [
        (("", ""), Missing),
        (("", "28"), MonthMissing),
        (("03", " "), YearMissing),
        (("0", "28"), MonthNotReal),
        (("13", "28"), MonthNotReal),
        (("003", "28"), MonthNotReal),
        (("1a", "28"), WrongFormat),
        (("03", "2O28"), WrongFormat),
        (("-3", "28"), WrongFormat),
        (("03", "8"), YearWrongLength),
        (("03", "028"), YearWrongLength),
        (("03", "20288"), YearWrongLength),
        (("04", "26"), InThePast),
        (("12", "2025"), InThePast),
        (("06", "2046"), TooFarAhead),
        (("01", "2099"), TooFarAhead),
    ];
    for ((month, year), problem) in table {
        let found = Expiry::from_fields(month, year, MAY_2026);
        assert_eq!(found, Err(problem), "{month}/{year}");
    }
}

#[test]
fn this_month_is_still_valid() {
    assert_eq!(Expiry::from_fields("5", "26", MAY_2026), expiry(5, 2026));
    let january = YearMonth {
        year: 2027,
        month: 1,
    };
    assert_eq!(Expiry::from_fields("12", "26", january), Err(InThePast));
    assert_eq!(Expiry::from_fields("1", "27", january), expiry(1, 2027));
}

#[test]
fn one_string_accepts_the_layouts_people_type() {
    let table = [
        "03/28",
        "3/28",
        "03 / 28",
        "03/2028",
        "03 / 2028",
        "03-28",
        "03.28",
        "0328",
        "032028",
        "3 28",
        " 03/28 ",
    ];
    for typed in table {
        let found = Expiry::parse(typed, MAY_2026);
        assert_eq!(found, expiry(3, 2028), "{typed:?}");
    }
    assert_eq!(Expiry::parse("928", MAY_2026), expiry(9, 2028));
}

#[test]
fn one_string_says_what_is_wrong() {
    let table = [
        ("", Missing),
        ("  ", Missing),
        ("03", YearMissing),
        ("03/", YearMissing),
        ("March 28", WrongFormat),
        ("03/28/01", WrongFormat),
        ("03\\28", WrongFormat),
        ("13/28", MonthNotReal),
        ("00/28", MonthNotReal),
        ("128", YearWrongLength),
        ("03/2", YearWrongLength),
        ("04/26", InThePast),
        ("03/60", TooFarAhead),
        // 1999 is nearer 2026 than 2099 is.
        ("03/99", InThePast),
    ];
    for (typed, problem) in table {
        let found = Expiry::parse(typed, MAY_2026);
        assert_eq!(found, Err(problem), "{typed:?}");
    }
}

#[test]
fn two_digit_years_mean_the_nearest_century() {
    let late_century = YearMonth {
        year: 2095,
        month: 1,
    };
    assert_eq!(Expiry::parse("01/03", late_century), expiry(1, 2103));
    assert_eq!(Expiry::parse("01/96", late_century), expiry(1, 2096));
}

#[test]
fn partial_fields_are_potentially_valid_only_while_they_can_still_be() {
    let table = [
        (("", ""), true),
        (("0", ""), true),
        (("1", ""), true),
        (("12", ""), true),
        (("13", ""), false),
        (("00", ""), false),
        (("2", "2"), true),
        (("05", "2"), true),
        (("05", "20"), true),
        (("05", "202"), true),
        (("05", "2026"), true),
        (("04", "2026"), false),
        (("04", "26"), false),
        (("05", "1"), false),
        (("05", "3"), true),
        (("05", "4"), true),
        (("05", "5"), false),
        (("05", "2047"), false),
        (("a", ""), false),
        (("05", "20266"), false),
    ];
    for ((month, year), hopeful) in table {
        let found = Expiry::fields_potentially_valid(month, year, MAY_2026);
        assert_eq!(found, hopeful, "{month:?}/{year:?}");
    }
}

#[test]
fn a_partial_string_is_potentially_valid_while_it_can_still_be() {
    let table = [
        ("", true),
        ("1", true),
        ("12", true),
        ("12/", true),
        ("12/2", true),
        ("12/20", true),
        ("12/202", true),
        ("13", false),
        ("12/1", false),
        ("12/x", false),
        ("04/26", false),
    ];
    for (typed, hopeful) in table {
        let found = Expiry::potentially_valid(typed, MAY_2026);
        assert_eq!(found, hopeful, "{typed:?}");
    }
}

#[test]
fn every_prefix_of_a_valid_expiry_is_potentially_valid() {
    for typed in ["05/26", "12/2045", "0745", "3/30"] {
        for end in 0..=typed.len() {
            let prefix = &typed[..end];
            let hopeful = Expiry::potentially_valid(prefix, MAY_2026);
            assert!(hopeful, "{prefix:?} of {typed:?}");
        }
    }
}

#[test]
fn expiry_shows_as_printed_on_the_card() {
    assert_eq!(
        Expiry {
            month: 3,
            year: 2028
        }
        .to_string(),
        "03/28"
    );
}

#[test]
fn a_nonsense_today_does_not_panic() {
    let nonsense = YearMonth {
        year: u16::MAX,
        month: 200,
    };
    assert_eq!(Expiry::parse("03/28", nonsense), Err(InThePast));
    assert!(!Expiry::potentially_valid("03/28", nonsense));
    let zero = YearMonth { year: 0, month: 0 };
    assert_eq!(Expiry::parse("03/28", zero), Err(TooFarAhead));
}

#[test]
fn codes_are_stable() {
    let table = [
        (Missing, "expiry-missing"),
        (MonthMissing, "expiry-month-missing"),
        (YearMissing, "expiry-year-missing"),
        (WrongFormat, "expiry-wrong-format"),
        (MonthNotReal, "expiry-month-not-1-to-12"),
        (YearWrongLength, "expiry-year-not-2-or-4-digits"),
        (InThePast, "expiry-in-the-past"),
        (TooFarAhead, "expiry-too-far-ahead"),
    ];
    for (problem, code) in table {
        assert_eq!(problem.code(), code);
        assert_eq!(problem.to_string(), code);
    }
}
