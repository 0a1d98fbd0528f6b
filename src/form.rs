//! What the citizen has typed, and checking it with the card rules on
//! Continue (never while typing: GOV.UK's pattern, so nobody is told
//! off for a number they have not finished).

use leptos::prelude::*;
use paypage_card::{
    Brand, CardNumber, Detection, Expiry, ExpiryProblem, NumberProblem,
    Rejection, SecurityCode, YearMonth, check_cardholder_name, check_email,
    check_postcode, detect,
};

use crate::api::Names;
use crate::i18n;
use crate::psp::CardDetails;

/// The form's fields, in the order they appear on the page (and so in
/// the error summary).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Number,
    Expiry,
    Name,
    SecurityCode,
    AddressLine1,
    AddressLine2,
    AddressCity,
    Postcode,
    Email,
}

impl Field {
    /// The id of the input the summary link moves focus to.
    pub fn id(self) -> &'static str {
        match self {
            Field::Number => "card-number",
            Field::Expiry => "expiry-month",
            Field::Name => "cardholder-name",
            Field::SecurityCode => "security-code",
            Field::AddressLine1 => "address-line1",
            Field::AddressLine2 => "address-line2",
            Field::AddressCity => "address-city",
            Field::Postcode => "address-postcode",
            Field::Email => "email",
        }
    }
}

/// One message against one field, in both languages, so that a
/// citizen who switches language sees the errors in the new one
/// without pressing Continue again.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    pub field: Field,
    pub message: Names,
    /// The input the summary link focuses: the part of a compound field
    /// that needs fixing (the year, when only the year is wrong).
    pub target: &'static str,
}

impl FieldError {
    /// The catalogue message `key` against `field`.
    pub fn keyed(field: Field, key: &str) -> FieldError {
        FieldError {
            field,
            message: Names {
                en: i18n::text("en", key).to_owned(),
                cy: i18n::text("cy", key).to_owned(),
            },
            target: field.id(),
        }
    }
}

/// A message found while checking in one language.
#[derive(Clone, Debug, PartialEq)]
struct Found {
    field: Field,
    message: String,
    target: &'static str,
}

impl Found {
    fn new(field: Field, message: String) -> Found {
        Found {
            field,
            message,
            target: field.id(),
        }
    }
}

/// The same check's findings in English and in Welsh, side by side.
/// The checks are the same rules on the same values, so the two lists
/// match item for item.
fn bilingual(english: Vec<Found>, welsh: Vec<Found>) -> Vec<FieldError> {
    let mut welsh = welsh.into_iter();
    english
        .into_iter()
        .map(|found| {
            let cy = welsh.next().map(|w| w.message);
            FieldError {
                field: found.field,
                target: found.target,
                message: Names {
                    cy: cy.unwrap_or_else(|| found.message.clone()),
                    en: found.message,
                },
            }
        })
        .collect()
}

/// An expiry error, linked to the input to fix first: the year when
/// only the year is wrong, else the month.
fn expiry_error(problem: ExpiryProblem, language: &str) -> Found {
    let target = match problem {
        ExpiryProblem::YearMissing
        | ExpiryProblem::YearWrongLength
        | ExpiryProblem::TooFarAhead => "expiry-year",
        _ => Field::Expiry.id(),
    };
    let text = message(language, &problem);
    Found {
        target,
        ..Found::new(Field::Expiry, text)
    }
}

/// Everything typed so far. Signals, so values survive errors, the
/// confirm page's Change links, and a declined card.
#[derive(Clone, Copy, Debug)]
pub struct CardForm {
    pub number: RwSignal<String>,
    pub month: RwSignal<String>,
    pub year: RwSignal<String>,
    pub name: RwSignal<String>,
    pub security_code: RwSignal<String>,
    pub line1: RwSignal<String>,
    pub line2: RwSignal<String>,
    pub city: RwSignal<String>,
    pub postcode: RwSignal<String>,
    pub email: RwSignal<String>,
}

/// What the council collects besides the card.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Collect {
    /// "off", "optional" or "required", as the council configured it.
    pub address: String,
    /// "off", "optional" or "required".
    pub email: String,
    pub accepted: Vec<Brand>,
}

impl CardForm {
    pub fn new() -> CardForm {
        CardForm {
            number: RwSignal::new(String::new()),
            month: RwSignal::new(String::new()),
            year: RwSignal::new(String::new()),
            name: RwSignal::new(String::new()),
            security_code: RwSignal::new(String::new()),
            line1: RwSignal::new(String::new()),
            line2: RwSignal::new(String::new()),
            city: RwSignal::new(String::new()),
            postcode: RwSignal::new(String::new()),
            email: RwSignal::new(String::new()),
        }
    }

    /// Clears what belongs to one card, keeping the citizen's name,
    /// address and email, for "Try another card".
    pub fn forget_card(&self) {
        for field in [self.number, self.month, self.year, self.security_code] {
            field.set(String::new());
        }
    }

    /// The brand the typed number shows, if it shows one yet.
    pub fn brand(&self) -> Option<Brand> {
        match detect(&self.number.get()) {
            Detection::Brand(brand) => Some(brand),
            _ => None,
        }
    }

    /// Checks every field; the details to tokenise, or every error.
    pub fn check(
        &self,
        collect: &Collect,
        today: YearMonth,
    ) -> Result<CardDetails, Vec<FieldError>> {
        let english = match self.check_in(collect, today, "en") {
            Ok(details) => return Ok(details),
            Err(found) => found,
        };
        let welsh = self.check_in(collect, today, "cy").err();
        Err(bilingual(english, welsh.unwrap_or_default()))
    }

    fn check_in(
        &self,
        collect: &Collect,
        today: YearMonth,
        language: &str,
    ) -> Result<CardDetails, Vec<Found>> {
        let mut errors = Vec::new();
        let number = CardNumber::parse(&self.number.get(), &collect.accepted)
            .map_err(|p| {
                let text = number_message(p, collect, language);
                errors.push(Found::new(Field::Number, text));
            })
            .ok();
        let expiry =
            Expiry::from_fields(&self.month.get(), &self.year.get(), today)
                .map_err(|p| errors.push(expiry_error(p, language)))
                .ok();
        let name = self.name.get().trim().to_owned();
        if let Err(problem) = check_cardholder_name(&name) {
            let text = message(language, &problem);
            errors.push(Found::new(Field::Name, text));
        }
        let brand = number.as_ref().map(CardNumber::brand).or(self.brand());
        let code = SecurityCode::parse(&self.security_code.get(), brand)
            .map_err(|p| {
                let text = message(language, &p);
                errors.push(Found::new(Field::SecurityCode, text));
            })
            .ok();
        let mut fail = |error: Found| errors.push(error);
        let address = self.check_address(collect, language, &mut fail);
        self.check_email(collect, language, &mut fail);

        match (number, expiry, code, errors.is_empty()) {
            (Some(number), Some(expiry), Some(security_code), true) => {
                Ok(CardDetails {
                    number,
                    expiry,
                    security_code,
                    name,
                    address,
                })
            }
            _ => Err(errors),
        }
    }

    fn check_address(
        &self,
        collect: &Collect,
        language: &str,
        fail: &mut impl FnMut(Found),
    ) -> Vec<(&'static str, String)> {
        if collect.address == "off" || self.optional_address_left(collect) {
            return Vec::new();
        }
        let line1 = self.line1.get().trim().to_owned();
        if line1.is_empty() {
            let text = text(language, "address-line1-missing");
            fail(Found::new(Field::AddressLine1, text));
        }
        let city = self.city.get().trim().to_owned();
        if city.is_empty() {
            let text = text(language, "address-city-missing");
            fail(Found::new(Field::AddressCity, text));
        }
        let postcode = match check_postcode(&self.postcode.get()) {
            Ok(postcode) => postcode.as_str().to_owned(),
            Err(problem) => {
                let text = message(language, &problem);
                fail(Found::new(Field::Postcode, text));
                String::new()
            }
        };
        vec![
            ("card[address_line1]", line1),
            ("card[address_line2]", self.line2.get().trim().to_owned()),
            ("card[address_city]", city),
            ("card[address_zip]", postcode),
            ("card[address_country]", "GB".to_owned()),
        ]
    }

    /// An optional address left wholly empty is no address. Once any
    /// part is typed, the whole is checked: half an address is more
    /// likely a slip than a choice, and the PSP would refuse it.
    fn optional_address_left(&self, collect: &Collect) -> bool {
        let parts = [self.line1, self.line2, self.city, self.postcode];
        collect.address == "optional"
            && parts.iter().all(|part| part.get().trim().is_empty())
    }

    fn check_email(
        &self,
        collect: &Collect,
        language: &str,
        fail: &mut impl FnMut(Found),
    ) {
        let email = self.email.get();
        let optional_and_empty =
            collect.email == "optional" && email.trim().is_empty();
        if collect.email == "off" || optional_and_empty {
            return;
        }
        if let Err(problem) = check_email(email.trim()) {
            let text = message(language, &problem);
            fail(Found::new(Field::Email, text));
        }
    }
}

fn text(language: &str, key: &str) -> String {
    i18n::text(language, key).to_owned()
}

fn message(language: &str, problem: &impl Rejection) -> String {
    text(language, problem.code())
}

/// A brand the council does not take names it and the brands it does.
fn number_message(
    problem: NumberProblem,
    collect: &Collect,
    language: &str,
) -> String {
    let names: Vec<&str> = collect.accepted.iter().map(|b| b.name()).collect();
    let brands = i18n::list_or(language, &names);
    let brand = match problem {
        NumberProblem::BrandNotAccepted(brand) => brand.name(),
        NumberProblem::OtherBrandNotAccepted(other) => other.name(),
        _ => "",
    };
    let values = [("brand", brand), ("brands", brands.as_str())];
    i18n::fill(language, problem.code(), &values)
}
