//! Which sites may put a council's page in a frame: the council's
//! `embedding_origins`, checked when the council loads, and the match
//! of the one origin a host page names with `?embed=`.
//!
//! An entry is a CSP source expression cut down to what a council
//! needs: `scheme://host` with an optional `:port`, where the port may
//! be `*` (any port, as CSP allows), so that a developer's
//! `http://localhost:*` covers every port a test server picks. The same
//! entry is written into `frame-ancestors` as it is, and `matches`
//! follows CSP's rule for it, so the browser and the shim agree on
//! what is allowed. Wildcard hosts (`https://*.council.gov.uk`) are
//! refused: each host is listed, so a forgotten subdomain cannot frame
//! the page.
//!
//! One difference, on purpose: CSP lets `http://host` also match
//! `https://host`, but `matches` does not, so a host page must name the
//! scheme it really uses.

use url::Url;

use super::Council;

/// Hosts that may use plain `http://`, as with `return_url`: a
/// developer's own machine, never a public site.
const LOCAL_HOSTS: [&str; 2] = ["localhost", "127.0.0.1"];

/// One parsed `embedding_origins` entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OriginPattern {
    scheme: String,
    host: String,
    port: Port,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Port {
    /// No port written: the scheme's own (443 or 80).
    Default,
    Exact(u16),
    /// `:*`.
    Any,
}

impl OriginPattern {
    /// Reads an entry, or says how to write it.
    pub fn parse(entry: &str) -> Result<OriginPattern, String> {
        let example = "write it like https://www.council.gov.uk";
        let (scheme, rest) = entry
            .split_once("://")
            .ok_or_else(|| format!("{entry:?} has no scheme: {example}"))?;
        if scheme != "https" && scheme != "http" {
            return Err(format!(
                "{entry:?} must start with https:// (or http:// for \
                 localhost and 127.0.0.1)"
            ));
        }
        if rest.contains(['/', '?', '#', '@']) {
            return Err(format!(
                "{entry:?} is more than an origin: {example}, with no \
                 path, not even a final /"
            ));
        }
        let (host, port) = split_port(entry, rest)?;
        check_host(entry, host)?;
        if scheme == "http" && !LOCAL_HOSTS.contains(&host) {
            return Err(format!(
                "{entry:?} must use https://: plain http is only for \
                 localhost and 127.0.0.1"
            ));
        }
        Ok(OriginPattern {
            scheme: scheme.to_owned(),
            host: host.to_owned(),
            port,
        })
    }

    /// Whether a browser origin (`scheme://host[:port]`) is one this
    /// entry allows.
    pub fn matches(&self, origin: &Origin) -> bool {
        let port = match self.port {
            Port::Any => return self.same_site_part(origin),
            Port::Exact(port) => port,
            Port::Default => default_port(&self.scheme),
        };
        self.same_site_part(origin) && origin.port == port
    }

    fn same_site_part(&self, origin: &Origin) -> bool {
        self.scheme == origin.scheme && self.host == origin.host
    }

    /// The entry as a CSP source expression.
    pub fn source(&self) -> String {
        match self.port {
            Port::Default => format!("{}://{}", self.scheme, self.host),
            Port::Exact(port) => {
                format!("{}://{}:{port}", self.scheme, self.host)
            }
            Port::Any => format!("{}://{}:*", self.scheme, self.host),
        }
    }
}

fn split_port<'a>(
    entry: &str,
    rest: &'a str,
) -> Result<(&'a str, Port), String> {
    let Some((host, port)) = rest.rsplit_once(':') else {
        return Ok((rest, Port::Default));
    };
    if port == "*" {
        return Ok((host, Port::Any));
    }
    match port.parse::<u16>() {
        Ok(port) if port > 0 => Ok((host, Port::Exact(port))),
        _ => Err(format!(
            "{entry:?} has the port {port:?}: give a number from 1 to \
             65535, or * for any port"
        )),
    }
}

fn check_host(entry: &str, host: &str) -> Result<(), String> {
    if host.contains('*') {
        return Err(format!(
            "{entry:?} has a wildcard host: list each host that embeds \
             the page (only the port may be *)"
        ));
    }
    let allowed = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    let valid = !host.is_empty()
        && host.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && label.bytes().all(|b| allowed(b) || b == b'-')
        });
    if valid {
        return Ok(());
    }
    Err(format!(
        "{entry:?} has the host {host:?}: use lower-case letters, digits, \
         hyphens and dots, like www.council.gov.uk"
    ))
}

fn default_port(scheme: &str) -> u16 {
    if scheme == "https" { 443 } else { 80 }
}

/// A concrete origin, as a browser's `location.origin` writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    scheme: String,
    host: String,
    port: u16,
    serialized: String,
}

impl Origin {
    /// Reads what a host page sent as `?embed=`. It must be exactly an
    /// origin in the browser's own spelling, so that what the shim
    /// checked is, character for character, what the page will give
    /// `postMessage` as its target.
    pub fn parse(text: &str) -> Result<Origin, String> {
        let how = "give the host page's origin exactly as its \
                   location.origin reads, like https://www.council.gov.uk";
        let url = Url::parse(text)
            .map_err(|_| format!("{text:?} is not an origin: {how}"))?;
        let serialized = url.origin().ascii_serialization();
        let scheme = url.scheme();
        let port = url.port_or_known_default();
        let host = url.host_str();
        let (Some(host), Some(port)) = (host, port) else {
            return Err(format!("{text:?} is not an origin: {how}"));
        };
        if serialized != text || (scheme != "https" && scheme != "http") {
            return Err(format!("{text:?} is not an origin: {how}"));
        }
        Ok(Origin {
            scheme: scheme.to_owned(),
            host: host.to_owned(),
            port,
            serialized,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.serialized
    }
}

/// Every problem with a council's `embedding_origins`.
pub fn problems(entries: &[String]) -> Vec<String> {
    entries
        .iter()
        .filter_map(|entry| OriginPattern::parse(entry).err())
        .map(|why| format!("embedding_origins: {why}"))
        .collect()
}

impl Council {
    /// The council's entries, read. Loading refused a council with an
    /// entry that does not parse, so none is lost here.
    fn origin_patterns(&self) -> impl Iterator<Item = OriginPattern> + '_ {
        let entries = self.embedding_origins.iter();
        entries.filter_map(|entry| OriginPattern::parse(entry).ok())
    }

    /// Whether a host page at `origin` may embed this council's page.
    pub fn allows_embedding_by(&self, origin: &Origin) -> bool {
        self.origin_patterns().any(|p| p.matches(origin))
    }

    /// The CSP `frame-ancestors` sources: the council's entries, or
    /// `'none'` when it has none.
    pub fn frame_ancestors(&self) -> String {
        let sources: Vec<String> =
            self.origin_patterns().map(|p| p.source()).collect();
        if sources.is_empty() {
            "'none'".to_owned()
        } else {
            sources.join(" ")
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn allows(pattern: &str, origin: &str) -> bool {
        let pattern = OriginPattern::parse(pattern).unwrap();
        pattern.matches(&Origin::parse(origin).unwrap())
    }

    #[test]
    fn an_entry_without_a_port_allows_only_the_default_port() {
        let entry = "https://www.council.gov.uk";
        assert!(allows(entry, "https://www.council.gov.uk"));
        assert!(!allows(entry, "https://www.council.gov.uk:8443"));
        assert!(!allows(entry, "http://www.council.gov.uk"));
        assert!(!allows(entry, "https://council.gov.uk"));
        assert!(!allows(entry, "https://www.council.gov.uk.evil.example"));
    }

    #[test]
    fn a_star_port_allows_any_port_of_that_scheme_and_host() {
        assert!(allows("http://localhost:*", "http://localhost:5173"));
        assert!(allows("http://localhost:*", "http://localhost"));
        assert!(!allows("http://localhost:*", "http://127.0.0.1:5173"));
        assert!(!allows("http://localhost:*", "https://localhost:5173"));
        assert!(allows("https://a.example:8443", "https://a.example:8443"));
        assert!(!allows("https://a.example:8443", "https://a.example"));
        assert!(allows("https://a.example:443", "https://a.example"));
    }

    #[test]
    fn entries_are_written_into_csp_as_they_were_given() {
        for entry in [
            "https://www.council.gov.uk",
            "http://localhost:*",
            "https://a.example:8443",
        ] {
            assert_eq!(OriginPattern::parse(entry).unwrap().source(), entry);
        }
    }

    #[test]
    fn each_wrong_entry_is_named_with_what_to_write() {
        let cases = [
            ("www.council.gov.uk", "has no scheme"),
            ("ftp://a.example", "must start with https://"),
            ("https://a.example/", "not even a final /"),
            ("https://a.example/pay", "more than an origin"),
            ("https://*.council.gov.uk", "wildcard host"),
            ("https://a.example:0", "give a number from 1 to 65535"),
            ("https://a.example:x", "give a number from 1 to 65535"),
            ("https://A.example", "lower-case letters"),
            ("http://www.council.gov.uk", "must use https://"),
            ("https://", "lower-case letters"),
        ];
        for (entry, words) in cases {
            let why = OriginPattern::parse(entry).unwrap_err();
            assert!(why.contains(words), "{entry}: {why}");
        }
        let listed = problems(&["https://ok.example".into(), "x".into()]);
        assert_eq!(listed.len(), 1);
        assert!(listed[0].starts_with("embedding_origins: \"x\""));
    }

    #[test]
    fn embed_must_be_an_origin_in_the_browsers_own_spelling() {
        assert!(Origin::parse("https://www.council.gov.uk").is_ok());
        assert!(Origin::parse("http://localhost:5173").is_ok());
        for text in [
            "https://www.council.gov.uk/",
            "https://www.council.gov.uk/pay",
            "HTTPS://www.council.gov.uk",
            "https://www.council.gov.uk:443",
            "null",
            "*",
            "data:text/html,x",
            "",
        ] {
            let why = Origin::parse(text).unwrap_err();
            assert!(why.contains("location.origin"), "{text}: {why}");
        }
    }
}
