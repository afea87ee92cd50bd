//! Generates large, realistic `seminarplan/1` programmes from a seed, for benchmarks and tests.
//!
//! Pure and deterministic: the same `(sessions, seed)` always gives the same document, byte
//! for byte. Randomness comes from a tiny SplitMix64 generator (no `rand`), and the text
//! from an invented Swedish procurement vocabulary (about 8% of the sessions in English),
//! so search sees realistic words, lengths and diacritics.
//!
//! The layout grows with the number of sessions (see [`layout`]): a small programme is a
//! Swedish conference with one morning plenary, coffee, lunch and seminar blocks in 8–12
//! parallel rooms; a very large one becomes a congress with more days and rooms where
//! each room holds several short talks per block. Every session starts and ends on one of
//! the conference days, every block holds at least two sessions (from 3 sessions up), and
//! every reference is valid.

mod sheet;

pub use sheet::{programme_csv, sheet_of};

use chrono::{Datelike, NaiveDate, Weekday};
use serde_json::{Value, json};

use crate::model::Programme;
use crate::parse::{FORMAT, parse_programme};

/// SplitMix64: small, fast, and good enough for test data. The one random source of the
/// tests too: the generator's programmes and the bounded fuzz runs (tests/core/fuzz.rs).
pub struct Rng(u64);

impl Rng {
    /// A generator that always gives the same sequence for the same seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when `n` is 0), by multiply-shift.
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }

    /// Favours the front of the list (the minimum of two draws), like real word frequencies.
    fn pick_skewed<'a>(&mut self, list: &[&'a str]) -> &'a str {
        let a = self.below(list.len());
        let b = self.below(list.len());
        list[a.min(b)]
    }

    /// `count` distinct indices in `0..n` (`count <= n`), in the order drawn.
    fn distinct(&mut self, count: usize, n: usize) -> Vec<usize> {
        let mut out = Vec::with_capacity(count);
        while out.len() < count.min(n) {
            let i = self.below(n);
            if !out.contains(&i) {
                out.push(i);
            }
        }
        out
    }
}

// ---------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------

/// Content words any session uses, most frequent first.
const SV_WORDS: &[&str] = &[
    "upphandling",
    "leverantör",
    "kommun",
    "region",
    "ramavtal",
    "avtal",
    "krav",
    "anbud",
    "inköp",
    "upphandlare",
    "myndighet",
    "utvärdering",
    "offentlig",
    "offentliga",
    "kommunala",
    "regionala",
    "statliga",
    "effektiv",
    "förfrågningsunderlag",
    "förnyad konkurrensutsättning",
    "Upphandlingsmyndigheten",
    "Konkurrensverket",
    "konkurrens",
    "kontrakt",
    "tjänster",
    "byggentreprenad",
    "livsmedel",
    "transporter",
    "vård och omsorg",
    "skolan",
    "fastigheter",
    "energi",
    "ekonomi",
    "budget",
    "riskanalys",
    "vägledning",
    "metod",
    "verktyg",
    "process",
    "utveckling",
    "framtiden",
    "erfarenheter",
    "exempel",
    "lärdomar",
    "resultat",
    "nytta",
    "värde",
    "kvalitet",
    "pris",
    "totalkostnad",
    "beställare",
    "förhandling",
    "dynamiskt inköpssystem",
    "kravställning",
    "Sverige",
    "Norrland",
    "Skåne",
    "Göteborg",
    "Malmö",
    "Umeå",
    "Östersund",
    "Växjö",
    "Luleå",
    "Örebro",
    "Jönköping",
];

/// Words of each theme (parallel to `THEMES`): a session talks mostly about its own.
const SV_TOPICS: [&[&str]; 7] = [
    &[
        "hållbarhet",
        "hållbar",
        "hållbara",
        "klimatkrav",
        "miljökrav",
        "koldioxid",
        "återbruk",
        "cirkulära",
        "sociala krav",
        "arbetsrättsliga villkor",
        "livscykelkostnad",
        "miljömärkning",
    ],
    &[
        "LOU",
        "överprövning",
        "förvaltningsrätten",
        "kammarrätten",
        "praxis",
        "tröskelvärden",
        "direktupphandling",
        "tilldelningsbeslut",
        "kvalificering",
        "sekretess",
        "jäv",
        "annonsering",
        "EU-direktivet",
    ],
    &[
        "e-handel",
        "e-faktura",
        "Peppol",
        "AI",
        "automatisering",
        "data",
        "systemstöd",
        "digitala",
        "IT-tjänster",
        "statistik",
        "informationssäkerhet",
        "molntjänster",
    ],
    &[
        "kategoristyrning",
        "spendanalys",
        "behovsanalys",
        "kategoriplan",
        "strategisk",
        "marknadsanalys",
        "avrop",
        "volymer",
        "besparingar",
        "samordnad upphandling",
    ],
    &[
        "avtalsuppföljning",
        "uppföljning",
        "leverantörsuppföljning",
        "avtalsvård",
        "kontroll",
        "granskning",
        "vite",
        "avtalstrohet",
        "leverans",
        "oegentligheter",
        "nyckeltal",
    ],
    &[
        "innovation",
        "innovationsupphandling",
        "marknadsdialog",
        "förkommersiell upphandling",
        "små företag",
        "idéburen sektor",
        "nya lösningar",
        "funktionskrav",
        "testbädd",
    ],
    &[
        "ledarskap",
        "kompetens",
        "förändring",
        "organisationen",
        "medarbetare",
        "rekrytering",
        "kompetensförsörjning",
        "upphandlingsfunktion",
        "styrning",
        "samverkan",
        "arbetsmiljö",
    ],
];

const SV_SMALL: &[&str] = &[
    "och", "i", "för", "med", "av", "om", "till", "på", "inom", "vid", "som", "när", "hur", "vad",
    "där", "efter", "mellan", "genom", "utan", "under", "mot", "den", "det", "de", "en", "ett",
    "är", "kan", "ska", "har", "blir", "vi", "våra", "sin", "nya", "bättre", "mer", "många",
    "alla", "hela", "både", "också", "så", "inte",
];

const SV_VERBS: &[&str] = &[
    "stärka",
    "förbättra",
    "utveckla",
    "följa upp",
    "ställa krav på",
    "använda",
    "skapa",
    "leda",
    "dela",
    "lära av",
    "möta",
    "hantera",
    "minska",
    "öka",
    "planera",
    "genomföra",
    "analysera",
    "samordna",
    "förenkla",
    "säkerställa",
];

const EN_WORDS: &[&str] = &[
    "procurement",
    "supplier",
    "municipality",
    "region",
    "framework agreement",
    "contract",
    "requirements",
    "tender",
    "purchasing",
    "buyer",
    "public",
    "evaluation",
    "market",
    "value",
    "quality",
    "cost",
    "method",
    "tool",
    "process",
    "organisation",
    "future",
    "experience",
    "lessons",
    "results",
    "Sweden",
    "Nordic",
    "European",
    "small businesses",
];

/// Words of each theme (parallel to `THEMES`): a session talks mostly about its own.
const EN_TOPICS: [&[&str]; 7] = [
    &[
        "sustainability",
        "sustainable",
        "climate",
        "circular",
        "social criteria",
        "life-cycle cost",
        "emissions",
    ],
    &[
        "procurement law",
        "review",
        "award",
        "case law",
        "directive",
        "thresholds",
        "qualification",
    ],
    &[
        "e-procurement",
        "e-invoicing",
        "AI",
        "automation",
        "data",
        "digital",
        "security",
    ],
    &[
        "category management",
        "spend analysis",
        "strategy",
        "savings",
        "demand",
    ],
    &[
        "contract management",
        "follow-up",
        "supplier performance",
        "compliance",
        "penalties",
    ],
    &[
        "innovation",
        "market dialogue",
        "start-ups",
        "functional requirements",
        "pilots",
    ],
    &[
        "leadership",
        "skills",
        "change",
        "recruitment",
        "governance",
        "cooperation",
    ],
];

const EN_SMALL: &[&str] = &[
    "and", "in", "for", "with", "of", "on", "to", "at", "within", "by", "how", "what", "when",
    "the", "a", "is", "can", "will", "we", "our", "new", "better", "more", "all", "both", "also",
];

const EN_VERBS: &[&str] = &[
    "strengthen",
    "improve",
    "develop",
    "follow up",
    "use",
    "create",
    "lead",
    "share",
    "learn from",
    "meet",
    "manage",
    "reduce",
    "increase",
    "plan",
    "simplify",
];

const TAGS: &[&str] = &[
    "LOU",
    "ramavtal",
    "hållbarhet",
    "e-handel",
    "överprövning",
    "kategoristyrning",
    "avtalsuppföljning",
    "socialt ansvar",
    "klimat",
    "IT-upphandling",
    "direktupphandling",
    "innovation",
    "dynamiskt inköpssystem",
    "leverantörsdialog",
    "kommun",
    "region",
    "statlig myndighet",
    "livsmedel",
    "bygg",
    "vård",
    "AI",
    "statistik",
    "juridik",
    "ledarskap",
    "nybörjare",
    "praktiska exempel",
];

const FIRST_NAMES: &[&str] = &[
    "Anna", "Åsa", "Björn", "Örjan", "Göran", "Sören", "Märta", "Linnéa", "Maria", "Erik", "Lars",
    "Karin", "Johan", "Eva", "Per", "Ingrid", "Mikael", "Sofia", "Anders", "Helena", "Jonas",
    "Elin", "Fredrik", "Malin", "Henrik", "Sara", "Magnus", "Ulla", "Mats", "Kristina", "Håkan",
    "Ebba", "Nils", "Maja", "Olle", "Stina", "Pär", "Agneta", "Tove", "Jörgen",
];

const SURNAMES: &[&str] = &[
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jönsson",
    "Lindström",
    "Lindqvist",
    "Berg",
    "Bergström",
    "Öberg",
    "Åberg",
    "Ek",
    "Sjöberg",
    "Hällström",
    "Nyström",
    "Wallin",
    "Holm",
    "Lundgren",
    "Söderberg",
    "Engström",
    "Forsberg",
    "Sandberg",
    "Håkansson",
    "Björk",
    "Dahl",
    "Falk",
    "Mårtensson",
    "Ågren",
    "Östlund",
];

const ORGANISATIONS: &[&str] = &[
    "Upphandlingsmyndigheten",
    "Konkurrensverket",
    "Kammarkollegiet",
    "Adda",
    "SKR",
    "Region Uppsala",
    "Region Skåne",
    "Region Stockholm",
    "Västra Götalandsregionen",
    "Region Jämtland Härjedalen",
    "Göteborgs Stad",
    "Malmö stad",
    "Stockholms stad",
    "Umeå kommun",
    "Luleå kommun",
    "Östersunds kommun",
    "Växjö kommun",
    "Jönköpings kommun",
    "Örebro kommun",
    "Norrköpings kommun",
    "Gävle kommun",
    "Västerås stad",
    "Trafikverket",
    "Försvarets materielverk",
    "Umeå universitet",
    "Lunds universitet",
    "Advokatfirman Åkerlund",
    "Inköpsrådgivarna AB",
    "Hållbar Handel AB",
    "Leverantörsföreningen",
];

/// Room names after the plenary hall, `(id, name)`.
const ROOM_NAMES: &[(&str, &str)] = &[
    ("sal-a", "Sal A"),
    ("sal-b", "Sal B"),
    ("sal-c", "Sal C"),
    ("linnesalen", "Linnésalen"),
    ("celsiussalen", "Celsiussalen"),
    ("rudbecksalen", "Rudbecksalen"),
    ("lagerlof", "Lagerlöf"),
    ("strindberg", "Strindberg"),
    ("bellman", "Bellman"),
    ("taube", "Taube"),
    ("lindgren", "Lindgren"),
    ("polhem", "Polhem"),
    ("froding", "Fröding"),
    ("karlfeldt", "Karlfeldt"),
    ("boye", "Boye"),
    ("sodergran", "Södergran"),
    ("ekelof", "Ekelöf"),
    ("transtromer", "Tranströmer"),
    ("martinson", "Martinson"),
    ("moberg", "Moberg"),
    ("bremer", "Bremer"),
    ("almqvist", "Almqvist"),
    ("tegner", "Tegnér"),
    ("hammarskjold", "Hammarskjöld"),
];

/// `(id, sv, en, colour)`.
const THEMES: &[(&str, &str, &str, &str)] = &[
    ("hallbarhet", "Hållbarhet", "Sustainability", "#2e7d32"),
    ("juridik", "Upphandlingsrätt", "Procurement law", "#6a1b9a"),
    (
        "digitalisering",
        "Digitalisering och e-handel",
        "Digitalisation and e-procurement",
        "#1565c0",
    ),
    (
        "kategoristyrning",
        "Kategoristyrning",
        "Category management",
        "#ef6c00",
    ),
    (
        "avtalsuppfoljning",
        "Avtalsuppföljning",
        "Contract management",
        "#00838f",
    ),
    (
        "innovation",
        "Innovation och marknad",
        "Innovation and markets",
        "#c62828",
    ),
    (
        "ledarskap",
        "Ledarskap och kompetens",
        "Leadership and skills",
        "#5d4037",
    ),
];

/// `(id, sv, en, kind)`.
const TYPES: &[(&str, &str, &str, &str)] = &[
    ("plenum", "Plenum", "Plenary", "plenary"),
    ("seminarium", "Seminarium", "Seminar", "seminar"),
    ("workshop", "Workshop", "Workshop", "workshop"),
    ("fika", "Fika", "Coffee break", "break"),
    ("lunch", "Lunch", "Lunch", "meal"),
];

/// `(id, sv, en)`.
const LEVELS: &[(&str, &str, &str)] = &[
    ("grund", "Grundläggande", "Introductory"),
    ("fordjupning", "Fördjupning", "Advanced"),
    ("expert", "Expert", "Expert"),
];

// ---------------------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------------------

/// Most seminar blocks in one day (the day template below has room for this many).
pub const MAX_BLOCKS_PER_DAY: usize = 5;
/// Most talks one room holds in one 90-minute block.
pub const MAX_TALKS_PER_ROOM: usize = 5;

/// How a generated programme is laid out. Every day has the same shape: an opening
/// plenary, then `blocks_per_day` seminar blocks of 90 minutes with coffee and lunch
/// between them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    pub days: usize,
    /// Rooms for plenaries and seminars (the first is the plenary hall); the foyer and the
    /// restaurant for breaks come on top.
    pub rooms: usize,
    pub blocks_per_day: usize,
    /// Most talks one room holds in one block (1: one seminar or workshop per room).
    pub talks_per_room: usize,
}

impl Layout {
    /// Sessions outside blocks on each day: the plenary plus the breaks between blocks.
    pub fn fixed_per_day(&self) -> usize {
        fixed_per_day(self.blocks_per_day)
    }

    /// Block sessions in the whole programme of `sessions` sessions.
    pub fn block_sessions(&self, sessions: usize) -> usize {
        sessions.saturating_sub(self.days * self.fixed_per_day())
    }
}

/// The plenary, then fika after block 1, lunch after block 2, fika after block 3.
fn fixed_per_day(blocks: usize) -> usize {
    1 + blocks.saturating_sub(1).min(3)
}

/// The layout of a programme of `sessions` sessions.
///
/// Days: 1 up to 60 sessions, 2 up to 200, 3 up to 1,500, then one per 1,500 (4 to 7).
/// Rooms and talks per room: the fewest talks per room (1 to 5 in a 90-minute block) that
/// keep the rooms within max(12, ¾√N), with at least 8 rooms; past that, rooms grow as
/// needed. Blocks per day (1 to 5): the fewest that fit.
pub fn layout(sessions: usize) -> Layout {
    let n = sessions;
    let days = match n {
        0..=60 => 1,
        61..=200 => 2,
        201..=1500 => 3,
        _ => n.div_ceil(1500).clamp(4, 7),
    };
    let at_most = n.saturating_sub(days * fixed_per_day(MAX_BLOCKS_PER_DAY));
    let slots = days * MAX_BLOCKS_PER_DAY;
    // Parallel rooms a conference of this size plausibly has: fewer talks per room first.
    let room_cap = (n.isqrt() * 3 / 4).max(12);
    let rooms_for = |k: usize| at_most.div_ceil(slots * k).max(8);
    let talks_per_room = (1..=MAX_TALKS_PER_ROOM)
        .find(|&k| rooms_for(k) <= room_cap)
        .unwrap_or(MAX_TALKS_PER_ROOM);
    let rooms = rooms_for(talks_per_room);
    let blocks_per_day = (0..=MAX_BLOCKS_PER_DAY)
        .find(|&b| days * (fixed_per_day(b) + b * rooms * talks_per_room) >= n)
        .unwrap_or(MAX_BLOCKS_PER_DAY);
    Layout {
        days,
        rooms,
        blocks_per_day,
        talks_per_room,
    }
}

/// Minutes from midnight of the day template: `(start, end)`.
const PLENARY: (u32, u32) = (8 * 60 + 30, 9 * 60 + 15);
const BLOCKS: [(u32, u32); MAX_BLOCKS_PER_DAY] = [
    (9 * 60 + 30, 11 * 60),
    (11 * 60 + 30, 13 * 60),
    (14 * 60, 15 * 60 + 30),
    (16 * 60, 17 * 60 + 30),
    (17 * 60 + 45, 19 * 60 + 15),
];
/// The break after block `i`: `(start, end, type id, title, room id)`.
const BREAKS: [(u32, u32, &str, &str, &str); 3] = [
    (11 * 60, 11 * 60 + 30, "fika", "Förmiddagsfika", "foajen"),
    (13 * 60, 14 * 60, "lunch", "Lunch", "restaurangen"),
    (15 * 60 + 30, 16 * 60, "fika", "Eftermiddagsfika", "foajen"),
];

/// Slot length and talk length (minutes) when a room holds `talks` talks in one block.
fn talk_minutes(talks: usize) -> (u32, u32) {
    match talks {
        0 | 1 => (90, 60),
        2 => (45, 40),
        3 => (30, 25),
        4 => (22, 20),
        _ => (18, 15),
    }
}

fn at(date: NaiveDate, minutes: u32) -> String {
    format!("{date}T{:02}:{:02}:00+01:00", minutes / 60, minutes % 60)
}

/// Weekdays from Monday 8 November 2027 (all in Swedish winter time, UTC+1).
fn conference_days(count: usize) -> Vec<NaiveDate> {
    let mut date = NaiveDate::from_ymd_opt(2027, 11, 8).expect("a valid date");
    let mut days = Vec::with_capacity(count);
    while days.len() < count {
        if !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            days.push(date);
        }
        date = date.succ_opt().expect("dates in 2027 have a successor");
    }
    days
}

// ---------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------

/// One language's vocabulary.
struct Words {
    content: &'static [&'static str],
    topics: &'static [&'static [&'static str]; 7],
    small: &'static [&'static str],
    verbs: &'static [&'static str],
}

const SV: Words = Words {
    content: SV_WORDS,
    topics: &SV_TOPICS,
    small: SV_SMALL,
    verbs: SV_VERBS,
};
const EN: Words = Words {
    content: EN_WORDS,
    topics: &EN_TOPICS,
    small: EN_SMALL,
    verbs: EN_VERBS,
};

/// What one text is written in and about: a language and the session's themes.
struct Voice<'a> {
    words: &'a Words,
    themes: &'a [usize],
}

fn capitalise(s: &mut String) {
    if let Some(first) = s.chars().next() {
        let upper: String = first.to_uppercase().collect();
        s.replace_range(..first.len_utf8(), &upper);
    }
}

/// Appends exactly `count` words, starting and ending with a content word. Two content
/// words in five are about one of the themes.
fn phrase(rng: &mut Rng, voice: &Voice, count: usize, out: &mut String) {
    let words = voice.words;
    let mut written = 0;
    while written < count {
        let roll = rng.below(100);
        let edge = written == 0 || written + 1 == count;
        let content = edge || roll >= 45;
        let word = if content {
            if !voice.themes.is_empty() && rng.chance(40) {
                let theme = voice.themes[rng.below(voice.themes.len())];
                rng.pick(words.topics[theme])
            } else {
                rng.pick_skewed(words.content)
            }
        } else if roll < 33 {
            rng.pick(words.small)
        } else {
            rng.pick(words.verbs)
        };
        // Some entries hold two or three words: draw again when one would not fit, or when
        // a verb would end the phrase.
        let len = word.split(' ').count();
        if written + len > count || (!content && written + len == count) {
            continue;
        }
        if written > 0 {
            out.push(' ');
        }
        out.push_str(word);
        written += len;
    }
}

fn title(rng: &mut Rng, voice: &Voice, min: usize, max: usize) -> String {
    let mut s = String::new();
    let count = rng.range(min, max);
    phrase(rng, voice, count, &mut s);
    capitalise(&mut s);
    s
}

/// 60–180 words in 2–3 paragraphs separated by a blank line.
fn abstract_text(rng: &mut Rng, voice: &Voice) -> String {
    let total = rng.range(60, 180);
    let paragraphs = rng.range(2, 3);
    let mut out = String::with_capacity(total * 10);
    for p in 0..paragraphs {
        if p > 0 {
            out.push_str("\n\n");
        }
        let mut left = total / paragraphs + usize::from(p < total % paragraphs);
        let mut first = true;
        while left > 0 {
            let len = rng.range(6, 18).min(left);
            left -= len;
            if !first {
                out.push(' ');
            }
            first = false;
            let mut sentence = String::new();
            phrase(rng, voice, len, &mut sentence);
            capitalise(&mut sentence);
            out.push_str(&sentence);
            out.push('.');
        }
    }
    out
}

fn localised(sv: &str, en: &str) -> Value {
    json!({ "sv": sv, "en": en })
}

// ---------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------

/// The rooms and their ids: the plenary hall, `count - 1` seminar rooms, then the foyer
/// and the restaurant.
fn rooms(rng: &mut Rng, count: usize) -> (Vec<Value>, Vec<String>) {
    let mut rooms = vec![json!({
        "id": "stora-salen",
        "name": { "sv": "Stora salen", "en": "Main hall" },
        "capacity": 1100,
        "floor": localised("Plan 2", "Level 2"),
    })];
    let mut room_ids = vec!["stora-salen".to_owned()];
    for i in 1..count {
        let (rid, name) = match ROOM_NAMES.get(i - 1) {
            Some(&(rid, name)) => (rid.to_owned(), name.to_owned()),
            None => (format!("sal-{i}"), format!("Sal {i}")),
        };
        let floor = rng.range(1, 5);
        rooms.push(json!({
            "id": rid,
            "name": name,
            "capacity": rng.range(4, 40) * 10,
            "floor": localised(&format!("Plan {floor}"), &format!("Level {floor}")),
        }));
        room_ids.push(rid);
    }
    rooms.push(json!({ "id": "foajen", "name": { "sv": "Foajén", "en": "Foyer" } }));
    rooms.push(
        json!({ "id": "restaurangen", "name": { "sv": "Restaurangen", "en": "Restaurant" } }),
    );
    (rooms, room_ids)
}

/// `count` speakers, drawn at random (most speak once or twice); one in five has a bio.
fn speakers(rng: &mut Rng, count: usize) -> Vec<Value> {
    (0..count)
        .map(|i| {
            let name = format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(SURNAMES));
            let mut sp = json!({
                "id": format!("p{:05}", i + 1),
                "name": name,
                "organisation": rng.pick(ORGANISATIONS),
            });
            if rng.chance(20) {
                let mut bio = String::new();
                let voice = Voice {
                    words: &SV,
                    themes: &[],
                };
                phrase(rng, &voice, 12, &mut bio);
                capitalise(&mut bio);
                bio.push('.');
                sp["bio"] = Value::String(bio);
            }
            sp
        })
        .collect()
}

/// A `seminarplan/1` document with exactly `sessions` sessions, the same for the same seed.
pub fn programme_json(sessions: usize, seed: u64) -> String {
    programme_json_laid_out(
        sessions,
        layout(sessions),
        format!("generated-{sessions}"),
        seed,
    )
}

/// The layout of `sessions` sessions in exactly `rooms` rooms, the foyer and the restaurant
/// included (at least 3): the days of [`layout`], then the fewest talks per room and
/// blocks per day that fit.
pub fn layout_in_rooms(sessions: usize, rooms: usize) -> Layout {
    let days = layout(sessions).days;
    let rooms = rooms.max(3) - 2;
    let fits = |blocks: usize, talks: usize| {
        days * (fixed_per_day(blocks) + blocks * rooms * talks) >= sessions
    };
    let talks_per_room = (1..=MAX_TALKS_PER_ROOM)
        .find(|&k| fits(MAX_BLOCKS_PER_DAY, k))
        .unwrap_or(MAX_TALKS_PER_ROOM);
    let blocks_per_day = (0..=MAX_BLOCKS_PER_DAY)
        .find(|&b| fits(b, talks_per_room))
        .unwrap_or(MAX_BLOCKS_PER_DAY);
    Layout {
        days,
        rooms,
        blocks_per_day,
        talks_per_room,
    }
}

/// Like [`programme_json`], but in exactly `rooms` rooms ([`layout_in_rooms`]), for a
/// timetable of many columns (issue 17: 1,000 sessions in 70 rooms).
pub fn programme_json_in_rooms(sessions: usize, rooms: usize, seed: u64) -> String {
    let lay = layout_in_rooms(sessions, rooms);
    let id = format!("generated-{sessions}-rooms{rooms}");
    programme_json_laid_out(sessions, lay, id, seed)
}

fn programme_json_laid_out(sessions: usize, lay: Layout, id: String, seed: u64) -> String {
    let mut rng = Rng(seed ^ 0x5E11_1A4B_1A4E_u64.wrapping_mul(sessions as u64 + 1));
    let days = conference_days(lay.days);

    let (rooms, room_ids) = rooms(&mut rng, lay.rooms);
    let themes: Vec<Value> = THEMES
        .iter()
        .map(|&(tid, sv, en, colour)| {
            json!({ "id": tid, "name": localised(sv, en), "colour": colour })
        })
        .collect();
    let types: Vec<Value> = TYPES
        .iter()
        .map(|&(tid, sv, en, kind)| json!({ "id": tid, "name": localised(sv, en), "kind": kind }))
        .collect();
    let levels: Vec<Value> = LEVELS
        .iter()
        .map(|&(lid, sv, en)| json!({ "id": lid, "name": localised(sv, en) }))
        .collect();

    // Speakers: one and a half per session.
    let speaker_count = (sessions + sessions / 2).max(3);
    let speakers = speakers(&mut rng, speaker_count);

    // Block sessions, spread evenly over every block of every day.
    let block_count = lay.days * lay.blocks_per_day;
    let in_blocks = lay.block_sessions(sessions);
    let mut blocks = Vec::with_capacity(block_count);
    let mut out: Vec<Value> = Vec::with_capacity(sessions);
    let mut next_id = 0usize;
    let mut new_id = || {
        next_id += 1;
        format!("s{next_id:05}")
    };

    for (d, &date) in days.iter().enumerate() {
        // The morning plenary; the opening on the first day is always in Swedish.
        let en = d > 0 && rng.chance(8);
        let count = rng.below(2);
        let themes = rng.distinct(count, THEMES.len());
        let mut plenary = content_session(&mut rng, en, &themes, speaker_count, &id, &new_id());
        if d == 0 {
            let voice = Voice {
                words: &SV,
                themes: &themes,
            };
            plenary["title"] = json!(format!("Invigning: {}", title(&mut rng, &voice, 3, 8)));
        }
        plenary["type"] = json!("plenum");
        plenary["room"] = json!("stora-salen");
        plenary["start"] = json!(at(date, PLENARY.0));
        plenary["end"] = json!(at(date, PLENARY.1));
        if let Some(map) = plenary.as_object_mut() {
            map.remove("level");
        }
        out.push(plenary);

        for (b, &(start, end)) in BLOCKS.iter().enumerate().take(lay.blocks_per_day) {
            let block_id = format!("d{}-pass-{}", d + 1, b + 1);
            blocks.push(json!({
                "id": block_id,
                "name": localised(
                    &format!("Dag {}, pass {}", d + 1, b + 1),
                    &format!("Day {}, block {}", d + 1, b + 1),
                ),
                "start": at(date, start),
                "end": at(date, end),
            }));
            let ix = d * lay.blocks_per_day + b;
            let talks = in_blocks / block_count + usize::from(ix < in_blocks % block_count);
            let used = talks.div_ceil(lay.talks_per_room).min(lay.rooms);
            let first_room = rng.below(lay.rooms);
            for r in 0..used {
                let room = &room_ids[(first_room + r) % lay.rooms];
                let here = talks / used + usize::from(r < talks % used);
                let (slot, length) = talk_minutes(here);
                let workshop = here == 1 && rng.chance(20);
                for t in 0..here {
                    let en = rng.chance(8);
                    let count = if rng.chance(70) { 1 } else { 2 };
                    let themes = rng.distinct(count, THEMES.len());
                    let mut s =
                        content_session(&mut rng, en, &themes, speaker_count, &id, &new_id());
                    let from = start + slot * t as u32;
                    let to = if workshop { end } else { from + length };
                    s["type"] = json!(if workshop { "workshop" } else { "seminarium" });
                    s["room"] = json!(room);
                    s["block"] = json!(block_id);
                    s["start"] = json!(at(date, from));
                    s["end"] = json!(at(date, to));
                    out.push(s);
                }
            }
            if let Some(&(from, to, kind, name, room)) = BREAKS.get(b)
                && b + 1 < lay.blocks_per_day
            {
                out.push(json!({
                    "id": new_id(),
                    "title": name,
                    "type": kind,
                    "room": room,
                    "start": at(date, from),
                    "end": at(date, to),
                }));
            }
        }
    }
    // Only a programme of no sessions at all has fewer than its day's plenary.
    out.truncate(sessions);

    let conference = json!({
            "title": localised("Upphandlingsdagarna (genererad)", "Procurement Days (generated)"),
            "subtitle": localised(
                &format!("{sessions} programpunkter, {} dagar", lay.days),
                &format!("{sessions} sessions, {} days", lay.days),
            ),
            "venue": "Kongresscentrum",
            "city": "Uppsala",
            "time_zone": "Europe/Stockholm",
            "language": "sv",
            "days": days.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
            "url": format!("https://example.org/{id}"),
    });
    // In the order the format is written (`demo/programme.json`, `--convert`): what the
    // sessions refer to first, the sessions last.
    in_order(&[
        ("format", json!(FORMAT)),
        ("id", json!(id)),
        ("revision", json!(format!("seed-{seed}"))),
        ("conference", conference),
        ("rooms", json!(rooms)),
        ("themes", json!(themes)),
        ("types", json!(types)),
        ("levels", json!(levels)),
        ("blocks", json!(blocks)),
        ("speakers", json!(speakers)),
        ("sessions", json!(out)),
    ])
}

/// A JSON object with its members in the order given (`json!` sorts them by name).
fn in_order(members: &[(&str, Value)]) -> String {
    let members: Vec<String> = members
        .iter()
        .map(|(name, value)| format!("{}:{value}", json!(name)))
        .collect();
    format!("{{{}}}", members.join(","))
}

/// A session about `themes`: its text, speakers, tags, level and language. The caller adds
/// the type, the room and the times.
fn content_session(
    rng: &mut Rng,
    en: bool,
    themes: &[usize],
    speaker_count: usize,
    conference: &str,
    id: &str,
) -> Value {
    let voice = Voice {
        words: if en { &EN } else { &SV },
        themes,
    };
    let mut s = json!({
        "id": id,
        "title": title(rng, &voice, 4, 12),
        "abstract": abstract_text(rng, &voice),
        "themes": themes.iter().map(|&t| THEMES[t].0).collect::<Vec<_>>(),
    });
    if en {
        s["language"] = json!("en");
    }
    if rng.chance(15) {
        s["subtitle"] = Value::String(title(rng, &voice, 3, 7));
    }
    if rng.chance(85) {
        s["level"] = json!(LEVELS[rng.below(LEVELS.len())].0);
    }
    let tag_count = rng.range(2, 4);
    s["tags"] = rng
        .distinct(tag_count, TAGS.len())
        .into_iter()
        .map(|t| json!(TAGS[t]))
        .collect();
    let speaker_n = rng.range(1, 3);
    s["speakers"] = rng
        .distinct(speaker_n, speaker_count)
        .into_iter()
        .map(|p| json!(format!("p{:05}", p + 1)))
        .collect();
    if rng.chance(30) {
        s["url"] = json!(format!("https://example.org/{conference}/{id}"));
    }
    s
}

/// The generated programme, parsed and validated.
pub fn programme(sessions: usize, seed: u64) -> Programme {
    parse_programme(&programme_json(sessions, seed)).expect("a generated programme is valid")
}

/// The shapes of hostile schedule file [`hostile_frab`] writes, each aimed at work that
/// once grew with the square of the file's size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hostile {
    /// Every event has the id `0` (renaming clashes counted up from `-2` each time).
    SameId,
    /// Every event in a room and with a speaker of its own (rooms and people were looked
    /// up by searching lists).
    ManyRooms,
    /// Every event on a day of its own (days were looked up by searching the list).
    ManyDays,
}

/// A frab `schedule.json` of `events` events shaped as `shape`: valid, but built to make a
/// careless importer slow. For the hostile-file benchmark and tests.
pub fn hostile_frab(events: usize, shape: Hostile) -> String {
    let first = NaiveDate::from_ymd_opt(2027, 3, 16).unwrap_or_default();
    let day_count = if shape == Hostile::ManyDays {
        events
    } else {
        1
    };
    let mut days: Vec<Value> = (0..day_count)
        .map(|d| {
            let date = first + chrono::Days::new(d as u64);
            json!({ "index": d + 1, "date": date.to_string(), "rooms": {} })
        })
        .collect();
    for i in 0..events {
        let day = if shape == Hostile::ManyDays { i } else { 0 };
        let date = first + chrono::Days::new(day as u64);
        let (id, room) = match shape {
            Hostile::SameId => (json!(0), "Sal A".to_owned()),
            Hostile::ManyRooms => (json!(i), format!("Sal {i}")),
            Hostile::ManyDays => (json!(i), "Sal A".to_owned()),
        };
        let minute = (i % 96) * 5;
        let event = json!({
            "id": id,
            "date": format!("{date}T{:02}:{:02}:00+01:00", 9 + minute / 60, minute % 60),
            "start": format!("{:02}:{:02}", 9 + minute / 60, minute % 60),
            "duration": "00:30",
            "title": format!("Punkt {i}"),
            "type": "talk",
            "language": "sv",
            "persons": [{ "id": if shape == Hostile::ManyRooms { i } else { 1 }, "public_name": format!("Talare {}", if shape == Hostile::ManyRooms { i } else { 1 }) }],
        });
        if let Some(list) = days[day]["rooms"].as_object_mut().and_then(|rooms| {
            rooms
                .entry(room)
                .or_insert_with(|| json!([]))
                .as_array_mut()
        }) {
            list.push(event);
        }
    }
    let last = first + chrono::Days::new(day_count.saturating_sub(1) as u64);
    json!({ "schedule": { "version": "1", "conference": {
        "acronym": "fientlig-2027", "title": "Fientlig fil",
        "start": first.to_string(), "end": last.to_string(),
        "time_zone_name": "Europe/Stockholm", "days": days,
    } } })
    .to_string()
}
