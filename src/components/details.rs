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
use crate::state::{Page, use_page};

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
    view! {
        <ErrorSummary />
        <Heading key="enter-card-details" />
        <PaymentSummary />
        <form class="form" novalidate on:submit=submit>
            <AcceptedBrands />
            <CardNumber />
            <ExpiryDate />
            <TextField field=Field::Name value=page.form.name
                input=input(&page, Field::Name, "name-on-card", None, "cc-name", false, "width-30ch") />
            <SecurityCodeField />
            {move || page.collect().address.then(|| view! { <BillingAddress /> })}
            {move || (page.collect().email != "off").then(|| view! { <EmailField /> })}
            <div class="button-group">
                <button type="submit" class="button">{page.text("continue")}</button>
                <button type="button" class="button button--secondary"
                    on:click=move |_| on_cancel.run(())>
                    {page.text("cancel-payment")}
                </button>
            </div>
        </form>
    }
}

fn input(
    page: &Page,
    field: Field,
    label: &str,
    hint: Option<Signal<String>>,
    autocomplete: &'static str,
    numeric: bool,
    width: &'static str,
) -> Input {
    Input {
        id: field.id(),
        label: page.text(label).to_owned(),
        hint,
        autocomplete,
        numeric,
        width,
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
    let input = input(
        &page,
        Field::SecurityCode,
        "security-code",
        Some(hint),
        "cc-csc",
        true,
        "width-5ch",
    );
    view! { <TextField field=Field::SecurityCode value=page.form.security_code input /> }
}

#[component]
fn BillingAddress() -> impl IntoView {
    let page = use_page();
    let line2 = input(
        &page,
        Field::AddressLine2,
        "address-line2",
        None,
        "billing address-line2",
        false,
        "width-full",
    );
    view! {
        <fieldset class="fieldset">
            <legend class="fieldset__legend">{page.text("billing-address")}</legend>
            <TextField field=Field::AddressLine1 value=page.form.line1
                input=input(&page, Field::AddressLine1, "address-line1", None, "billing address-line1", false, "width-full") />
            <TextField field=Field::AddressLine2 value=page.form.line2 input=line2 />
            <TextField field=Field::AddressCity value=page.form.city
                input=input(&page, Field::AddressCity, "address-city", None, "billing address-level2", false, "width-20ch") />
            <TextField field=Field::Postcode value=page.form.postcode
                input=input(&page, Field::Postcode, "address-postcode", None, "billing postal-code", false, "width-10ch") />
        </fieldset>
    }
}

#[component]
fn EmailField() -> impl IntoView {
    let page = use_page();
    let label = if page.collect().email == "required" {
        "email"
    } else {
        "email-optional"
    };
    let hint = Signal::derive(move || page.text("email-hint").to_owned());
    let input = input(
        &page,
        Field::Email,
        label,
        Some(hint),
        "email",
        false,
        "width-30ch",
    );
    view! { <TextField field=Field::Email value=page.form.email input /> }
}
