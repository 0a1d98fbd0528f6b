//! The card details screen, fields in the order they appear on a card.

use leptos::prelude::*;
use paypage_card::Brand;

use super::brands::AcceptedBrands;
use super::card_number::CardNumber;
use super::error_summary::ErrorSummary;
use super::expiry::ExpiryDate;
use super::field::{Input, TextField};
use super::layout::{Heading, PaymentSummary};
use crate::form::Field;
use crate::state::use_page;

#[component]
pub fn Details(
    on_continue: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let page = use_page();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_continue.run(());
    };
    let name =
        Input::new(Field::Name, "name-on-card", "cc-name").width("width-30ch");
    let collect = move || page.collect();
    view! {
        <ErrorSummary />
        <Heading key="enter-card-details" />
        <PaymentSummary />
        <form class="form" novalidate on:submit=submit>
            <AcceptedBrands />
            <CardNumber />
            <ExpiryDate />
            <TextField field=Field::Name value=page.form.name input=name />
            <SecurityCodeField />
            {move || (collect().address != "off").then(|| view! { <BillingAddress /> })}
            {move || (collect().email != "off").then(|| view! { <EmailField /> })}
            <div class="button-group">
                <button type="submit" class="button">
                    {page.text("continue")}
                </button>
                <button type="button" class="button button--secondary"
                    on:click=move |_| on_cancel.run(())>
                    {page.text("cancel-payment")}
                </button>
            </div>
        </form>
    }
}

/// The hint follows the brand: American Express prints four digits on
/// the front; every other brand three on the back.
#[component]
fn SecurityCodeField() -> impl IntoView {
    let page = use_page();
    let hint = Signal::derive(move || {
        let key = match page.form.brand() {
            Some(Brand::AmericanExpress) => "security-code-hint-amex",
            Some(_) => "security-code-hint",
            None if page.accepted().contains(&Brand::AmericanExpress) => {
                "security-code-hint-unknown"
            }
            None => "security-code-hint",
        };
        page.text(key).to_owned()
    });
    let input = Input::new(Field::SecurityCode, "security-code", "cc-csc")
        .hint(hint)
        .numeric()
        .width("width-5ch");
    let value = page.form.security_code;
    view! { <TextField field=Field::SecurityCode value input /> }
}

/// Collected only for councils that ask for it (`fields.billing_address`).
#[component]
fn BillingAddress() -> impl IntoView {
    let page = use_page();
    let form = page.form;
    let line1 = Input::new(
        Field::AddressLine1,
        "address-line1",
        "billing address-line1",
    );
    let line2 = Input::new(
        Field::AddressLine2,
        "address-line2",
        "billing address-line2",
    );
    let city = Input::new(
        Field::AddressCity,
        "address-city",
        "billing address-level2",
    )
    .width("width-20ch");
    let postcode =
        Input::new(Field::Postcode, "address-postcode", "billing postal-code")
            .width("width-10ch");
    let optional = page.collect().address == "optional";
    let legend = if optional {
        "billing-address-optional"
    } else {
        "billing-address"
    };
    view! {
        <fieldset class="fieldset" aria-describedby="billing-address-hint">
            <legend class="fieldset__legend">{page.text(legend)}</legend>
            <div id="billing-address-hint" class="hint">
                {page.text("billing-address-hint")}
            </div>
            <TextField field=Field::AddressLine1 value=form.line1 input=line1 />
            <TextField field=Field::AddressLine2 value=form.line2 input=line2 />
            <TextField field=Field::AddressCity value=form.city input=city />
            <TextField field=Field::Postcode value=form.postcode input=postcode />
        </fieldset>
    }
}

#[component]
fn EmailField() -> impl IntoView {
    let page = use_page();
    let required = page.collect().email == "required";
    let label = if required { "email" } else { "email-optional" };
    let hint = Signal::derive(move || page.text("email-hint").to_owned());
    let input = Input::new(Field::Email, label, "email")
        .email()
        .hint(hint)
        .width("width-30ch");
    view! { <TextField field=Field::Email value=page.form.email input /> }
}
