//! Email addresses, for councils that send a receipt.
//!
//! The check is for plausibility, not for RFC 5322's full grammar: it
//! refuses what is almost certainly a slip (no @, a space, no dot in
//! the domain) and lets through everything a real mailbox uses,
//! including "+" tags and non-English domains. Only sending a message
//! proves an address works.

use crate::rejection::{Rejection, display_as_code};

/// The longest address that fits an SMTP path (RFC 5321 section 4.5.3).
const MAX_CHARS: usize = 254;
/// The longest name before the @ (RFC 5321 section 4.5.3.1.1).
const MAX_LOCAL_CHARS: usize = 64;
/// The longest label between dots in a domain (RFC 1035).
const MAX_LABEL_CHARS: usize = 63;

/// Why an email address is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EmailProblem {
    /// Nothing entered.
    Missing,
    /// Longer than 254 characters, or more than 64 before the @.
    TooLong,
    /// No @ sign.
    NoAtSign,
    /// Nothing before the @.
    NothingBeforeAt,
    /// Holds a space, a second @, or another character no address
    /// has outside quotes, or a misplaced dot before the @.
    InvalidCharacters,
    /// The part after the @ is not a plausible domain, such as
    /// "example.com": it needs a dot and a real-looking ending.
    DomainNotPlausible,
}

impl Rejection for EmailProblem {
    fn code(&self) -> &'static str {
        match self {
            EmailProblem::Missing => "email-missing",
            EmailProblem::TooLong => "email-too-long",
            EmailProblem::NoAtSign => "email-missing-at-sign",
            EmailProblem::NothingBeforeAt => "email-missing-name-before-at",
            EmailProblem::InvalidCharacters => "email-has-invalid-characters",
            EmailProblem::DomainNotPlausible => "email-domain-not-plausible",
        }
    }
}

display_as_code!(EmailProblem);

/// Checks an email address. Surrounding whitespace (which phone
/// keyboards add after autocomplete) is ignored, so store the trimmed
/// address.
///
/// ```
/// use paypage_card::{check_email, EmailProblem};
///
/// assert_eq!(check_email("ceri.jones+parking@cyngor.cymru"), Ok(()));
/// assert_eq!(check_email("ceri.jones"), Err(EmailProblem::NoAtSign));
/// assert_eq!(
///     check_email("ceri@localhost"),
///     Err(EmailProblem::DomainNotPlausible),
/// );
/// ```
pub fn check_email(input: &str) -> Result<(), EmailProblem> {
    let address = input.trim();
    if address.is_empty() {
        return Err(EmailProblem::Missing);
    }
    if address.chars().count() > MAX_CHARS {
        return Err(EmailProblem::TooLong);
    }

    let (local, domain) =
        address.rsplit_once('@').ok_or(EmailProblem::NoAtSign)?;
    check_local(local)?;
    match plausible_domain(domain) {
        true => Ok(()),
        false => Err(EmailProblem::DomainNotPlausible),
    }
}

fn check_local(local: &str) -> Result<(), EmailProblem> {
    if local.is_empty() {
        return Err(EmailProblem::NothingBeforeAt);
    }
    if local.chars().count() > MAX_LOCAL_CHARS {
        return Err(EmailProblem::TooLong);
    }
    let bad_char = local.chars().any(|c| {
        c.is_whitespace() || c.is_control() || "@\"(),:;<>[\\]".contains(c)
    });
    let bad_dots =
        local.starts_with('.') || local.ends_with('.') || local.contains("..");
    match bad_char || bad_dots {
        true => Err(EmailProblem::InvalidCharacters),
        false => Ok(()),
    }
}

/// Two or more labels of letters, digits and inner hyphens, ending in
/// a top-level domain of two or more characters that is not all
/// digits (so an IP address does not pass as a domain).
fn plausible_domain(domain: &str) -> bool {
    let label_ok = |label: &str| {
        !label.is_empty()
            && label.chars().count() <= MAX_LABEL_CHARS
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    let mut labels = domain.split('.').rev();
    let top = labels.next().unwrap_or_default();
    let top_ok =
        top.chars().count() >= 2 && !top.chars().all(|c| c.is_ascii_digit());
    let mut rest = labels.peekable();
    let has_name = rest.peek().is_some();
    label_ok(top) && top_ok && has_name && rest.all(label_ok)
}
