//! Column headings, in Swedish or English, in any order, recognised case- and
//! accent-insensitively (`Längd`, `LANGD` and `längd ` are the same column).

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    Id,
    Date,
    Start,
    End,
    Duration,
    Title,
    Subtitle,
    Room,
    Theme,
    Type,
    Block,
    Speakers,
    Organisation,
    Abstract,
    Language,
    Level,
    Url,
    Tags,
    /// `full`/`fullbokad`: the session is fully booked.
    Status,
}

/// Headings for each field, written as `fold` leaves them.
const NAMES: &[(Field, &[&str])] = &[
    (Field::Id, &["id", "nr", "nummer", "kod", "code"]),
    (Field::Date, &["datum", "date", "dag", "day"]),
    (
        Field::Start,
        &[
            "start",
            "starttid",
            "borjar",
            "tid",
            "time",
            "from",
            "fran",
            "kl",
            "klockslag",
        ],
    ),
    (
        Field::End,
        &["slut", "sluttid", "slutar", "end", "ends", "till", "to"],
    ),
    (
        Field::Duration,
        &["langd", "duration", "minuter", "minutes", "length", "min"],
    ),
    (
        Field::Title,
        &["titel", "title", "rubrik", "namn", "name", "programpunkt"],
    ),
    (Field::Subtitle, &["undertitel", "subtitle", "underrubrik"]),
    (
        Field::Room,
        &["lokal", "sal", "room", "rum", "location", "plats"],
    ),
    (
        Field::Theme,
        &[
            "tema", "teman", "spar", "theme", "themes", "track", "tracks", "amne",
        ],
    ),
    (
        Field::Type,
        &["typ", "type", "sessionstyp", "kind", "format"],
    ),
    (Field::Block, &["pass", "block", "seminariepass"]),
    (
        Field::Speakers,
        &[
            "talare",
            "speakers",
            "speaker",
            "medverkande",
            "foredragshallare",
            "presenters",
        ],
    ),
    (
        Field::Organisation,
        &[
            "organisation",
            "organization",
            "org",
            "organisationer",
            "affiliation",
        ],
    ),
    (
        Field::Abstract,
        &[
            "beskrivning",
            "abstract",
            "description",
            "sammanfattning",
            "text",
        ],
    ),
    (Field::Language, &["sprak", "language", "lang"]),
    (Field::Level, &["niva", "level", "malgrupp"]),
    (Field::Url, &["lank", "url", "link", "webbadress", "webb"]),
    (
        Field::Tags,
        &["taggar", "tags", "nyckelord", "keywords", "etiketter"],
    ),
    (Field::Status, &["status"]),
];

/// Lower case, Swedish and other accents dropped (`å ä` → `a`, `ö` → `o`, `é` → `e`),
/// and everything but letters and digits removed.
pub(crate) fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            'å' | 'ä' | 'à' | 'á' | 'â' | 'æ' => Some('a'),
            'ö' | 'ø' | 'ó' | 'ò' | 'ô' => Some('o'),
            'é' | 'è' | 'ê' | 'ë' => Some('e'),
            'ü' | 'ú' | 'ù' => Some('u'),
            'í' | 'ì' | 'ï' => Some('i'),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

/// The field a heading names, if any.
pub(crate) fn field(heading: &str) -> Option<Field> {
    // No heading is longer; a cell of a megabyte is not folded for nothing.
    if heading.len() > 64 {
        return None;
    }
    let folded = fold(heading);
    NAMES
        .iter()
        .find(|(_, names)| names.contains(&folded.as_str()))
        .map(|(f, _)| *f)
}

/// How many fields there are (the length of [`Header`]'s index).
const FIELDS: usize = Field::Status as usize + 1;

/// The columns of a header row: for each cell, its field (`None`: unknown or empty), and
/// for each field its column, so that a cell is found at once however wide the sheet.
pub(crate) struct Header {
    pub headings: Vec<String>,
    pub fields: Vec<Option<Field>>,
    columns: [Option<usize>; FIELDS],
}

impl Header {
    pub(crate) fn new(cells: &[String]) -> Self {
        let mut columns = [None; FIELDS];
        let mut fields: Vec<Option<Field>> = Vec::with_capacity(cells.len());
        for (i, cell) in cells.iter().enumerate() {
            // A second column of the same kind is unknown (the first one counts).
            let f = field(cell).filter(|f| columns[*f as usize].is_none());
            if let Some(f) = f {
                columns[f as usize] = Some(i);
            }
            fields.push(f);
        }
        Header {
            headings: cells.to_vec(),
            fields,
            columns,
        }
    }

    /// Whether this row is a header: it names the Title column and another known one.
    pub(crate) fn is_header(&self) -> bool {
        self.known() >= 2 && self.has(Field::Title)
    }

    /// How many cells name a known field.
    pub(crate) fn known(&self) -> usize {
        self.columns.iter().flatten().count()
    }

    pub(crate) fn has(&self, field: Field) -> bool {
        self.columns[field as usize].is_some()
    }

    /// The heading of a field as the organiser wrote it.
    pub(crate) fn heading(&self, field: Field) -> String {
        self.columns[field as usize].map_or_else(String::new, |i| self.headings[i].clone())
    }

    /// The cell of `field` in `cells`, trimmed; empty when missing.
    pub(crate) fn get<'a>(&self, cells: &'a [String], field: Field) -> &'a str {
        self.columns[field as usize]
            .and_then(|i| cells.get(i))
            .map_or("", String::as_str)
    }
}
