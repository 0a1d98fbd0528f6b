//! Every word of the accessibility statement, in English and Welsh.
//!
//! `{council}`, `{site}` and the link names in braces are filled in
//! when the page is rendered; everything else is plain text, escaped
//! like anything else. The Welsh was written for Welsh readers, not
//! word by word, but has not yet been checked by a first-language
//! speaker: the statement says so, and should stop saying so once
//! someone has.
//!
//! In Welsh, `{council}` never follows a word that would mutate it
//! ("cysylltwch â Chyngor ..."): a program cannot mutate a council's
//! name reliably, so those sentences say "y cyngor" instead.
//!
//! Keep this honest: when the page changes (a shortcoming fixed, a new
//! check added), change the lists here and `REVIEWED`, in both
//! languages.

/// A day, as the statement prints it.
#[derive(Clone, Copy, Debug)]
pub struct Day {
    pub year: u16,
    /// 1 to 12.
    pub month: u8,
    pub day: u8,
}

/// When this statement was first written. A constant, not today's
/// date: a statement's dates say when a person last checked it.
pub const PREPARED: Day = Day {
    year: 2026,
    month: 12,
    day: 3,
};

/// When a person last checked the statement against the page.
pub const REVIEWED: Day = PREPARED;

/// When the automated accessibility suite last ran against the page
/// this statement describes.
pub const TESTED: Day = PREPARED;

/// Whether an accessibility specialist has audited the page. Until
/// one has, a clean automated run is not enough to call the service
/// fully compliant. Set it with the audit's date in `REVIEWED`.
pub const AUDITED: bool = false;

/// A link in running text.
#[derive(Clone, Copy, Debug)]
pub struct Link {
    pub text: &'static str,
    pub url: &'static str,
}

/// A failure to meet WCAG 2.2 AA, as the regulations ask: what it is,
/// which success criterion it fails, and what is planned.
#[derive(Clone, Copy, Debug)]
pub struct Failure {
    pub criterion: &'static str,
    pub text: &'static str,
}

/// The whole statement in one language.
#[derive(Debug)]
pub struct Words {
    pub lang: &'static str,
    pub months: [&'static str; 12],
    pub skip_link: &'static str,
    pub language_label: &'static str,
    pub heading: &'static str,
    pub scope: &'static str,
    pub runner: &'static str,
    pub can_do: &'static [&'static str],
    pub how_heading: &'static str,
    pub how_intro: &'static str,
    pub known_problems: &'static [&'static str],
    pub feedback_heading: &'static str,
    pub feedback_intro: &'static str,
    pub email_label: &'static str,
    pub phone_label: &'static str,
    pub contact_page: &'static str,
    pub no_support: &'static str,
    pub what_to_say: &'static str,
    pub report_heading: &'static str,
    pub report: &'static str,
    pub enforcement_heading: &'static str,
    pub enforcement_gb: &'static str,
    pub enforcement_ni: &'static str,
    pub eass: Link,
    pub ecni: Link,
    pub technical_heading: &'static str,
    pub commitment: &'static str,
    pub compliance_heading: &'static str,
    pub partially: &'static str,
    pub fully: &'static str,
    /// No known failure, but no person has audited the service.
    pub unaudited: &'static str,
    pub wcag: Link,
    pub non_accessible_heading: &'static str,
    pub non_accessible_intro: &'static str,
    pub failures: &'static [Failure],
    pub no_failures: &'static str,
    /// Says which criterion a failure fails: `{criterion}`.
    pub fails: &'static str,
    pub out_of_scope_heading: &'static str,
    pub out_of_scope: &'static [&'static str],
    pub tested_heading: &'static str,
    pub tested_intro: &'static str,
    pub checks: &'static [&'static str],
    pub limits_intro: &'static str,
    pub limits: &'static [&'static str],
    pub people: &'static str,
    pub prepared_heading: &'static str,
    pub prepared: &'static str,
}

impl Words {
    /// The words for a language code: "cy" is Welsh, "en" English.
    pub fn of(lang: &str) -> Option<&'static Words> {
        match lang {
            "en" => Some(&EN),
            "cy" => Some(&CY),
            _ => None,
        }
    }

    /// A day written out: "3 December 2026", "3 Rhagfyr 2026".
    pub fn date(&self, day: Day) -> String {
        let index = usize::from(day.month.clamp(1, 12) - 1);
        format!("{} {} {}", day.day, self.months[index], day.year)
    }
}

const REGULATIONS_EN: &str = "the Public Sector Bodies (Websites and Mobile \
     Applications) (No. 2) Accessibility Regulations 2018";

pub static EN: Words = Words {
    lang: "en",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    skip_link: "Skip to main content",
    language_label: "Language",
    heading: "Accessibility statement for paying {council} by card",
    scope: "This statement is about the pages at {site} where you pay \
            {council} by card: entering your card details, checking them \
            before you pay, and the page that tells you how your payment \
            went. The council's own website has its own statement.",
    runner: "{council} runs this payment service. Its pages are made with \
             paypage, software for council card payments. Everyone who \
             needs to pay should be able to do it here. For example, you \
             should be able to:",
    can_do: &[
        "use the pages in English or Welsh, and switch between them \
         without losing what you have typed",
        "zoom in to 400%, or use a screen 320 pixels wide, without \
         scrolling sideways",
        "change text spacing, colours and fonts in your browser, or use \
         your system's high contrast (forced colours) mode",
        "use every part of the pages with a keyboard alone, and always \
         see where you are",
        "listen to the pages with a screen reader, which reads out \
         errors, the card type found and when your payment is being \
         processed",
        "paste your card details, and keep them when you correct a \
         mistake",
        "check the amount and your card before any money is taken",
        "be warned two minutes before your payment session ends, and ask \
         for more time",
    ],
    how_heading: "How accessible this service is",
    how_intro: "We know of these problems:",
    known_problems: &[
        "Your payment session ends if the page is left for 20 minutes, \
         and a payment can be given more time only 10 times. After that, \
         go back to the council's service and start again: no money is \
         taken for a payment you did not finish.",
        "The pages need JavaScript. If your browser blocks it, you will \
         not see the form: contact the council to pay another way.",
        "Some cards need an extra check by your bank (3-D Secure). These \
         pages cannot show that check yet, so such a card is declined \
         and no money is taken. Try another card, or pay the council \
         another way.",
        "The Welsh text has not yet been checked by a first-language \
         Welsh speaker, so some sentences may read awkwardly.",
    ],
    feedback_heading: "Feedback and contact information",
    feedback_intro: "If you need to pay another way, or need anything on \
                     these pages in a different format such as large \
                     print, audio or braille, contact {council}:",
    email_label: "Email",
    phone_label: "Phone",
    contact_page: "The council's contact page: {contact}",
    no_support: "{council} has not yet given paypage a contact for \
                 accessibility questions. Use the contact details on the \
                 council's own website.",
    what_to_say: "Tell them the address of the page, what you were \
                  trying to do and what went wrong.",
    report_heading: "Reporting accessibility problems with this service",
    report: "We keep working to make these pages easier to use. If you \
             find a problem that is not listed here, or think the pages \
             do not meet the accessibility regulations, contact {council} \
             using the details above.",
    enforcement_heading: "Enforcement procedure",
    enforcement_gb: "The Equality and Human Rights Commission (EHRC) \
                     enforces {regulations} (the accessibility \
                     regulations) in England, Scotland and Wales. If you \
                     are not happy with how {council} answers your \
                     complaint, contact the {eass}.",
    enforcement_ni: "In Northern Ireland, the {ecni} enforces the \
                     accessibility regulations: contact it if you are not \
                     happy with the council's answer.",
    eass: Link {
        text: "Equality Advisory and Support Service (EASS)",
        url: "https://www.equalityadvisoryservice.com/",
    },
    ecni: Link {
        text: "Equality Commission for Northern Ireland (ECNI)",
        url: "https://www.equalityni.org/",
    },
    technical_heading: "Technical information about this service's \
                        accessibility",
    commitment: "{council} is committed to making this service \
                 accessible, as {regulations} require.",
    compliance_heading: "Compliance status",
    partially: "This service is partially compliant with the {wcag} \
                version 2.2 AA standard, because of the non-compliances \
                listed below.",
    fully: "This service is fully compliant with the {wcag} version 2.2 \
            AA standard.",
    unaudited: "This service is partially compliant with the {wcag} \
                version 2.2 AA standard. Our automated tests find no \
                failures, but no person has audited it yet, so we do not \
                claim it is fully compliant.",
    wcag: Link {
        text: "Web Content Accessibility Guidelines (WCAG)",
        url: "https://www.w3.org/TR/WCAG22/",
    },
    non_accessible_heading: "Non-accessible content",
    non_accessible_intro: "The content below does not meet the \
                           accessibility regulations.",
    failures: &[],
    no_failures: "We know of no content here that fails WCAG 2.2 AA. \
                  Automated tests cannot find every kind of failure: if \
                  you find one, contact the council as described above.",
    fails: "This fails WCAG 2.2 success criterion {criterion}.",
    out_of_scope_heading: "What this statement does not cover",
    out_of_scope: &[
        "the council's own website, including the privacy notice and \
         contact pages linked at the bottom of each page",
        "the council's service that sent you here, and the page it \
         shows when you come back",
    ],
    tested_heading: "How we tested this service",
    tested_intro: "This service was last tested on {tested}. paypage's \
                   automated accessibility suite runs in the Chromium \
                   browser on every change. It opens every state of the \
                   page, from entering card details (with each kind of \
                   error) to the outcome, and this statement, in each \
                   council's colours and language, and checks:",
    checks: &[
        "the automated rules of axe for WCAG 2.0, 2.1 and 2.2 at levels \
         A and AA, with no rule turned off",
        "that every field tells the browser what to fill in (1.3.5)",
        "that nothing scrolls sideways at 320 pixels wide or at 400% \
         zoom (1.4.10)",
        "the contrast of field borders, buttons and the focus indicator \
         (1.4.11)",
        "that no text is cut off with wider text spacing (1.4.12)",
        "that every control shows focus, is not hidden behind anything, \
         and comes in a sensible order (2.4.7, 2.4.11)",
        "that every control is at least 24 by 24 pixels (2.5.8)",
        "that errors are named in the page title, listed in a summary \
         and linked to their fields (3.3.1, 3.3.3)",
        "that no money is taken without a confirm step (3.3.4)",
        "that what you typed survives errors and changes, and that \
         pasting works (3.3.7, 3.3.8)",
        "that the card type, progress and errors are announced (4.1.3)",
        "high contrast (forced colours) mode and reduced motion",
        "that what assistive technology reads does not change unnoticed, \
         and that the HTML is valid",
    ],
    limits_intro: "Automated tests cannot show everything. They do not \
                   tell us:",
    limits: &[
        "how the pages sound and feel with a screen reader or speech \
         recognition software",
        "whether the words are clear and easy to follow",
        "how much effort the pages take for people with cognitive or \
         memory impairments",
        "whether the council's logo and its text describe it well",
    ],
    people: "The pages have not yet been tested by disabled people or \
             audited by an accessibility specialist. Until they are, this \
             statement describes what the automated tests show.",
    prepared_heading: "Preparation of this accessibility statement",
    prepared: "This statement was prepared on {prepared}. It was last \
               reviewed on {reviewed}.",
};

const REGULATIONS_CY: &str = "Rheoliadau Hygyrchedd Cyrff y Sector \
     Cyhoeddus (Gwefannau a Chymwysiadau Symudol) (Rhif 2) 2018";

pub static CY: Words = Words {
    lang: "cy",
    months: [
        "Ionawr",
        "Chwefror",
        "Mawrth",
        "Ebrill",
        "Mai",
        "Mehefin",
        "Gorffennaf",
        "Awst",
        "Medi",
        "Hydref",
        "Tachwedd",
        "Rhagfyr",
    ],
    skip_link: "Neidio i'r prif gynnwys",
    language_label: "Iaith",
    heading: "Datganiad hygyrchedd ar gyfer talu {council} â cherdyn",
    scope: "Mae'r datganiad hwn yn ymwneud â'r tudalennau yn {site} lle \
            rydych yn talu {council} â cherdyn: rhoi manylion eich \
            cerdyn, eu gwirio cyn talu, a'r dudalen sy'n dweud sut aeth \
            eich taliad. Mae gan wefan y cyngor ei datganiad ei hun.",
    runner: "{council} sy'n rhedeg y gwasanaeth talu hwn. Gwnaed y \
             tudalennau gyda paypage, meddalwedd ar gyfer taliadau cerdyn \
             cynghorau. Dylai pawb sydd angen talu allu gwneud hynny yma. \
             Er enghraifft, dylech allu:",
    can_do: &[
        "defnyddio'r tudalennau yn Gymraeg neu yn Saesneg, a newid o un \
         i'r llall heb golli'r hyn rydych wedi'i deipio",
        "chwyddo i 400%, neu ddefnyddio sgrin 320 picsel o led, heb \
         sgrolio i'r ochr",
        "newid bylchau'r testun, y lliwiau a'r ffontiau yn eich porwr, \
         neu ddefnyddio modd cyferbyniad uchel (lliwiau gorfodol) eich \
         system",
        "defnyddio pob rhan o'r tudalennau gyda bysellfwrdd yn unig, a \
         gweld bob amser ble rydych chi",
        "gwrando ar y tudalennau gyda darllenydd sgrin, sy'n darllen \
         gwallau, y math o gerdyn a ganfuwyd, a phryd mae eich taliad \
         yn cael ei brosesu",
        "gludo manylion eich cerdyn, a'u cadw pan fyddwch yn cywiro \
         camgymeriad",
        "gwirio'r swm a'ch cerdyn cyn i unrhyw arian gael ei gymryd",
        "cael rhybudd ddau funud cyn i'ch sesiwn dalu ddod i ben, a gofyn \
         am fwy o amser",
    ],
    how_heading: "Pa mor hygyrch yw'r gwasanaeth hwn",
    how_intro: "Rydym yn gwybod am y problemau hyn:",
    known_problems: &[
        "Mae eich sesiwn dalu'n dod i ben os caiff y dudalen ei gadael am \
         20 munud, a dim ond 10 gwaith y gellir rhoi mwy o amser i \
         daliad. Ar ôl hynny, ewch yn ôl at wasanaeth y cyngor a dechrau \
         eto: ni chymerir arian am daliad na wnaethoch ei orffen.",
        "Mae angen JavaScript ar y tudalennau. Os yw eich porwr yn ei \
         rwystro, ni welwch y ffurflen: cysylltwch â'r cyngor i dalu \
         mewn ffordd arall.",
        "Mae rhai cardiau angen gwiriad ychwanegol gan eich banc (3-D \
         Secure). Ni all y tudalennau hyn ddangos y gwiriad hwnnw eto, \
         felly caiff cerdyn o'r fath ei wrthod ac ni chymerir arian. \
         Rhowch gynnig ar gerdyn arall, neu talwch y cyngor mewn ffordd \
         arall.",
        "Nid yw siaradwr Cymraeg iaith gyntaf wedi gwirio'r testun \
         Cymraeg eto, felly gall rhai brawddegau swnio'n chwithig.",
    ],
    feedback_heading: "Adborth a manylion cyswllt",
    feedback_intro: "Os oes angen i chi dalu mewn ffordd arall, neu os oes \
                     angen unrhyw beth ar y tudalennau hyn mewn fformat \
                     gwahanol, fel print bras, sain neu braille, \
                     cysylltwch â'r cyngor:",
    email_label: "E-bost",
    phone_label: "Ffôn",
    contact_page: "Tudalen gyswllt y cyngor: {contact}",
    no_support: "Nid yw {council} wedi rhoi cyswllt i paypage ar gyfer \
                 cwestiynau hygyrchedd eto. Defnyddiwch y manylion \
                 cyswllt ar wefan y cyngor ei hun.",
    what_to_say: "Dywedwch wrthynt beth yw cyfeiriad y dudalen, beth \
                  roeddech yn ceisio'i wneud a beth aeth o'i le.",
    report_heading: "Rhoi gwybod am broblemau hygyrchedd gyda'r \
                     gwasanaeth hwn",
    report: "Rydym yn dal ati i wneud y tudalennau hyn yn haws eu \
             defnyddio. Os dewch o hyd i broblem nad yw wedi'i rhestru \
             yma, neu os ydych yn credu nad yw'r tudalennau'n bodloni'r \
             rheoliadau hygyrchedd, cysylltwch â'r cyngor gan ddefnyddio'r \
             manylion uchod.",
    enforcement_heading: "Y drefn orfodi",
    enforcement_gb: "Y Comisiwn Cydraddoldeb a Hawliau Dynol (EHRC) sy'n \
                     gorfodi {regulations} (y rheoliadau hygyrchedd) yng \
                     Nghymru, Lloegr a'r Alban. Os nad ydych yn fodlon \
                     â'r ffordd y mae {council} yn ateb eich cwyn, \
                     cysylltwch â'r {eass}.",
    enforcement_ni: "Yng Ngogledd Iwerddon, {ecni} sy'n gorfodi'r \
                     rheoliadau hygyrchedd: cysylltwch â'r comisiwn os nad \
                     ydych yn fodlon ag ateb y cyngor.",
    eass: Link {
        text: "Gwasanaeth Cynghori a Chymorth Cydraddoldeb (EASS)",
        url: "https://www.equalityadvisoryservice.com/",
    },
    ecni: Link {
        text: "Comisiwn Cydraddoldeb Gogledd Iwerddon (ECNI)",
        url: "https://www.equalityni.org/",
    },
    technical_heading: "Gwybodaeth dechnegol am hygyrchedd y gwasanaeth \
                        hwn",
    commitment: "Mae {council} wedi ymrwymo i wneud y gwasanaeth hwn yn \
                 hygyrch, fel y mae {regulations} yn ei gwneud yn ofynnol.",
    compliance_heading: "Statws cydymffurfio",
    partially: "Mae'r gwasanaeth hwn yn cydymffurfio'n rhannol â safon AA \
                fersiwn 2.2 y {wcag}, oherwydd yr achosion o beidio â \
                chydymffurfio a restrir isod.",
    fully: "Mae'r gwasanaeth hwn yn cydymffurfio'n llawn â safon AA \
            fersiwn 2.2 y {wcag}.",
    unaudited: "Mae'r gwasanaeth hwn yn cydymffurfio'n rhannol â safon AA \
                fersiwn 2.2 y {wcag}. Nid yw ein profion awtomatig yn dod \
                o hyd i unrhyw fethiant, ond nid oes neb wedi'i archwilio \
                eto, felly nid ydym yn honni ei fod yn cydymffurfio'n \
                llawn.",
    wcag: Link {
        text: "Canllawiau Hygyrchedd Cynnwys y We (WCAG)",
        url: "https://www.w3.org/TR/WCAG22/",
    },
    non_accessible_heading: "Cynnwys nad yw'n hygyrch",
    non_accessible_intro: "Nid yw'r cynnwys isod yn bodloni'r rheoliadau \
                           hygyrchedd.",
    failures: &[],
    no_failures: "Nid ydym yn gwybod am unrhyw gynnwys yma sy'n methu WCAG \
                  2.2 AA. Ni all profion awtomatig ddod o hyd i bob math o \
                  fethiant: os dewch o hyd i un, cysylltwch â'r cyngor fel \
                  y disgrifir uchod.",
    fails: "Mae hyn yn methu maen prawf llwyddiant {criterion} WCAG 2.2.",
    out_of_scope_heading: "Beth nad yw'r datganiad hwn yn ei gynnwys",
    out_of_scope: &[
        "gwefan y cyngor ei hun, gan gynnwys yr hysbysiad preifatrwydd \
         a'r tudalennau cyswllt y mae dolenni iddynt ar waelod pob \
         tudalen",
        "gwasanaeth y cyngor a'ch anfonodd yma, a'r dudalen y mae'n ei \
         dangos pan fyddwch yn dychwelyd",
    ],
    tested_heading: "Sut y profwyd y gwasanaeth hwn",
    tested_intro: "Profwyd y gwasanaeth hwn ddiwethaf ar {tested}. Mae \
                   cyfres profion hygyrchedd awtomatig paypage yn rhedeg \
                   ym mhorwr Chromium ar bob newid. Mae'n agor pob cyflwr \
                   o'r dudalen, o roi manylion y cerdyn (gyda phob math o \
                   wall) hyd at y canlyniad, a'r datganiad hwn, yn lliwiau \
                   ac iaith pob cyngor, ac yn gwirio:",
    checks: &[
        "rheolau awtomatig axe ar gyfer WCAG 2.0, 2.1 a 2.2 ar lefelau A \
         ac AA, heb ddiffodd yr un rheol",
        "bod pob maes yn dweud wrth y porwr beth i'w lenwi (1.3.5)",
        "nad oes dim yn sgrolio i'r ochr ar 320 picsel o led nac wrth \
         chwyddo i 400% (1.4.10)",
        "cyferbyniad ymylon y meysydd, y botymau a'r dangosydd ffocws \
         (1.4.11)",
        "nad oes testun yn cael ei dorri gyda bylchau testun ehangach \
         (1.4.12)",
        "bod pob rheolydd yn dangos y ffocws, heb ei guddio y tu ôl i \
         ddim, a'u bod mewn trefn synhwyrol (2.4.7, 2.4.11)",
        "bod pob rheolydd o leiaf 24 wrth 24 picsel (2.5.8)",
        "bod gwallau'n cael eu henwi yn nheitl y dudalen, eu rhestru \
         mewn crynodeb a'u cysylltu â'u meysydd (3.3.1, 3.3.3)",
        "na chymerir arian heb gam cadarnhau (3.3.4)",
        "bod yr hyn a deipiwyd gennych yn aros ar ôl gwallau a newidiadau, \
         a bod gludo'n gweithio (3.3.7, 3.3.8)",
        "bod y math o gerdyn, y cynnydd a gwallau'n cael eu cyhoeddi \
         (4.1.3)",
        "modd cyferbyniad uchel (lliwiau gorfodol) a llai o symud",
        "nad yw'r hyn y mae technoleg gynorthwyol yn ei ddarllen yn newid \
         heb i neb sylwi, a bod yr HTML yn ddilys",
    ],
    limits_intro: "Ni all profion awtomatig ddangos popeth. Nid ydynt yn \
                   dweud wrthym:",
    limits: &[
        "sut mae'r tudalennau'n swnio ac yn teimlo gyda darllenydd sgrin \
         neu feddalwedd adnabod lleferydd",
        "a yw'r geiriau'n glir ac yn hawdd eu dilyn",
        "faint o ymdrech y mae'r tudalennau'n ei gofyn gan bobl â nam \
         gwybyddol neu nam ar y cof",
        "a yw logo'r cyngor a'i destun yn ei ddisgrifio'n dda",
    ],
    people: "Nid yw pobl anabl wedi profi'r tudalennau eto, ac nid yw \
             arbenigwr hygyrchedd wedi'u harchwilio. Hyd nes y gwneir \
             hynny, mae'r datganiad hwn yn disgrifio'r hyn y mae'r \
             profion awtomatig yn ei ddangos.",
    prepared_heading: "Paratoi'r datganiad hygyrchedd hwn",
    prepared: "Paratowyd y datganiad hwn ar {prepared}. Fe'i hadolygwyd \
               ddiwethaf ar {reviewed}.",
};

/// The regulations' full name in a language, for `{regulations}`.
pub fn regulations(lang: &str) -> &'static str {
    if lang == "cy" {
        REGULATIONS_CY
    } else {
        REGULATIONS_EN
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list has as many items in Welsh as in English, so neither
    /// language's readers miss a point the other's get.
    #[test]
    fn both_languages_list_the_same_number_of_points() {
        let lists = |w: &Words| {
            [
                w.can_do.len(),
                w.known_problems.len(),
                w.failures.len(),
                w.out_of_scope.len(),
                w.checks.len(),
                w.limits.len(),
            ]
        };
        assert_eq!(lists(&EN), lists(&CY));
        let criteria = |w: &Words| -> Vec<&str> {
            w.failures.iter().map(|f| f.criterion).collect()
        };
        assert_eq!(criteria(&EN), criteria(&CY));
    }

    #[test]
    fn dates_are_written_out_in_each_language() {
        let day = Day {
            year: 2026,
            month: 5,
            day: 14,
        };
        assert_eq!(EN.date(day), "14 May 2026");
        assert_eq!(CY.date(day), "14 Mai 2026");
    }

    #[test]
    fn the_statement_is_reviewed_no_earlier_than_it_was_prepared() {
        let key = |d: Day| (d.year, d.month, d.day);
        assert!(key(REVIEWED) >= key(PREPARED));
    }

    /// The user-facing text rules of STYLE.md apply here too.
    #[test]
    fn no_sentence_says_invalid_please_or_sorry() {
        for words in [&EN, &CY] {
            let all = format!("{words:?}").to_lowercase();
            for banned in ["invalid", "please", "sorry"] {
                assert!(!all.contains(banned), "{} says {banned}", words.lang);
            }
        }
    }
}
