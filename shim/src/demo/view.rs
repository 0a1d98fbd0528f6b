//! The demo's form page, and the pages it shows when it cannot help.

use std::fmt::Write;

use super::form::{AmountForm, CHOICES, Field, FormError, pounds};
use super::html::{Here, Page, escape};
use super::words::Words;

/// The start page in a language: where "Start again" links go, so the
/// citizen stays in the language they were reading.
pub fn start_href(words: &Words) -> String {
    Here::path("/").href(words.lang)
}

/// The amount question, with the citizen's answers and any errors.
pub fn amount_page(
    words: &'static Words,
    council: &str,
    form: &AmountForm,
    errors: &[FormError],
) -> Page {
    let w = words;
    let mut main = summary(w, errors);
    main.push_str(&format!(
        "<h1 class=\"heading-l\">{heading}</h1>\n<p>{intro}</p>\n\
         <form method=\"post\" action=\"/demo/pay\" novalidate>\n\
         <input type=\"hidden\" name=\"lang\" value=\"{lang}\">\n{question}\
         <button type=\"submit\" class=\"button\">{continue_button}</button>\n\
         <button type=\"submit\" class=\"button button-secondary\" \
         formaction=\"/demo/embedded\">{embedded}</button>\n\
         </form>\n{cards}",
        heading = w.heading,
        intro = w.intro.replace("{council}", &escape(council)),
        lang = w.lang,
        question = amount_question(w, form, errors),
        continue_button = w.continue_button,
        embedded = w.embedded_button,
        cards = test_cards(w),
    ));
    Page {
        words,
        title: w.question,
        has_errors: !errors.is_empty(),
        council: Some(council.to_owned()),
        here: answered(form),
        main,
    }
}

/// The start page with the form's answers: where the language switch
/// of a page that answers the form goes, so switching keeps them.
pub fn answered(form: &AmountForm) -> Here {
    Here {
        path: "/",
        query: form.answers(),
    }
}

/// GOV.UK's error summary: above the heading, announced, focused on
/// load (`autofocus` needs no script), one link per error to its field
/// (WCAG 3.3.1 and 2.4.3).
fn summary(w: &Words, errors: &[FormError]) -> String {
    if errors.is_empty() {
        return String::new();
    }
    let mut links = String::new();
    for error in errors {
        let _ = writeln!(
            links,
            "<li><a href=\"#{}\">{}</a></li>",
            field_id(error.field),
            error.message(w)
        );
    }
    format!(
        "<div class=\"error-summary\" tabindex=\"-1\" autofocus>\n\
         <div role=\"alert\">\n\
         <h2 class=\"error-summary-title\">{}</h2>\n\
         <ul class=\"error-summary-list\">\n{links}</ul>\n</div>\n</div>\n",
        w.problem
    )
}

/// The element a summary link moves focus to: the first radio for the
/// choice, as GOV.UK does, or the text box.
fn field_id(field: Field) -> String {
    match field {
        Field::Choice => format!("amount-{}", CHOICES[0]),
        Field::Other => "other-amount".to_owned(),
    }
}

fn message_for(
    w: &Words,
    errors: &[FormError],
    field: Field,
) -> Option<&'static str> {
    let error = errors.iter().find(|e| e.field == field);
    error.map(|e| e.message(w))
}

/// The inline message, after the label and hint, with a hidden
/// "Error:" so a screen reader says what kind of text it is.
fn inline_error(w: &Words, id: &str, message: &str) -> String {
    format!(
        "<p id=\"{id}\" class=\"error-message\">\
         <span class=\"visually-hidden\">{}</span> {message}</p>\n",
        w.error_prefix
    )
}

fn amount_question(
    w: &Words,
    form: &AmountForm,
    errors: &[FormError],
) -> String {
    let error = message_for(w, errors, Field::Choice);
    let described = match error {
        Some(_) => "amount-hint amount-error",
        None => "amount-hint",
    };
    let group_class = group_class(error.is_some());
    let error =
        error.map_or(String::new(), |m| inline_error(w, "amount-error", m));
    let radios: String = CHOICES
        .iter()
        .zip(w.choice_hints)
        .map(|(pence, hint)| fixed_radio(form, *pence, hint))
        .collect();
    format!(
        "<div class=\"{group_class}\">\n\
         <fieldset class=\"fieldset\" aria-describedby=\"{described}\">\n\
         <legend class=\"legend\">{question}</legend>\n\
         <p id=\"amount-hint\" class=\"hint\">{hint}</p>\n{error}\
         <div class=\"radios\">\n{radios}{other}</div>\n\
         </fieldset>\n</div>\n",
        question = w.question,
        hint = w.fine_hint,
        other = other_radio(w, form, errors),
    )
}

fn group_class(has_error: bool) -> &'static str {
    if has_error {
        "form-group form-group-error"
    } else {
        "form-group"
    }
}

fn checked(yes: bool) -> &'static str {
    if yes { " checked" } else { "" }
}

fn fixed_radio(form: &AmountForm, pence: i64, hint: &str) -> String {
    let id = format!("amount-{pence}");
    let value = pence.to_string();
    format!(
        "<div class=\"radio\">\n\
         <input class=\"radio-input\" id=\"{id}\" name=\"amount\" \
         type=\"radio\" value=\"{value}\" aria-describedby=\"{id}-hint\"{}>\n\
         <label class=\"radio-label\" for=\"{id}\">{}</label>\n\
         <p id=\"{id}-hint\" class=\"hint radio-hint\">{hint}</p>\n</div>\n",
        checked(form.chose(&value)),
        pounds(pence),
    )
}

/// "Other amount" and its text box. The box is always shown, indented
/// under its radio: revealing it only when chosen needs a script, and
/// the demo has none.
fn other_radio(w: &Words, form: &AmountForm, errors: &[FormError]) -> String {
    let error = message_for(w, errors, Field::Other);
    let (described, invalid) = match error {
        Some(_) => (
            "other-amount-hint other-amount-error",
            " aria-invalid=\"true\"",
        ),
        None => ("other-amount-hint", ""),
    };
    let group_class = group_class(error.is_some());
    let error = error
        .map_or(String::new(), |m| inline_error(w, "other-amount-error", m));
    format!(
        "<div class=\"radio\">\n\
         <input class=\"radio-input\" id=\"amount-other\" name=\"amount\" \
         type=\"radio\" value=\"other\"{checked}>\n\
         <label class=\"radio-label\" for=\"amount-other\">{choice}\
         </label>\n</div>\n\
         <div class=\"radio-conditional {group_class}\">\n\
         <label class=\"label\" for=\"other-amount\">{label}</label>\n\
         <p id=\"other-amount-hint\" class=\"hint\">{hint}</p>\n{error}\
         <div class=\"input-prefix\"><span class=\"prefix\" \
         aria-hidden=\"true\">£</span><input class=\"input input-short\" \
         id=\"other-amount\" name=\"other_amount\" type=\"text\" \
         inputmode=\"decimal\" spellcheck=\"false\" autocomplete=\"off\" \
         value=\"{value}\" aria-describedby=\"{described}\"{invalid}></div>\n\
         </div>\n",
        checked = checked(form.chose("other")),
        choice = w.other_choice,
        label = w.other_label,
        hint = w.other_hint,
        value = escape(form.other_text()),
    )
}

/// The sandbox's test cards, in the order of `Words::test_card_results`.
const TEST_CARDS: [&str; 7] = [
    "4242 4242 4242 4242",
    "5555 5555 5555 4444",
    "3714 496353 98431",
    "4000 0000 0000 0002",
    "4000 0000 0000 0069",
    "4000 0000 0000 0127",
    "4000 0000 0000 0119",
];

/// The sandbox's test cards, so a newcomer can try every ending. A
/// `<details>` opens and closes without a script.
fn test_cards(w: &Words) -> String {
    let rows: String = TEST_CARDS
        .iter()
        .zip(w.test_card_results)
        .map(|(number, result)| {
            format!("<tr><td>{number}</td><td>{result}</td></tr>\n")
        })
        .collect();
    format!(
        "<details class=\"details\">\n\
         <summary class=\"details-summary\">{summary}</summary>\n\
         <div class=\"details-text\">\n<p>{intro}</p>\n\
         <table class=\"table\">\n\
         <caption class=\"visually-hidden\">{caption}</caption>\n\
         <thead><tr><th scope=\"col\">{number}</th>\
         <th scope=\"col\">{happens}</th></tr></thead>\n<tbody>\n\
         {rows}</tbody>\n</table>\n</div>\n</details>\n",
        summary = w.test_cards,
        intro = w.test_cards_intro,
        caption = w.test_cards_caption,
        number = w.card_number,
        happens = w.what_happens,
    )
}

/// Why the demo cannot take payments, said plainly to whoever set it up.
pub fn unavailable_page(
    words: &'static Words,
    why: &'static str,
    here: Here,
) -> Page {
    let main = format!(
        "<h1 class=\"heading-l\">{}</h1>\n<p>{why}</p>\n<p>{}</p>\n",
        words.not_set_up, words.still_running,
    );
    Page {
        words,
        title: words.not_set_up,
        has_errors: false,
        council: None,
        here,
        main,
    }
}

/// Why the payments API did not give the demo what it needed.
#[derive(Clone, Copy, Debug)]
pub enum Refusal<'a> {
    /// The API's own description of what it refused, in English.
    Api(&'a str),
    /// A created payment with no address to send the citizen to.
    NoNextUrl,
    /// The same, when the demo wanted to put it in a frame.
    NoFrameUrl,
}

impl Refusal<'_> {
    /// As HTML. The API speaks English only, so on a Welsh page its
    /// words are marked `lang="en"` for screen readers (WCAG 3.1.2).
    fn html(self, w: &Words) -> String {
        match self {
            Refusal::Api(why) if w.lang == "en" => escape(why),
            Refusal::Api(why) => {
                format!("<span lang=\"en\">{}</span>", escape(why))
            }
            Refusal::NoNextUrl => w.no_next_url.to_owned(),
            Refusal::NoFrameUrl => w.no_frame_url.to_owned(),
        }
    }
}

/// The payments API refused the demo's request.
pub fn failed_page(
    words: &'static Words,
    council: &str,
    why: Refusal<'_>,
    here: Here,
) -> Page {
    let w = words;
    let main = format!(
        "<h1 class=\"heading-l\">{heading}</h1>\n<p>{refused}</p>\n\
         <p><a href=\"{start}\">{again}</a></p>\n",
        heading = w.not_started,
        refused = w.refused.replace("{why}", &why.html(w)),
        start = start_href(w),
        again = w.start_again,
    );
    Page {
        words,
        title: w.not_started,
        has_errors: false,
        council: Some(council.to_owned()),
        here,
        main,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::words::{CY, EN};

    #[test]
    fn the_form_carries_its_language_and_speaks_it() {
        let form = AmountForm::default();
        let html = amount_page(&CY, "Cyngor <Prawf>", &form, &[]).render();
        assert!(html.contains("name=\"lang\" value=\"cy\""));
        assert!(html.contains("Mae Cyngor &lt;Prawf&gt; wedi rhoi"));
        assert!(html.contains("<legend class=\"legend\">Faint ydych chi"));
        assert!(html.contains("<td>4000 0000 0000 0002</td><td>Wedi'i"));
        let html = amount_page(&EN, "Council", &form, &[]).render();
        assert!(html.contains("name=\"lang\" value=\"en\""));
        assert!(html.contains(">Full fine</p>"));
    }

    #[test]
    fn an_api_refusal_on_a_welsh_page_is_marked_as_english() {
        let refusal = Refusal::Api("Field <x> is wrong");
        let html = failed_page(&CY, "C", refusal, Here::path("/")).render();
        assert!(html.contains(
            "gais yr arddangosiad: <span lang=\"en\">Field &lt;x&gt; is \
             wrong</span>"
        ));
        assert!(html.contains("<a href=\"/?lang=cy\">Dechrau eto</a>"));
        let html = failed_page(&EN, "C", refusal, Here::path("/")).render();
        assert!(html.contains("request: Field &lt;x&gt; is wrong</p>"));
    }
}
