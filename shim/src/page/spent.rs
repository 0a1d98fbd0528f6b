//! What a citizen sees when `next_url` cannot open a payment: the link
//! was used already (the back button, a reload, a second tab), or it
//! was never one. This is a page a person reads, in both languages,
//! not the page API's JSON code: nobody's script is there to read it.
//!
//! Which payment a spent link belonged to is not looked up, so the
//! answer is the same for a spent link and a made-up one and says
//! nothing about whether a payment exists.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::app::AppState;
use crate::council::embedding::Origin;
use crate::html;

/// The notice, framed only where the page itself could have been.
pub fn respond(ancestors: &str) -> Response {
    tracing::info!("a used or unknown payment link was opened");
    let page = html::notice(
        (
            "This payment link cannot be used again",
            "It has been used already, or it is not a payment link. \
             Opening it again takes no money. Go back to the service you \
             were paying: it can tell you whether your payment went \
             through, or start a new payment.",
        ),
        (
            "Ni ellir defnyddio'r ddolen dalu hon eto",
            "Mae wedi cael ei defnyddio'n barod, neu nid yw'n ddolen \
             dalu. Nid yw ei hagor eto yn cymryd unrhyw arian. Ewch yn ôl \
             i'r gwasanaeth yr oeddech yn talu amdano: gall ddweud wrthych \
             a aeth eich taliad drwodd, neu ddechrau taliad newydd.",
        ),
    );
    let mut response = (StatusCode::NOT_FOUND, page).into_response();
    let policy = format!(
        "default-src 'none'; style-src 'self'; base-uri 'none'; \
         form-action 'none'; frame-ancestors {ancestors}"
    );
    html::secure(
        response.headers_mut(),
        "text/html; charset=utf-8",
        &policy,
        "no-store",
    );
    super::serve::frame_options(response.headers_mut(), ancestors);
    response
}

/// Where a spent link opened with `?embed=` may show its notice: in
/// the frame that asked, when some council lets that origin embed its
/// page (a reloaded frame on the council's own site), else nowhere.
pub fn embedded_ancestors(state: &AppState, embed: &str) -> String {
    let allowed = Origin::parse(embed).ok().filter(|origin| {
        state.councils.iter().any(|c| c.allows_embedding_by(origin))
    });
    allowed.map_or_else(super::serve::no_framing, |origin| {
        origin.as_str().to_owned()
    })
}
