//! What every server-rendered HTML page of the shim shares (the demo
//! service, the accessibility statement and the short notices):
//! escaping what comes from outside, the security headers an HTML
//! answer carries, and the bilingual notice page.

use axum::http::HeaderMap;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, HeaderValue,
    REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS,
};

/// Text made safe to put in HTML, inside elements or quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The headers every server-rendered answer carries: its type, its
/// Content-Security-Policy and caching, no referrer, no sniffing. A
/// policy that is not a valid header value (it never is: callers
/// build it from checked origins) leaves the strictest one instead.
pub fn secure(
    headers: &mut HeaderMap,
    content_type: &'static str,
    policy: &str,
    cache: &'static str,
) {
    let policy = HeaderValue::from_str(policy)
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'none'"));
    headers.insert(CONTENT_SECURITY_POLICY, policy);
    let pairs = [
        (CONTENT_TYPE, content_type),
        (CACHE_CONTROL, cache),
        (REFERRER_POLICY, "no-referrer"),
        (X_CONTENT_TYPE_OPTIONS, "nosniff"),
    ];
    for (name, value) in pairs {
        headers.insert(name, HeaderValue::from_static(value));
    }
}

/// English | Cymraeg, as GOV.UK's Welsh services show it: the language
/// shown is marked current, the other is a link (`href` gives the
/// address in that language, already escaped). Each name is in its own
/// language with its `lang`, so a screen reader pronounces it properly
/// (WCAG 3.1.2). Each page styles it with class names of its own.
pub fn language_switch(
    shown: &str,
    label: &str,
    classes: &SwitchClasses,
    href: impl Fn(&str) -> String,
) -> String {
    let link_class = classes
        .link
        .map(|class| format!(" class=\"{class}\""))
        .unwrap_or_default();
    let items: String = LANGUAGES
        .iter()
        .map(|&(code, name)| {
            if code == shown {
                format!(
                    "<li><span class=\"{}\" lang=\"{code}\" \
                     aria-current=\"true\">{name}</span></li>\n",
                    classes.current
                )
            } else {
                format!(
                    "<li><a{link_class} href=\"{}\" hreflang=\"{code}\" \
                     lang=\"{code}\">{name}</a></li>\n",
                    href(code)
                )
            }
        })
        .collect();
    format!(
        "<nav class=\"{}\" aria-label=\"{}\">\n\
         <ul class=\"{}\">\n{items}</ul>\n</nav>\n",
        classes.nav,
        escape(label),
        classes.list,
    )
}

/// Both languages' names, each written in its own language.
const LANGUAGES: [(&str, &str); 2] = [("en", "English"), ("cy", "Cymraeg")];

/// The class names a page gives its language switch.
#[derive(Debug)]
pub struct SwitchClasses {
    pub nav: &'static str,
    pub list: &'static str,
    pub current: &'static str,
    /// On the link to the other language, if the page styles links so.
    pub link: Option<&'static str>,
}

/// The style sheet of the shim's plain pages (the accessibility
/// statement and the notices); the statement's routes serve it.
pub const PLAIN_STYLESHEET: &str = "/statement/statement.css";

/// A short page in both languages, for an answer that belongs to no
/// payment or council, so nothing says which language comes first.
/// English leads; the Welsh follows under its own `lang`.
pub fn notice(english: (&str, &str), welsh: (&str, &str)) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n\
         <meta charset=\"utf-8\">\n<meta name=\"viewport\" \
         content=\"width=device-width, initial-scale=1\">\n\
         <title>{en_heading}</title>\n\
         <link rel=\"stylesheet\" href=\"{PLAIN_STYLESHEET}\">\n</head>\n\
         <body>\n<main id=\"main\" class=\"width main\">\n\
         <h1 class=\"heading-xl\">{en_heading}</h1>\n\
         <p class=\"body\">{en_text}</p>\n<div lang=\"cy\">\n\
         <h2 class=\"heading-l\">{cy_heading}</h2>\n\
         <p class=\"body\">{cy_text}</p>\n</div>\n</main>\n</body>\n\
         </html>\n",
        en_heading = escape(english.0),
        en_text = escape(english.1),
        cy_heading = escape(welsh.0),
        cy_text = escape(welsh.1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_leaves_no_markup_or_attribute_breakouts() {
        let typed = "<script>\"x\" & 'y'</script>";
        assert_eq!(
            escape(typed),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn a_policy_that_cannot_be_a_header_falls_back_to_the_strictest() {
        let mut headers = HeaderMap::new();
        secure(&mut headers, "text/html", "bad\npolicy", "no-store");
        assert_eq!(headers[CONTENT_SECURITY_POLICY], "default-src 'none'");
    }
}
