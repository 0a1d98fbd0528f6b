//! The demo's HTML: one layout for every page, in the citizen's
//! language with a switch to the other, escaping, and the headers
//! every demo response carries.

use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

pub use crate::html::escape;
use crate::html::{SwitchClasses, language_switch};

use super::words::Words;

/// No script at all, styles only from our own file, forms only to us:
/// the demo is plain server-rendered HTML and needs nothing more.
pub const POLICY: &str = "default-src 'none'; style-src 'self'; \
     form-action 'self'; img-src 'self'; frame-ancestors 'none'; \
     base-uri 'none'";

/// One page of the demo.
#[derive(Debug)]
pub struct Page {
    pub words: &'static Words,
    /// The page's own part of the title; `Error: ` is added in front
    /// when `has_errors` (WCAG 3.3.1: the title says a form failed).
    pub title: &'static str,
    pub has_errors: bool,
    /// Who runs the service, in the page's language; `None` when the
    /// demo is not set up.
    pub council: Option<String>,
    /// Where the language switch goes: this page in the other language.
    pub here: Here,
    /// The contents of `<main>`, already escaped.
    pub main: String,
}

/// A page's address without its language: the switch adds `lang`.
#[derive(Debug)]
pub struct Here {
    pub path: &'static str,
    pub query: Vec<(&'static str, String)>,
}

impl Here {
    pub fn path(path: &'static str) -> Here {
        Here {
            path,
            query: Vec::new(),
        }
    }

    /// The address in a language, escaped for an attribute.
    pub fn href(&self, lang: &str) -> String {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        for (name, value) in &self.query {
            query.append_pair(name, value);
        }
        query.append_pair("lang", lang);
        escape(&format!("{}?{}", self.path, query.finish()))
    }
}

impl Page {
    /// The page as a response with the demo's security headers.
    pub fn respond(&self, status: StatusCode) -> Response {
        let mut response = (status, self.render()).into_response();
        secure(response.headers_mut(), "text/html; charset=utf-8");
        response
    }

    pub(super) fn render(&self) -> String {
        let w = self.words;
        format!(
            "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n\
             <meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, \
             initial-scale=1\">\n<title>{title}</title>\n\
             <link rel=\"stylesheet\" href=\"/demo/demo.css\">\n\
             </head>\n<body>\n\
             <a class=\"skip-link\" href=\"#main\">{skip}</a>\n\
             {header}\n{switch}<main id=\"main\" class=\"width\">\n\
             {main}</main>\n{footer}\n</body>\n</html>\n",
            lang = w.lang,
            title = self.title(),
            skip = w.skip_link,
            header = header(w, &self.council_name()),
            switch = switch(w, &self.here),
            main = self.main,
            footer = footer(w),
        )
    }

    fn council_name(&self) -> String {
        escape(self.council.as_deref().unwrap_or("paypage"))
    }

    fn title(&self) -> String {
        let w = self.words;
        let error = if self.has_errors { w.title_error } else { "" };
        let council = self.council_name();
        format!("{error}{} – {} – {council}", self.title, w.service)
    }
}

/// The council and service names, and the banner that says this is a
/// demonstration: visible on every page, so nobody mistakes it for a
/// real council asking for money.
fn header(w: &Words, council: &str) -> String {
    format!(
        "<header class=\"header\">\n<div class=\"width\">\n\
         <p class=\"header-council\">{council}</p>\n\
         <p class=\"header-service\">{service}</p>\n</div>\n\
         <div class=\"demo-banner\"><p class=\"width\">\
         <strong class=\"tag\">{tag}</strong> {banner}</p></div>\n\
         </header>",
        service = w.service,
        tag = w.demo_tag,
        banner = w.demo_banner,
    )
}

/// English | Cymraeg: the other language is a link to this page in it.
fn switch(w: &Words, here: &Here) -> String {
    let classes = SwitchClasses {
        nav: "language width",
        list: "language-list",
        current: "language-current",
        link: None,
    };
    language_switch(w.lang, w.language_label, &classes, |code| here.href(code))
}

fn footer(w: &Words) -> String {
    format!(
        "<footer class=\"footer\"><div class=\"width\"><p>{}</p></div>\
         </footer>",
        w.footer
    )
}

/// The headers every demo response carries.
pub fn secure(headers: &mut HeaderMap, content_type: &'static str) {
    crate::html::secure(headers, content_type, POLICY, "no-store");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::words::{CY, EN};

    fn page(words: &'static Words, has_errors: bool) -> Page {
        Page {
            words,
            title: "How much",
            has_errors,
            council: Some("Example <Borough>".to_owned()),
            here: Here {
                path: "/",
                query: vec![("other_amount", "1 & \"2\"".to_owned())],
            },
            main: String::new(),
        }
    }

    #[test]
    fn the_title_says_error_first_when_the_form_failed() {
        let html = page(&EN, true).render();
        assert!(html.contains(
            "<title>Error: How much – Pay a parking fine (demo) – \
             Example &lt;Borough&gt;</title>"
        ));
        let html = page(&CY, true).render();
        assert!(html.contains("<title>Gwall: How much – Talu dirwy"));
    }

    #[test]
    fn the_switch_links_to_this_page_in_the_other_language() {
        let html = page(&CY, false).render();
        assert!(html.contains("<html lang=\"cy\">"));
        assert!(html.contains(
            "<a href=\"/?other_amount=1+%26+%222%22&amp;lang=en\" \
             hreflang=\"en\" lang=\"en\">English</a>"
        ));
        assert!(html.contains(
            "<span class=\"language-current\" lang=\"cy\" \
             aria-current=\"true\">Cymraeg</span>"
        ));
        assert!(html.contains(
            "<nav class=\"language width\" \
             aria-label=\"Iaith\">"
        ));
    }
}
