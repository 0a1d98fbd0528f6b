//! The demo's second way to pay: paypage's page in a frame on the
//! demo's own page, as a council embeds it in its site
//! (docs/embedding.md). The redirect is the other way (`super::pay`).
//!
//! The frame's address is `next_url` with `?embed=` set to the demo's
//! origin, which the example council lists in `embedding_origins`. A
//! small script of the demo's own (`embed.js`) sizes the frame to the
//! height the page reports and says how the payment ended. The demo
//! runs on paypage's own address, so both sides share one origin here;
//! the browser tests also frame the page from a second origin.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use super::form::pounds;
use super::html::{Here, Page, escape};
use super::view::{self, Refusal};
use super::words::Words;

/// The host page's script, served at `/demo/embed.js`.
pub const SCRIPT: &str = include_str!("embed.js");

/// The payment to show in a frame, and what the page around it needs.
#[derive(Debug)]
pub struct Embedded<'a> {
    pub words: &'static Words,
    /// The council's name in the page's language.
    pub council: &'a str,
    pub payment: &'a Value,
    /// Where "See what the council recorded" goes: the return page.
    pub back: &'a str,
    /// The start page with the citizen's answers, for the switch.
    pub here: Here,
}

/// The embedded payment page, or why it cannot be shown.
pub fn page(public_url: &str, embedded: Embedded<'_>) -> Response {
    let w = embedded.words;
    let next = embedded.payment["_links"]["next_url"]["href"].as_str();
    let origins = next.and_then(|n| Some((n, origin(n)?, origin(public_url)?)));
    let Some((next, paypage, own)) = origins else {
        let why = Refusal::NoFrameUrl;
        let page = view::failed_page(w, embedded.council, why, embedded.here);
        return page.respond(StatusCode::BAD_GATEWAY);
    };
    let encoded: String =
        url::form_urlencoded::byte_serialize(own.as_bytes()).collect();
    let frame = format!("{next}?embed={encoded}");
    let main = main(&embedded, &frame);
    let page = Page {
        words: w,
        title: w.embedded_heading,
        has_errors: false,
        council: Some(embedded.council.to_owned()),
        here: embedded.here,
        main,
    };
    respond(&page, &paypage)
}

fn main(embedded: &Embedded<'_>, frame: &str) -> String {
    let w = embedded.words;
    let payment = embedded.payment;
    let amount = payment["amount"].as_i64().map(pounds).unwrap_or_default();
    let reference = payment["reference"].as_str().unwrap_or("");
    let intro = w
        .embedded_intro
        .replace("{amount}", &amount)
        .replace("{reference}", &escape(reference));
    format!(
        "<h1 class=\"heading-l\">{heading}</h1>\n<p>{intro}</p>\n\
         <iframe id=\"payment-frame\" class=\"payment-frame\" \
         title=\"{title}\" src=\"{frame}\"></iframe>\n\
         <p id=\"payment-outcome\" role=\"status\"{outcomes}></p>\n\
         <p id=\"payment-recorded\" hidden><a href=\"{back}\">{recorded}\
         </a></p>\n",
        heading = w.embedded_heading,
        title = w.frame_title,
        frame = escape(frame),
        outcomes = outcome_words(w),
        back = escape(embedded.back),
        recorded = w.recorded,
    )
}

/// What `embed.js` says for each outcome, in the page's language, as
/// `data-` attributes: the script then needs no words of its own, and
/// the CSP needs no inline script to hand them over.
fn outcome_words(w: &Words) -> String {
    let o = &w.frame_outcomes;
    let pairs = [
        ("success", o.success),
        ("declined", o.declined),
        ("cancelled", o.cancelled),
        ("expired", o.expired),
        ("error", o.error),
    ];
    pairs
        .iter()
        .map(|(state, said)| format!(" data-{state}=\"{}\"", escape(said)))
        .collect()
}

/// The page with its script and a policy that allows exactly what it
/// needs beyond the demo's usual one: its own script, and framing
/// paypage's origin.
fn respond(page: &Page, paypage: &str) -> Response {
    let script = "<script src=\"/demo/embed.js\" defer></script>\n</head>";
    let html = page.render().replacen("</head>", script, 1);
    let mut response = (StatusCode::OK, html).into_response();
    let policy = format!(
        "default-src 'none'; script-src 'self'; style-src 'self'; \
         frame-src {paypage}; form-action 'self'; img-src 'self'; \
         frame-ancestors 'none'; base-uri 'none'"
    );
    let headers = response.headers_mut();
    crate::html::secure(
        headers,
        "text/html; charset=utf-8",
        &policy,
        "no-store",
    );
    response
}

/// `scheme://host[:port]` of an address.
fn origin(address: &str) -> Option<String> {
    let url = url::Url::parse(address).ok()?;
    let origin = url.origin();
    origin.is_tuple().then(|| origin.ascii_serialization())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::demo::words::CY;
    use serde_json::json;

    #[tokio::test]
    async fn the_frame_names_the_demos_origin_and_only_paypage_may_fill_it() {
        let payment = json!({
            "amount": 3500,
            "reference": "PCNAB12CD34EF",
            "_links": { "next_url": {
                "href": "https://pay.example/secure/abc"
            } },
        });
        let embedded = Embedded {
            words: &CY,
            council: "Cyngor",
            payment: &payment,
            back: "/demo/return?payment=PCNAB12CD34EF&lang=cy",
            here: Here::path("/"),
        };
        let response = page("http://127.0.0.1:8080/", embedded);
        assert_eq!(response.status(), StatusCode::OK);
        let csp = response.headers()["content-security-policy"].clone();
        let csp = csp.to_str().unwrap().to_owned();
        assert!(csp.contains("frame-src https://pay.example;"), "{csp}");
        assert!(csp.contains("script-src 'self';"), "{csp}");
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        let body = axum::body::to_bytes(response.into_body(), 1 << 20);
        let body = String::from_utf8(body.await.unwrap().to_vec()).unwrap();
        assert!(body.contains(
            "src=\"https://pay.example/secure/abc?embed=\
             http%3A%2F%2F127.0.0.1%3A8080\""
        ));
        assert!(body.contains("<script src=\"/demo/embed.js\" defer>"));
        assert!(body.contains("Talwch £35.00 am ddirwy parcio PCNAB12CD34EF"));
        assert!(body.contains("title=\"Taliad cerdyn\""));
        assert!(body.contains(
            "href=\"/demo/return?payment=PCNAB12CD34EF&amp;lang=cy\""
        ));
        assert!(body.contains(
            " data-cancelled=\"Mae&#39;r dudalen dalu&#39;n dweud eich bod \
             wedi canslo. Ni chymerwyd unrhyw arian.\""
        ));
    }
}
