//! Brand detection, table by table: the boundaries the issue names,
//! every brand's ranges, and partial input at every length.

use paypage_card::{Brand, Detection, OtherBrand, detect, possible_brands};

use Brand::*;
use Detection::{Ambiguous, Unknown};

fn is(brand: Brand) -> Detection {
    Detection::Brand(brand)
}

fn other(brand: OtherBrand) -> Detection {
    Detection::Other(brand)
}

#[track_caller]
fn check_table(table: &[(&str, Detection)]) {
    for (digits, expected) in table {
        assert_eq!(detect(digits), *expected, "detect({digits:?})");
    }
}

#[test]
fn mastercard_two_series_starts_at_2221_and_ends_at_2720() {
    check_table(&[
        ("2220", Unknown),
        ("2221", is(Mastercard)),
        ("2500", is(Mastercard)),
        ("2720", is(Mastercard)),
        ("2721", Unknown),
        ("2999", Unknown),
        ("2205", Unknown),
    ]);
}

#[test]
fn mastercard_five_series_is_51_to_55() {
    check_table(&[
        ("51", is(Mastercard)),
        ("55", is(Mastercard)),
        ("5555 5555 5555 4444", is(Mastercard)),
        ("56", is(Maestro)),
    ]);
}

#[test]
fn american_express_is_34_and_37_only() {
    check_table(&[
        ("34", is(AmericanExpress)),
        ("37", is(AmericanExpress)),
        ("35", is(Jcb)),
        ("33", Unknown),
        ("3714 496353 98431", is(AmericanExpress)),
    ]);
}

#[test]
fn discover_6011_beats_the_maestro_catch_all() {
    check_table(&[
        ("6011", is(Discover)),
        ("6011 1111 1111 1117", is(Discover)),
        ("6012", is(Maestro)),
        ("6010", is(Maestro)),
        ("644", is(Discover)),
        ("649", is(Discover)),
        ("643", is(Maestro)),
        ("65", is(Discover)),
    ]);
}

#[test]
fn the_whole_of_62_is_unionpay_including_622126() {
    // Older validators call 622126-622925 Discover; those cards are
    // UnionPay cards the Discover network also takes.
    check_table(&[
        ("622125", is(UnionPay)),
        ("622126", is(UnionPay)),
        ("622925", is(UnionPay)),
        ("622926", is(UnionPay)),
        ("62", is(UnionPay)),
        ("810", is(UnionPay)),
        ("8171", is(UnionPay)),
        ("8172", Unknown),
        ("82", Unknown),
    ]);
}

#[test]
fn diners_club_jcb_and_maestro_ranges_have_exact_edges() {
    check_table(&[
        ("300", is(DinersClub)),
        ("305", is(DinersClub)),
        ("306", Unknown),
        ("36", is(DinersClub)),
        ("38", is(DinersClub)),
        ("39", is(DinersClub)),
        ("3527", Unknown),
        ("3528", is(Jcb)),
        ("3589", is(Jcb)),
        ("3590", Unknown),
        ("2131", is(Jcb)),
        ("1800", is(Jcb)),
        ("1801", Unknown),
        ("493698", is(Maestro)),
        ("493699", is(Visa)),
        ("504174", is(Maestro)),
        ("504176", is(Maestro)),
        ("506698", is(Maestro)),
        ("506779", is(Maestro)),
        ("508999", is(Maestro)),
        ("6759 6498 2643", is(Maestro)),
    ]);
}

#[test]
fn other_brands_are_recognised_where_no_accepted_brand_overlaps() {
    check_table(&[
        ("2200", other(OtherBrand::Mir)),
        ("2204", other(OtherBrand::Mir)),
        ("504175", other(OtherBrand::Elo)),
        ("506699", other(OtherBrand::Elo)),
        ("506778", other(OtherBrand::Elo)),
        ("509000", other(OtherBrand::Elo)),
        ("509", other(OtherBrand::Elo)),
        ("606282", other(OtherBrand::Hipercard)),
        ("9792", other(OtherBrand::Troy)),
        ("9791", Unknown),
        ("606985", other(OtherBrand::RuPay)),
        ("607984", other(OtherBrand::RuPay)),
        ("608500", other(OtherBrand::RuPay)),
        ("608501", is(Maestro)),
        // Elo's 401178 sits inside Visa and stays Visa.
        ("401178", is(Visa)),
    ]);
}

#[test]
fn a_prefix_shared_by_several_brands_is_ambiguous() {
    check_table(&[
        ("", Ambiguous),
        ("2", Ambiguous),
        ("22", Ambiguous),
        ("3", Ambiguous),
        ("5", Ambiguous),
        ("50", Ambiguous),
        ("6", Ambiguous),
        ("60", Ambiguous),
        ("601", Ambiguous),
        ("64", Ambiguous),
        // 4 is Visa unless it becomes Maestro's 493698.
        ("4", Ambiguous),
        ("49369", Ambiguous),
        ("42", is(Visa)),
    ]);
}

#[test]
fn a_prefix_only_one_brand_could_become_names_that_brand() {
    check_table(&[
        ("1", is(Jcb)),
        ("30", is(DinersClub)),
        ("222", is(Mastercard)),
        ("35", is(Jcb)),
        ("97", other(OtherBrand::Troy)),
    ]);
}

#[test]
fn nothing_starts_with_0_or_7_or_plain_9() {
    check_table(&[("0", Unknown), ("7", Unknown), ("90", Unknown)]);
}

#[test]
fn separators_are_ignored_and_other_characters_are_unknown() {
    check_table(&[
        ("4-2", is(Visa)),
        (" 3 7 ", is(AmericanExpress)),
        ("4a", Unknown),
        ("x", Unknown),
    ]);
}

#[test]
fn every_prefix_of_a_test_card_is_its_brand_or_still_open() {
    let cards = [
        ("4242424242424242", Visa, 2),
        ("5555555555554444", Mastercard, 2),
        ("2223003122003222", Mastercard, 3),
        ("378282246310005", AmericanExpress, 2),
        ("6011111111111117", Discover, 4),
        ("3056930009020004", DinersClub, 3),
        ("3566002020360505", Jcb, 2),
        ("6200000000000005", UnionPay, 2),
        ("6759649826438453", Maestro, 2),
    ];
    for (number, brand, decided_at) in cards {
        for len in 0..=number.len() {
            let prefix = &number[..len];
            let found = detect(prefix);
            if len >= decided_at {
                assert_eq!(found, is(brand), "detect({prefix:?})");
            } else {
                let could_be = possible_brands(prefix).any(|b| b == brand);
                assert!(could_be, "{brand:?} ruled out at {prefix:?}");
            }
        }
    }
}

#[test]
fn possible_brands_narrows_as_digits_arrive() {
    let six: Vec<_> = possible_brands("6").collect();
    assert_eq!(six, [Maestro, Discover, UnionPay]);
    let sixty: Vec<_> = possible_brands("60").collect();
    assert_eq!(sixty, [Maestro, Discover]);
    assert_eq!(possible_brands("6011").collect::<Vec<_>>(), [Discover]);
    assert_eq!(possible_brands("4").collect::<Vec<_>>(), [Visa, Maestro]);
    assert_eq!(possible_brands("42").collect::<Vec<_>>(), [Visa]);
    assert_eq!(possible_brands("2200").count(), 0);
    assert_eq!(possible_brands("0").count(), 0);
}
