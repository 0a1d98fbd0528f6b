//! Every word of the demo council service, in English and Welsh.
//!
//! Words in braces (`{council}`, `{amount}`, `{reference}`, `{why}`,
//! `{brand}`, `{last4}`, `{link}`) are filled in when a page is made.
//! The words themselves are ours and hold no markup: a test below
//! keeps `<`, `>`, `&` and `"` out of them, so they go into the HTML
//! as they are, while everything filled in is escaped.
//!
//! The Welsh is written for Welsh readers in the plain, formal register
//! of GOV.UK's Welsh services and of paypage's own card page
//! (`src/i18n/cy.rs`): the reader is "chi", instructions use the -wch
//! imperative ("Dewiswch", "Rhowch"), buttons the verb-noun ("Parhau").
//! It shares that page's terms ("Mae problem wedi codi", "Gwall:",
//! "sy'n gorffen gyda"), so the citizen meets one voice from the
//! council's service to the card page and back. `{council}` only ever
//! follows "Mae" or stands alone, where a council's name is not
//! mutated; a program cannot mutate it reliably.
//!
//! Known shortcoming: written by an engineer, not yet checked by a
//! first-language Welsh speaker. The lines marked `Review:` are the
//! ones most likely to read awkwardly; check those first.

/// A page heading and what it means for the citizen.
#[derive(Clone, Copy, Debug)]
pub struct Said {
    pub heading: &'static str,
    pub meaning: &'static str,
}

/// How a payment ended, as the return page says it.
#[derive(Debug)]
pub struct Endings {
    pub paid: Said,
    pub declined: Said,
    pub expired: Said,
    pub cancelled_by_citizen: Said,
    pub cancelled_by_council: Said,
    pub error: Said,
    pub not_finished: Said,
}

/// What the embedded page says when paypage's frame reports an
/// outcome (`embed.js` reads them from the status element).
#[derive(Debug)]
pub struct FrameOutcomes {
    pub success: &'static str,
    pub declined: &'static str,
    pub cancelled: &'static str,
    pub expired: &'static str,
    pub error: &'static str,
}

/// The demo in one language.
#[derive(Debug)]
pub struct Words {
    /// The language's code, for `lang`, `?lang=` and the payment.
    pub lang: &'static str,
    // Every page.
    pub service: &'static str,
    /// Put before the title when the form failed (WCAG 3.3.1).
    pub title_error: &'static str,
    pub skip_link: &'static str,
    pub language_label: &'static str,
    pub demo_tag: &'static str,
    pub demo_banner: &'static str,
    pub footer: &'static str,
    // The amount question.
    pub heading: &'static str,
    pub intro: &'static str,
    pub question: &'static str,
    pub fine_hint: &'static str,
    /// One hint per fixed choice, in the order of `form::CHOICES`.
    pub choice_hints: [&'static str; 3],
    pub other_choice: &'static str,
    pub other_label: &'static str,
    pub other_hint: &'static str,
    pub continue_button: &'static str,
    pub embedded_button: &'static str,
    pub problem: &'static str,
    /// Said by a screen reader before an inline message.
    pub error_prefix: &'static str,
    // What the citizen must change.
    pub select_amount: &'static str,
    pub enter_amount: &'static str,
    pub amount_format: &'static str,
    pub too_small: &'static str,
    pub too_large: &'static str,
    // The test cards.
    pub test_cards: &'static str,
    pub test_cards_intro: &'static str,
    pub test_cards_caption: &'static str,
    pub card_number: &'static str,
    pub what_happens: &'static str,
    /// One per card, in the order of `view::TEST_CARDS`.
    pub test_card_results: [&'static str; 7],
    // When the demo cannot help.
    pub not_set_up: &'static str,
    pub still_running: &'static str,
    pub unknown_key: &'static str,
    pub live_key: &'static str,
    pub not_started: &'static str,
    pub refused: &'static str,
    pub no_next_url: &'static str,
    pub no_frame_url: &'static str,
    pub start_again: &'static str,
    /// The payment's description, which the card page shows.
    pub description: &'static str,
    // Paying on the demo's own page.
    pub embedded_heading: &'static str,
    pub embedded_intro: &'static str,
    pub frame_title: &'static str,
    pub recorded: &'static str,
    pub frame_outcomes: FrameOutcomes,
    // The return page.
    pub endings: Endings,
    pub reference: &'static str,
    pub amount: &'static str,
    pub amount_paid: &'static str,
    pub card: &'static str,
    pub card_ending: &'static str,
    pub pay_another: &'static str,
    pub pay_another_line: &'static str,
    pub unknown_heading: &'static str,
    pub unknown_body: &'static str,
}

impl Words {
    /// The words for a language code: "en" or "cy".
    pub fn of(lang: &str) -> Option<&'static Words> {
        match lang {
            "en" => Some(&EN),
            "cy" => Some(&CY),
            _ => None,
        }
    }

    /// The language asked for, or the council's default when none was
    /// asked or it is one the demo does not speak: a demo page answers
    /// in some language rather than refusing (`?lang=fr` is not worth
    /// an error page). English when even the default is unknown.
    pub fn choose(asked: Option<&str>, default: &str) -> &'static Words {
        asked
            .and_then(Words::of)
            .or_else(|| Words::of(default))
            .unwrap_or(&EN)
    }
}

pub static EN: Words = Words {
    lang: "en",
    service: "Pay a parking fine (demo)",
    title_error: "Error: ",
    skip_link: "Skip to main content",
    language_label: "Language",
    demo_tag: "Demo",
    demo_banner: "This is a demonstration of paypage. The council is \
                  fictional and no real money moves: pay with one of the \
                  test cards.",
    footer: "A demonstration council service for paypage, the card \
             payment page for councils. Nothing here is a real fine.",
    heading: "Pay a parking fine",
    intro: "{council} gave you a penalty charge notice. Choose how much \
            to pay, then pay by card on the next page.",
    question: "How much do you want to pay?",
    fine_hint: "The fine is £70.00. It is halved if you pay within 14 \
                days.",
    choice_hints: [
        "Discounted fine, paid within 14 days",
        "Full fine",
        "Fine with a charge certificate",
    ],
    other_choice: "Other amount",
    other_label: "Other amount, in pounds",
    other_hint: "Only if you chose Other amount. For example, 52.50",
    continue_button: "Continue",
    embedded_button: "Pay on this page instead",
    problem: "There is a problem",
    error_prefix: "Error:",
    select_amount: "Select how much you want to pay",
    enter_amount: "Enter the amount you want to pay",
    amount_format: "Enter the amount in pounds, like 35 or 35.50",
    too_small: "The amount must be £1 or more",
    too_large: "The amount must be £1,000 or less",
    test_cards: "Test cards you can use",
    test_cards_intro: "Use any future expiry date, any name and any \
                       security code (4 digits for American Express, 3 \
                       for the others).",
    test_cards_caption: "Test cards and what happens",
    card_number: "Card number",
    what_happens: "What happens",
    test_card_results: [
        "Paid (Visa)",
        "Paid (Mastercard)",
        "Paid (American Express)",
        "Declined",
        "Declined: expired card",
        "Declined: incorrect security code",
        "Error at the payment provider",
    ],
    not_set_up: "The demo is not set up",
    still_running: "paypage itself is running: council services can \
                    still use the payments API.",
    unknown_key: "The demo's API key is not a key of any council this \
                  paypage serves. Set PAYPAGE_DEMO_KEY to a test key of a \
                  council in the councils folder, or leave it unset to \
                  use the example council's key (which needs \
                  councils/example).",
    live_key: "The demo's API key is a live key. The demo promises that no \
               real money moves, so it only uses test keys: set \
               PAYPAGE_DEMO_KEY to a test key (api_test_...).",
    not_started: "The payment could not be started",
    refused: "No money has been taken. paypage refused the demo's \
              request: {why}",
    no_next_url: "its answer had no next_url to send you to.",
    no_frame_url: "its answer had no next_url to put in a frame.",
    start_again: "Start again",
    description: "Parking fine {reference}",
    embedded_heading: "Pay by card on this page",
    embedded_intro: "Pay {amount} for parking fine {reference}. The card \
                     form below is paypage's, shown inside the council's \
                     page: the council's site never sees your card \
                     details.",
    frame_title: "Card payment",
    recorded: "See what the council recorded",
    frame_outcomes: FrameOutcomes {
        success: "The payment page says your parking fine is paid.",
        declined: "The payment page says your card was declined. No money \
                   was taken.",
        cancelled: "The payment page says you cancelled. No money was \
                    taken.",
        expired: "The payment page says the payment timed out. No money \
                  was taken.",
        error: "The payment page says the payment could not be taken. No \
                money was taken.",
    },
    endings: Endings {
        paid: Said {
            heading: "Your parking fine is paid",
            meaning: "You do not need to do anything else.",
        },
        declined: Said {
            heading: "Your payment was declined",
            meaning: "No money was taken and the fine is not paid. Start \
                      again to pay with another card.",
        },
        expired: Said {
            heading: "Your payment session expired",
            meaning: "You did not finish paying within 90 minutes, so no \
                      money was taken. Start again to pay the fine.",
        },
        cancelled_by_citizen: Said {
            heading: "You cancelled your payment",
            meaning: "No money was taken and the fine is not paid.",
        },
        cancelled_by_council: Said {
            heading: "The council cancelled this payment",
            meaning: "No money was taken. Start again to pay the fine.",
        },
        error: Said {
            heading: "Your payment could not be taken",
            meaning: "Something went wrong at the payment provider. No \
                      money was taken. Try again later.",
        },
        not_finished: Said {
            heading: "Your payment is not finished",
            meaning: "No money has been taken yet. If you were sent here \
                      before paying, start again.",
        },
    },
    reference: "Reference",
    amount: "Amount",
    amount_paid: "Amount paid",
    card: "Card",
    card_ending: "{brand} ending {last4}",
    pay_another: "Pay another parking fine",
    pay_another_line: "{link} or start again.",
    unknown_heading: "We cannot find that payment",
    unknown_body: "The link does not name a parking fine payment made \
                   with this demo. No money has been taken by it.",
};

pub static CY: Words = Words {
    lang: "cy",
    // "Arddangosiad" rather than "demo": the word Welsh public bodies
    // use for a demonstration.
    service: "Talu dirwy parcio (arddangosiad)",
    title_error: "Gwall: ",
    skip_link: "Neidio i'r prif gynnwys",
    language_label: "Iaith",
    demo_tag: "Arddangosiad",
    // "paypage" is a name and is never mutated, so no sentence puts it
    // after "o" or "i". Review: "newid dwylo" (change hands) for
    // "moves".
    demo_banner: "Mae hwn yn dangos sut mae paypage yn gweithio. Mae'r \
                  cyngor yn un dychmygol ac nid oes arian go iawn yn \
                  newid dwylo: talwch gydag un o'r cardiau prawf.",
    footer: "Gwasanaeth cyngor i arddangos paypage, y dudalen dalu â \
             cherdyn i gynghorau. Nid oes dim byd yma'n ddirwy go iawn.",
    heading: "Talu dirwy parcio",
    // "Hysbysiad Tâl Cosb" is the term on Welsh councils' parking
    // pages.
    intro: "Mae {council} wedi rhoi hysbysiad tâl cosb i chi. Dewiswch \
            faint i'w dalu, yna talwch â cherdyn ar y dudalen nesaf.",
    question: "Faint ydych chi am ei dalu?",
    // "dirwy" is feminine: "y ddirwy", and "ei haneru" for "halved".
    fine_hint: "Y ddirwy yw £70.00. Caiff ei haneru os byddwch yn talu o \
                fewn 14 diwrnod.",
    choice_hints: [
        // Review: "am dalu" (for paying) rather than "paid".
        "Dirwy ostyngol, am dalu o fewn 14 diwrnod",
        "Y ddirwy lawn",
        // Review: some councils write "tystysgrif codi tâl".
        "Dirwy gyda thystysgrif tâl",
    ],
    other_choice: "Swm arall",
    other_label: "Swm arall, mewn punnoedd",
    other_hint: "Dim ond os dewisoch Swm arall. Er enghraifft, 52.50",
    continue_button: "Parhau",
    embedded_button: "Talu ar y dudalen hon yn lle hynny",
    problem: "Mae problem wedi codi",
    error_prefix: "Gwall:",
    select_amount: "Dewiswch faint rydych am ei dalu",
    enter_amount: "Rhowch y swm rydych am ei dalu",
    amount_format: "Rhowch y swm mewn punnoedd, fel 35 neu 35.50",
    too_small: "Rhaid i'r swm fod yn £1 neu fwy",
    too_large: "Rhaid i'r swm fod yn £1,000 neu lai",
    test_cards: "Cardiau prawf y gallwch eu defnyddio",
    test_cards_intro: "Defnyddiwch unrhyw ddyddiad dod i ben yn y dyfodol, \
                       unrhyw enw ac unrhyw god diogelwch (4 digid ar \
                       gyfer American Express, 3 ar gyfer y lleill).",
    test_cards_caption: "Cardiau prawf a beth sy'n digwydd",
    card_number: "Rhif y cerdyn",
    what_happens: "Beth sy'n digwydd",
    // "wedi'i dalu", "wedi'i wrthod": the payment ("taliad", masculine)
    // is what is paid or declined.
    test_card_results: [
        "Wedi'i dalu (Visa)",
        "Wedi'i dalu (Mastercard)",
        "Wedi'i dalu (American Express)",
        "Wedi'i wrthod",
        "Wedi'i wrthod: cerdyn wedi dod i ben",
        "Wedi'i wrthod: cod diogelwch anghywir",
        "Gwall gan y darparwr taliadau",
    ],
    not_set_up: "Nid yw'r arddangosiad wedi'i osod",
    // Review: "gall wasanaethau cynghorau ddal i ddefnyddio" (the
    // subject and the verb-noun both softened after "gall").
    still_running: "Mae paypage ei hun yn rhedeg: gall wasanaethau \
                    cynghorau ddal i ddefnyddio'r API taliadau.",
    unknown_key: "Nid yw allwedd API yr arddangosiad yn perthyn i unrhyw \
                  gyngor y mae'r paypage hwn yn ei wasanaethu. Gosodwch \
                  PAYPAGE_DEMO_KEY i allwedd brawf un o'r cynghorau yn y \
                  ffolder councils, neu peidiwch â'i gosod o gwbl i \
                  ddefnyddio allwedd y cyngor enghreifftiol (sy'n gofyn \
                  am councils/example).",
    live_key: "Allwedd fyw yw allwedd API yr arddangosiad. Mae'r \
               arddangosiad yn addo nad oes arian go iawn yn symud, felly \
               dim ond allweddi prawf y mae'n eu defnyddio: gosodwch \
               PAYPAGE_DEMO_KEY i allwedd brawf (api_test_...).",
    not_started: "Nid oedd modd dechrau'r taliad",
    // {why} is the payments API's own description, in English: the
    // page marks it with lang="en".
    refused: "Ni chymerwyd unrhyw arian. Gwrthododd paypage gais yr \
              arddangosiad: {why}",
    // Review: "nid oedd next_url yn ei ateb" (there was no next_url in
    // its answer).
    no_next_url: "nid oedd next_url yn ei ateb i'ch anfon iddo.",
    no_frame_url: "nid oedd next_url yn ei ateb i'w roi mewn ffrâm.",
    start_again: "Dechrau eto",
    description: "Dirwy parcio {reference}",
    embedded_heading: "Talu â cherdyn ar y dudalen hon",
    // Review: "Ffurflen paypage yw'r ffurflen cerdyn isod" puts the
    // name first for emphasis, as the English does with "is
    // paypage's".
    embedded_intro: "Talwch {amount} am ddirwy parcio {reference}. \
                     Ffurflen paypage yw'r ffurflen cerdyn isod, wedi'i \
                     dangos ar dudalen y cyngor: nid yw gwefan y cyngor \
                     byth yn gweld manylion eich cerdyn.",
    frame_title: "Taliad cerdyn",
    recorded: "Gweld beth mae'r cyngor wedi'i gofnodi",
    // "y dudalen dalu", as the card page calls itself.
    frame_outcomes: FrameOutcomes {
        success: "Mae'r dudalen dalu'n dweud bod eich dirwy parcio wedi'i \
                  thalu.",
        declined: "Mae'r dudalen dalu'n dweud bod eich cerdyn wedi'i \
                   wrthod. Ni chymerwyd unrhyw arian.",
        cancelled: "Mae'r dudalen dalu'n dweud eich bod wedi canslo. Ni \
                    chymerwyd unrhyw arian.",
        expired: "Mae'r dudalen dalu'n dweud bod yr amser i dalu wedi dod \
                  i ben. Ni chymerwyd unrhyw arian.",
        error: "Mae'r dudalen dalu'n dweud nad oedd modd cymryd y taliad. \
                Ni chymerwyd unrhyw arian.",
    },
    // "wedi'i thalu": "dirwy" is feminine.
    endings: Endings {
        paid: Said {
            heading: "Mae eich dirwy parcio wedi'i thalu",
            meaning: "Nid oes angen i chi wneud dim byd arall.",
        },
        declined: Said {
            heading: "Cafodd eich taliad ei wrthod",
            meaning: "Ni chymerwyd unrhyw arian ac nid yw'r ddirwy wedi'i \
                      thalu. Dechreuwch eto i dalu gyda cherdyn arall.",
        },
        expired: Said {
            heading: "Mae eich sesiwn talu wedi dod i ben",
            meaning: "Ni wnaethoch orffen talu o fewn 90 munud, felly ni \
                      chymerwyd unrhyw arian. Dechreuwch eto i dalu'r \
                      ddirwy.",
        },
        cancelled_by_citizen: Said {
            heading: "Rydych wedi canslo eich taliad",
            meaning: "Ni chymerwyd unrhyw arian ac nid yw'r ddirwy wedi'i \
                      thalu.",
        },
        cancelled_by_council: Said {
            heading: "Mae'r cyngor wedi canslo'r taliad hwn",
            meaning: "Ni chymerwyd unrhyw arian. Dechreuwch eto i dalu'r \
                      ddirwy.",
        },
        error: Said {
            heading: "Nid oedd modd cymryd eich taliad",
            meaning: "Aeth rhywbeth o'i le gyda'r darparwr taliadau. Ni \
                      chymerwyd unrhyw arian. Rhowch gynnig arall arni yn \
                      nes ymlaen.",
        },
        not_finished: Said {
            heading: "Nid yw eich taliad wedi'i orffen",
            meaning: "Nid oes arian wedi'i gymryd eto. Os cawsoch eich \
                      anfon yma cyn talu, dechreuwch eto.",
        },
    },
    reference: "Cyfeirnod",
    amount: "Swm",
    amount_paid: "Swm a dalwyd",
    card: "Cerdyn",
    // As the card page says it: "gyda" before a number, whose first
    // digit a placeholder cannot mutate for "â"/"ag".
    card_ending: "{brand} sy'n gorffen gyda {last4}",
    pay_another: "Talu dirwy parcio arall",
    // Review: "neu ddechrau eto" (soft mutation after "neu").
    pay_another_line: "{link} neu ddechrau eto.",
    unknown_heading: "Ni allwn ddod o hyd i'r taliad hwnnw",
    unknown_body: "Nid yw'r ddolen yn enwi taliad dirwy parcio a wnaed \
                   gyda'r arddangosiad hwn. Nid yw wedi cymryd unrhyw \
                   arian.",
};

#[cfg(test)]
mod tests {
    use super::*;

    fn all(words: &Words) -> String {
        format!("{words:?}")
    }

    /// The words go into the HTML unescaped (see the module comment),
    /// so none may hold a character HTML gives a meaning. `Debug`
    /// writes a `"` inside a word as `\"`.
    #[test]
    fn no_word_holds_markup() {
        for words in [&EN, &CY] {
            let all = all(words);
            for banned in ["<", ">", "&", "\\\""] {
                assert!(!all.contains(banned), "{}: {banned}", words.lang);
            }
        }
    }

    /// STYLE.md's rules for what a citizen reads, in both languages.
    #[test]
    fn no_sentence_says_invalid_please_or_sorry() {
        let banned = [
            "invalid",
            "please",
            "sorry",
            "annilys",
            "os gwelwch yn dda",
            "ddrwg gennym",
        ];
        for words in [&EN, &CY] {
            let all = all(words).to_lowercase();
            for word in banned {
                assert!(!all.contains(word), "{} says {word}", words.lang);
            }
        }
    }

    /// Each placeholder is in both languages as often, so no Welsh
    /// page loses the amount or the council's name.
    #[test]
    fn both_languages_fill_in_the_same_things() {
        let names = [
            "{council}",
            "{amount}",
            "{reference}",
            "{why}",
            "{brand}",
            "{last4}",
            "{link}",
        ];
        for name in names {
            let count = |w: &Words| all(w).matches(name).count();
            assert_eq!(count(&EN), count(&CY), "{name}");
            assert!(count(&EN) > 0, "{name} is never used");
        }
    }

    #[test]
    fn an_unknown_language_falls_back_to_the_default_then_english() {
        assert_eq!(Words::choose(Some("cy"), "en").lang, "cy");
        assert_eq!(Words::choose(Some("en"), "cy").lang, "en");
        assert_eq!(Words::choose(Some("fr"), "cy").lang, "cy");
        assert_eq!(Words::choose(None, "cy").lang, "cy");
        assert_eq!(Words::choose(Some("CY"), "xx").lang, "en");
    }
}
