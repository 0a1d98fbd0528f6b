//! `/demo/return`: where paypage sends the citizen back. Like any
//! council service, the demo asks the payments API how the payment
//! ended and says so in plain words.

use serde_json::Value;

use super::form::pounds;
use super::html::{Here, Page, escape};
use super::view;
use super::words::{Said, Words};

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
    fn words(self, w: &Words) -> Said {
        let e = &w.endings;
        match self {
            Ending::Paid => e.paid,
            Ending::Declined => e.declined,
            Ending::Expired => e.expired,
            Ending::CancelledByCitizen => e.cancelled_by_citizen,
            Ending::CancelledByCouncil => e.cancelled_by_council,
            Ending::Error => e.error,
            Ending::NotFinished => e.not_finished,
        }
    }
}

/// The return page's own address, for its language switch: the
/// reference only when it is one the demo makes, as nothing else is
/// looked up.
pub fn here(reference: Option<&str>) -> Here {
    let query = reference.map(|r| ("payment", r.to_owned()));
    Here {
        path: "/demo/return",
        query: query.into_iter().collect(),
    }
}

/// The page for a payment the API found.
pub fn ending_page(
    words: &'static Words,
    council: &str,
    payment: &Value,
) -> Page {
    let w = words;
    let ending = Ending::of(&payment["state"]);
    let said = ending.words(w);
    let link =
        format!("<a href=\"{}\">{}</a>", view::start_href(w), w.pay_another);
    let main = format!(
        "<h1 class=\"heading-l\">{heading}</h1>\n{summary}\
         <p>{meaning}</p>\n<p>{again}</p>\n",
        heading = said.heading,
        summary = summary_list(w, payment, ending),
        meaning = said.meaning,
        again = w.pay_another_line.replace("{link}", &link),
    );
    let reference = payment["reference"].as_str();
    Page {
        words,
        title: said.heading,
        has_errors: false,
        council: Some(council.to_owned()),
        here: here(reference),
        main,
    }
}

/// Reference, amount and, once paid, the card: what a citizen writes
/// down or checks against their statement.
fn summary_list(w: &Words, payment: &Value, ending: Ending) -> String {
    let reference = payment["reference"].as_str().unwrap_or("");
    let amount = payment["amount"].as_i64().map(pounds).unwrap_or_default();
    let mut rows = vec![(w.reference, escape(reference))];
    let amount_label = match ending {
        Ending::Paid => w.amount_paid,
        _ => w.amount,
    };
    rows.push((amount_label, amount));
    if let (Ending::Paid, Some(card)) = (ending, card(w, payment)) {
        rows.push((w.card, card));
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
fn card(w: &Words, payment: &Value) -> Option<String> {
    let details = &payment["card_details"];
    let last4 = details["last_digits_card_number"].as_str()?;
    let brand = details["card_brand"].as_str().unwrap_or(w.card);
    let said = w
        .card_ending
        .replace("{brand}", &escape(brand))
        .replace("{last4}", &escape(last4));
    Some(said)
}

/// The link back did not name a payment the demo made.
pub fn unknown_page(words: &'static Words, council: &str, here: Here) -> Page {
    let w = words;
    let main = format!(
        "<h1 class=\"heading-l\">{heading}</h1>\n<p>{body}</p>\n\
         <p><a href=\"{start}\">{pay}</a></p>\n",
        heading = w.unknown_heading,
        body = w.unknown_body,
        start = view::start_href(w),
        pay = w.heading,
    );
    Page {
        words,
        title: w.unknown_heading,
        has_errors: false,
        council: Some(council.to_owned()),
        here,
        main,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::words::CY;
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

    #[test]
    fn a_paid_fine_is_told_in_welsh_with_its_card() {
        let payment = json!({
            "reference": "PCNAB12CD34EF",
            "amount": 3500,
            "state": { "status": "success" },
            "card_details": {
                "last_digits_card_number": "4242",
                "card_brand": "Visa",
            },
        });
        let html = ending_page(&CY, "Cyngor", &payment).render();
        assert!(html.contains("<dt>Swm a dalwyd</dt><dd>£35.00</dd>"));
        assert!(html.contains("Visa sy'n gorffen gyda 4242"));
        assert!(
            html.contains(
                "<a href=\"/?lang=cy\">Talu dirwy parcio arall</a> neu"
            )
        );
        assert!(html.contains(
            "href=\"/demo/return?payment=PCNAB12CD34EF&amp;lang=en\""
        ));
    }
}
