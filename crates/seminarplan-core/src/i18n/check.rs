//! The words of the organisers' check page (`check.html`), in Swedish and English.

use crate::lang::Lang;

impl Lang {
    pub fn check_title(self) -> &'static str {
        self.pick("Kontrollera programmet", "Check the programme")
    }

    pub fn check_intro(self) -> &'static str {
        self.pick(
            "Välj eller släpp en programfil (arbetsboken som den är, .xlsx eller .ods, ett \
             kalkylark som CSV, frab XML/JSON, pretalx eller Seminarplans JSON), eller \
             klistra in en webbadress. Filen läses bara i din \
             webbläsare: ingenting laddas upp.",
            "Choose or drop a programme file (the workbook as it is, .xlsx or .ods, a \
             spreadsheet saved as CSV, frab XML/JSON, pretalx or Seminarplan's JSON), or \
             paste a web address. The file is only read \
             in your browser: nothing is uploaded.",
        )
    }

    pub fn check_file_label(self) -> &'static str {
        self.pick("Programfil", "Programme file")
    }

    pub fn check_drop(self) -> &'static str {
        self.pick("… eller släpp filen här", "… or drop the file here")
    }

    pub fn check_url_label(self) -> &'static str {
        self.pick(
            "Webbadress (till exempel Google Kalkylark: Publicera på webben → .xlsx eller CSV)",
            "Web address (for example Google Sheets: Publish to the web → .xlsx or CSV)",
        )
    }

    pub fn check_url_button(self) -> &'static str {
        self.pick("Hämta och kontrollera", "Fetch and check")
    }

    pub fn check_reading(self) -> &'static str {
        self.pick("Läser …", "Reading …")
    }

    pub fn check_ok(self, format: &str, counts: &str) -> String {
        match self {
            Lang::Sv => format!("Programmet går att visa ({format}): {counts}."),
            Lang::En => format!("The programme can be shown ({format}): {counts}."),
        }
    }

    pub fn check_failed(self, n: usize) -> String {
        match (self, n) {
            (Lang::Sv, 1) => "Programmet kan inte visas: 1 problem måste rättas.".into(),
            (Lang::Sv, n) => format!("Programmet kan inte visas: {n} problem måste rättas."),
            (Lang::En, 1) => "The programme cannot be shown: 1 problem must be fixed.".into(),
            (Lang::En, n) => format!("The programme cannot be shown: {n} problems must be fixed."),
        }
    }

    pub fn check_problems(self) -> &'static str {
        self.pick("Problem", "Problems")
    }

    pub fn check_warnings(self) -> &'static str {
        self.pick("Varningar", "Warnings")
    }

    pub fn check_no_warnings(self) -> &'static str {
        self.pick("Inga varningar.", "No warnings.")
    }

    pub fn check_download(self) -> &'static str {
        self.pick(
            "Ladda ner programmet som seminarplan/1-fil",
            "Download the programme as a seminarplan/1 file",
        )
    }

    pub fn check_snippet(self) -> &'static str {
        self.pick(
            "Klistra in det här på er webbsida",
            "Paste this into your web page",
        )
    }

    pub fn check_snippet_file(self) -> &'static str {
        self.pick(
            "Lägg den nedladdade filen på er webbplats och skriv dess adress i src.",
            "Put the downloaded file on your site and write its address in src.",
        )
    }

    pub fn check_preview(self) -> &'static str {
        self.pick("Förhandsvisning", "Preview")
    }

    pub fn check_counts(
        self,
        days: usize,
        rooms: usize,
        sessions: usize,
        speakers: usize,
    ) -> String {
        let n =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let parts = match self {
            Lang::Sv => [
                n(days, "dag", "dagar"),
                n(rooms, "lokal", "lokaler"),
                n(sessions, "programpunkt", "programpunkter"),
                n(speakers, "talare", "talare"),
            ],
            Lang::En => [
                n(days, "day", "days"),
                n(rooms, "room", "rooms"),
                n(sessions, "session", "sessions"),
                n(speakers, "speaker", "speakers"),
            ],
        };
        parts.join(", ")
    }

    pub fn check_fetch_failed(self, why: &str) -> String {
        match self {
            Lang::Sv => format!("Filen kunde inte hämtas: {why}"),
            Lang::En => format!("The file could not be fetched: {why}"),
        }
    }
}
