//! Checking the card details of a token request with the card crate,
//! the same rules the page runs, and answering Stripe's card errors.
//!
//! The number and security code stay in the card crate's masking types
//! (whose `Debug` shows at most the last four digits), are checked, and
//! are dropped before this function returns: the sandbox keeps only
//! the brand, last four digits, expiry, name, address and the test-card
//! outcome. So not even the sandbox's memory holds a card number after
//! tokenising, and nothing it logs or answers can contain one.

use paypage_card::{
    Brand, CardNumber, Expiry, ExpiryProblem, NumberProblem, Rejection,
    SecurityCode, SecurityCodeProblem, YearMonth,
};

use crate::clock::this_month;
use crate::error::ApiError;
use crate::params::Params;
use crate::store::{Address, CardView};
use crate::test_cards::{Outcome, funding_for, outcome_for};

/// The issuing country reported for every card (see `CardView`).
const COUNTRY: &str = "GB";

/// The `card[...]` parameters as sent, before any checking.
struct Fields {
    number: String,
    month: String,
    year: String,
    cvc: Option<String>,
    name: Option<String>,
    address: Address,
}

/// Checks `card[...]` parameters and returns what the token keeps.
/// Problems are reported in Stripe's order: number, expiry, code.
pub(crate) fn check(params: Params) -> Result<(CardView, Outcome), ApiError> {
    let fields = take_fields(params)?;
    let number =
        CardNumber::parse(&fields.number, &Brand::ALL).map_err(number_error)?;
    let today = this_month();
    let (month, year) = (&fields.month, &fields.year);
    let expiry = Expiry::from_fields(month, year, today)
        .map_err(|problem| expiry_error(problem, month, year, today))?;
    let cvc_given = match &fields.cvc {
        None => false,
        Some(cvc) => {
            SecurityCode::parse(cvc, Some(number.brand()))
                .map_err(|problem| cvc_error(problem, number.brand()))?;
            true
        }
    };

    let digits = number.expose_digits();
    let view = CardView {
        brand: number.brand(),
        last4: number.last_four().to_owned(),
        exp_month: expiry.month,
        exp_year: expiry.year,
        funding: funding_for(digits),
        country: COUNTRY,
        name: fields.name,
        address: fields.address,
        cvc_given,
    };
    Ok((view, outcome_for(digits)))
}

fn take_fields(mut params: Params) -> Result<Fields, ApiError> {
    let fields = Fields {
        number: required(&mut params, "card[number]")?,
        month: required(&mut params, "card[exp_month]")?,
        year: required(&mut params, "card[exp_year]")?,
        cvc: params.optional("card[cvc]")?,
        name: params.optional("card[name]")?,
        address: take_address(&mut params)?,
    };
    params.finish()?;
    Ok(fields)
}

fn required(params: &mut Params, name: &str) -> Result<String, ApiError> {
    params.take(name)?.ok_or_else(|| ApiError::missing(name))
}

fn take_address(params: &mut Params) -> Result<Address, ApiError> {
    Ok(Address {
        line1: params.optional("card[address_line1]")?,
        line2: params.optional("card[address_line2]")?,
        city: params.optional("card[address_city]")?,
        postal_code: params.optional("card[address_zip]")?,
        country: params.optional("card[address_country]")?,
    })
}

fn number_error(problem: NumberProblem) -> ApiError {
    tracing::debug!(problem = problem.code(), "card number refused");
    let (code, message) = match problem {
        NumberProblem::FailsChecksum => {
            ("incorrect_number", "Your card number is incorrect.")
        }
        NumberProblem::Empty => {
            ("invalid_number", "Your card number is missing.")
        }
        NumberProblem::NotDigits => (
            "invalid_number",
            "Your card number can only hold digits, spaces and hyphens.",
        ),
        NumberProblem::TooShort => {
            ("invalid_number", "Your card number is too short.")
        }
        NumberProblem::TooLong => {
            ("invalid_number", "Your card number is too long.")
        }
        NumberProblem::UnknownBrand => (
            "invalid_number",
            "Your card number is not from a card brand the sandbox knows.",
        ),
        NumberProblem::OtherBrandNotAccepted(other) => {
            return not_supported(other.name());
        }
        NumberProblem::BrandNotAccepted(brand) => {
            return not_supported(brand.name());
        }
    };
    ApiError::card(code, message).with_param("number")
}

fn not_supported(brand: &str) -> ApiError {
    ApiError::card(
        "card_declined",
        format!("Your card is not supported: {brand} cards cannot be used."),
    )
    .with_decline_code("card_not_supported")
    .with_param("number")
}

/// Stripe reports a bad month as `invalid_expiry_month` and a bad or
/// past year as `invalid_expiry_year`; a month already past in the
/// current year is the month's fault.
fn expiry_error(
    problem: ExpiryProblem,
    month: &str,
    year: &str,
    today: YearMonth,
) -> ApiError {
    tracing::debug!(problem = problem.code(), "card expiry refused");
    if blames_month(problem, month, year, today) {
        ApiError::card(
            "invalid_expiry_month",
            "Your card's expiration month is invalid.",
        )
        .with_param("exp_month")
    } else {
        ApiError::card(
            "invalid_expiry_year",
            "Your card's expiration year is invalid.",
        )
        .with_param("exp_year")
    }
}

/// Which field to name. Where the card crate's problem covers both
/// fields, ask it again about one field alone, so the rules stay the
/// card crate's: a wrong format is the month's if the month cannot be
/// read with this year; a date in the past is the month's if December
/// of the same year would still be valid.
fn blames_month(
    problem: ExpiryProblem,
    month: &str,
    year: &str,
    today: YearMonth,
) -> bool {
    match problem {
        ExpiryProblem::Missing
        | ExpiryProblem::MonthMissing
        | ExpiryProblem::MonthNotReal => true,
        ExpiryProblem::YearMissing
        | ExpiryProblem::YearWrongLength
        | ExpiryProblem::TooFarAhead => false,
        ExpiryProblem::WrongFormat => {
            let this_year = today.year.to_string();
            matches!(
                Expiry::from_fields(month, &this_year, today),
                Err(ExpiryProblem::WrongFormat | ExpiryProblem::MonthNotReal)
            )
        }
        ExpiryProblem::InThePast => {
            Expiry::from_fields("12", year, today).is_ok()
        }
    }
}

fn cvc_error(problem: SecurityCodeProblem, brand: Brand) -> ApiError {
    tracing::debug!(problem = problem.code(), "security code refused");
    let digits = brand.security_code_len();
    ApiError::card(
        "invalid_cvc",
        format!(
            "Your card's security code is invalid: {} cards have a \
             {digits}-digit code.",
            brand.name()
        ),
    )
    .with_param("cvc")
}

#[cfg(test)]
mod tests {
    use super::*;

    const JUNE_2026: YearMonth = YearMonth {
        year: 2026,
        month: 6,
    };

    fn field_blamed(month: &str, year: &str) -> Option<&'static str> {
        let problem = Expiry::from_fields(month, year, JUNE_2026).err()?;
        Some(if blames_month(problem, month, year, JUNE_2026) {
            "month"
        } else {
            "year"
        })
    }

    #[test]
    fn expiry_errors_name_the_field_stripe_names() {
        let cases = [
            ("05", "2026", Some("month")), // past month, this year
            ("12", "2025", Some("year")),  // past year
            ("13", "2027", Some("month")),
            ("ab", "2027", Some("month")),
            ("05", "20ab", Some("year")),
            ("05", "202", Some("year")),
            ("05", "2090", Some("year")), // too far ahead
            ("", "2027", Some("month")),
            ("05", "", Some("year")),
            ("06", "2026", None),
        ];
        for (month, year, blamed) in cases {
            assert_eq!(field_blamed(month, year), blamed, "{month}/{year}");
        }
    }
}
