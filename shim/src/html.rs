//! What every server-rendered HTML page of the shim shares (the demo
//! service and the accessibility statement): escaping what comes from
//! outside, and the security headers an HTML answer carries.

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
