//! The demo's form page, and the pages it shows when it cannot help.

use std::fmt::Write;

use super::form::{AmountForm, CHOICES, Field, FormError, pounds};
use super::html::{Page, escape};

/// The amount question, with the citizen's answers and any errors.
pub fn amount_page(
    council: &str,
    form: &AmountForm,
    errors: &[FormError],
) -> Page {
    let mut main = summary(errors);
    main.push_str(&format!(
        "<h1 class=\"heading-l\">Pay a parking fine</h1>\n\
         <p>{} gave you a penalty charge notice. Choose how much to pay, \
         then pay by card on the next page.</p>\n\
         <form method=\"post\" action=\"/demo/pay\" novalidate>\n{}\
         <button type=\"submit\" class=\"button\">Continue</button>\n\
         <button type=\"submit\" class=\"button button-secondary\" \
         formaction=\"/demo/embedded\">Pay on this page instead</button>\n\
         </form>\n{}",
        escape(council),
        amount_question(form, errors),
        TEST_CARDS,
    ));
    Page {
        title: "How much do you want to pay?",
        has_errors: !errors.is_empty(),
        council: Some(council.to_owned()),
        main,
    }
}

/// GOV.UK's error summary: above the heading, announced, focused on
/// load (`autofocus` needs no script), one link per error to its field
/// (WCAG 3.3.1 and 2.4.3).
fn summary(errors: &[FormError]) -> String {
    if errors.is_empty() {
        return String::new();
    }
    let mut links = String::new();
    for error in errors {
        let _ = writeln!(
            links,
            "<li><a href=\"#{}\">{}</a></li>",
            field_id(error.field),
            error.message
        );
    }
    format!(
        "<div class=\"error-summary\" tabindex=\"-1\" autofocus>\n\
         <div role=\"alert\">\n\
         <h2 class=\"error-summary-title\">There is a problem</h2>\n\
         <ul class=\"error-summary-list\">\n{links}</ul>\n</div>\n</div>\n"
    )
}

/// The element a summary link moves focus to: the first radio for the
/// choice, as GOV.UK does, or the text box.
fn field_id(field: Field) -> String {
    match field {
        Field::Choice => format!("amount-{}", CHOICES[0].0),
        Field::Other => "other-amount".to_owned(),
    }
}

fn message_for(errors: &[FormError], field: Field) -> Option<&'static str> {
    let error = errors.iter().find(|e| e.field == field);
    error.map(|e| e.message)
}

/// The inline message, after the label and hint, with a hidden
/// "Error:" so a screen reader says what kind of text it is.
fn inline_error(id: &str, message: &str) -> String {
    format!(
        "<p id=\"{id}\" class=\"error-message\">\
         <span class=\"visually-hidden\">Error:</span> {message}</p>\n"
    )
}

fn amount_question(form: &AmountForm, errors: &[FormError]) -> String {
    let error = message_for(errors, Field::Choice);
    let described = match error {
        Some(_) => "amount-hint amount-error",
        None => "amount-hint",
    };
    let group_class = group_class(error.is_some());
    let error =
        error.map_or(String::new(), |m| inline_error("amount-error", m));
    let radios: String = CHOICES
        .iter()
        .map(|(pence, hint)| fixed_radio(form, *pence, hint))
        .collect();
    format!(
        "<div class=\"{group_class}\">\n\
         <fieldset class=\"fieldset\" aria-describedby=\"{described}\">\n\
         <legend class=\"legend\">How much do you want to pay?</legend>\n\
         <p id=\"amount-hint\" class=\"hint\">The fine is £70.00. It is \
         halved if you pay within 14 days.</p>\n{error}\
         <div class=\"radios\">\n{radios}{other}</div>\n\
         </fieldset>\n</div>\n",
        other = other_radio(form, errors),
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
         <p id=\"{id}-hint\" class=\"hint radio-hint\">{}</p>\n</div>\n",
        checked(form.chose(&value)),
        pounds(pence),
        capitalise(hint),
    )
}

/// "Other amount" and its text box. The box is always shown, indented
/// under its radio: revealing it only when chosen needs a script, and
/// the demo has none.
fn other_radio(form: &AmountForm, errors: &[FormError]) -> String {
    let error = message_for(errors, Field::Other);
    let (described, invalid) = match error {
        Some(_) => (
            "other-amount-hint other-amount-error",
            " aria-invalid=\"true\"",
        ),
        None => ("other-amount-hint", ""),
    };
    let group_class = group_class(error.is_some());
    let error =
        error.map_or(String::new(), |m| inline_error("other-amount-error", m));
    format!(
        "<div class=\"radio\">\n\
         <input class=\"radio-input\" id=\"amount-other\" name=\"amount\" \
         type=\"radio\" value=\"other\"{checked}>\n\
         <label class=\"radio-label\" for=\"amount-other\">Other amount\
         </label>\n</div>\n\
         <div class=\"radio-conditional {group_class}\">\n\
         <label class=\"label\" for=\"other-amount\">Other amount, in \
         pounds</label>\n\
         <p id=\"other-amount-hint\" class=\"hint\">Only if you chose Other \
         amount. For example, 52.50</p>\n{error}\
         <div class=\"input-prefix\"><span class=\"prefix\" \
         aria-hidden=\"true\">£</span><input class=\"input input-short\" \
         id=\"other-amount\" name=\"other_amount\" type=\"text\" \
         inputmode=\"decimal\" spellcheck=\"false\" autocomplete=\"off\" \
         value=\"{value}\" aria-describedby=\"{described}\"{invalid}></div>\n\
         </div>\n",
        checked = checked(form.chose("other")),
        value = escape(form.other_text()),
    )
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The sandbox's test cards, so a newcomer can try every ending. A
/// `<details>` opens and closes without a script.
const TEST_CARDS: &str = "<details class=\"details\">\n\
     <summary class=\"details-summary\">Test cards you can use</summary>\n\
     <div class=\"details-text\">\n\
     <p>Use any future expiry date, any name and any security code (4 \
     digits for American Express, 3 for the others).</p>\n\
     <table class=\"table\">\n\
     <caption class=\"visually-hidden\">Test cards and what happens</caption>\n\
     <thead><tr><th scope=\"col\">Card number</th>\
     <th scope=\"col\">What happens</th></tr></thead>\n<tbody>\n\
     <tr><td>4242 4242 4242 4242</td><td>Paid (Visa)</td></tr>\n\
     <tr><td>5555 5555 5555 4444</td><td>Paid (Mastercard)</td></tr>\n\
     <tr><td>3714 496353 98431</td><td>Paid (American Express)</td></tr>\n\
     <tr><td>4000 0000 0000 0002</td><td>Declined</td></tr>\n\
     <tr><td>4000 0000 0000 0069</td><td>Declined: expired card</td></tr>\n\
     <tr><td>4000 0000 0000 0127</td><td>Declined: incorrect security \
     code</td></tr>\n\
     <tr><td>4000 0000 0000 0119</td><td>Error at the payment provider\
     </td></tr>\n</tbody>\n</table>\n</div>\n</details>\n";

/// Why the demo cannot take payments, said plainly to whoever set it up.
pub fn unavailable_page(why: &str) -> Page {
    let main = format!(
        "<h1 class=\"heading-l\">The demo is not set up</h1>\n\
         <p>{}</p>\n<p>paypage itself is running: council services can \
         still use the payments API.</p>\n",
        escape(why)
    );
    Page {
        title: "The demo is not set up",
        has_errors: false,
        council: None,
        main,
    }
}

/// The payments API refused the demo's request.
pub fn failed_page(council: &str, why: &str) -> Page {
    let main = format!(
        "<h1 class=\"heading-l\">The payment could not be started</h1>\n\
         <p>No money has been taken. paypage refused the demo's request: \
         {}</p>\n<p><a href=\"/\">Start again</a></p>\n",
        escape(why)
    );
    Page {
        title: "The payment could not be started",
        has_errors: false,
        council: Some(council.to_owned()),
        main,
    }
}
