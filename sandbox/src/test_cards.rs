//! What happens when a card is charged: Stripe's test-mode behaviour,
//! decided by the card number (DESIGN.md, "Sandbox PSP and test cards").
//!
//! The decision is made once, when the card is tokenised, and only the
//! decision is kept: after that the sandbox has no need for the digits.

use axum::http::StatusCode;

use crate::error::ApiError;

/// What charging a tokenised card will do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    Succeeds,
    Declined(Decline),
    /// The card needs a 3-D Secure challenge, which the sandbox cannot
    /// run yet (see [`Decline::AuthenticationRequired`]).
    NeedsThreeDSecure,
}

/// Why a charge was refused, with Stripe's code for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decline {
    Generic,
    ExpiredCard,
    IncorrectCvc,
    ProcessingError,
    /// Answered for the 3-D Secure card. Stripe would instead leave the
    /// payment intent in `requires_action` with a challenge to show;
    /// until the issue that adds the challenge lands, the sandbox
    /// answers with Stripe's `authentication_required` decline and says
    /// plainly why, so the shim shows a decline instead of hanging.
    AuthenticationRequired,
}

/// Every other valid number succeeds, as in Stripe's test mode.
pub(crate) fn outcome_for(digits: &str) -> Outcome {
    match digits {
        "4000000000000002" => Outcome::Declined(Decline::Generic),
        "4000000000000069" => Outcome::Declined(Decline::ExpiredCard),
        "4000000000000127" => Outcome::Declined(Decline::IncorrectCvc),
        "4000000000000119" => Outcome::Declined(Decline::ProcessingError),
        "4000002500003155" => Outcome::NeedsThreeDSecure,
        _ => Outcome::Succeeds,
    }
}

/// Stripe's `funding` for the number. Stripe's published debit and
/// prepaid test cards report those; every other card reports `credit`,
/// as Stripe's other test cards do. A real issuer lookup (BIN table) is
/// out of a sandbox's reach.
pub(crate) fn funding_for(digits: &str) -> &'static str {
    match digits {
        "4000056655665556" | "5200828282828210" | "6200000000000047" => "debit",
        "5105105105105100" => "prepaid",
        _ => "credit",
    }
}

impl Decline {
    /// The card error Stripe answers for this decline, without the
    /// payment intent (the caller adds it).
    pub(crate) fn to_error(self) -> ApiError {
        let (code, decline_code, message, param) = self.parts();
        let error = ApiError::card(code, message)
            .with_decline_code(decline_code)
            .with_status(StatusCode::PAYMENT_REQUIRED);
        match param {
            Some(param) => error.with_param(param),
            None => error,
        }
    }

    fn parts(
        self,
    ) -> (
        &'static str,
        &'static str,
        &'static str,
        Option<&'static str>,
    ) {
        match self {
            Decline::Generic => (
                "card_declined",
                "generic_decline",
                "Your card was declined.",
                None,
            ),
            Decline::ExpiredCard => (
                "expired_card",
                "expired_card",
                "Your card has expired.",
                Some("exp_month"),
            ),
            Decline::IncorrectCvc => (
                "incorrect_cvc",
                "incorrect_cvc",
                "Your card's security code is incorrect.",
                Some("cvc"),
            ),
            Decline::ProcessingError => (
                "processing_error",
                "processing_error",
                "An error occurred while processing your card. \
                 Try again in a little bit.",
                None,
            ),
            Decline::AuthenticationRequired => (
                "authentication_required",
                "authentication_required",
                "This card needs 3-D Secure authentication, which the \
                 paypage sandbox does not support yet. Use another test card.",
                None,
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_design_test_card_has_its_outcome() {
        use Decline::*;
        let table = [
            ("4242424242424242", Outcome::Succeeds),
            ("4444333322221111", Outcome::Succeeds),
            ("5555555555554444", Outcome::Succeeds),
            ("371449635398431", Outcome::Succeeds),
            ("4000000000000002", Outcome::Declined(Generic)),
            ("4000000000000069", Outcome::Declined(ExpiredCard)),
            ("4000000000000127", Outcome::Declined(IncorrectCvc)),
            ("4000000000000119", Outcome::Declined(ProcessingError)),
            ("4000002500003155", Outcome::NeedsThreeDSecure),
        ];
        for (digits, outcome) in table {
            assert_eq!(outcome_for(digits), outcome, "{digits}");
        }
    }

    #[test]
    fn declines_carry_stripes_codes() {
        let error = Decline::IncorrectCvc.to_error().to_object();
        assert_eq!(error["type"], "card_error");
        assert_eq!(error["code"], "incorrect_cvc");
        assert_eq!(error["decline_code"], "incorrect_cvc");
        assert_eq!(error["param"], "cvc");
    }
}
