//! The statement as HTML: the model statement's sections in order,
//! filled in from the council's configuration.
//!
//! Every text is escaped before its placeholders are filled, and every
//! value put in is escaped too, so nothing a council writes in its
//! configuration can become markup.

use super::text::{self, AUDITED, Link, PREPARED, REVIEWED, TESTED, Words};
use crate::council::{Council, FooterLink};
use crate::html::{SwitchClasses, escape, language_switch};

/// One council's statement in one language.
#[derive(Debug)]
pub struct Statement<'a> {
    pub council: &'a Council,
    pub words: &'static Words,
    /// Where the pages are, as the citizen sees it: `pay.example.gov.uk`.
    pub site: &'a str,
}

impl Statement<'_> {
    pub fn render(&self) -> String {
        let w = self.words;
        format!(
            "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n\
             <meta charset=\"utf-8\">\n<meta name=\"viewport\" \
             content=\"width=device-width, initial-scale=1\">\n\
             <title>{title}</title>\n{styles}</head>\n<body>\n\
             <a class=\"skip-link\" href=\"#main\">{skip}</a>\n\
             {header}\n<main id=\"main\" class=\"width main\">\n\
             <h1 class=\"heading-xl\">{title}</h1>\n{body}</main>\n\
             {footer}\n</body>\n</html>\n",
            lang = w.lang,
            title = self.fill(w.heading),
            styles = self.styles(),
            skip = escape(w.skip_link),
            header = self.header(),
            body = self.body(),
            footer = self.footer(),
        )
    }

    /// The statement's own styles, then the council's colours, which
    /// override the defaults the first sets.
    fn styles(&self) -> String {
        format!(
            "<link rel=\"stylesheet\" href=\"{STYLESHEET}\">\n\
             <link rel=\"stylesheet\" \
             href=\"/council/{slug}/theme.css?v={version}\">\n",
            slug = escape(&self.council.slug),
            version = self.council.colours.version(),
        )
    }

    fn name(&self) -> &str {
        self.council.name_in(self.words.lang)
    }

    /// A text with its placeholders filled in, as HTML.
    fn fill(&self, template: &str) -> String {
        let w = self.words;
        let values = [
            ("council", escape(self.name())),
            ("site", escape(self.site)),
            ("regulations", escape(text::regulations(w.lang))),
            ("eass", link(w.eass)),
            ("ecni", link(w.ecni)),
            ("wcag", link(w.wcag)),
            ("tested", escape(&w.date(TESTED))),
            ("prepared", escape(&w.date(PREPARED))),
            ("reviewed", escape(&w.date(REVIEWED))),
        ];
        let mut out = escape(template);
        for (name, value) in values {
            out = out.replace(&format!("{{{name}}}"), &value);
        }
        out
    }

    fn paragraph(&self, template: &str) -> String {
        format!("<p class=\"body\">{}</p>\n", self.fill(template))
    }

    fn list(&self, items: &[&str]) -> String {
        let items: String = items
            .iter()
            .map(|item| format!("<li>{}</li>\n", self.fill(item)))
            .collect();
        format!("<ul class=\"list\">\n{items}</ul>\n")
    }

    /// The council's logo and name, and the link to the other language.
    /// The logo's alternative text is empty: the council's name is
    /// written right beside it, and a screen reader should not say it
    /// twice.
    fn header(&self) -> String {
        let council = &self.council;
        let logo = council.logo_image.as_ref().map(|logo| {
            format!(
                "<img class=\"header__logo\" src=\"/council/{}/logo?v={}\" \
                 alt=\"\" height=\"40\">",
                escape(&council.slug),
                logo.version
            )
        });
        format!(
            "<header class=\"header\">\n<div class=\"width header__inner\">\n\
             <p class=\"header__council\">{logo}<span>{name}</span></p>\n\
             {languages}</div>\n</header>",
            logo = logo.unwrap_or_default(),
            name = escape(self.name()),
            languages = self.languages(),
        )
    }

    /// English | Cymraeg: the other language is a link to this
    /// council's statement in it.
    fn languages(&self) -> String {
        let classes = SwitchClasses {
            nav: "language",
            list: "language__list",
            current: "language__current",
            link: Some("link"),
        };
        let slug = &self.council.slug;
        language_switch(
            self.words.lang,
            self.words.language_label,
            &classes,
            |code| address(slug, code),
        )
    }

    fn body(&self) -> String {
        let w = self.words;
        [
            self.paragraph(w.scope),
            self.paragraph(w.runner),
            self.list(w.can_do),
            section(w.how_heading),
            self.paragraph(w.how_intro),
            self.list(w.known_problems),
            self.feedback(),
            section(w.report_heading),
            self.paragraph(w.report),
            section(w.enforcement_heading),
            self.paragraph(w.enforcement_gb),
            self.paragraph(w.enforcement_ni),
            self.technical(),
            self.testing(),
            section(w.prepared_heading),
            self.paragraph(w.prepared),
        ]
        .concat()
    }

    /// Who to contact: the council's `[support]`, its contact page, or
    /// a plain word that it has given neither.
    fn feedback(&self) -> String {
        let w = self.words;
        let mut out = section(w.feedback_heading);
        let contact = self.council.footer.contact.as_ref();
        match &self.council.support {
            Some(support) => {
                out.push_str(&self.paragraph(w.feedback_intro));
                let mut items = String::new();
                if let Some(email) = &support.email {
                    let email = escape(email);
                    items.push_str(&format!(
                        "<li>{}: <a class=\"link\" href=\"mailto:{email}\">\
                         {email}</a></li>\n",
                        escape(w.email_label)
                    ));
                }
                if let Some(phone) = &support.phone {
                    items.push_str(&format!(
                        "<li>{}: {}</li>\n",
                        escape(w.phone_label),
                        escape(phone)
                    ));
                }
                out.push_str(&format!("<ul class=\"list\">\n{items}</ul>\n"));
            }
            None => out.push_str(&self.paragraph(w.no_support)),
        }
        if let Some(page) = contact {
            let text = escape(w.contact_page);
            let text = text.replace("{contact}", &self.footer_link(page));
            out.push_str(&format!("<p class=\"body\">{text}</p>\n"));
        }
        out.push_str(&self.paragraph(w.what_to_say));
        out
    }

    /// Compliance status and the failures behind it. The status follows
    /// from the list: any known failure makes the service partially
    /// compliant, as the regulations' model statement asks; with none,
    /// only an audit by a person makes it fully compliant.
    fn technical(&self) -> String {
        let w = self.words;
        let mut out = section(w.technical_heading);
        out.push_str(&self.paragraph(w.commitment));
        out.push_str(&subsection(w.compliance_heading));
        let status = match (w.failures.is_empty(), AUDITED) {
            (false, _) => w.partially,
            (true, false) => w.unaudited,
            (true, true) => w.fully,
        };
        out.push_str(&self.paragraph(status));
        out.push_str(&subsection(w.non_accessible_heading));
        if w.failures.is_empty() {
            out.push_str(&self.paragraph(w.no_failures));
        } else {
            out.push_str(&self.paragraph(w.non_accessible_intro));
            let failures: String = w
                .failures
                .iter()
                .map(|failure| {
                    let fails =
                        w.fails.replace("{criterion}", failure.criterion);
                    format!(
                        "<li>{} {}</li>\n",
                        self.fill(failure.text),
                        escape(&fails)
                    )
                })
                .collect();
            out.push_str(&format!("<ul class=\"list\">\n{failures}</ul>\n"));
        }
        out.push_str(&subsection(w.out_of_scope_heading));
        out.push_str(&self.list(w.out_of_scope));
        out
    }

    fn testing(&self) -> String {
        let w = self.words;
        [
            section(w.tested_heading),
            self.paragraph(w.tested_intro),
            self.list(w.checks),
            self.paragraph(w.limits_intro),
            self.list(w.limits),
            self.paragraph(w.people),
        ]
        .concat()
    }

    fn footer_link(&self, link: &FooterLink) -> String {
        let label = if self.words.lang == "cy" {
            &link.cy
        } else {
            &link.en
        };
        format!(
            "<a class=\"link\" href=\"{}\">{}</a>",
            escape(&link.url),
            escape(label)
        )
    }

    /// The council's own links, as the payment page's footer has them.
    fn footer(&self) -> String {
        let footer = &self.council.footer;
        let links = [&footer.privacy, &footer.contact, &footer.accessibility];
        let items: String = links
            .into_iter()
            .flatten()
            .map(|link| format!("<li>{}</li>\n", self.footer_link(link)))
            .collect();
        if items.is_empty() {
            return String::new();
        }
        format!(
            "<footer class=\"footer\">\n<div class=\"width\">\n\
             <ul class=\"footer__links\">\n{items}</ul>\n</div>\n</footer>"
        )
    }
}

/// Where the statement's own styles are served.
pub const STYLESHEET: &str = crate::html::PLAIN_STYLESHEET;

/// A council's statement in a language.
pub fn address(slug: &str, lang: &str) -> String {
    format!("/council/{}/accessibility?lang={lang}", escape(slug))
}

fn section(heading: &str) -> String {
    format!("<h2 class=\"heading-l\">{}</h2>\n", escape(heading))
}

fn subsection(heading: &str) -> String {
    format!("<h3 class=\"heading-m\">{}</h3>\n", escape(heading))
}

fn link(link: Link) -> String {
    format!(
        "<a class=\"link\" href=\"{}\">{}</a>",
        escape(link.url),
        escape(link.text)
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::statement::text::{EN, Failure};

    fn council() -> Council {
        let toml = "accepted_brands = [\"visa\"]\n\
                    return_url_hosts = [\"localhost\"]\n\
                    [name]\nen = \"Testham Council\"\ncy = \"Cyngor Testham\"\n";
        toml::from_str(toml).unwrap()
    }

    fn render(words: &'static Words) -> String {
        let council = council();
        let statement = Statement {
            council: &council,
            words,
            site: "pay.testham.example",
        };
        statement.render()
    }

    #[test]
    fn a_known_failure_makes_the_service_partially_compliant() {
        let words = Box::leak(Box::new(Words {
            failures: &[Failure {
                criterion: "1.4.10",
                text: "A table scrolls sideways at 320 pixels wide.",
            }],
            ..EN
        }));
        let html = render(words);
        assert!(html.contains("because of the non-compliances listed below"));
        assert!(html.contains("A table scrolls sideways at 320 pixels wide."));
        assert!(html.contains("fails WCAG 2.2 success criterion 1.4.10."));
    }

    #[test]
    // On a constant on purpose: the day an audit is recorded, this
    // says the test below must change with it.
    #[allow(clippy::assertions_on_constants)]
    fn with_no_known_failure_and_no_audit_it_is_not_called_fully_compliant() {
        let html = render(&EN);
        assert!(!AUDITED, "update this test when an audit is recorded");
        assert!(html.contains("no person has audited it yet"));
        assert!(!html.contains("fully compliant with"));
        assert!(html.contains("We know of no content here that fails"));
    }
}
