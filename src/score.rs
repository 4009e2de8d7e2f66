//! Findings -> a message's card, score and band; cards -> the mailbox card.
//! Pure functions and running counts: nothing here reads or prints.

use serde::Serialize;

use crate::rules::{Finding, Square, UiLang};

/// Where a score falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Band {
    Clean,
    Personal,
    Typical,
    Template,
    Bingo,
}

impl Band {
    pub const ALL: [Band; 5] = [
        Band::Clean,
        Band::Personal,
        Band::Typical,
        Band::Template,
        Band::Bingo,
    ];

    pub fn of(score: u8) -> Band {
        match score {
            0 => Band::Clean,
            1..=2 => Band::Personal,
            3..=4 => Band::Typical,
            5..=6 => Band::Template,
            _ => Band::Bingo,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Band::Clean => "clean",
            Band::Personal => "personal",
            Band::Typical => "typical",
            Band::Template => "template",
            Band::Bingo => "bingo",
        }
    }

    /// The band's text, in English or Finnish.
    pub fn text(self, ui: UiLang) -> &'static str {
        match (self, ui) {
            (Band::Clean, UiLang::En) => {
                "Clean card: every reply sounds like a person wrote it for this customer."
            }
            (Band::Clean, UiLang::Fi) => {
                "Puhdas kortti: jokainen vastaus kuulostaa ihmisen kirjoittamalta juuri tälle asiakkaalle."
            }
            (Band::Personal, UiLang::En) => {
                "Personal service, almost always: a habit or two to polish."
            }
            (Band::Personal, UiLang::Fi) => {
                "Henkilökohtaista palvelua lähes aina: tapa tai kaksi hiottavaksi."
            }
            (Band::Typical, UiLang::En) => {
                "The usual impersonal firm: correct, polite, and forgettable."
            }
            (Band::Typical, UiLang::Fi) => {
                "Tavallinen kasvoton yritys: oikein ja kohteliaasti, mutta ketään ei muisteta."
            }
            (Band::Template, UiLang::En) => {
                "A model of templates and stock replies: the customer talks to a form."
            }
            (Band::Template, UiLang::Fi) => {
                "Mallipohjien ja valmisvastausten mestari: asiakas puhuu lomakkeelle."
            }
            (Band::Bingo, UiLang::En) => "Bingo! Every square of the autoreply card is full.",
            (Band::Bingo, UiLang::Fi) => "Bingo! Automaattivastauskortin jokainen ruutu on täynnä.",
        }
    }
}

/// One message's card: points per square, `None` where it does not apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Card {
    pub squares: [Option<u8>; 6],
}

impl Card {
    /// The card for a message's findings; `applicable` says which squares
    /// could be judged at all.
    pub fn from_findings(findings: &[Finding], applicable: [bool; 6]) -> Card {
        let mut squares = [None; 6];
        for square in Square::ALL {
            if applicable[square.index()] {
                squares[square.index()] = Some(0);
            }
        }
        for finding in findings {
            let Some(square) = finding.square else {
                continue;
            };
            if let Some(points) = &mut squares[square.index()] {
                *points = (*points).max(finding.points.min(square.max_points()));
            }
        }
        Card { squares }
    }

    pub fn get(&self, square: Square) -> Option<u8> {
        self.squares[square.index()]
    }

    pub fn score(&self) -> u8 {
        self.squares.iter().flatten().sum()
    }

    pub fn band(&self) -> Band {
        Band::of(self.score())
    }
}

/// Counts for one square over the mailbox.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SquareCount {
    /// Messages that hit the square (any points).
    pub hits: usize,
    /// Messages where the square applies.
    pub applicable: usize,
    /// Messages that hit it with two points (the greeting square only).
    #[serde(skip)]
    pub double: usize,
}

/// The mailbox card, built from running counts (constant memory).
#[derive(Debug, Clone, Default)]
pub struct Mailbox {
    pub replies: usize,
    pub counts: [SquareCount; 6],
    pub score_total: u64,
    /// How many replies scored 0, 1, …, 7.
    pub distribution: [usize; 8],
}

impl Mailbox {
    pub fn add(&mut self, card: &Card) {
        self.replies += 1;
        let score = card.score();
        self.score_total += u64::from(score);
        self.distribution[usize::from(score.min(7))] += 1;
        for square in Square::ALL {
            let count = &mut self.counts[square.index()];
            if let Some(points) = card.get(square) {
                count.applicable += 1;
                if points > 0 {
                    count.hits += 1;
                }
                if points >= 2 {
                    count.double += 1;
                }
            }
        }
    }

    /// Adds another mailbox's counts to this one.
    pub fn merge(&mut self, other: &Mailbox) {
        self.replies += other.replies;
        self.score_total += other.score_total;
        for (mine, theirs) in self.counts.iter_mut().zip(&other.counts) {
            mine.hits += theirs.hits;
            mine.applicable += theirs.applicable;
            mine.double += theirs.double;
        }
        for (mine, theirs) in self.distribution.iter_mut().zip(&other.distribution) {
            *mine += theirs;
        }
    }

    pub fn mean_score(&self) -> f64 {
        if self.replies == 0 {
            0.0
        } else {
            self.score_total as f64 / self.replies as f64
        }
    }

    /// The mailbox card: a square counts when at least `threshold` (a
    /// fraction) of the messages where it applies hit it, and at least one
    /// does. The greeting square counts 2 when its 2-point hits alone reach
    /// the bar.
    pub fn card(&self, threshold: f64) -> Card {
        let mut squares = [None; 6];
        for square in Square::ALL {
            let count = self.counts[square.index()];
            if count.applicable == 0 {
                continue;
            }
            let needed = ((threshold * count.applicable as f64) - 1e-9)
                .ceil()
                .max(1.0) as usize;
            let points = if square == Square::Greeting && count.double >= needed {
                2
            } else {
                u8::from(count.hits >= needed)
            };
            squares[square.index()] = Some(points);
        }
        Card { squares }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(points: [Option<u8>; 6]) -> Card {
        Card { squares: points }
    }

    #[test]
    fn bands_follow_the_spec() {
        let expected = [
            (0, Band::Clean),
            (1, Band::Personal),
            (2, Band::Personal),
            (3, Band::Typical),
            (4, Band::Typical),
            (5, Band::Template),
            (6, Band::Template),
            (7, Band::Bingo),
        ];
        for (score, band) in expected {
            assert_eq!(Band::of(score), band, "{score}");
        }
    }

    #[test]
    fn not_applicable_squares_do_not_count() {
        let c = card([Some(1), Some(1), None, None, Some(1), Some(0)]);
        assert_eq!(c.score(), 3);
        assert_eq!(c.band(), Band::Typical);
    }

    #[test]
    fn mailbox_threshold_and_greeting_points() {
        let mut mailbox = Mailbox::default();
        // 10 replies: 1 with a 2-point greeting hit, 1 with a 1-point hit.
        mailbox.add(&card([Some(2), Some(0), None, None, Some(0), Some(0)]));
        mailbox.add(&card([Some(1), Some(0), None, None, Some(1), Some(0)]));
        for _ in 0..8 {
            mailbox.add(&card([Some(0), Some(0), None, None, Some(0), Some(0)]));
        }
        // 10%: one message of ten is enough; the greeting's 2-point hits
        // alone (1) reach the bar, so it counts 2.
        let c = mailbox.card(0.10);
        assert_eq!(c.squares, [Some(2), Some(0), None, None, Some(1), Some(0)]);
        // 20%: two messages needed: the greeting has 2 hits (1 double) -> 1.
        let c = mailbox.card(0.20);
        assert_eq!(c.squares, [Some(1), Some(0), None, None, Some(0), Some(0)]);
        assert_eq!(mailbox.distribution[0], 8);
        assert!((mailbox.mean_score() - 0.4).abs() < 1e-9);
    }

    #[test]
    fn threshold_zero_still_needs_one_hit() {
        let mut mailbox = Mailbox::default();
        mailbox.add(&card([Some(0); 6]));
        assert_eq!(mailbox.card(0.0).score(), 0);
    }
}
