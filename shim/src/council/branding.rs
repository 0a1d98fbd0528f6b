//! What makes the page look like the council's own beyond colours: its
//! logo, the links in the footer, and who to contact about
//! accessibility.

use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use sha2::Digest;

/// The largest logo accepted. A header logo needs far less; the limit
/// keeps a mistaken export (a 5 MB photo) off every citizen's phone.
pub const LOGO_LIMIT: usize = 100 * 1024;

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// Text in both of the page's languages.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Bilingual {
    pub en: String,
    pub cy: String,
}

impl Bilingual {
    fn check(&self, key: &str) -> Result<(), String> {
        for (language, text) in [("en", &self.en), ("cy", &self.cy)] {
            if text.trim().is_empty() {
                return Err(format!("{key}.{language} must not be empty"));
            }
        }
        Ok(())
    }
}

/// A logo read from the council's folder, checked and held in memory.
#[derive(Clone, Debug)]
pub struct Logo {
    pub content_type: &'static str,
    pub bytes: Arc<[u8]>,
    /// Changes when the file does: the logo's address carries it, so
    /// browsers may cache the logo for a year.
    pub version: String,
}

impl Logo {
    /// Reads `file` from the council's folder and checks, by its first
    /// bytes, that it really is an SVG or a PNG.
    pub fn load(folder: &Path, file: &str) -> Result<Logo, String> {
        let plain = !file.is_empty()
            && Path::new(file).file_name().is_some_and(|n| n == file);
        if !plain {
            return Err(format!(
                "logo {file:?} must be a file name in the council's folder, \
                 like \"logo.svg\""
            ));
        }
        let path = folder.join(file);
        let bytes = std::fs::read(&path).map_err(|e| {
            format!("logo {file:?}: cannot read {}: {e}", path.display())
        })?;
        if bytes.len() > LOGO_LIMIT {
            return Err(format!(
                "logo {file:?} is {} KB; it must be at most {} KB",
                bytes.len().div_ceil(1024),
                LOGO_LIMIT / 1024
            ));
        }
        let content_type = kind(file, &bytes)?;
        Ok(Logo {
            content_type,
            version: version(&bytes),
            bytes: bytes.into(),
        })
    }
}

/// A short fingerprint of some content, for cache-busting addresses.
pub fn version(bytes: &[u8]) -> String {
    let digest = sha2::Sha256::digest(bytes);
    hex::encode(&digest[..8])
}

/// The logo's content type, when its extension and first bytes agree.
fn kind(file: &str, bytes: &[u8]) -> Result<&'static str, String> {
    let lower = file.to_ascii_lowercase();
    if lower.ends_with(".png") {
        if bytes.starts_with(PNG_SIGNATURE) {
            return Ok("image/png");
        }
        return Err(format!("logo {file:?} is not a PNG image"));
    }
    if lower.ends_with(".svg") {
        return check_svg(file, bytes).map(|()| "image/svg+xml");
    }
    Err(format!("logo {file:?} must be an .svg or a .png file"))
}

/// An SVG starts, after any byte-order mark, space, XML declaration or
/// comment, with an `<svg` element. Scripts are refused: the logo is
/// served from the page's own origin, and although it is also served
/// with a sandboxing CSP, a logo has no reason to run code.
fn check_svg(file: &str, bytes: &[u8]) -> Result<(), String> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| format!("logo {file:?} is not an SVG (not UTF-8 text)"))?;
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let opens_well = ["<svg", "<?xml", "<!--", "<!DOCTYPE svg"]
        .iter()
        .any(|start| text.starts_with(start));
    if !opens_well || !text.contains("<svg") {
        return Err(format!(
            "logo {file:?} is not an SVG: it must start with <svg or <?xml"
        ));
    }
    let lower = text.to_ascii_lowercase();
    if lower.contains("<script") || lower.contains("javascript:") {
        return Err(format!("logo {file:?} contains a script; remove it"));
    }
    Ok(())
}

/// One footer link, in both languages.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FooterLink {
    pub en: String,
    pub cy: String,
    pub url: String,
}

/// The links in the page's footer, each to the council's own site.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Footer {
    pub privacy: Option<FooterLink>,
    pub contact: Option<FooterLink>,
    pub accessibility: Option<FooterLink>,
}

impl Footer {
    pub fn check(&self) -> Vec<String> {
        let links = [
            ("footer.privacy", &self.privacy),
            ("footer.contact", &self.contact),
            ("footer.accessibility", &self.accessibility),
        ];
        let given = links
            .into_iter()
            .filter_map(|(k, l)| Some((k, l.as_ref()?)));
        given
            .filter_map(|(key, link)| check_link(key, link).err())
            .collect()
    }
}

fn check_link(key: &str, link: &FooterLink) -> Result<(), String> {
    let text = Bilingual {
        en: link.en.clone(),
        cy: link.cy.clone(),
    };
    text.check(key)?;
    let https = url::Url::parse(&link.url)
        .is_ok_and(|u| u.scheme() == "https" && u.host_str().is_some());
    if https {
        Ok(())
    } else {
        Err(format!(
            "{key}.url {:?} must be a full https address, like \
             \"https://www.example.gov.uk/privacy\"",
            link.url
        ))
    }
}

/// Who a citizen contacts about the page's accessibility; the
/// accessibility statement names them.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Support {
    pub email: Option<String>,
    pub phone: Option<String>,
}

impl Support {
    pub fn check(&self) -> Result<(), String> {
        if self.email.is_none() && self.phone.is_none() {
            return Err("support needs an email, a phone, or both".into());
        }
        if let Some(email) = &self.email {
            let domain = email.split_once('@').map(|(_, d)| d);
            let looks_right = !email.contains(char::is_whitespace)
                && domain.is_some_and(|d| d.contains('.'));
            if !looks_right {
                return Err(format!(
                    "support.email {email:?} must be an address like \
                     accessibility@example.gov.uk"
                ));
            }
        }
        if let Some(phone) = &self.phone {
            let allowed = |c: char| c.is_ascii_digit() || " +()".contains(c);
            let digits = phone.chars().filter(char::is_ascii_digit).count();
            if !phone.chars().all(allowed) || !(10..=15).contains(&digits) {
                return Err(format!(
                    "support.phone {phone:?} must be a phone number of 10 \
                     to 15 digits, like \"01632 960 001\""
                ));
            }
        }
        Ok(())
    }
}

pub(super) fn check_logo_alt(alt: Option<&Bilingual>) -> Result<(), String> {
    match alt {
        Some(alt) => alt.check("logo_alt"),
        None => Err("logo_alt is required with a logo: give the text a \
                     screen reader says for it, in en and cy (usually the \
                     council's name)"
            .into()),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_png_is_recognised_by_its_signature() {
        let mut png = PNG_SIGNATURE.to_vec();
        png.extend_from_slice(b"rest");
        assert_eq!(kind("logo.png", &png), Ok("image/png"));
        let problem = kind("logo.png", b"GIF89a").unwrap_err();
        assert!(problem.contains("not a PNG"), "{problem}");
    }

    #[test]
    fn an_svg_must_open_with_an_svg_element_and_hold_no_script() {
        let good = b"\xef\xbb\xbf<?xml version=\"1.0\"?>\n<svg></svg>";
        assert_eq!(kind("logo.svg", good), Ok("image/svg+xml"));
        let html = kind("logo.svg", b"<html><svg></svg></html>");
        assert!(html.unwrap_err().contains("is not an SVG"));
        let script = kind("logo.svg", b"<svg><script>x()</script></svg>");
        assert!(script.unwrap_err().contains("contains a script"));
    }

    #[test]
    fn other_image_types_are_refused() {
        let problem = kind("logo.gif", b"GIF89a").unwrap_err();
        assert!(problem.contains(".svg or a .png"), "{problem}");
    }

    #[test]
    fn a_logo_outside_the_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let problem = Logo::load(dir.path(), "../logo.svg").unwrap_err();
        assert!(problem.contains("file name in the council"), "{problem}");
    }

    #[test]
    fn a_logo_over_100_kb_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut svg = b"<svg>".to_vec();
        svg.resize(LOGO_LIMIT + 1, b' ');
        std::fs::write(dir.path().join("big.svg"), svg).unwrap();
        let problem = Logo::load(dir.path(), "big.svg").unwrap_err();
        assert!(problem.contains("at most 100 KB"), "{problem}");
    }

    #[test]
    fn footer_links_must_be_https() {
        let footer = Footer {
            privacy: Some(FooterLink {
                en: "Privacy".into(),
                cy: "Preifatrwydd".into(),
                url: "http://example.gov.uk/privacy".into(),
            }),
            ..Footer::default()
        };
        let problems = footer.check();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("footer.privacy.url"), "{problems:?}");
    }

    #[test]
    fn support_needs_a_way_to_reach_someone() {
        let none = Support {
            email: None,
            phone: None,
        };
        assert!(none.check().is_err());
        let phone = Support {
            email: None,
            phone: Some("01632 960 001".into()),
        };
        assert_eq!(phone.check(), Ok(()));
        let bad = Support {
            email: Some("not an email".into()),
            phone: None,
        };
        assert!(bad.check().unwrap_err().contains("support.email"));
    }
}
