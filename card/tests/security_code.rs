//! Security codes: length by brand, digits only, never printed.

use paypage_card::{Brand, Rejection, SecurityCode, SecurityCodeProblem};

use SecurityCodeProblem::*;

fn parse(input: &str, brand: Option<Brand>) -> Option<SecurityCodeProblem> {
    SecurityCode::parse(input, brand).err()
}

#[test]
fn american_express_needs_four_digits_and_others_three() {
    let amex = Some(Brand::AmericanExpress);
    assert_eq!(parse("1234", amex), None);
    assert_eq!(parse("123", amex), Some(WrongLengthAmex));
    assert_eq!(parse("12345", amex), Some(WrongLengthAmex));
    for brand in Brand::ALL.into_iter().filter(|b| Some(*b) != amex) {
        assert_eq!(parse("123", Some(brand)), None, "{brand:?}");
        assert_eq!(parse("1234", Some(brand)), Some(WrongLength));
        assert_eq!(parse("12", Some(brand)), Some(WrongLength));
    }
}

#[test]
fn an_unknown_brand_allows_three_or_four_digits() {
    assert_eq!(parse("123", None), None);
    assert_eq!(parse("1234", None), None);
    assert_eq!(parse("12", None), Some(WrongLengthUnknownBrand));
    assert_eq!(parse("12345", None), Some(WrongLengthUnknownBrand));
}

#[test]
fn missing_and_non_digits_are_named() {
    assert_eq!(parse("", None), Some(Missing));
    assert_eq!(parse("   ", Some(Brand::Visa)), Some(Missing));
    for input in ["12a", "1 23", "12.3", "١٢٣", "-123"] {
        assert_eq!(parse(input, Some(Brand::Visa)), Some(NotDigits), "{input}");
    }
}

#[test]
fn surrounding_whitespace_is_ignored() -> Result<(), SecurityCodeProblem> {
    let code = SecurityCode::parse(" 123\n", Some(Brand::Visa))?;
    assert_eq!(code.expose(), "123");
    Ok(())
}

#[test]
fn the_code_never_appears_in_debug_or_display()
-> Result<(), SecurityCodeProblem> {
    let code = SecurityCode::parse("9876", Some(Brand::AmericanExpress))?;
    let shown = format!("{code} {code:?} {code:#?}");
    assert!(!shown.contains('9') && !shown.contains("876"), "{shown}");
    Ok(())
}

#[test]
fn partial_codes_are_hopeful_until_too_long_or_not_digits() {
    let visa = Some(Brand::Visa);
    let amex = Some(Brand::AmericanExpress);
    let table = [
        ("", visa, true),
        ("12", visa, true),
        ("123", visa, true),
        ("1234", visa, false),
        ("1234", amex, true),
        ("12345", amex, false),
        ("1234", None, true),
        ("1x", None, false),
    ];
    for (input, brand, hopeful) in table {
        let found = SecurityCode::potentially_valid(input, brand);
        assert_eq!(found, hopeful, "{input:?} {brand:?}");
    }
}

#[test]
fn codes_are_stable() {
    let table = [
        (Missing, "security-code-missing"),
        (NotDigits, "security-code-not-digits"),
        (WrongLength, "security-code-wrong-length"),
        (WrongLengthAmex, "security-code-wrong-length-amex"),
        (
            WrongLengthUnknownBrand,
            "security-code-wrong-length-unknown-brand",
        ),
    ];
    for (problem, code) in table {
        assert_eq!(problem.code(), code);
        assert_eq!(problem.to_string(), code);
    }
}
