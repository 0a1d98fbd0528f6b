//! A council's colours, and the contrast rule they must meet: the
//! shim refuses to load colours that would make the page fail WCAG 2.2
//! AA (1.4.3 text, 1.4.11 non-text, 2.4.13 focus), naming every failing
//! pair and its ratio.

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

/// The page's own background, which councils do not change.
pub const PAGE: Colour = WHITE;

/// The council's colours. Every one has a default, GOV.UK's.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Colours {
    pub header_background: Colour,
    pub header_text: Colour,
    /// The 10px stripe under the header. Unset, the stripe is the
    /// header's own colour (a deeper header), which keeps councils
    /// configured before `brand` existed loading unchanged; set, it must
    /// stand out 3:1 from both the header and the page.
    pub brand: Option<Colour>,
    pub link: Colour,
    pub button: Colour,
    /// Dark (`#0b0c0c`) for a light, bright `button`.
    pub button_text: Colour,
    /// The button's border, which shows its edge on the page.
    pub button_edge: Colour,
    /// The focus indicator's fill (GOV.UK's yellow) ...
    pub focus: Colour,
    /// ... and its text and underline colour.
    pub focus_text: Colour,
}

impl Default for Colours {
    fn default() -> Colours {
        Colours {
            header_background: Colour::rgb(0x0b, 0x0c, 0x0c),
            header_text: WHITE,
            brand: None,
            link: Colour::rgb(0x1d, 0x70, 0xb8),
            button: Colour::rgb(0x00, 0x70, 0x3c),
            button_text: WHITE,
            button_edge: Colour::rgb(0x00, 0x2d, 0x18),
            focus: Colour::rgb(0xff, 0xdd, 0x00),
            focus_text: Colour::rgb(0x0b, 0x0c, 0x0c),
        }
    }
}

/// What a pair of colours must reach, and the WCAG criterion behind it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rule {
    pub minimum: f64,
    pub criterion: &'static str,
}

/// Text against its background (WCAG 1.4.3).
pub const TEXT: Rule = Rule {
    minimum: 4.5,
    criterion: "text needs at least 4.5:1 (WCAG 1.4.3)",
};

/// A stripe or edge against what is next to it (WCAG 1.4.11).
pub const NON_TEXT: Rule = Rule {
    minimum: 3.0,
    criterion: "non-text needs at least 3:1 (WCAG 1.4.11)",
};

/// The focus indicator against what surrounds it (WCAG 2.4.13, 1.4.11).
pub const FOCUS: Rule = Rule {
    minimum: 3.0,
    criterion: "the focus indicator needs at least 3:1 (WCAG 2.4.13)",
};

/// One pair the page shows side by side, and its measured ratio.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    pub front: &'static str,
    pub front_colour: Colour,
    pub back: &'static str,
    pub back_colour: Colour,
    pub rule: Rule,
    pub ratio: f64,
}

impl Pair {
    fn new(
        front: (&'static str, Colour),
        back: (&'static str, Colour),
        rule: Rule,
    ) -> Pair {
        Pair {
            front: front.0,
            front_colour: front.1,
            back: back.0,
            back_colour: back.1,
            rule,
            ratio: front.1.contrast(back.1),
        }
    }

    pub fn passes(&self) -> bool {
        self.ratio >= self.rule.minimum
    }

    /// The problem, as a council reads it: the pair, the ratio, the rule.
    pub fn problem(&self) -> String {
        format!(
            "colours.{} {} on {} {} has a contrast of {:.2}:1; {}",
            self.front,
            self.front_colour,
            self.back,
            self.back_colour,
            self.ratio,
            self.rule.criterion
        )
    }
}

impl std::fmt::Display for Pair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let verdict = if self.passes() { "ok" } else { "FAILS" };
        write!(
            f,
            "{} {} on {} {}: {:.2}:1 (needs {}:1) {verdict}",
            self.front,
            self.front_colour,
            self.back,
            self.back_colour,
            self.ratio,
            self.rule.minimum
        )
    }
}

impl Colours {
    /// Every pair of colours the page shows together, with its rule.
    pub fn pairs(&self) -> Vec<Pair> {
        let page = ("the page's white", PAGE);
        let header = ("header_background", self.header_background);
        let button = ("button", self.button);
        let mut pairs = vec![
            Pair::new(("header_text", self.header_text), header, TEXT),
            Pair::new(("link", self.link), page, TEXT),
            Pair::new(("button_text", self.button_text), button, TEXT),
            Pair::new(
                ("focus_text", self.focus_text),
                ("focus", self.focus),
                TEXT,
            ),
            Pair::new(("button_edge", self.button_edge), page, NON_TEXT),
        ];
        if let Some(brand) = self.brand {
            pairs.push(Pair::new(("brand", brand), header, NON_TEXT));
            pairs.push(Pair::new(("brand", brand), page, NON_TEXT));
        }
        for back in [page, button, header] {
            pairs.push(self.focus_against(back));
        }
        pairs
    }

    /// The focus indicator is two colours, a fill and an underline (as
    /// GOV.UK draws it): it is visible against a background when either
    /// reaches 3:1 there, so the better of the two is the one measured.
    fn focus_against(&self, back: (&'static str, Colour)) -> Pair {
        let fill = Pair::new(("focus", self.focus), back, FOCUS);
        let line = Pair::new(("focus_text", self.focus_text), back, FOCUS);
        if fill.ratio >= line.ratio { fill } else { line }
    }

    /// Every pair that fails its rule, each named with its ratio.
    pub fn problems(&self) -> Vec<String> {
        let failing = self.pairs().into_iter().filter(|p| !p.passes());
        failing.map(|pair| pair.problem()).collect()
    }

    /// Refuses colours that fail contrast, naming every failing pair.
    pub fn check(&self) -> Result<(), String> {
        let problems = self.problems();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("\n"))
        }
    }

    /// Changes whenever the theme does, for its cache-busting address.
    pub fn version(&self) -> String {
        super::branding::version(self.css().as_bytes())
    }

    /// The CSS custom properties the page's style sheet reads.
    pub fn css(&self) -> String {
        let properties = [
            ("header-background", self.header_background),
            ("header-text", self.header_text),
            ("brand", self.brand.unwrap_or(self.header_background)),
            ("link", self.link),
            ("button", self.button),
            ("button-text", self.button_text),
            ("button-edge", self.button_edge),
            ("focus", self.focus),
            ("focus-text", self.focus_text),
        ];
        let lines: String = properties
            .iter()
            .map(|(name, colour)| format!("  --{name}: {colour};\n"))
            .collect();
        format!(":root {{\n{lines}}}\n")
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn colour(text: &str) -> Colour {
        Colour::parse(text).unwrap()
    }

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

    #[test]
    fn every_failing_pair_is_named_with_its_ratio_not_just_the_first() {
        let colours = Colours {
            header_text: colour("#777777"),
            brand: Some(colour("#0b0c0c")),
            button_edge: colour("#eeeeee"),
            ..Colours::default()
        };
        let problems = colours.problems();
        let expected = [
            "colours.header_text #777777 on header_background #0b0c0c \
             has a contrast of 4.37:1; text needs at least 4.5:1",
            "colours.brand #0b0c0c on header_background #0b0c0c has a \
             contrast of 1.00:1; non-text needs at least 3:1",
            "colours.button_edge #eeeeee on the page's white #ffffff has \
             a contrast of 1.16:1",
        ];
        for wanted in expected {
            let found = problems.iter().any(|p| p.contains(wanted));
            assert!(found, "{wanted} not in {problems:#?}");
        }
        assert_eq!(problems.len(), 3, "{problems:#?}");
    }

    #[test]
    fn a_bright_button_needs_the_dark_text_variant() {
        let white_text = Colours {
            button: colour("#ffdd00"),
            ..Colours::default()
        };
        let problem = white_text.check().unwrap_err();
        assert!(
            problem.contains("colours.button_text #ffffff on button #ffdd00"),
            "{problem}"
        );
        assert!(problem.contains("1.35:1"), "{problem}");
        let dark_text = Colours {
            button_text: colour("#0b0c0c"),
            ..white_text
        };
        assert_eq!(dark_text.check(), Ok(()));
    }

    #[test]
    fn a_pale_brand_stripe_is_refused_against_the_page() {
        let colours = Colours {
            brand: Some(colour("#ffdd00")),
            ..Colours::default()
        };
        let problem = colours.check().unwrap_err();
        assert!(
            problem.contains("colours.brand #ffdd00 on the page's white"),
            "{problem}"
        );
        assert!(!problem.contains("on header_background"), "{problem}");
    }

    #[test]
    fn a_focus_indicator_lost_on_the_button_is_refused() {
        // Both parts of the indicator are dark, and so is the button:
        // a keyboard user could not see which control has focus.
        let colours = Colours {
            button: colour("#1d1d1b"),
            focus: colour("#0b0c0c"),
            focus_text: colour("#333333"),
            ..Colours::default()
        };
        let problems = colours.problems();
        assert!(
            problems.iter().any(|p| p.contains("on button #1d1d1b")
                && p.contains("focus indicator needs at least 3:1")),
            "{problems:#?}"
        );
    }

    #[test]
    fn the_theme_declares_every_colour_the_page_reads() {
        let css = Colours::default().css();
        for name in [
            "--header-background: #0b0c0c;",
            "--header-text: #ffffff;",
            "--brand: #0b0c0c;",
            "--link: #1d70b8;",
            "--button: #00703c;",
            "--button-text: #ffffff;",
            "--button-edge: #002d18;",
            "--focus: #ffdd00;",
            "--focus-text: #0b0c0c;",
        ] {
            assert!(css.contains(name), "{name} missing from {css}");
        }
    }
}
