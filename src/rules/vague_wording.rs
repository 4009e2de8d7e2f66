//! `vague-wording`: "the product" / "palvelu" without ever naming it, or the
//! reader spoken of in the third person.

use std::ops::Range;

use super::{Context, Finding, Rule, RuleDoc, Square, Text};
use crate::lang::lexicon::Lexicon;
use crate::lang::text::{blanked, lowercase, sentences, without_addresses, word_spans};

#[derive(Debug)]
pub struct VagueWording;

static DOC: RuleDoc = RuleDoc {
    summary: Text {
        en: "Talks about \"the product\" or \"the customer\" instead of the thing and the person",
        fi: "Puhuu \"tuotteesta\" tai \"asiakkaasta\" eikä asiasta ja ihmisestä",
    },
    what: Text {
        en: "A reply that speaks of \"tuote\"/\"palvelu\" (any inflection), \"the product/service\", \"produkten/tjänsten\" and never names the thing; or that speaks of the reader in the third person (\"asiakas voi…\", \"the customer must…\", \"kunden kan…\"). Compounds that name something (\"asiakaspalvelu\", \"tuotenumero\") and a generic word next to the real name (\"Kesäkassi-tuotteen\") are fine. Names come from the config's `products` and from the customer's own message.",
        fi: "Vastaus puhuu \"tuotteesta\" tai \"palvelusta\" (missä tahansa muodossa) nimeämättä sitä kertaakaan, tai puhuu lukijasta kolmannessa persoonassa (\"asiakas voi…\", \"asiakkaan tulee…\"). Yhdyssanat (\"asiakaspalvelu\", \"tuotenumero\") ja yleissana nimen vieressä (\"Kesäkassi-tuotteen\") eivät ole epämääräisiä. Nimet tulevat asetusten `products`-listasta ja asiakkaan omasta viestistä.",
    },
    why: Text {
        en: "The customer asked about their bag, not about \"the product\". Generic words show that the text was written for everybody, and the third person talks about the reader instead of to them.",
        fi: "Asiakas kysyi laukustaan, ei \"tuotteesta\". Yleissanat paljastavat, että teksti on kirjoitettu kaikille, ja kolmas persoona puhuu lukijasta eikä hänelle.",
    },
    bad: &[
        "Tuotteen voi palauttaa 30 päivän kuluessa.",
        "Asiakas voi palauttaa ostoksensa 30 päivän kuluessa.",
        "The product can be returned within 30 days.",
    ],
    good: &[
        "Kesäkassin voit palauttaa 30 päivän kuluessa.",
        "You can return the Summer Tote within 30 days.",
        "Sommarväskan kan returneras inom 30 dagar.",
    ],
};

/// Names the customer used for the thing: capitalised words that do not
/// start a sentence, words with digits (model codes), quoted names and
/// hyphenated compounds.
fn customer_product_names(lex: &Lexicon, customer: &str) -> Vec<String> {
    let mut names = Vec::new();
    for sentence in sentences(customer) {
        let text = &customer[sentence];
        let words = word_spans(text);
        let capital = |w: &str| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).any(char::is_lowercase)
        };
        // "Kotikassi Perhe -tilaukseni", "Oma Linja -palveluun": the
        // capitalised words before a spaced hyphen name the thing in every
        // language. Found from the end, once for each run of them.
        let mut before_head = vec![false; words.len()];
        for i in (0..words.len()).rev() {
            let (span, word) = &words[i];
            before_head[i] = capital(word)
                && match words.get(i + 1) {
                    Some((_, next)) if capital(next) => before_head[i + 1],
                    _ => text[span.end..].starts_with(" -"),
                };
        }
        for (i, (_, word)) in words.iter().enumerate() {
            let word = *word;
            let lower = word.to_lowercase();
            let street = lex
                .street_endings
                .iter()
                .any(|e| lower.ends_with(e.as_str()))
                || lex.streets.contains(&lower)
                || words.get(i + 1).is_some_and(|(_, next)| {
                    let next = next.to_lowercase();
                    // "Orvokin verkkokaupasta", "the Northgate shop": a
                    // shop, not the thing.
                    lex.streets.contains(&next)
                        || lex.place_heads.iter().any(|h| next.starts_with(h.as_str()))
                });
            if street {
                continue;
            }
            let capitalised = capital(word);
            let code = is_model_code(word);
            // "Ecco-skorna" names a thing, "100-48817" is an order number.
            let hyphenated = word.contains('-') && word.chars().any(char::is_alphabetic);
            if (capitalised && i > 0 && lex.capitalised_names)
                || before_head[i]
                || code
                || hyphenated
            {
                // "Ekby-butiken", "Kamppi-myymälä": a place, not a product.
                let head = lower.rsplit('-').next().unwrap_or_default();
                if lex.place_heads.iter().any(|h| head.starts_with(h.as_str())) {
                    continue;
                }
                names.push(lower);
                // "Rantapyyhe-paketin": the modifier is the name.
                let parts: Vec<&str> = word.split('-').collect();
                for part in &parts[..parts.len() - 1] {
                    if part.chars().count() >= 3 {
                        names.push(part.to_lowercase());
                    }
                }
            }
        }
        for quoted in text.split(['"', '“', '”', '»', '«']).skip(1).step_by(2) {
            let quoted = quoted.trim();
            if !quoted.is_empty() && quoted.len() < 60 {
                names.push(quoted.to_lowercase());
            }
        }
    }
    names
}

/// Does the reply name a model itself: a code of letters and digits
/// ("Ilona 3-sits", "Kelo S2", "HW-180")? Long codes and codes of five
/// digits or more are tracking, order or case numbers ("VK-20931"); times,
/// sizes and amounts are no names, and neither is a password or a code
/// given after its cue ("salasana Muutto26").
fn names_itself(lex: &Lexicon, body: &str, secrets: &[Range<usize>]) -> bool {
    let words = word_spans(body);
    let after_cue = |i: usize| {
        let span = &words[i].0;
        if secrets
            .iter()
            .any(|s| s.start < span.end && span.start < s.end)
        {
            return true;
        }
        let from = words[i.saturating_sub(3)].0.start;
        let window = &body[from..span.start];
        let line = window.rsplit('\n').next().unwrap_or_default();
        lex.password.as_ref().is_some_and(|re| re.is_match(line))
    };
    // "koodilla LANKA10", "use code SPRING10": a discount code.
    let after_code_word = |i: usize| {
        words[i.saturating_sub(2)..i].iter().any(|(_, w)| {
            let w = lowercase(w);
            lex.code_words.iter().any(|c| w.contains(c.as_str()))
        })
    };
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    words.iter().enumerate().any(|(i, (span, word))| {
        // A model is written with a capital, or after its capitalised name
        // ("Ilona 3-sits"); "kk-2291" is a user name, also after its
        // capitalised label ("Käyttäjätunnus: kk-2291").
        let capital = word.chars().any(char::is_uppercase)
            || i.checked_sub(1).is_some_and(|j| {
                capitalised(words[j].1) && body[words[j].0.end..span.start].trim().is_empty()
            });
        // A password given after its cue names nothing ("salasana
        // Muutto26", "salasanan: Ojala-Helmi-7").
        if after_cue(i) {
            return false;
        }
        if is_model_code(word) && capital {
            return !after_code_word(i);
        }
        // "Kesäkassi-tuotteen", "Oma Kallio -palveluun", "Polku 3
        // -palvelun": a name joined to the generic word names the thing the
        // generic word stands for later ("…palvelu pyytää vaihtamaan").
        // Not a brand written with a hyphen ("Pro-Ject"), nor an
        // abbreviation ("PIN-koodi").
        let generic = |w: &str| {
            lex.generic_word
                .as_ref()
                .is_some_and(|g| g.is_match(&w.to_lowercase()))
        };
        let joined = word.split_once('-').is_some_and(|(name, head)| {
            let proper = capitalised(name) && name.chars().skip(1).all(char::is_lowercase);
            proper && name.chars().count() >= 3 && generic(head)
        });
        let Some(head) = body[span.end..].strip_prefix(" -").map(|after| {
            after
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or_default()
                .to_lowercase()
        }) else {
            return joined;
        };
        let suffixed =
            (capitalised(word) || word.chars().all(|c| c.is_ascii_digit())) && generic(&head);
        // "Muumipappa ja meri -kirjasi": a title of up to four words,
        // joined to a noun that is no page or place ("Oma tili -sivulla",
        // "Kamppi -myymälässä"), names the thing.
        let titled = !head.is_empty()
            && !lex.place_heads.iter().any(|h| head.starts_with(h.as_str()))
            && words[i.saturating_sub(3)..=i].iter().any(|(s, w)| {
                capitalised(w)
                    && body[s.start..span.end]
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == ' ')
            });
        joined || suffixed || titled
    })
}

/// Do `words` end in a determiner, or in a determiner and a modifier on
/// the same line ("the requested")? A determiner that also points back
/// on its own takes no modifier: "note that unclaimed items" is a clause.
fn after_determiner(lex: &Lexicon, text: &str, words: &[(Range<usize>, &str)]) -> bool {
    let Some(((_, last), rest)) = words.split_last() else {
        return false;
    };
    let last = last.to_lowercase();
    if lex.determiners.contains(&last) {
        return true;
    }
    let Some((before_span, before)) = rest.last() else {
        return false;
    };
    let before = before.to_lowercase();
    let gap = &text[before_span.end..words[words.len() - 1].0.start];
    let modifier = lex.modifiers.contains(&last)
        || lex
            .modifier_endings
            .iter()
            .any(|e| last.ends_with(e.as_str()));
    modifier
        && lex.determiners.contains(&before)
        && !lex.questions.pointers.contains(&before)
        && gap.trim().is_empty()
        && !gap.contains('\n')
}

/// Do the words from a name on (`words[0]` is its first) end, within four
/// words, in a spaced hyphen and a noun that is not a generic word: the
/// name of a page, a section or a place ("Omat tilaukset -kohdassa",
/// "Mina sidor -fliken"), not of the thing?
fn names_a_part(lex: &Lexicon, text: &str, words: &[(Range<usize>, &str)]) -> bool {
    words.iter().take(4).any(|(span, _)| {
        text[span.end..].strip_prefix(" -").is_some_and(|after| {
            let head = after
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or_default()
                .to_lowercase();
            !head.is_empty() && !lex.generic_word.as_ref().is_some_and(|g| g.is_match(&head))
        })
    })
}

/// Does `after` (the text right after a generic word) open with a list of
/// the things it stands for, set off by commas ("…tuotteet, kevytmaidon
/// (1 l) ja ruisleivän, yhteensä", "…produkterna, grädden och de två
/// paprikorna, har jag")? Not a clause ("tuotteet, jotka tilasit ja
/// maksoit, lähetetään").
fn listed_after(lex: &Lexicon, after: &str) -> bool {
    let Some(rest) = after.strip_prefix(", ") else {
        return false;
    };
    let Some(end) = rest.find([',', '.', ';', '\n']) else {
        return false;
    };
    let (list, stop) = (&rest[..end], rest[end..].starts_with(','));
    let words: Vec<String> = list
        .split_whitespace()
        .map(|w| lowercase(w).into_owned())
        .collect();
    stop && words.len() <= 8
        && words
            .first()
            .is_some_and(|w| !lex.clause_openers.contains(w))
        && words[1..].iter().any(|w| lex.list_joiners.contains(w))
}

/// A model code: letters and one to four digits, eight characters at most
/// ("3-sits", "S2", "HW-180", "X100"). Not a longer order, case or
/// tracking number ("VK-20931", "100-48817"), and not an amount, a size or
/// a time with a short unit ("30cm", "2kk", "5pv").
fn is_model_code(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let digits = word.chars().filter(char::is_ascii_digit).count();
    letters >= 1
        && (1..=4).contains(&digits)
        && word.chars().count() <= 8
        && !word
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .chars()
            .all(|c| c.is_lowercase() && letters <= 3)
}

/// Does the reply (its lower-case text and words) mention `name`, inflected
/// or not? A name of several words or with other signs must stand as it is
/// ("pro-ject", "oma linja"), but for the ending of a long last part after
/// a hyphen ("a2-julistetta" in "a2-julisteet"); a one-word name may open a
/// word of the reply by its stem ("kesäkassi" in "kesäkassisi", "perhe" in "perheen"), and a
/// short one may take only a short ending ("ecco" in "eccon", not "pro" in
/// "produkten").
fn mentions(own_words: &[&str], lower_own: &str, name: &str) -> bool {
    // "A2-julistetta" -> "A2-julisteet": a hyphenated name inflects its
    // last part, and the Finnish endings it takes are often three letters.
    if let Some((head, last)) = name.rsplit_once('-') {
        let length = last.chars().count();
        if length >= 6 && last.chars().all(char::is_alphabetic) {
            let stem: String = last.chars().take(length - 3).collect();
            return lower_own.contains(&format!("{head}-{stem}"));
        }
    }
    if !name.chars().all(char::is_alphanumeric) {
        return lower_own.contains(name);
    }
    let length = name.chars().count();
    if length < 5 {
        return own_words
            .iter()
            .any(|w| w.starts_with(name) && w.chars().count() <= length + 3);
    }
    let stem: String = name.chars().take((length - 2).max(4)).collect();
    own_words.iter().any(|w| w.starts_with(&stem))
}

impl VagueWording {
    fn names_the_thing(ctx: &Context, own: &str) -> bool {
        // The shop's web address or e-mail is not the thing's name.
        let lower_own = without_addresses(own).to_lowercase();
        let lower_own = lower_own.as_str();
        let people: Vec<String> = ctx
            .customer_names
            .iter()
            .flat_map(|n| n.split_whitespace())
            .map(str::to_lowercase)
            .collect();
        let configured = ctx
            .products
            .iter()
            .map(|p| p.to_lowercase())
            .filter(|p| !p.is_empty());
        let from_customer = ctx
            .customer
            .map(|c| customer_product_names(ctx.lex, c))
            .unwrap_or_default();
        let own_words: Vec<&str> = lower_own
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        configured
            .chain(from_customer.into_iter().filter(|n| {
                // "Thursday", "maaliskuussa": a day or a month, not a thing;
                // "Your team", "Teille": a pronoun written with a capital.
                n.chars().count() >= 3
                    && !people.contains(n)
                    && !ctx.lex.questions.time_words.is_match(n)
                    && !ctx.lex.stopwords.contains(n.as_str())
                    && !ctx
                        .lex
                        .formal_address
                        .as_ref()
                        .is_some_and(|f| f.is_match(n))
            }))
            .any(|name| mentions(&own_words, lower_own, &name))
    }
}

impl Rule for VagueWording {
    fn id(&self) -> &'static str {
        "vague-wording"
    }
    fn square(&self) -> Option<Square> {
        Some(Square::Vague)
    }
    fn points(&self) -> u8 {
        1
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let reply = ctx.reply;
        let own = &reply.own;
        // The greeting is a salutation ("Hyvä asiakas"), not third person.
        let from = reply.greeting.end;
        if let Some(re) = &ctx.lex.third_person {
            if let Some(m) = re.find_at(own, from) {
                out.push(ctx.finding(
                    self,
                    m.range(),
                    format!("speaks of the reader in the third person: “{}” / puhuu lukijasta kolmannessa persoonassa", m.as_str()),
                ));
                return;
            }
        }
        let Some(generic) = &ctx.lex.generic_word else {
            return;
        };
        let words = word_spans(own);
        // "Vi står gärna till tjänst", "always at your service": set
        // phrases, where the generic word is no noun for the thing.
        let idioms: Vec<Range<usize>> = ctx
            .lex
            .idioms
            .find_all(own)
            .into_iter()
            .map(|m| m.range)
            .collect();
        let mut first_vague = None;
        for (i, (span, word)) in words.iter().enumerate() {
            if span.start < from {
                continue;
            }
            let lower = word.to_lowercase();
            if !generic.is_match(&lower) {
                continue;
            }
            if !ctx.lex.determiners.is_empty() && !after_determiner(ctx.lex, own, &words[..i]) {
                continue;
            }
            if idioms
                .iter()
                .any(|r| r.start <= span.start && span.end <= r.end)
            {
                continue;
            }
            // "tuote {{ product.name }}": a placeholder names it.
            if own[span.end..]
                .trim_start()
                .starts_with(['{', '[', '%', '$', '<'])
            {
                continue;
            }
            // "puuttuneet tuotteet, kevytmaidon ja ruisleivän, …": the
            // things listed right after it.
            if listed_after(ctx.lex, &own[span.end..]) {
                continue;
            }
            let next = words.get(i + 1);
            let gap = next.map(|(s, _)| &own[span.end..s.start]);
            let adjacent = gap.is_some_and(|g| g.trim().is_empty() && !g.contains('\n'));
            if let (Some((_, next_word)), true) = (next, adjacent) {
                let lower_next = next_word.to_lowercase();
                // "tuotenumero", "product page": part of a specific name.
                if ctx.lex.compound_heads.contains(&lower_next) {
                    continue;
                }
                // "tuote X-100", "palvelu Kesäkassi": named right there.
                // Not by the name of a page or a place joined to its own
                // noun ("tuotteet Omat tilaukset -kohdassa").
                let named = next_word.chars().next().is_some_and(char::is_uppercase)
                    || next_word.chars().any(|c| c.is_ascii_digit());
                if named && !names_a_part(ctx.lex, own, &words[i + 1..]) {
                    continue;
                }
            }
            // "Kesäkassi tuote", "Oma Linja -palvelu" (a name of several
            // words takes its suffix after a space and a hyphen): a name
            // right before.
            if let Some(j) = i.checked_sub(1) {
                let (prev_span, prev) = &words[j];
                // A word that opens a sentence or a line ("The item…",
                // "Salasana: x\nPalvelussa…") is capitalised for that.
                let before = &own[from.min(prev_span.start)..prev_span.start];
                let sentence_start = before.trim_end().ends_with(['.', '!', '?', ':', ','])
                    || before.trim_end_matches([' ', '\t']).ends_with('\n')
                    || before.trim().is_empty()
                    || ctx.lex.determiners.contains(&prev.to_lowercase());
                let gap = own[prev_span.end..span.start].trim();
                // " -tuotteen" attaches to a name, whatever its last word
                // ("Polku 3 -tuotteen", "Omat matkat -palvelun").
                let spaced_hyphen = gap == "-" && own[prev_span.end..span.start].starts_with(' ');
                if spaced_hyphen
                    || prev.chars().next().is_some_and(char::is_uppercase)
                        && !sentence_start
                        && (gap.is_empty() || gap == "-")
                {
                    continue;
                }
            }
            first_vague = Some((span.clone(), word.to_string()));
            break;
        }
        let Some((span, word)) = first_vague else {
            return;
        };
        let body_end = reply.body.end.max(from);
        let body = &own[from..body_end];
        let secrets: Vec<Range<usize>> = ctx
            .passwords()
            .iter()
            .filter(|(_, value)| from <= value.start && value.end <= body_end)
            .map(|(_, value)| value.start - from..value.end - from)
            .collect();
        // Password values blanked out: "Orvokki-5521" does not name the
        // customer's "Orvokin" anything.
        if Self::names_the_thing(ctx, &blanked(body, secrets.iter().cloned()))
            || names_itself(ctx.lex, body, &secrets)
        {
            return;
        }
        out.push(ctx.finding(
            self,
            span,
            format!("“{word}” without naming the thing / yleissana nimeämättä asiaa"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests_support::{Case, hits};

    #[test]
    fn finnish() {
        for text in [
            "Hei Anna,\n\ntuotteen voi palauttaa 30 päivän kuluessa.",
            "Hei Anna,\n\ntuotteitamme on saatavilla myymälöissä.",
            "Hei Anna,\n\npalvelumme on auki arkisin.",
            "Hei Anna,\n\npalvelustamme löydät ohjeet.",
            "Hei Anna,\n\nasiakas voi palauttaa ostoksensa.",
            "Hei Anna,\n\njatkokäsittelystä sovitaan asiakkaan kanssa paikan päällä.",
            "Hei Anna,\n\nkurssisi on tallessa. Käyttäjä voi lisäksi ladata oppitunnit.",
            "Hei Anna,\n\nopiskelija voi perua kurssin maksutta.",
            "Hei Anna,\n\nasiakkaan tulee täyttää lomake.",
            "Hei Anna,\n\ntuote lähetetään huomenna.",
            "Hei Anna,\n\nlähetämme tuotteet huomenna.",
            "Hei Anna,\n\nasiakkaalle lähetetään vahvistus.",
            // The plural's oblique stem, and an illative before a possessive.
            "Hei Anna,\n\ntuotteissa on kahden vuoden takuu.",
            "Hei Anna,\n\npalveluiden hinnat nousevat.",
            "Hei Anna,\n\nkaikkiin tuotteisiimme saa lahjapaketin.",
            "Hei Anna,\n\ntutustu palveluihimme.",
            // The readers in the plural.
            "Hei Anna,\n\nasiakkaiden tulee saapua paikalle 15 minuuttia ennen.",
            "Hei Anna,\n\nhuoltajien tulee allekirjoittaa lupa.",
            // A clause after the generic word names nothing, and neither
            // does a discount code.
            "Hei Anna,\n\ntuotteet, jotka tilasit ja maksoit, lähetetään huomenna.",
            "Hei Anna,\n\ntilaukseen ei voi enää lisätä tuotteita. Saat alennuksen koodilla LANKA10.",
        ] {
            assert!(hits(&Case::fi(text), "vague-wording"), "{text}");
        }
        for text in [
            "Hei Anna,\n\nKesäkassin voi palauttaa 30 päivän kuluessa.",
            "Hei Anna,\n\nasiakaspalvelumme on auki arkisin.",
            "Hei Anna,\n\nlöydät tuotenumeron laskusta.",
            "Hei Anna,\n\nKesäkassi-tuotteen voi palauttaa.",
            // Someone else's user, not the reader.
            "Hei Anna,\n\nlisää tunnus kohdasta Käyttäjät. Tilitoimiston käyttäjä ei näe palkkoja.",
            "Hei Anna,\n\nuusi tunnuksesi Oma Linja -palveluun on nyt käytössä.",
            "Hyvä asiakas,\n\nkassi lähtee huomenna.",
            "Hei Anna,\n\ntuotteen Kesäkassi voi palauttaa.",
            "Hei Anna,\n\ntuottaja lähettää kassin huomenna.",
            "Hei Anna,\n\npaketti lähti eilen.",
            // The things listed right after the generic word.
            "Hei Anna,\n\nhyvitin puuttuneet tuotteet, kevytmaidon ja ruisleivän, maksukortillesi.",
        ] {
            assert!(!hits(&Case::fi(text), "vague-wording"), "{text}");
        }
    }

    /// Days, streets and the shop's own web address are no names of the
    /// thing; a spaced hyphen always joins a name; readers in other roles
    /// are third person too.
    #[test]
    fn what_names_the_thing() {
        let tv = "My Veltro TV should come on Thursday to 4 Elm Close. Can it come earlier?";
        let broadband = "Can my Northway broadband move with me?";
        let screws = "Har ni träskruv hemma i Ekby-butiken?";
        let family = "Haluaisin lopettaa Kotikassi Perhe -tilaukseni.";
        let turntable = "Jag beställde en skivspelare av modellen Pro-Ject Debut.";
        let shoes = "Jag vill byta ett par Ecco Soft 7.";
        let posters = "tarviin 50 A2-julistetta keikalle. ehtiikö ne?";
        // (case, vague?)
        let cases = [
            // Days and streets are no names of the thing; the thing's name is.
            (Case::en("Hi Oliver,\n\nyour product is booked on the Thursday route.").customer(tv), true),
            (Case::en("Hi Oliver,\n\nthe service isn't live on Elm Close yet.").customer(tv), true),
            (Case::en("Hi Oliver,\n\nthe Veltro is booked; the product arrives Thursday.").customer(tv), false),
            // A hyphenated name is named in another case ("A2-julisteet").
            (Case::fi("Hei Pinja,\n\nA2-julisteet ehditään painaa, ja tuotteet ovat noudettavissa 12.1.").customer(posters), false),
            (Case::fi("Hei Pinja,\n\ntuotteet ovat noudettavissa 12.1.").customer(posters), true),
            // The shop's web address is not the thing's name.
            (Case::en("Hi Lucy,\n\nthe service can move with you (https://my.northway.example/moving) in April.\n\nKind regards,\nTom").customer(broadband), true),
            // A spaced hyphen joins a name, whatever its last word.
            (Case::fi("Hei Satu,\n\npohja kuuluu Polku 3 -tuotteen takuuseen."), false),
            (Case::fi("Hei Kari,\n\ntoimitamme Omat matkat -palvelun tunnukset."), false),
            // Readers in other roles are third person too.
            (Case::en("Dear Ms Ahmed,\n\nthe applicant must upload certified copies."), true),
            (Case::en("Hi Kwame,\n\nusers should collect the key from the desk."), true),
            (Case::fi("Hei Pia,\n\njäsenen tulee maksaa maksu."), true),
            (Case::sv("Hej Pia,\n\nmedlemmen ska betala avgiften."), true),
            (Case::en("Dear Mr Lee,\n\nmembers must present their card at the till."), true),
            (Case::fi("Hei Pia,\n\nvakuutuksenottajan tulee ilmoittaa vahingosta."), true),
            (Case::sv("Hej Linnea,\n\nkunden står för returfrakten."), true),
            (Case::sv("Hej Viktor,\n\nAnvändaren ansvarar för att lösenordet förvaras säkert."), true),
            (Case::en("Hi Viktor,\n\nthe participant must bring a packed lunch."), true),
            (Case::en("Hey Jonno,\n\nthe ticket holder must show photo ID."), true),
            (Case::fi("Hei Viktor,\n\nkäyttäjän tulee vaihtaa salasana."), true),
            // The reader as the one things are done to or for, and what
            // is theirs: "eikä jäsenen tarvitse", "asiakkaan tilillä".
            (Case::fi("Hei Sanna,\n\nsali on kiinni, eikä jäsenen tarvitse tehdä mitään."), true),
            (Case::fi("Hei Eero,\n\nhyvitys näkyy asiakkaan tilillä viikon kuluessa."), true),
            (Case::fi("Hei Eero,\n\nlippujen hinta palautetaan asiakkaalle automaattisesti."), true),
            (Case::fi("Hei Eero,\n\njäsen ei voi ilmoittautua ennen maksua."), true),
            (Case::en("Hi Tom,\n\nthe amount is refunded to the customer within a week."), true),
            (Case::en("Hi Tom,\n\nthe credit appears on the customer's card in five days."), true),
            (Case::en("Hi Tom,\n\nthe member does not need to do anything."), true),
            (Case::sv("Hej Per,\n\nbeloppet återbetalas till kunden inom fem dagar."), true),
            (Case::sv("Hej Per,\n\nmedlemmen får frysa kortet en månad."), true),
            // A form's field names the customer to someone else, and a
            // third party may be spoken of.
            (Case::fi("Hei,\n\nAsiakkaan sähköpostiosoite: anna@example.com"), false),
            (Case::en("Hi Ann,\n\nwithout your feedback, the participant may not receive a report."), false),
            // A name joined to the generic word names what it stands for
            // later; a name joined to another noun, a brand with a hyphen
            // or an abbreviation does not.
            (Case::fi("Hei,\n\navasimme Oma Kallio -palvelun. Kirjautumisen jälkeen palvelu pyytää uuden koodin."), false),
            (Case::fi("Hei,\n\nKesäkassi-tuotteen toimitus viivästyy. Tuote lähtee maanantaina."), false),
            (Case::fi("Hei,\n\nOma Tuuli -tilinne on avattu. Tilaamanne palvelu alkaa maanantaina."), true),
            (Case::sv("Hej,\n\nvi tar emot Pro-Ject och andra märken. Produkten skickas i dag."), true),
            (Case::sv("Hej,\n\nPIN-koden är skickad. Tjänsten öppnas i morgon."), true),
            // A capital that opens a sentence or a line is no name.
            (Case::en("Hi Rachel,\n\nThe item you sent back arrived on Friday."), true),
            (Case::fi("Hei Riikka,\n\ntunnus on luotu. Salasana: ********\nPalvelussa näet käyntisi."), true),
            // A shop is a place, not the thing.
            (Case::sv("Hej Daniel,\n\nvaran finns i lager här i Ekby.").customer(screws), true),
            // The reply names a model itself; a user name is no model.
            (Case::sv("Hej,\n\nsoffan Ilona 3-sits levereras torsdag. Produkten monteras på plats."), false),
            (Case::fi("Hei,\n\nkäyttäjätunnus: kk-2291. Palvelun kautta näette aikataulun."), true),
            (Case::fi("Hyvä asiakas,\n\nKäyttäjätunnus: kk-2291\n\nPalvelun kautta näette aikataulun."), true),
            // A case number or a password is no model.
            (Case::fi("Vikailmoitus #VK-20931\n\nAlueellanne on palvelun häiriö."), true),
            (Case::fi("Hei,\n\npalvelu jatkuu. Tunnuksenne: salasana Muutto26."), true),
            (Case::fi("Hei,\n\nsohva Kelo S2 tulee torstaina. Tuote kootaan paikan päällä."), false),
            // A customer's name is mentioned by its stem, a short one by
            // itself: "perhe" is not in "perua", "pro" not in "produkten".
            (Case::fi("Hei Tuomas,\n\npalvelun voi perua Oma tili -sivulla.").customer(family), true),
            (Case::fi("Hei Tuomas,\n\nPerheen palvelu päättyy kuun lopussa.").customer(family), false),
            (Case::sv("Hej,\n\nProdukten gick iväg i går.").customer(turntable), true),
            (Case::sv("Hej,\n\nEccon kommer i går. Produkten är ny.").customer(shoes), false),
            // A modifier may stand between the determiner and the generic
            // word; "that" opening a clause is no determiner.
            (Case::en("Dear Jess,\n\nthe requested products are reserved for you."), true),
            (Case::en("Dear Jess,\n\nyour new item ships on Monday."), true),
            (Case::en("Dear Jess,\n\nthe charger was found. Please note that unclaimed items are kept for 30 days."), false),
            // A page or a place joined to its own noun names no thing; a
            // shop the customer names is a place.
            (Case::fi("Hei Sofia,\n\nnäet ostamasi tuotteet Omat tilaukset -kohdassa."), true),
            (Case::fi("Hei Leena,\n\ntuote ehtii perille huomenna.").customer("Tilaan Orvokin verkkokaupasta kimpun."), true),
            // A password value names nothing the customer wrote.
            (Case::fi("Hei Leena,\n\nuusi salasana: Orvokki-5521. Tuote ehtii perille huomenna.").customer("Tilasin Orvokki-kimpun äidille."), true),
            // An order number the customer gave is no name of the thing.
            (Case::sv("Hej,\n\norder 100-48817: produkterna ska vara oanvända.").customer("Jag vill returnera skorna från order 100-48817."), true),
            (Case::sv("Hej,\n\nsoffan X100 är på väg. Produkten kommer på fredag.").customer("Var är min X100?"), false),
            // A capitalised title joined to its noun by a spaced hyphen
            // names the thing; a page joined to its noun does not.
            (Case::fi("Hei Aino,\n\nMuumipappa ja meri -kirjasi lähti tänään. Tuote on perillä perjantaina."), false),
            (Case::fi("Hei Aino,\n\ntuote löytyy Omat tilaukset -kohdasta."), true),
            // The customer's "Your team" is a pronoun, not a name.
            (Case::en("Hi Sam,\n\nyour product ships on Friday.").customer("Hello! I asked Your team about a lamp. When will it ship?"), true),
            // Set phrases are not the generic word.
            (Case::sv("Hej Per,\n\nlampan skickas på fredag. Vi står gärna till tjänst."), false),
            (Case::en("Hi Per,\n\nthe lamp ships on Friday. Always at your service."), false),
            // An owner, a guardian: the reader by role, in every language.
            (Case::fi("Hei Pekka,\n\nauton omistajan tulee ilmoittaa muutoksesta."), true),
            (Case::sv("Hej Per,\n\nägaren måste anmäla ändringen."), true),
            (Case::en("Hi Per,\n\nthe owner must report the change."), true),
        ];
        for (case, vague) in cases {
            assert_eq!(hits(&case, "vague-wording"), vague, "{case:?}");
        }
    }

    #[test]
    fn names_from_config_and_customer() {
        let reply = "Hei Anna,\n\ntuotteen voi palauttaa. Kesäkassit ovat suosittuja.";
        assert!(!hits(
            &Case::fi(reply).products(&["Kesäkassi"]),
            "vague-wording"
        ));
        let reply =
            "Hei Anna,\n\nvoit palauttaa tuotteen. Rantapyyhe kuuluu palautusoikeuden piiriin.";
        assert!(!hits(
            &Case::fi(reply).customer("Voinko palauttaa ostamani Rantapyyhe-paketin?"),
            "vague-wording"
        ));
        let reply = "Hei Anna,\n\nvoit palauttaa tuotteen.";
        assert!(hits(
            &Case::fi(reply).customer("Voinko palauttaa ostamani Rantapyyhe-paketin?"),
            "vague-wording"
        ));
    }

    #[test]
    fn english_and_swedish() {
        for text in [
            "Hi Anna,\nthe product can be returned.",
            "Hi Anna,\nour services are open daily.",
            "Hi Anna,\nthe customer must fill in the form.",
            "Hi Anna,\nthe item will ship tomorrow.",
            "Hi Anna,\nthe goods will ship tomorrow.",
            "Hi Anna,\nthe product's warranty is two years.",
            // An adjective between the determiner and the noun.
            "Hi Anna,\nwe have credited £6.50 for the missing products.",
            "Hi Anna,\nplease send back the faulty item.",
            // The reader as the one spoken with or about.
            "Hi Anna,\nany further treatment will be discussed with the customer on site.",
            "Hi Anna,\nwe will notify the customer once the parts arrive.",
            "Hi Anna,\nthe technician notified the customer of the delay.",
            "Hi Anna,\nthe customer need not be present.",
        ] {
            assert!(hits(&Case::en(text), "vague-wording"), "{text}");
        }
        for text in [
            "Hi Anna,\nthe Summer Tote can be returned.",
            "Hi Anna,\nsee the product page for sizes.",
            "Hi Anna,\ncustomer service is open daily.",
            "Hi Anna,\nyou can return it.",
            "Hi Anna,\nwe have refunded the missing items, the milk and the rye bread, to your card.",
        ] {
            assert!(!hits(&Case::en(text), "vague-wording"), "{text}");
        }
        for text in [
            "Hej Anna,\nprodukten kan returneras.",
            "Hej Anna,\ntjänsten är öppen.",
            "Hej Anna,\nkunden måste fylla i formuläret.",
            "Hej Anna,\nvi skickar produkterna i morgon.",
            "Hej Anna,\nvaran skickas i morgon.",
            "Hej Anna,\nfortsatt behandling diskuteras med kunden på plats.",
            "Hej Anna,\nvi har fått tillbaka varorna.",
            "Hej Anna,\nvarornas leveranstid är två dagar.",
        ] {
            assert!(hits(&Case::sv(text), "vague-wording"), "{text}");
        }
        for text in [
            "Hej Anna,\nSommarväskan kan returneras.",
            "Hej Anna,\nkundtjänst är öppen.",
            "Hej Anna,\ndu kan returnera väskan.",
            "Hej Anna,\nproduktnamnet står på kvittot.",
            "Hej Anna,\nväskan ska vara hos dig i morgon.",
        ] {
            assert!(!hits(&Case::sv(text), "vague-wording"), "{text}");
        }
    }

    #[test]
    fn a_finnish_capitalised_word_is_a_person_or_a_place_not_the_thing() {
        let sewing = "Husqvarna-ompelukoneeni ei syötä kangasta. Asun Kittilässä, \
                      voinko lähettää sen postitse?";
        assert!(hits(
            &Case::fi("Hei,\n\ntuotteen saat meille helposti Kittilästäkin postitse.")
                .customer(sewing),
            "vague-wording"
        ));
        assert!(!hits(
            &Case::fi("Hei,\n\nHusqvarnan saat meille helposti Kittilästäkin postitse.")
                .customer(sewing),
            "vague-wording"
        ));
        // English names the thing with a capital.
        assert!(!hits(
            &Case::en("Hi,\n\nplease send the Kindle to us; the product will be checked.")
                .customer("My Kindle stopped charging. Can I send it to you?"),
            "vague-wording"
        ));
    }
}
