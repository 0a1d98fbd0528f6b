//! A council's colours, and the contrast rule they must meet: the
//! shim refuses to load colours that would make the page fail WCAG 2.2
//! AA (1.4.3 text contrast), naming the pair and the ratio.

use serde::Deserialize;

/// A colour as councils write it: `#rrggbb`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Colour {
    red: u8,
    green: u8,
    blue: u8,
}

impl Colour {
    pub const fn rgb(red: u8, green: u8, blue: u8) -> Colour {
        Colour { red, green, blue }
    }

    pub fn parse(text: &str) -> Option<Colour> {
        let hex = text.strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let part = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Colour::rgb(part(0)?, part(2)?, part(4)?))
    }

    /// Relative luminance, as WCAG 2 defines it.
    fn luminance(self) -> f64 {
        let channel = |value: u8| {
            let c = f64::from(value) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.red)
            + 0.7152 * channel(self.green)
            + 0.0722 * channel(self.blue)
    }

    /// The WCAG contrast ratio between two colours, from 1 to 21.
    pub fn contrast(self, other: Colour) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (light, dark) = if a > b { (a, b) } else { (b, a) };
        (light + 0.05) / (dark + 0.05)
    }
}

impl std::fmt::Display for Colour {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.red, self.green, self.blue)
    }
}

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: serde::Deserializer<'de>>(
        d: D,
    ) -> Result<Colour, D::Error> {
        let text = String::deserialize(d)?;
        Colour::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "{text:?} is not a colour; write it as #rrggbb, like #1d70b8"
            ))
        })
    }
}

const WHITE: Colour = Colour::rgb(0xff, 0xff, 0xff);

/// The council's colours. Every one has a default, GOV.UK's.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Colours {
    pub header_background: Colour,
    pub header_text: Colour,
    pub link: Colour,
    pub button: Colour,
    pub button_text: Colour,
}

impl Default for Colours {
    fn default() -> Colours {
        Colours {
            header_background: Colour::rgb(0x0b, 0x0c, 0x0c),
            header_text: WHITE,
            link: Colour::rgb(0x1d, 0x70, 0xb8),
            button: Colour::rgb(0x00, 0x70, 0x3c),
            button_text: WHITE,
        }
    }
}

/// Text needs 4.5:1 against what is behind it (WCAG 1.4.3).
const TEXT_CONTRAST: f64 = 4.5;

impl Colours {
    /// Every pair of colours that the page shows together as text.
    fn text_pairs(&self) -> [(&str, Colour, &str, Colour); 3] {
        [
            (
                "header_text",
                self.header_text,
                "header_background",
                self.header_background,
            ),
            ("link", self.link, "the page's white", WHITE),
            ("button_text", self.button_text, "button", self.button),
        ]
    }

    /// Refuses colours that fail contrast, naming the pair and ratio.
    pub fn check(&self) -> Result<(), String> {
        for (front, a, back, b) in self.text_pairs() {
            let ratio = a.contrast(b);
            if ratio < TEXT_CONTRAST {
                return Err(format!(
                    "colours.{front} {a} on {back} {b} has a contrast of \
                     {ratio:.2}:1; text needs at least {TEXT_CONTRAST}:1 \
                     (WCAG 1.4.3)"
                ));
            }
        }
        Ok(())
    }

    /// The CSS custom properties the page's style sheet reads.
    pub fn css(&self) -> String {
        format!(
            ":root {{\n  --header-background: {};\n  --header-text: {};\n  \
             --link: {};\n  --button: {};\n  --button-text: {};\n}}\n",
            self.header_background,
            self.header_text,
            self.link,
            self.button,
            self.button_text
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_the_wcag_reference_values() {
        let black = Colour::rgb(0, 0, 0);
        assert!((black.contrast(WHITE) - 21.0).abs() < 1e-9);
        let grey = Colour::parse("#767676").unwrap_or(black);
        assert!((grey.contrast(WHITE) - 4.54).abs() < 0.01);
    }

    #[test]
    fn the_default_colours_pass() {
        assert_eq!(Colours::default().check(), Ok(()));
    }

    #[test]
    fn a_pale_link_is_refused_with_the_pair_and_ratio() {
        let colours = Colours {
            link: Colour::rgb(0xaa, 0xaa, 0xaa),
            ..Colours::default()
        };
        let problem = colours.check().unwrap_err();
        assert!(problem.contains("colours.link #aaaaaa"), "{problem}");
        assert!(problem.contains("2.32:1"), "{problem}");
    }

    #[test]
    fn colours_must_be_six_digit_hex() {
        assert_eq!(Colour::parse("#1d70b8"), Some(Colour::rgb(29, 112, 184)));
        for bad in ["1d70b8", "#1d70b", "#1d70bz", "blue", ""] {
            assert_eq!(Colour::parse(bad), None, "{bad}");
        }
    }
}
