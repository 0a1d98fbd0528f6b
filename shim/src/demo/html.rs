//! The demo's HTML: one layout for every page, escaping, and the
//! headers every demo response carries.

use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

pub use crate::html::escape;

/// No script at all, styles only from our own file, forms only to us:
/// the demo is plain server-rendered HTML and needs nothing more.
pub const POLICY: &str = "default-src 'none'; style-src 'self'; \
     form-action 'self'; img-src 'self'; frame-ancestors 'none'; \
     base-uri 'none'";

/// The service's name, as the header and every title show it.
pub const SERVICE: &str = "Pay a parking fine (demo)";

/// One page of the demo.
#[derive(Debug)]
pub struct Page {
    /// The page's own part of the title; `Error: ` is added in front
    /// when `has_errors` (WCAG 3.3.1: the title says a form failed).
    pub title: &'static str,
    pub has_errors: bool,
    /// Who runs the service; `None` when the demo is not set up.
    pub council: Option<String>,
    /// The contents of `<main>`, already escaped.
    pub main: String,
}

impl Page {
    /// The page as a response with the demo's security headers.
    pub fn respond(&self, status: StatusCode) -> Response {
        let mut response = (status, self.render()).into_response();
        secure(response.headers_mut(), "text/html; charset=utf-8");
        response
    }

    pub(super) fn render(&self) -> String {
        let error = if self.has_errors { "Error: " } else { "" };
        let council = escape(self.council.as_deref().unwrap_or("paypage"));
        let page = self.title;
        let title = format!("{error}{page} – {SERVICE} – {council}");
        format!(
            "<!doctype html>\n<html lang=\"en\">\n<head>\n\
             <meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, \
             initial-scale=1\">\n<title>{title}</title>\n\
             <link rel=\"stylesheet\" href=\"/demo/demo.css\">\n\
             </head>\n<body>\n\
             <a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n\
             {header}\n<main id=\"main\" class=\"width\">\n{main}</main>\n\
             {footer}\n</body>\n</html>\n",
            header = header(&council),
            main = self.main,
            footer = FOOTER,
        )
    }
}

/// The council and service names, and the banner that says this is a
/// demonstration: visible on every page, so nobody mistakes it for a
/// real council asking for money.
fn header(council: &str) -> String {
    format!(
        "<header class=\"header\">\n<div class=\"width\">\n\
         <p class=\"header-council\">{council}</p>\n\
         <p class=\"header-service\">{SERVICE}</p>\n</div>\n\
         <div class=\"demo-banner\"><p class=\"width\">\
         <strong class=\"tag\">Demo</strong> This is a demonstration of \
         paypage. The council is fictional and no real money moves: pay \
         with one of the test cards.</p></div>\n</header>"
    )
}

const FOOTER: &str = "<footer class=\"footer\"><div class=\"width\">\
     <p>A demonstration council service for paypage, the card payment \
     page for councils. Nothing here is a real fine.</p></div></footer>";

/// The headers every demo response carries.
pub fn secure(headers: &mut HeaderMap, content_type: &'static str) {
    crate::html::secure(headers, content_type, POLICY, "no-store");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_says_error_first_when_the_form_failed() {
        let page = Page {
            title: "How much",
            has_errors: true,
            council: Some("Example <Borough>".to_owned()),
            main: String::new(),
        };
        let html = page.render();
        assert!(html.contains(
            "<title>Error: How much – Pay a parking fine (demo) – \
             Example &lt;Borough&gt;</title>"
        ));
    }
}
