//! Welsh (Cymraeg). The same keys as `en.rs`, in the same order, for
//! citizens who pay their council in Welsh.
//!
//! Register: the formal-but-plain Welsh of public services, as in the
//! GOV.UK Pay Welsh pages and the Welsh Language Commissioner's guidance.
//! The reader is "chi"; instructions use the -wch imperative ("Rhowch",
//! "Gwiriwch", "Defnyddiwch"); buttons and links use the verb-noun
//! ("Parhau", "Cadarnhau'r taliad"). Terms follow GOV.UK Pay: "cerdyn",
//! "rhif y cerdyn", "dyddiad dod i ben", "cod diogelwch y cerdyn",
//! "cyfeiriad bilio". The text is written for Welsh readers, not
//! translated word by word, so a sentence may differ in shape from the
//! English one. Like the English, it never says "annilys" (invalid),
//! "os gwelwch yn dda" or "mae'n ddrwg gennym".
//!
//! Placeholders sit where Welsh grammar leaves them unmutated: after a
//! noun ("cerdyn {brand}"), or as the subject after "Mae". A council
//! name never follows "i", "o" or "am", which would need a soft mutation
//! ("i Gyngor ...") that a placeholder cannot make.
//!
//! Apostrophes are straight ('), as in `en.rs`, so tests and people can
//! type the accessible names; GOV.UK's Welsh uses the curly one (’).
//!
//! Known shortcoming: written by an engineer, not yet checked by a
//! Welsh-speaking reviewer. Sentences marked `Review:` are the ones
//! most likely to read awkwardly; check those first.

pub const MESSAGES: &[(&str, &str)] = &[
    // Page furniture.
    ("title-suffix", "{council}"),
    ("skip-link", "Neidio i'r prif gynnwys"),
    ("language", "Iaith"),
    // "tudalen" is feminine, so "talu" softens to "dalu".
    ("statement-link", "Datganiad hygyrchedd y dudalen dalu hon"),
    // Joins the last brand in a list ("Visa neu Mastercard"). "neu"
    // softens a following Welsh word, but brand names are left as they
    // are, as Welsh public services do with foreign proper names.
    ("or", "neu"),
    ("loading", "Wrthi'n llwytho eich taliad"),
    (
        "noscript",
        "Trowch JavaScript ymlaen i dalu â cherdyn, neu cysylltwch â'r \
         cyngor i dalu mewn ffordd arall.",
    ),
    ("payment-summary", "Crynodeb o'r taliad"),
    // Review: a label, not "Taliad am": "am" would soften the first word
    // of the description, which comes from the council as typed.
    ("payment-for", "Disgrifiad o'r taliad"),
    ("total-amount", "Cyfanswm"),
    ("reference", "Cyfeirnod"),
    ("error-prefix", "Gwall:"),
    ("title-error-prefix", "Gwall: "),
    ("there-is-a-problem", "Mae problem wedi codi"),
    // Card details.
    ("enter-card-details", "Rhowch fanylion eich cerdyn"),
    ("accepted-cards", "Cardiau a dderbynnir"),
    ("brand-detected", "Cerdyn {brand} wedi'i adnabod"),
    ("card-number", "Rhif y cerdyn"),
    ("expiry-date", "Dyddiad dod i ben"),
    ("expiry-hint", "Er enghraifft, 03/28"),
    ("month", "Mis"),
    ("year", "Blwyddyn"),
    ("name-on-card", "Enw ar y cerdyn"),
    ("security-code", "Cod diogelwch y cerdyn"),
    ("security-code-hint", "Y 3 digid olaf ar gefn eich cerdyn"),
    ("security-code-hint-amex", "Y 4 digid ar flaen eich cerdyn"),
    (
        "security-code-hint-unknown",
        "Y 3 digid ar gefn eich cerdyn, neu'r 4 digid ar flaen cerdyn \
         American Express",
    ),
    ("email", "Cyfeiriad e-bost"),
    ("email-optional", "Cyfeiriad e-bost (dewisol)"),
    (
        "email-hint",
        "Byddwn yn anfon cadarnhad o'ch taliad i'r cyfeiriad hwn",
    ),
    ("billing-address", "Cyfeiriad bilio"),
    ("billing-address-optional", "Cyfeiriad bilio (dewisol)"),
    // Review: says "the address on your card statements", which reads
    // more naturally in Welsh than "the address they are sent to".
    (
        "billing-address-hint",
        "Y cyfeiriad sydd ar gyfriflenni eich cerdyn",
    ),
    ("address-line1", "Llinell gyntaf y cyfeiriad"),
    ("address-line2", "Ail linell y cyfeiriad (dewisol)"),
    ("address-city", "Tref neu ddinas"),
    ("address-postcode", "Cod post"),
    ("continue", "Parhau"),
    ("cancel-payment", "Canslo'r taliad"),
    // Confirm.
    ("confirm-your-payment", "Cadarnhewch eich taliad"),
    ("card", "Cerdyn"),
    // Review: "gyda" before a number; "â"/"ag" would change with how
    // the first digit is said ("ag wyth"), which a placeholder cannot.
    ("card-ending", "{brand} sy'n gorffen gyda {last4}"),
    // "Newid" then, for screen readers only, what is changed: "Newid
    // manylion y cerdyn".
    ("change", "Newid"),
    ("change-card-details", "manylion y cerdyn"),
    ("change-name-on-card", "yr enw ar y cerdyn"),
    ("confirm-payment", "Cadarnhau'r taliad"),
    (
        "confirm-hint",
        "Gwiriwch y manylion. Dim ond ar ôl i chi gadarnhau y bydd tâl yn \
         cael ei godi ar eich cerdyn.",
    ),
    // Processing.
    ("processing", "Mae eich taliad yn cael ei brosesu"),
    (
        "processing-hint",
        "Gall hyn gymryd ychydig eiliadau. Arhoswch ar y dudalen hon.",
    ),
    // Outcomes.
    ("success", "Mae eich taliad wedi llwyddo"),
    // Review: the council is the subject ("{council} has received your
    // payment of ...") so its name follows "Mae" and is never mutated;
    // "You paid {amount} to {council}" would need "i Gyngor ...".
    (
        "success-body",
        "Mae {council} wedi derbyn eich taliad o {amount}.",
    ),
    ("declined", "Cafodd eich taliad ei wrthod"),
    (
        "declined-final",
        "Ni allwch roi cynnig ar gerdyn arall ar gyfer y taliad hwn. Ewch \
         yn ôl i'r gwasanaeth i ddechrau eto.",
    ),
    ("try-another-card", "Rhoi cynnig ar gerdyn arall"),
    ("cancelled", "Mae eich taliad wedi'i ganslo"),
    ("cancelled-body", "Ni chymerwyd unrhyw arian o'ch cerdyn."),
    ("expired", "Mae eich sesiwn talu wedi dod i ben"),
    (
        "expired-body",
        "Ni chymerwyd unrhyw arian o'ch cerdyn. Ewch yn ôl i'r gwasanaeth \
         i ddechrau eto.",
    ),
    ("error", "Nid oedd modd i ni gymryd eich taliad"),
    (
        "error-body",
        "Ni chymerwyd unrhyw arian o'ch cerdyn. Ewch yn ôl i'r gwasanaeth \
         a rhowch gynnig arall arni yn nes ymlaen.",
    ),
    // Review: "back to {council}'s service" ("gwasanaeth" takes the
    // soft mutation after "i"; the council name after it does not).
    ("return-to", "Mynd yn ôl i wasanaeth {council}"),
    // Session time limit (WCAG 2.2.1). {time} is one of the three
    // "tua ..." texts below, which keep their own mutations.
    (
        "timeout-heading",
        "Bydd eich sesiwn talu yn dod i ben cyn bo hir",
    ),
    (
        "timeout-body",
        "Mae gennych {time} i orffen eich taliad. Ar ôl hynny, bydd y \
         manylion a roesoch yn cael eu clirio ac ni chymerir unrhyw arian.",
    ),
    // Review: "ni ellir rhoi rhagor o amser iddo" (it cannot be given
    // more time), "iddo" referring to "taliad".
    (
        "timeout-body-final",
        "Mae gennych {time} i orffen eich taliad. Ni ellir rhoi rhagor o \
         amser iddo: os daw'r amser i ben, ni chymerir unrhyw arian a \
         gallwch ddechrau eto o'r gwasanaeth.",
    ),
    ("timeout-more-time", "Mae angen mwy o amser arnaf"),
    (
        "timeout-extend-failed",
        "Nid oedd modd ychwanegu rhagor o amser. Gwiriwch eich cysylltiad a \
         rhowch gynnig arall arni.",
    ),
    // Review: "2 funud" takes the soft mutation of "munud" after "dau",
    // as GOV.UK Welsh writes it with a digit.
    ("timeout-about-2-minutes", "tua 2 funud"),
    ("timeout-about-1-minute", "tua munud"),
    ("timeout-less-than-a-minute", "llai na munud"),
    ("session-ended", "Mae eich sesiwn wedi dod i ben"),
    (
        "session-ended-body",
        "Cafodd y dudalen ei gadael am ormod o amser, felly cafodd ei chau i \
         gadw manylion eich cerdyn yn ddiogel. Ni chymerwyd unrhyw arian o'ch \
         cerdyn. Ewch yn ôl i'r gwasanaeth i ddechrau eto.",
    ),
    // Card rules (codes from the card crate).
    ("card-number-missing", "Rhowch rif eich cerdyn"),
    (
        "card-number-not-digits",
        "Rhowch rif eich cerdyn gan ddefnyddio digidau yn unig",
    ),
    (
        "card-number-too-short",
        "Rhowch holl ddigidau rhif eich cerdyn",
    ),
    (
        "card-number-too-long",
        "Gwiriwch rif eich cerdyn: mae gormod o ddigidau ynddo",
    ),
    (
        "card-number-fails-checksum",
        "Gwiriwch rif eich cerdyn: mae un neu fwy o'r digidau'n anghywir",
    ),
    // {brands} is a list joined with "neu" (key "or"), after a noun.
    ("card-number-unknown-brand", "Rhowch rif cerdyn {brands}"),
    (
        "card-number-brand-not-accepted",
        "Nid yw'r gwasanaeth hwn yn derbyn cardiau {brand}. Defnyddiwch \
         gerdyn {brands}",
    ),
    (
        "card-number-other-brand-not-accepted",
        "Nid yw'r gwasanaeth hwn yn derbyn cardiau {brand}. Defnyddiwch \
         gerdyn {brands}",
    ),
    ("expiry-missing", "Rhowch y dyddiad dod i ben"),
    ("expiry-month-missing", "Rhowch y mis dod i ben"),
    ("expiry-year-missing", "Rhowch y flwyddyn dod i ben"),
    (
        "expiry-month-not-1-to-12",
        "Rhowch y mis dod i ben fel rhif rhwng 1 a 12",
    ),
    (
        "expiry-year-not-2-or-4-digits",
        "Rhowch y flwyddyn dod i ben fel y mae ar y cerdyn, er enghraifft \
         28 neu 2028",
    ),
    (
        "expiry-wrong-format",
        "Rhowch y dyddiad dod i ben fel y mae ar y cerdyn",
    ),
    (
        "expiry-in-the-past",
        "Mae'r cerdyn hwn wedi dod i ben: defnyddiwch gerdyn sydd â dyddiad \
         dod i ben yn y dyfodol",
    ),
    (
        "expiry-too-far-ahead",
        "Gwiriwch y flwyddyn dod i ben: mae'n rhy bell yn y dyfodol",
    ),
    ("security-code-missing", "Rhowch god diogelwch y cerdyn"),
    (
        "security-code-not-digits",
        "Rhowch god diogelwch y cerdyn gan ddefnyddio digidau yn unig",
    ),
    (
        "security-code-wrong-length",
        "Rhowch y cod diogelwch 3 digid sydd ar gefn y cerdyn",
    ),
    (
        "security-code-wrong-length-amex",
        "Rhowch y cod diogelwch 4 digid sydd ar flaen y cerdyn",
    ),
    (
        "security-code-wrong-length-unknown-brand",
        "Rhowch god diogelwch y cerdyn, sydd â 3 neu 4 digid",
    ),
    (
        "cardholder-name-missing",
        "Rhowch yr enw fel y mae ar y cerdyn",
    ),
    // "nod" is a character; Welsh-language software uses it this way.
    (
        "cardholder-name-too-long",
        "Rhaid i'r enw ar y cerdyn fod yn 255 nod neu lai",
    ),
    (
        "cardholder-name-looks-like-card-number",
        "Rhowch yr enw sydd ar y cerdyn yma, nid rhif y cerdyn",
    ),
    (
        "cardholder-name-has-control-characters",
        "Rhowch yr enw ar y cerdyn gan ddefnyddio llythrennau, bylchau ac \
         atalnodau",
    ),
    ("email-missing", "Rhowch eich cyfeiriad e-bost"),
    (
        "email-too-long",
        "Rhaid i'r cyfeiriad e-bost fod yn 254 nod neu lai",
    ),
    // The example keeps the reserved example.com domain (RFC 2606): a
    // Welsh-looking domain such as "enghraifft.com" could be registered
    // by anyone and would then receive mail people type from the hint.
    (
        "email-missing-at-sign",
        "Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@example.com",
    ),
    (
        "email-missing-name-before-at",
        "Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@example.com",
    ),
    (
        "email-has-invalid-characters",
        "Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@example.com",
    ),
    (
        "email-domain-not-plausible",
        "Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@example.com",
    ),
    ("postcode-missing", "Rhowch eich cod post"),
    // Review: a Welsh example postcode, the Senedd's (a public building,
    // as SW1A 1AA is in the English), instead of a London one.
    (
        "postcode-wrong-format",
        "Rhowch god post llawn yn y DU, fel CF99 1SN",
    ),
    (
        "address-line1-missing",
        "Rhowch linell gyntaf eich cyfeiriad bilio",
    ),
    ("address-city-missing", "Rhowch eich tref neu ddinas"),
    // Declines (codes from the shim).
    (
        "card-declined",
        "Mae eich banc wedi gwrthod y taliad. Rhowch gynnig ar gerdyn \
         arall, neu cysylltwch â'ch banc.",
    ),
    (
        "card-expired",
        "Mae eich banc yn dweud bod y cerdyn hwn wedi dod i ben. Rhowch \
         gynnig ar gerdyn arall.",
    ),
    (
        "security-code-incorrect",
        "Mae eich banc yn dweud bod cod diogelwch y cerdyn yn anghywir. \
         Gwiriwch y cod a rhowch gynnig arall arni, neu defnyddiwch gerdyn \
         arall.",
    ),
    // Review: "wants to check that it is you paying" ("mai chi sy'n
    // talu"); the English "check it is you" has no neat Welsh match.
    (
        "authentication-required",
        "Mae eich banc am wirio mai chi sy'n talu, ond ni all y dudalen hon \
         wneud hynny eto. Rhowch gynnig ar gerdyn arall.",
    ),
    (
        "brand-not-accepted",
        "Nid yw'r gwasanaeth hwn yn derbyn cardiau o'r math hwn. Rhowch \
         gynnig ar gerdyn arall.",
    ),
    // Problems reaching the shim or the PSP.
    (
        "psp-card-number",
        "Gwiriwch rif eich cerdyn a rhowch gynnig arall arni",
    ),
    (
        "psp-expiry",
        "Gwiriwch y dyddiad dod i ben a rhowch gynnig arall arni",
    ),
    (
        "psp-security-code",
        "Gwiriwch god diogelwch y cerdyn a rhowch gynnig arall arni",
    ),
    (
        "network",
        "Nid oedd modd cysylltu â'r gwasanaeth talu. Gwiriwch eich \
         cysylltiad a rhowch gynnig arall arni.",
    ),
    // Review: "wedi dod i ben" stands for "timed out"; "wedi'i hagor"
    // takes the feminine "h" because it refers to "tudalen".
    (
        "no-session",
        "Mae'r dudalen dalu hon wedi dod i ben neu wedi'i hagor mewn \
         ffenestr arall. Ewch yn ôl i'r gwasanaeth i ddechrau eto.",
    ),
];
