//! Email addresses: plausible, at most 254 characters, with a domain
//! that looks real.

use paypage_card::{EmailProblem, Rejection, check_email};

use EmailProblem::*;

#[test]
fn real_looking_addresses_are_accepted() {
    let addresses = [
        "ceri@example.com",
        "ceri.jones+parking@cyngor.cymru",
        "o'brien@council.gov.uk",
        "user_name-1@sub.domain.co.uk",
        " padded@example.com ",
        "siân@enghraifft.cymru",
        "x@müller.de",
        "1@2.io",
    ];
    for address in addresses {
        assert_eq!(check_email(address), Ok(()), "{address}");
    }
}

#[test]
fn each_mistake_gets_its_own_problem() {
    let table = [
        ("", Missing),
        ("  ", Missing),
        ("ceri.example.com", NoAtSign),
        ("@example.com", NothingBeforeAt),
        ("ceri jones@example.com", InvalidCharacters),
        ("ceri@@example.com", InvalidCharacters),
        ("a@b@example.com", InvalidCharacters),
        (".ceri@example.com", InvalidCharacters),
        ("ceri.@example.com", InvalidCharacters),
        ("ce..ri@example.com", InvalidCharacters),
        ("<ceri>@example.com", InvalidCharacters),
        ("ceri@", DomainNotPlausible),
        ("ceri@localhost", DomainNotPlausible),
        ("ceri@example", DomainNotPlausible),
        ("ceri@example.c", DomainNotPlausible),
        ("ceri@example..com", DomainNotPlausible),
        ("ceri@example.com.", DomainNotPlausible),
        ("ceri@-example.com", DomainNotPlausible),
        ("ceri@example-.com", DomainNotPlausible),
        ("ceri@exa mple.com", DomainNotPlausible),
        ("ceri@127.0.0.1", DomainNotPlausible),
        ("ceri@[127.0.0.1]", DomainNotPlausible),
        ("ceri@example_site.com", DomainNotPlausible),
    ];
    for (address, problem) in table {
        assert_eq!(check_email(address), Err(problem), "{address:?}");
    }
}

#[test]
fn the_limits_are_254_overall_and_64_before_the_at() {
    let domain = format!(
        "{}.{}.{}.com",
        "a".repeat(63),
        "b".repeat(63),
        "c".repeat(63)
    );
    let longest = format!("{}@{domain}", "x".repeat(254 - domain.len() - 1));
    assert_eq!(longest.len(), 254);
    assert_eq!(check_email(&longest), Ok(()));
    let too_long = format!("x{longest}");
    assert_eq!(check_email(&too_long), Err(TooLong));

    let local = "x".repeat(65);
    assert_eq!(check_email(&format!("{local}@example.com")), Err(TooLong));
    let label = "a".repeat(64);
    let found = check_email(&format!("ceri@{label}.com"));
    assert_eq!(found, Err(DomainNotPlausible));
}

#[test]
fn codes_are_stable() {
    let table = [
        (Missing, "email-missing"),
        (TooLong, "email-too-long"),
        (NoAtSign, "email-missing-at-sign"),
        (NothingBeforeAt, "email-missing-name-before-at"),
        (InvalidCharacters, "email-has-invalid-characters"),
        (DomainNotPlausible, "email-domain-not-plausible"),
    ];
    for (problem, code) in table {
        assert_eq!(problem.code(), code);
        assert_eq!(problem.to_string(), code);
    }
}
