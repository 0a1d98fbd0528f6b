//! UK postcodes: every outward-code shape, the letters each position
//! may hold, and the normal form.

use paypage_card::{PostcodeProblem, Rejection, check_postcode};

use PostcodeProblem::*;

#[test]
fn every_shape_of_outward_code_is_accepted_and_normalised() {
    let table = [
        ("M1 1AE", "M1 1AE"),
        ("b338th", "B33 8TH"),
        ("CR2 6XH", "CR2 6XH"),
        ("DN55 1PT", "DN55 1PT"),
        ("W1A 0AX", "W1A 0AX"),
        ("ec1a1bb", "EC1A 1BB"),
        ("  SW1A   1AA ", "SW1A 1AA"),
        ("cf10 1ep", "CF10 1EP"),
        ("LL55 4UR", "LL55 4UR"),
        ("GIR 0AA", "GIR 0AA"),
        ("BF1 3AA", "BF1 3AA"),
    ];
    for (typed, normal) in table {
        let found = check_postcode(typed).map(|p| p.to_string());
        assert_eq!(found, Ok(normal.to_owned()), "{typed:?}");
    }
}

#[test]
fn outward_and_inward_codes_can_be_read_apart() -> Result<(), PostcodeProblem> {
    let postcode = check_postcode("EC1A 1BB")?;
    assert_eq!(postcode.outward(), "EC1A");
    assert_eq!(postcode.inward(), "1BB");
    assert_eq!(postcode.as_str(), "EC1A 1BB");
    Ok(())
}

#[test]
fn malformed_postcodes_are_refused() {
    let table = [
        "SW1A",
        "1AA",
        "SW1A 1A",
        "SW1A1AAA",
        "SW1A-1AA",
        "12345",
        "ABCDE",
        "SW1A 1AO",
        "SW1A 1CA",
        "QA1 1AA",
        "AZ1 1AA",
        "A1I 1AA",
        "AA1C 1AA",
        "CF10 1E0",
        "ŚW1A 1AA",
        "90210",
    ];
    for typed in table {
        assert_eq!(check_postcode(typed), Err(WrongFormat), "{typed:?}");
    }
}

#[test]
fn nothing_entered_is_missing() {
    assert_eq!(check_postcode(""), Err(Missing));
    assert_eq!(check_postcode("   "), Err(Missing));
}

#[test]
fn codes_are_stable() {
    assert_eq!(Missing.code(), "postcode-missing");
    assert_eq!(WrongFormat.code(), "postcode-wrong-format");
    assert_eq!(WrongFormat.to_string(), "postcode-wrong-format");
}
