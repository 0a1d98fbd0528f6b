//! `/demo/return`: where paypage sends the citizen back. Like any
//! council service, the demo asks the payments API how the payment
//! ended and says so in plain words.

use serde_json::Value;

use super::form::pounds;
use super::html::{Page, escape};

/// How a payment ended, as the citizen needs to hear it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    Paid,
    Declined,
    Expired,
    CancelledByCitizen,
    CancelledByCouncil,
    Error,
    /// Created, started or being charged: the citizen came back early.
    NotFinished,
}

impl Ending {
    /// From the API's `state` (GOV.UK Pay's status and error codes).
    pub fn of(state: &Value) -> Ending {
        let status = state["status"].as_str().unwrap_or("");
        let code = state["code"].as_str().unwrap_or("");
        match (status, code) {
            ("success", _) => Ending::Paid,
            ("failed", "P0020") => Ending::Expired,
            ("failed", _) => Ending::Declined,
            ("cancelled", "P0040") => Ending::CancelledByCouncil,
            ("cancelled", _) => Ending::CancelledByCitizen,
            ("error", _) => Ending::Error,
            _ => Ending::NotFinished,
        }
    }

    /// The page's heading, and what it means for the citizen.
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Ending::Paid => (
                "Your parking fine is paid",
                "You do not need to do anything else.",
            ),
            Ending::Declined => (
                "Your payment was declined",
                "No money was taken and the fine is not paid. Start again \
                 to pay with another card.",
            ),
            Ending::Expired => (
                "Your payment session expired",
                "You did not finish paying within 90 minutes, so no money \
                 was taken. Start again to pay the fine.",
            ),
            Ending::CancelledByCitizen => (
                "You cancelled your payment",
                "No money was taken and the fine is not paid.",
            ),
            Ending::CancelledByCouncil => (
                "The council cancelled this payment",
                "No money was taken. Start again to pay the fine.",
            ),
            Ending::Error => (
                "Your payment could not be taken",
                "Something went wrong at the payment provider. No money \
                 was taken. Try again later.",
            ),
            Ending::NotFinished => (
                "Your payment is not finished",
                "No money has been taken yet. If you were sent here before \
                 paying, start again.",
            ),
        }
    }
}

/// The page for a payment the API found.
pub fn ending_page(council: &str, payment: &Value) -> Page {
    let ending = Ending::of(&payment["state"]);
    let (heading, meaning) = ending.words();
    let mut main = format!("<h1 class=\"heading-l\">{heading}</h1>\n");
    main.push_str(&summary_list(payment, ending));
    main.push_str(&format!(
        "<p>{meaning}</p>\n<p><a href=\"/\">Pay another parking fine</a> \
         or start again.</p>\n"
    ));
    Page {
        title: heading,
        has_errors: false,
        council: Some(council.to_owned()),
        main,
    }
}

/// Reference, amount and, once paid, the card: what a citizen writes
/// down or checks against their statement.
fn summary_list(payment: &Value, ending: Ending) -> String {
    let reference = payment["reference"].as_str().unwrap_or("");
    let amount = payment["amount"].as_i64().map(pounds).unwrap_or_default();
    let mut rows = vec![("Reference", escape(reference))];
    let amount_label = match ending {
        Ending::Paid => "Amount paid",
        _ => "Amount",
    };
    rows.push((amount_label, amount));
    if let (Ending::Paid, Some(card)) = (ending, card(payment)) {
        rows.push(("Card", card));
    }
    let rows: String = rows
        .iter()
        .map(|(key, value)| {
            format!(
                "<div class=\"summary-row\"><dt>{key}</dt>\
                 <dd>{value}</dd></div>\n"
            )
        })
        .collect();
    format!("<dl class=\"summary-list\">\n{rows}</dl>\n")
}

/// "Visa ending 4242", from what the PSP reported.
fn card(payment: &Value) -> Option<String> {
    let details = &payment["card_details"];
    let last4 = details["last_digits_card_number"].as_str()?;
    let brand = details["card_brand"].as_str().unwrap_or("Card");
    Some(escape(&format!("{brand} ending {last4}")))
}

/// The link back did not name a payment the demo made.
pub fn unknown_page(council: &str) -> Page {
    let main = "<h1 class=\"heading-l\">We cannot find that payment</h1>\n\
         <p>The link does not name a parking fine payment made with this \
         demo. No money has been taken by it.</p>\n\
         <p><a href=\"/\">Pay a parking fine</a></p>\n"
        .to_owned();
    Page {
        title: "We cannot find that payment",
        has_errors: false,
        council: Some(council.to_owned()),
        main,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_api_state_has_its_own_ending() {
        let cases = [
            (json!({"status": "success"}), Ending::Paid),
            (
                json!({"status": "failed", "code": "P0010"}),
                Ending::Declined,
            ),
            (
                json!({"status": "failed", "code": "P0020"}),
                Ending::Expired,
            ),
            (
                json!({"status": "cancelled", "code": "P0030"}),
                Ending::CancelledByCitizen,
            ),
            (
                json!({"status": "cancelled", "code": "P0040"}),
                Ending::CancelledByCouncil,
            ),
            (json!({"status": "error", "code": "P0050"}), Ending::Error),
            (json!({"status": "started"}), Ending::NotFinished),
            (json!({"status": "submitted"}), Ending::NotFinished),
        ];
        for (state, ending) in cases {
            assert_eq!(Ending::of(&state), ending, "{state}");
        }
    }
}
