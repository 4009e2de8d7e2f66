//! Reply splitting per mail client and language: the same reply quoted the
//! way Gmail, Outlook, Apple Mail, Thunderbird, Evolution and a help desk do
//! it must give the same greeting, body, closing and customer text.

use crate::{field, fixture, show_json};

/// What `bingo show` must find in one fixture.
struct Parts {
    greeting: &'static str,
    body: &'static str,
    closing: &'static str,
    signature: &'static str,
    customer: &'static str,
}

const FI: Parts = Parts {
    greeting: "Hei Anna,",
    body: "Retkikassi 30 L lähti tänään Postin kuljetuksessa. Seurantakoodi tulee\n\
           sinulle tekstiviestinä.\n\n\
           Palautusaikaa on 30 päivää, joten ehdit hyvin kokeilla kassia.",
    closing: "Ystävällisin terveisin",
    signature: "Mikko Laine\nKesäkassi, asiakaspalvelu",
    customer: "Hei,\n\n\
               tilasin Retkikassin 30 L viime viikolla (tilaus 48213). Onko se jo lähtenyt?\n\
               Entä kuinka pitkä palautusaika teillä on?\n\n\
               Terveisin",
};

const EN: Parts = Parts {
    greeting: "Hi Emma,",
    body: "Your Trail Bag 30 L left our warehouse today. The tracking code is on its\n\
           way to you by text message.\n\n\
           You have 30 days to return it, so there is plenty of time to try it out.",
    closing: "Kind regards",
    signature: "Mikko Laine\nKesäkassi customer service",
    customer: "Hello,\n\n\
               I ordered the Trail Bag 30 L last week (order 48213). Has it shipped yet?\n\
               Also, how long is your return period?\n\n\
               Thanks,",
};

const SV: Parts = Parts {
    greeting: "Hej Karin,",
    body: "Din Vandringsväska 30 L skickades i dag med Posti. Spårningskoden kommer\n\
           till dig som sms.\n\n\
           Du har 30 dagars returrätt, så du hinner prova väskan i lugn och ro.",
    closing: "Med vänliga hälsningar",
    signature: "Mikko Laine\nKesäkassi kundtjänst",
    customer: "Hej,\n\n\
               jag beställde Vandringsväskan 30 L förra veckan (order 48213). Har den skickats än?\n\
               Hur lång är er returrätt?\n\n\
               Vänliga hälsningar",
};

/// Runs `bingo show` on `quotes/<file>` and compares every part.
fn check(file: &str, expected: &Parts) -> serde_json::Value {
    let path = fixture(&format!("mail/quotes/{file}"));
    let message = show_json([&path]).assert_code(0).message();
    assert_eq!(field(&message, "greeting"), expected.greeting, "{file}");
    assert_eq!(field(&message, "body"), expected.body, "{file}");
    assert_eq!(field(&message, "closing"), expected.closing, "{file}");
    assert_eq!(field(&message, "signature"), expected.signature, "{file}");
    assert_eq!(
        field(&message, "customer_text"),
        expected.customer,
        "{file}"
    );
    assert_eq!(field(&message, "language"), &file[..2], "{file}");
    message
}

macro_rules! quote_styles {
    ($($(#[$attr:meta])* $name:ident: $file:literal => $expected:expr;)*) => {
        $(
            $(#[$attr])*
            #[test]
            fn $name() {
                check($file, &$expected);
            }
        )*
    };
}

quote_styles! {
    fi_gmail: "fi/gmail.eml" => FI;
    fi_outlook_desktop: "fi/outlook.eml" => FI;
    fi_outlook_web: "fi/outlook-web.eml" => FI;
    fi_apple_mail: "fi/apple.eml" => FI;
    fi_thunderbird: "fi/thunderbird.eml" => FI;
    fi_evolution: "fi/evolution.eml" => FI;
    fi_bottom_posted: "fi/bottom-posted.eml" => FI;
    en_gmail: "en/gmail.eml" => EN;
    en_outlook_desktop_original_message: "en/outlook.eml" => EN;
    en_outlook_web: "en/outlook-web.eml" => EN;
    en_apple_mail: "en/apple.eml" => EN;
    en_thunderbird: "en/thunderbird.eml" => EN;
    en_evolution: "en/evolution.eml" => EN;
    sv_gmail: "sv/gmail.eml" => SV;
    sv_outlook_desktop_original_message: "sv/outlook.eml" => SV;
    sv_outlook_web: "sv/outlook-web.eml" => SV;
    sv_apple_mail: "sv/apple.eml" => SV;
    sv_thunderbird: "sv/thunderbird.eml" => SV;
    sv_evolution: "sv/evolution.eml" => SV;
}

#[test]
fn outlook_header_blocks_are_quoted_not_body() {
    for (file, field_name) in [
        ("fi/outlook.eml", "Lähettäjä:"),
        ("en/outlook.eml", "-----Original Message-----"),
        ("sv/outlook.eml", "-----Ursprungligt meddelande-----"),
        ("fi/outlook-web.eml", "________________________________"),
    ] {
        let message = show_json([fixture(&format!("mail/quotes/{file}"))]).message();
        assert!(
            field(&message, "quoted").starts_with(field_name),
            "{file}: {}",
            field(&message, "quoted")
        );
    }
}

/// The help desk's "type your reply above this line" banner opens the
/// reply; the greeting follows it.
#[test]
fn help_desk_banner_before_the_greeting() {
    for (file, banner, expected) in [
        (
            "fi/helpdesk.eml",
            "##- Kirjoita vastauksesi tämän rivin yläpuolelle -##",
            FI,
        ),
        (
            "en/helpdesk.eml",
            "##- Please type your reply above this line -##",
            EN,
        ),
        (
            "sv/helpdesk.eml",
            "##- Skriv ditt svar ovanför denna rad -##",
            SV,
        ),
    ] {
        let message = show_json([fixture(&format!("mail/quotes/{file}"))]).message();
        assert_eq!(
            field(&message, "greeting"),
            format!("{banner}\n\n{}", expected.greeting),
            "{file}"
        );
        assert_eq!(field(&message, "body"), expected.body, "{file}");
        assert_eq!(field(&message, "closing"), expected.closing, "{file}");
        assert_eq!(
            field(&message, "customer_text"),
            expected.customer,
            "{file}"
        );
    }
}

/// A forwarded block is never the agent's own text.
#[test]
fn forwarded_blocks() {
    for (file, greeting, body, separator, customer) in [
        (
            "fi/forward.eml",
            "Hei Anna,",
            "välitin viestisi varastolle, ja he tarkistavat Retkikassisi saumat\n\
             huomenna. Saat vastauksen meiltä viimeistään torstaina.",
            "---------- Välitetty viesti ---------",
            "Hei,\n\nRetkikassin olkahihnan sauma ratkesi jo ensimmäisellä retkellä. Voinko saada\n\
             uuden kassin tilalle?\n\nTerveisin",
        ),
        (
            "en/forward.eml",
            "Hi Emma,",
            "I have forwarded your message to our warehouse, and they will check the\n\
             seams of your Trail Bag tomorrow. You will hear from us by Thursday.",
            "---------- Forwarded message ---------",
            "Hello,\n\nThe shoulder strap seam of my Trail Bag came apart on the very first hike.\n\
             Could I get a new bag instead?\n\nThanks,",
        ),
        (
            "sv/forward.eml",
            "Hej Karin,",
            "jag har skickat ditt meddelande vidare till vårt lager, och de kontrollerar\n\
             sömmarna på din Vandringsväska i morgon. Du hör av oss senast på torsdag.",
            "---------- Vidarebefordrat meddelande ---------",
            "Hej,\n\nsömmen på axelremmen gick upp redan på första vandringen. Kan jag få en ny\n\
             väska i stället?\n\nVänliga hälsningar",
        ),
    ] {
        let message = show_json([fixture(&format!("mail/quotes/{file}"))]).message();
        assert_eq!(field(&message, "greeting"), greeting, "{file}");
        assert_eq!(field(&message, "body"), body, "{file}");
        assert!(
            field(&message, "quoted").starts_with(separator),
            "{file}: {}",
            field(&message, "quoted")
        );
        assert_eq!(field(&message, "customer_text"), customer, "{file}");
    }
}

#[test]
fn signature_after_dash_dash_line() {
    for (file, expected) in [
        ("fi/signature-dashes.eml", FI),
        ("en/signature-dashes.eml", EN),
        ("sv/signature-dashes.eml", SV),
    ] {
        let message = show_json([fixture(&format!("mail/quotes/{file}"))]).message();
        assert_eq!(field(&message, "greeting"), expected.greeting, "{file}");
        assert_eq!(field(&message, "body"), expected.body, "{file}");
        assert_eq!(field(&message, "closing"), expected.closing, "{file}");
        assert_eq!(
            field(&message, "signature"),
            "Mikko\n--\nMikko Laine\nKesäkassi Oy | www.kesakassi.example",
            "{file}"
        );
        assert_eq!(
            field(&message, "customer_text"),
            expected.customer,
            "{file}"
        );
    }
}

#[test]
fn signature_from_a_phone() {
    for (file, greeting, body, closing, device, customer) in [
        (
            "fi/signature-mobile.eml",
            "Hei Anna,",
            "kyllä, ehdit vielä vaihtaa kassin värin. Vaihdoin tilauksen oliivinvihreäksi.",
            "Terveisin Mikko",
            "Lähetetty iPhonesta",
            "Hei! Ehdinkö vielä vaihtaa tilaamani kassin värin oliivinvihreäksi?",
        ),
        (
            "en/signature-mobile.eml",
            "Hi Emma,",
            "yes, you can still change the colour. I switched your order to olive green.",
            "Cheers, Mikko",
            "Sent from my iPhone",
            "Hi! Can I still change the colour of my bag to olive green?",
        ),
        (
            "sv/signature-mobile.eml",
            "Hej Karin,",
            "ja, du hinner fortfarande byta färg. Jag ändrade din order till olivgrön.",
            "Hälsningar Mikko",
            "Skickat från min iPhone",
            "Hej! Hinner jag byta färg på väskan till olivgrön?",
        ),
    ] {
        let message = show_json([fixture(&format!("mail/quotes/{file}"))]).message();
        assert_eq!(field(&message, "greeting"), greeting, "{file}");
        assert_eq!(field(&message, "body"), body, "{file}");
        assert_eq!(field(&message, "closing"), closing, "{file}");
        assert_eq!(field(&message, "signature"), device, "{file}");
        assert_eq!(field(&message, "customer_text"), customer, "{file}");
    }
}

/// Name, title and phone under the text, with no sign-off line: all
/// signature, no closing.
#[test]
fn signature_block_without_a_sign_off() {
    for (file, expected, title) in [
        (
            "fi/signature-block.eml",
            FI,
            "Asiakaspalveluvastaava | Kesäkassi Oy",
        ),
        (
            "en/signature-block.eml",
            EN,
            "Customer Service Lead | Kesäkassi Oy",
        ),
        (
            "sv/signature-block.eml",
            SV,
            "Kundtjänstansvarig | Kesäkassi Oy",
        ),
    ] {
        let message = show_json([fixture(&format!("mail/quotes/{file}"))]).message();
        assert_eq!(field(&message, "greeting"), expected.greeting, "{file}");
        assert_eq!(field(&message, "body"), expected.body, "{file}");
        assert_eq!(field(&message, "closing"), "", "{file}");
        assert_eq!(
            field(&message, "signature"),
            format!("Mikko Laine\n{title}\n+358 40 123 4567"),
            "{file}"
        );
        assert_eq!(
            field(&message, "customer_text"),
            expected.customer,
            "{file}"
        );
    }
}

/// Answers written between the quoted questions are the agent's; the
/// questions are the customer's.
#[test]
fn interleaved_answers() {
    let message = show_json([fixture("mail/quotes/en/interleaved.eml")]).message();
    assert_eq!(field(&message, "greeting"), "Hi Emma,");
    let body = field(&message, "body");
    assert!(
        body.starts_with("Yes, it left our warehouse today."),
        "{body}"
    );
    assert!(body.ends_with("30 days from delivery."), "{body}");
    assert!(!body.contains("Has it shipped"), "{body}");
    assert!(!body.contains('>'), "{body}");
    assert_eq!(field(&message, "closing"), "Kind regards");
    assert_eq!(field(&message, "signature"), "Mikko Laine");
    let customer = field(&message, "customer_text");
    assert!(customer.contains("Has it shipped yet?"), "{customer}");
    assert!(
        customer.contains("Also, how long is your return period?"),
        "{customer}"
    );
    assert!(!customer.contains("30 days from delivery"), "{customer}");
}

/// The JSON report of `bingo check --isolated` on one file: its message.
fn checked(file: &std::path::Path) -> serde_json::Value {
    let out = crate::run([
        "check".as_ref(),
        "--isolated".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        file.as_os_str(),
    ]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    json["messages"][0].clone()
}

/// A forwarded note above the customer's quote ("Alla tukkurin viesti…"):
/// the customer is the one the reply is sent to, not the note's sender.
#[test]
fn a_forwarded_note_above_the_customers_quote() {
    let file = fixture("mail/quotes/fi/forward-note.eml");
    let message = &checked(&file);
    // Named by the customer's sign-off, and every question answered.
    assert_eq!(message["squares"]["greeting"], 0, "{message}");
    assert_eq!(message["squares"]["questions"], 0, "{message}");
    let shown = show_json([file]).message();
    assert!(
        field(&shown, "customer_text").starts_with("Moi, onko pyörä jo valmis?"),
        "{shown}"
    );
}

/// A colleague's note forwarded above the customer's quote, whose
/// attribution gives no address: the note's sender writes from the agent's
/// own domain, so the customer is the one quoted inside it.
#[test]
fn a_colleagues_note_above_the_customers_quote() {
    let file = fixture("mail/quotes/fi/forward-colleague.eml");
    let shown = show_json([&file]).message();
    assert!(
        field(&shown, "customer_text").starts_with("Arvoisa kirjaston henkilökunta"),
        "{shown}"
    );
    let message = &checked(&file);
    // Greeted by name, a formal customer answered formally, the question answered.
    assert_eq!(message["squares"]["greeting"], 0, "{message}");
    assert_eq!(message["squares"]["questions"], 0, "{message}");
}
