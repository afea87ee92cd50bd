//! The words of the static programme in the snippet (`snippet`) and of the check page's
//! notes about it, in Swedish and English.

use crate::lang::Lang;

impl Lang {
    /// The `<summary>` of a session's abstract.
    pub fn snippet_about(self) -> &'static str {
        self.pick("Om programpunkten", "About the session")
    }

    /// Said where a huge programme's snippet leaves the abstracts out.
    pub fn snippet_abstracts_left_out(self) -> &'static str {
        self.pick(
            "Programmet är stort, så sammanfattningarna finns bara i den interaktiva \
             versionen och i programfilen.",
            "The programme is large, so the abstracts are only in the interactive version \
             and in the programme file.",
        )
    }

    /// The check page's note on a snippet that leaves things out: the abstracts, and with
    /// `no_session_data` also the sessions' search-engine data.
    pub fn snippet_lean(self, no_session_data: bool) -> &'static str {
        match (self, no_session_data) {
            (Lang::Sv, false) => {
                "Programmet är stort: snippeten har inga sammanfattningar (den skulle bli \
                 större än 1 MB). Alla programpunkter finns med."
            }
            (Lang::Sv, true) => {
                "Programmet är mycket stort: snippeten har inga sammanfattningar, och \
                 sökmotordatan beskriver bara konferensen, inte varje programpunkt (den \
                 skulle bli större än 1 MB). Alla programpunkter finns med."
            }
            (Lang::En, false) => {
                "The programme is large: the snippet leaves the abstracts out (it would pass 1 MB). Every session is in it."
            }
            (Lang::En, true) => {
                "The programme is very large: the snippet leaves the abstracts out, and its \
                 search-engine data describes the conference only, not each session (it would pass 1 MB). Every session is in it."
            }
        }
    }

    /// The link to the programme file under the static programme.
    pub fn snippet_file(self) -> &'static str {
        self.pick("Programfilen", "The programme file")
    }

    /// The label of the check page's choice of the snippet's language.
    pub fn snippet_lang_label(self) -> &'static str {
        self.pick("Språk i koden", "Language of the snippet")
    }

    /// The check page's button that saves the snippet as a file.
    pub fn snippet_download(self) -> &'static str {
        self.pick(
            "Ladda ner snippeten (snippet.html)",
            "Download the snippet (snippet.html)",
        )
    }

    /// The check page's note on a pasted snippet that matches the file.
    pub fn snippet_current(self) -> &'static str {
        self.pick(
            "Snippeten på sidan stämmer med filen.",
            "The snippet on the page matches the file.",
        )
    }

    /// The check page's note on a pasted snippet made from another version of the file.
    pub fn snippet_outdated(self, pasted: Option<&str>, file: Option<&str>) -> String {
        let rev = |r: Option<&str>| r.map_or_else(String::new, |r| format!(" ({r})"));
        match self {
            Lang::Sv => format!(
                "Snippeten på sidan{} är äldre än filen{}: besökare utan JavaScript och \
                 sökmotorer ser det gamla programmet. Klistra in den nya snippeten.",
                rev(pasted),
                rev(file)
            ),
            Lang::En => format!(
                "The snippet on the page{} is older than the file{}: visitors without \
                 JavaScript and search engines see the old programme. Paste the new snippet.",
                rev(pasted),
                rev(file)
            ),
        }
    }

    /// The check page's note on pasted text that holds no snippet of ours.
    pub fn snippet_not_found(self) -> &'static str {
        self.pick(
            "Texten innehåller ingen snippet från Seminarplan med programmet i.",
            "The text holds no Seminarplan snippet with the programme in it.",
        )
    }

    /// The label of the box where the organiser pastes the snippet their page has now.
    pub fn snippet_paste_label(self) -> &'static str {
        self.pick(
            "Jämför med snippeten som finns på er sida nu (klistra in den här)",
            "Compare with the snippet your page has now (paste it here)",
        )
    }

    /// What search engines miss for an event listing (Google's Event rich results).
    pub fn snippet_missing(self, what: &[&str]) -> String {
        match self {
            Lang::Sv => format!(
                "För att sökmotorer (Googles evenemangsresultat) ska visa konferensen behövs \
                 också: {}.",
                what.join(", ")
            ),
            Lang::En => format!(
                "For search engines (Google's event results) to list the conference, also \
                 give: {}.",
                what.join(", ")
            ),
        }
    }

    pub fn snippet_missing_venue(self) -> &'static str {
        self.pick(
            "platsen (i kalkylarket raden # Plats:, i JSON conference.venue)",
            "the venue (in a spreadsheet the row # Venue:, in JSON conference.venue)",
        )
    }

    pub fn snippet_missing_city(self) -> &'static str {
        self.pick(
            "orten (i kalkylarket raden # Stad:, i JSON conference.city)",
            "the city (in a spreadsheet the row # City:, in JSON conference.city)",
        )
    }

    pub fn snippet_missing_dates(self) -> &'static str {
        self.pick(
            "datum (programpunkter med tider)",
            "the dates (sessions with times)",
        )
    }
}
