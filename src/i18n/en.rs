//! English. Every key the page shows, in one table; Welsh will be a
//! second table with the same keys, and a test fails if one is missing.
//!
//! The house style is GOV.UK's: say what to do, plainly; never
//! "invalid", "please" or "sorry". `{brand}`, `{brands}`, `{council}`
//! and `{amount}` are filled in by the page.

pub const MESSAGES: &[(&str, &str)] = &[
    // Page furniture.
    ("title-suffix", "{council}"),
    ("skip-link", "Skip to main content"),
    ("language", "Language"),
    // The footer link to paypage's own accessibility statement for the
    // council (the council's own accessibility page is its own link).
    (
        "statement-link",
        "Accessibility statement for this payment page",
    ),
    ("or", "or"),
    ("loading", "Loading your payment"),
    (
        "noscript",
        "Turn on JavaScript to pay by card, or contact the council to pay \
         another way.",
    ),
    ("payment-summary", "Payment summary"),
    ("payment-for", "Payment for"),
    ("total-amount", "Total amount"),
    ("reference", "Reference"),
    ("error-prefix", "Error:"),
    ("title-error-prefix", "Error: "),
    ("there-is-a-problem", "There is a problem"),
    // Card details.
    ("enter-card-details", "Enter card details"),
    ("accepted-cards", "Accepted cards"),
    ("brand-detected", "{brand} card detected"),
    ("card-number", "Card number"),
    ("expiry-date", "Expiry date"),
    ("expiry-hint", "For example, 03/28"),
    ("month", "Month"),
    ("year", "Year"),
    ("name-on-card", "Name on card"),
    ("security-code", "Card security code"),
    (
        "security-code-hint",
        "The last 3 digits on the back of the card",
    ),
    (
        "security-code-hint-amex",
        "The 4 digits on the front of the card",
    ),
    (
        "security-code-hint-unknown",
        "The 3 digits on the back of the card, or 4 digits on the front of an \
         American Express card",
    ),
    ("email", "Email address"),
    ("email-optional", "Email address (optional)"),
    ("email-hint", "We will send your payment confirmation here"),
    ("billing-address", "Billing address"),
    ("billing-address-optional", "Billing address (optional)"),
    (
        "billing-address-hint",
        "The address your card statements are sent to",
    ),
    ("address-line1", "Address line 1"),
    ("address-line2", "Address line 2 (optional)"),
    ("address-city", "Town or city"),
    ("address-postcode", "Postcode"),
    ("continue", "Continue"),
    ("cancel-payment", "Cancel payment"),
    // Confirm.
    ("confirm-your-payment", "Confirm your payment"),
    ("card", "Card"),
    ("card-ending", "{brand} ending {last4}"),
    ("change", "Change"),
    ("change-card-details", "card details"),
    ("change-name-on-card", "name on card"),
    ("confirm-payment", "Confirm payment"),
    (
        "confirm-hint",
        "Check the details. Your card is charged only when you confirm.",
    ),
    // Processing.
    ("processing", "Your payment is being processed"),
    (
        "processing-hint",
        "This can take a few seconds. Stay on this page.",
    ),
    // Outcomes.
    ("success", "Your payment was successful"),
    ("success-body", "You paid {amount} to {council}."),
    ("declined", "Your payment was declined"),
    (
        "declined-final",
        "No more cards can be tried for this payment. Return to the service to \
         start again.",
    ),
    ("try-another-card", "Try another card"),
    ("cancelled", "Your payment has been cancelled"),
    ("cancelled-body", "No money has been taken from your card."),
    ("expired", "Your payment session has expired"),
    (
        "expired-body",
        "No money has been taken from your card. Return to the service to \
         start again.",
    ),
    ("error", "We could not take your payment"),
    (
        "error-body",
        "No money has been taken from your card. Return to the service and try \
         again later.",
    ),
    ("return-to", "Return to {council}"),
    // Session time limit (WCAG 2.2.1). {time} is one of the three
    // "about ..." texts below.
    ("timeout-heading", "Your payment session will end soon"),
    (
        "timeout-body",
        "You have {time} to finish your payment. After that, the details you \
         entered are cleared and nothing is charged.",
    ),
    (
        "timeout-body-final",
        "You have {time} to finish your payment. It cannot be given more \
         time: if it runs out, nothing is charged and you can start again \
         from the service.",
    ),
    ("timeout-more-time", "I need more time"),
    (
        "timeout-extend-failed",
        "More time could not be added. Check your connection and try again.",
    ),
    ("timeout-about-2-minutes", "about 2 minutes"),
    ("timeout-about-1-minute", "about 1 minute"),
    ("timeout-less-than-a-minute", "less than a minute"),
    ("session-ended", "Your session has ended"),
    (
        "session-ended-body",
        "The page was left for too long, so it was closed to keep your card \
         details safe. No money has been taken from your card. Return to the \
         service to start again.",
    ),
    // Card rules (codes from the card crate).
    ("card-number-missing", "Enter your card number"),
    (
        "card-number-not-digits",
        "Enter your card number using only numbers",
    ),
    (
        "card-number-too-short",
        "Enter all the digits of your card number",
    ),
    (
        "card-number-too-long",
        "Check your card number: it has too many digits",
    ),
    (
        "card-number-fails-checksum",
        "Check your card number: one or more digits are wrong",
    ),
    (
        "card-number-unknown-brand",
        "Enter the number of a {brands} card",
    ),
    (
        "card-number-brand-not-accepted",
        "{brand} cards are not accepted here. Use a {brands} card",
    ),
    (
        "card-number-other-brand-not-accepted",
        "{brand} cards are not accepted here. Use a {brands} card",
    ),
    ("expiry-missing", "Enter the expiry date"),
    ("expiry-month-missing", "Enter the expiry month"),
    ("expiry-year-missing", "Enter the expiry year"),
    (
        "expiry-month-not-1-to-12",
        "Enter the expiry month as a number from 1 to 12",
    ),
    (
        "expiry-year-not-2-or-4-digits",
        "Enter the expiry year as it appears on the card, like 28 or 2028",
    ),
    (
        "expiry-wrong-format",
        "Enter the expiry date as it appears on the card",
    ),
    (
        "expiry-in-the-past",
        "This card has expired: use a card with an expiry date in the future",
    ),
    (
        "expiry-too-far-ahead",
        "Check the expiry year: it is too far in the future",
    ),
    ("security-code-missing", "Enter the card security code"),
    (
        "security-code-not-digits",
        "Enter the card security code using only numbers",
    ),
    (
        "security-code-wrong-length",
        "Enter the 3 digit security code from the back of the card",
    ),
    (
        "security-code-wrong-length-amex",
        "Enter the 4 digit security code from the front of the card",
    ),
    (
        "security-code-wrong-length-unknown-brand",
        "Enter the 3 or 4 digit card security code",
    ),
    (
        "cardholder-name-missing",
        "Enter the name as it appears on the card",
    ),
    (
        "cardholder-name-too-long",
        "Name on card must be 255 characters or fewer",
    ),
    (
        "cardholder-name-looks-like-card-number",
        "Enter the name on the card here, not the card number",
    ),
    (
        "cardholder-name-has-control-characters",
        "Enter the name on the card using letters, spaces and punctuation",
    ),
    ("email-missing", "Enter your email address"),
    (
        "email-too-long",
        "Email address must be 254 characters or fewer",
    ),
    (
        "email-missing-at-sign",
        "Enter an email address in the correct format, like name@example.com",
    ),
    (
        "email-missing-name-before-at",
        "Enter an email address in the correct format, like name@example.com",
    ),
    (
        "email-has-invalid-characters",
        "Enter an email address in the correct format, like name@example.com",
    ),
    (
        "email-domain-not-plausible",
        "Enter an email address in the correct format, like name@example.com",
    ),
    ("postcode-missing", "Enter your postcode"),
    (
        "postcode-wrong-format",
        "Enter a full UK postcode, like SW1A 1AA",
    ),
    (
        "address-line1-missing",
        "Enter the first line of your billing address",
    ),
    ("address-city-missing", "Enter your town or city"),
    // Declines (codes from the shim).
    (
        "card-declined",
        "Your bank declined the payment. Try another card, or contact your \
         bank.",
    ),
    (
        "card-expired",
        "Your bank says this card has expired. Try another card.",
    ),
    (
        "security-code-incorrect",
        "Your bank says the card security code is wrong. Check it and try \
         again, or try another card.",
    ),
    (
        "authentication-required",
        "Your bank wants to check it is you, which this page cannot do yet. \
         Try another card.",
    ),
    (
        "brand-not-accepted",
        "This card's brand is not accepted here. Try another card.",
    ),
    // Problems reaching the shim or the PSP.
    ("psp-card-number", "Check your card number and try again"),
    ("psp-expiry", "Check the expiry date and try again"),
    (
        "psp-security-code",
        "Check the card security code and try again",
    ),
    (
        "network",
        "The payment service could not be reached. Check your connection and \
         try again.",
    ),
    (
        "no-session",
        "This payment page has timed out or was opened in another window. \
         Return to the service to start again.",
    ),
];
