//! Every word the widget shows, in Swedish (the default) and English.
//!
//! Texts are methods on `Lang` so a missing translation is a compile error, not a blank.
//! Dates are formatted here too: chrono's locale support would cost more wasm than this.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

use crate::filter::Facet;
use crate::lang::Lang;
use crate::loading::FetchFault;
use crate::loading::LoadError;
use crate::parse::{Problem, ProgrammeError, RefKind};
use crate::time::clock;

mod check;
mod snippet;

impl Lang {
    /// The name of this language, written in that language (for the switch button).
    pub fn own_name(self) -> &'static str {
        self.pick("Svenska", "English")
    }

    pub fn switch_label(self) -> &'static str {
        self.pick("Byt språk till engelska", "Change language to Swedish")
    }

    pub fn loading(self) -> &'static str {
        self.pick("Programmet laddas …", "Loading the programme …")
    }

    /// While the first sessions of a large file are shown and the rest is read.
    pub fn loading_rest(self) -> &'static str {
        self.pick(
            "Resten av programmet laddas … Här är de första passen. Du kan välja pass när allt har laddats.",
            "Loading the rest of the programme … Here are the first sessions. You can choose sessions once everything has loaded.",
        )
    }

    pub fn programme(self) -> &'static str {
        self.pick("Programmet", "Programme")
    }

    pub fn my_schedule(self) -> &'static str {
        self.pick("Mitt schema", "My schedule")
    }

    pub fn views_label(self) -> &'static str {
        self.pick("Vy", "View")
    }

    pub fn days_label(self) -> &'static str {
        self.pick("Konferensdagar", "Conference days")
    }

    pub fn star_add(self, title: &str) -> String {
        match self {
            Lang::Sv => format!("Lägg till {title} i mitt schema"),
            Lang::En => format!("Add {title} to my schedule"),
        }
    }

    pub fn star_remove(self, title: &str) -> String {
        match self {
            Lang::Sv => format!("Ta bort {title} från mitt schema"),
            Lang::En => format!("Remove {title} from my schedule"),
        }
    }

    pub fn show_more(self) -> &'static str {
        self.pick("Visa beskrivning", "Show description")
    }

    pub fn show_less(self) -> &'static str {
        self.pick("Dölj beskrivning", "Hide description")
    }

    pub fn no_abstract(self) -> &'static str {
        self.pick("Ingen beskrivning ännu.", "No description yet.")
    }

    pub fn language_name(self, code: &str) -> String {
        let base = code
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let known = match base.as_str() {
            "sv" => Some(self.pick("Svenska", "Swedish")),
            "en" => Some(self.pick("Engelska", "English")),
            "de" => Some(self.pick("Tyska", "German")),
            "fi" => Some(self.pick("Finska", "Finnish")),
            "no" | "nb" | "nn" => Some(self.pick("Norska", "Norwegian")),
            "da" => Some(self.pick("Danska", "Danish")),
            "fr" => Some(self.pick("Franska", "French")),
            _ => None,
        };
        known.map_or_else(|| code.to_owned(), str::to_owned)
    }

    pub fn empty_schedule(self) -> &'static str {
        self.pick(
            "Du har inte valt något ännu. Tryck på stjärnan vid ett seminarium för att lägga till det här.",
            "You have not chosen anything yet. Press the star on a seminar to add it here.",
        )
    }

    pub fn chosen_count(self, n: usize) -> String {
        match (self, n) {
            (Lang::Sv, 1) => "1 vald programpunkt".to_owned(),
            (Lang::Sv, n) => format!("{n} valda programpunkter"),
            (Lang::En, 1) => "1 session chosen".to_owned(),
            (Lang::En, n) => format!("{n} sessions chosen"),
        }
    }

    pub fn clash_with(self, other: &str) -> String {
        match self {
            Lang::Sv => format!("Krockar med {other}"),
            Lang::En => format!("Clashes with {other}"),
        }
    }

    pub fn clashes_count(self, n: usize) -> String {
        match (self, n) {
            (Lang::Sv, 1) => "1 krock i ditt schema".to_owned(),
            (Lang::Sv, n) => format!("{n} krockar i ditt schema"),
            (Lang::En, 1) => "1 clash in your schedule".to_owned(),
            (Lang::En, n) => format!("{n} clashes in your schedule"),
        }
    }

    pub fn cancelled(self) -> &'static str {
        self.pick(
            "Finns inte längre i programmet",
            "No longer in the programme",
        )
    }

    pub fn storage_unavailable(self) -> &'static str {
        self.pick(
            "Webbläsaren låter oss inte spara. Dina val finns kvar tills du stänger sidan.",
            "Your browser does not let us save. Your choices last until you close the page.",
        )
    }

    pub fn storage_corrupt(self) -> &'static str {
        self.pick(
            "Ditt sparade schema gick inte att läsa. Det är undanlagt, inte raderat, och du börjar med ett tomt schema.",
            "Your saved schedule could not be read. It has been set aside, not deleted, and you start with an empty schedule.",
        )
    }

    pub fn storage_future(self) -> &'static str {
        self.pick(
            "Ditt schema sparades av en nyare version av programmet. Det är undanlagt, inte raderat.",
            "Your schedule was saved by a newer version of this widget. It has been set aside, not deleted.",
        )
    }

    /// The button in the notice about a record set aside.
    pub fn restore_aside(self) -> &'static str {
        self.pick(
            "Hämta tillbaka det som går att läsa",
            "Restore what can be read",
        )
    }

    pub fn dismiss(self) -> &'static str {
        self.pick("Stäng meddelandet", "Dismiss message")
    }

    pub fn error_title(self) -> &'static str {
        self.pick(
            "Programmet kunde inte visas",
            "The programme could not be shown",
        )
    }

    pub fn error_intro(self) -> &'static str {
        self.pick(
            "Programfilen innehåller fel. Meddela arrangören; detta behöver rättas:",
            "The programme file has errors. Please tell the organiser; this needs fixing:",
        )
    }

    /// Why the programme file could not be fetched, as one sentence.
    pub fn fetch_fault(self, fault: &FetchFault) -> String {
        match (fault, self) {
            (FetchFault::BadUrl, Lang::Sv) => "Programfilens adress är ogiltig.".into(),
            (FetchFault::BadUrl, Lang::En) => "The programme file's address is not valid.".into(),
            (FetchFault::Network, Lang::Sv) => {
                "Programfilen kunde inte hämtas: ingen kontakt med servern. Kontrollera nätverket.".into()
            }
            (FetchFault::Network, Lang::En) => {
                "The programme file could not be fetched: the server could not be reached. Check the network.".into()
            }
            (FetchFault::NotFound, Lang::Sv) => {
                "Programfilen finns inte på sin adress (HTTP 404).".into()
            }
            (FetchFault::NotFound, Lang::En) => {
                "There is no programme file at its address (HTTP 404).".into()
            }
            (FetchFault::Status(code), Lang::Sv) => {
                format!("Servern kunde inte lämna ut programfilen (HTTP {code}).")
            }
            (FetchFault::Status(code), Lang::En) => {
                format!("The server could not deliver the programme file (HTTP {code}).")
            }
            (FetchFault::Timeout, Lang::Sv) => {
                "Programfilen tog för lång tid att hämta. Servern eller nätverket är långsamt.".into()
            }
            (FetchFault::Timeout, Lang::En) => {
                "The programme file took too long to fetch. The server or the network is slow.".into()
            }
            (FetchFault::Truncated, Lang::Sv) => {
                "Överföringen av programfilen bröts innan hela filen kommit fram.".into()
            }
            (FetchFault::Truncated, Lang::En) => {
                "The transfer broke off before the whole programme file had arrived.".into()
            }
            (FetchFault::WebPage, Lang::Sv) => {
                "Adressen gav en webbsida, inte en programfil. Kontrollera programfilens adress.".into()
            }
            (FetchFault::WebPage, Lang::En) => {
                "The address gave a web page, not a programme file. Check the programme file's address.".into()
            }
            (FetchFault::TooLarge, Lang::Sv) => format!(
                "Programfilen är större än {} MB och hämtades inte.",
                crate::loading::MAX_FETCH_BYTES / 1_000_000
            ),
            (FetchFault::TooLarge, Lang::En) => format!(
                "The programme file is larger than {} MB and was not fetched.",
                crate::loading::MAX_FETCH_BYTES / 1_000_000
            ),
        }
    }

    /// Why a fresh programme could not be loaded, in one sentence, for the out-of-date note.
    pub fn load_error_short(self, error: &LoadError) -> String {
        match error {
            LoadError::Fetch(fault) => self.fetch_fault(fault),
            LoadError::Invalid(_) => self
                .pick(
                    "Den nya programfilen innehåller fel och kan inte visas.",
                    "The new programme file has mistakes and cannot be shown.",
                )
                .into(),
        }
    }

    /// The note above a programme that is the last good copy kept in the browser.
    pub fn stale_programme(self, fetched: &str) -> String {
        match self {
            Lang::Sv => {
                format!("Du ser programmet som det var {fetched}. Det kan vara inaktuellt.")
            }
            Lang::En => format!(
                "You are seeing the programme as it was on {fetched}. It may be out of date."
            ),
        }
    }

    /// When a programme copy was fetched (`ms` since 1970), in words, in the visitor's time
    /// zone (`offset_west_minutes` as `Date.getTimezoneOffset` gives it). Empty for a time
    /// that cannot be shown; never panics, whatever the stored number says.
    pub fn fetched_at(self, ms: i64, offset_west_minutes: f64) -> String {
        use crate::loading::MAX_FETCHED_MS;
        let offset = offset_west_minutes.clamp(-24.0 * 60.0, 24.0 * 60.0) as i32 * 60;
        FixedOffset::west_opt(offset)
            .zip(DateTime::from_timestamp_millis(ms.clamp(0, MAX_FETCHED_MS)))
            .map(|(offset, t)| self.date_time(t.with_timezone(&offset)))
            .unwrap_or_default()
    }

    /// "16 mars 2027 kl. 13:05" / "16 March 2027 at 13:05".
    pub fn date_time(self, t: DateTime<FixedOffset>) -> String {
        let day = t.date_naive();
        match self {
            Lang::Sv => format!(
                "{} {} {} kl. {}",
                day.day(),
                self.month(day),
                day.year(),
                clock(t)
            ),
            Lang::En => format!(
                "{} {} {} at {}",
                day.day(),
                self.month(day),
                day.year(),
                clock(t)
            ),
        }
    }

    pub fn reloading(self) -> &'static str {
        self.pick("Hämtar programmet igen …", "Fetching the programme again …")
    }

    /// The heading over the saved plan shown when no programme can be shown.
    pub fn offline_plan_title(self) -> &'static str {
        self.pick("Ditt sparade schema", "Your saved schedule")
    }

    pub fn offline_plan_note(self) -> &'static str {
        self.pick(
            "Så som det såg ut när du sparade det. Tider och lokaler kan ha ändrats.",
            "As it was when you saved it. Times and rooms may have changed since.",
        )
    }

    pub fn sessions_left_out(self) -> &'static str {
        self.pick(
            "Några programpunkter kan inte visas, eftersom programfilen har fel i dem.",
            "Some sessions cannot be shown, because the programme file has mistakes in them.",
        )
    }

    pub fn storage_full(self) -> &'static str {
        self.pick(
            "Webbläsarens lagring är full, så ditt schema kunde inte sparas. Dina val finns kvar tills du stänger sidan.",
            "Your browser's storage is full, so your schedule could not be saved. Your choices last until you close the page.",
        )
    }

    pub fn share_unreadable(self) -> &'static str {
        self.pick(
            "Länken innehöll ett delat schema som inte kunde läsas (för långt eller skadat). Be avsändaren dela igen, eller ladda ner schemat som kalenderfil.",
            "The link held a shared schedule that could not be read (too long or damaged). Ask the sender to share again, or to send the schedule as a calendar file.",
        )
    }

    pub fn link_dropped(self) -> &'static str {
        self.pick(
            "Programmet stannade på något i sidans adress och har startats om utan det. Den delen av adressen har tagits bort. Dina val är sparade.",
            "The programme stopped on something in the page's address and has started again without it. That part of the address was removed. Your choices are saved.",
        )
    }

    pub fn open_file(self) -> &'static str {
        self.pick("Öppna programfilen", "Open the programme file")
    }

    pub fn retry(self) -> &'static str {
        self.pick("Försök igen", "Try again")
    }

    pub fn crashed(self) -> &'static str {
        self.pick(
            "Något gick fel i programvisningen. Ladda om sidan; dina val är sparade.",
            "Something went wrong in the programme view. Reload the page; your choices are saved.",
        )
    }

    pub fn room(self) -> &'static str {
        self.pick("Lokal", "Room")
    }

    pub fn speakers(self) -> &'static str {
        self.pick("Medverkande", "Speakers")
    }

    pub fn language(self) -> &'static str {
        self.pick("Språk", "Language")
    }

    pub fn level(self) -> &'static str {
        self.pick("Nivå", "Level")
    }

    pub fn other_sessions(self) -> &'static str {
        self.pick("Övriga programpunkter", "Other sessions")
    }

    pub fn search_label(self) -> &'static str {
        self.pick("Sök i programmet", "Search the programme")
    }

    pub fn search_placeholder(self) -> &'static str {
        self.pick(
            "Titel, talare, organisation, ämne …",
            "Title, speaker, organisation, topic …",
        )
    }

    pub fn facet_name(self, facet: Facet) -> &'static str {
        match facet {
            Facet::Block => self.pick("Seminariepass", "Seminar block"),
            Facet::Theme => self.pick("Tema", "Theme"),
            Facet::Type => self.pick("Typ", "Type"),
            Facet::Room => self.pick("Lokal", "Room"),
            Facet::Language => self.pick("Språk", "Language"),
            Facet::Level => self.pick("Nivå", "Level"),
        }
    }

    pub fn count_label(self, n: usize) -> String {
        match (self, n) {
            (Lang::Sv, 1) => "1 träff".to_owned(),
            (Lang::Sv, n) => format!("{n} träffar"),
            (Lang::En, 1) => "1 match".to_owned(),
            (Lang::En, n) => format!("{n} matches"),
        }
    }

    pub fn filters_button(self, active: usize) -> String {
        let word = self.pick("Filter", "Filters");
        if active == 0 {
            word.to_owned()
        } else {
            format!("{word} ({active})")
        }
    }

    pub fn only_starred(self) -> &'static str {
        self.pick("Bara mina valda", "Only my starred")
    }

    pub fn show_more_sessions(self, left: usize) -> String {
        match self {
            Lang::Sv => format!("Visa fler sessioner ({left} till)"),
            Lang::En => format!("Show more sessions ({left} more)"),
        }
    }

    /// Under a filter group with many options, of which only the first are shown.
    pub fn show_all_options(self, n: usize) -> String {
        match self {
            Lang::Sv => format!("Visa alla ({n})"),
            Lang::En => format!("Show all ({n})"),
        }
    }

    pub fn show_fewer_options(self) -> &'static str {
        self.pick("Visa färre", "Show fewer")
    }

    pub fn skip_filters(self) -> &'static str {
        self.pick(
            "Hoppa förbi filtren till sessionerna",
            "Skip the filters to the sessions",
        )
    }

    pub fn clear_filters(self) -> &'static str {
        self.pick("Rensa alla filter", "Clear all filters")
    }

    pub fn remove_filter(self, what: &str) -> String {
        match self {
            Lang::Sv => format!("Ta bort filtret {what}"),
            Lang::En => format!("Remove the filter {what}"),
        }
    }

    pub fn active_filters(self) -> &'static str {
        self.pick("Aktiva filter", "Active filters")
    }

    pub fn result_count(self, n: usize) -> String {
        match (self, n) {
            (Lang::Sv, 0) => "Inga programpunkter matchar.".to_owned(),
            (Lang::Sv, 1) => "1 programpunkt".to_owned(),
            (Lang::Sv, n) => format!("{n} programpunkter"),
            (Lang::En, 0) => "No sessions match.".to_owned(),
            (Lang::En, 1) => "1 session".to_owned(),
            (Lang::En, n) => format!("{n} sessions"),
        }
    }

    pub fn loosen_filters(self) -> &'static str {
        self.pick(
            "Ta bort något av filtren nedan för att se fler.",
            "Remove one of the filters below to see more.",
        )
    }

    pub fn all_days(self) -> &'static str {
        self.pick("Alla dagar", "All days")
    }

    pub fn open_session(self, title: &str) -> String {
        match self {
            Lang::Sv => format!("Visa allt om {title}"),
            Lang::En => format!("Show everything about {title}"),
        }
    }

    pub fn close(self) -> &'static str {
        self.pick("Stäng", "Close")
    }

    pub fn alternatives(self) -> &'static str {
        self.pick(
            "Andra seminarier i samma pass",
            "Other seminars in the same block",
        )
    }

    pub fn sessions_of(self, name: &str) -> String {
        match self {
            Lang::Sv => format!("Programpunkter med {name}"),
            Lang::En => format!("Sessions with {name}"),
        }
    }

    pub fn tags(self) -> &'static str {
        self.pick("Nyckelord", "Keywords")
    }

    pub fn theme(self) -> &'static str {
        self.pick("Tema", "Theme")
    }

    pub fn session_type(self) -> &'static str {
        self.pick("Typ", "Type")
    }

    pub fn block(self) -> &'static str {
        self.pick("Pass", "Block")
    }

    pub fn when(self) -> &'static str {
        self.pick("Tid", "Time")
    }

    pub fn more_info(self) -> &'static str {
        self.pick("Mer information", "More information")
    }

    pub fn nothing_chosen(self) -> &'static str {
        self.pick("Inget valt ännu", "Nothing chosen yet")
    }

    pub fn see_block(self, block: &str) -> String {
        match self {
            Lang::Sv => format!("Se seminarierna i {block}"),
            Lang::En => format!("See the seminars in {block}"),
        }
    }

    pub fn blocks_heading(self) -> &'static str {
        self.pick("Dina seminariepass", "Your seminar blocks")
    }

    pub fn choose_instead(self, title: &str) -> String {
        match self {
            Lang::Sv => format!("Välj detta i stället: {title}"),
            Lang::En => format!("Choose this instead: {title}"),
        }
    }

    pub fn choose_instead_short(self) -> &'static str {
        self.pick("Välj detta i stället", "Choose this instead")
    }

    pub fn changes_title(self) -> &'static str {
        self.pick(
            "Ändrat sedan ditt senaste besök",
            "Changed since your last visit",
        )
    }

    pub fn change(self, change: &crate::plan::Change) -> String {
        use crate::plan::Change;
        let time = |rfc: &str| {
            DateTime::parse_from_rfc3339(rfc)
                .map(|t| format!("{} {}", self.short_date(t.date_naive()), clock(t)))
                .unwrap_or_else(|_| rfc.to_owned())
        };
        let none = self.pick("ingen lokal", "no room");
        match (change, self) {
            (
                Change::Moved {
                    title, from, to, ..
                },
                Lang::Sv,
            ) => {
                format!("{title}: flyttad från {} till {}", time(from), time(to))
            }
            (
                Change::Moved {
                    title, from, to, ..
                },
                Lang::En,
            ) => {
                format!("{title}: moved from {} to {}", time(from), time(to))
            }
            (Change::Renamed { from, to, .. }, Lang::Sv) => format!("{from}: heter nu {to}"),
            (Change::Renamed { from, to, .. }, Lang::En) => format!("{from}: now called {to}"),
            (
                Change::RoomChanged {
                    title, from, to, ..
                },
                Lang::Sv,
            ) => format!(
                "{title}: ny lokal {} (var {})",
                to.as_deref().unwrap_or(none),
                from.as_deref().unwrap_or(none)
            ),
            (
                Change::RoomChanged {
                    title, from, to, ..
                },
                Lang::En,
            ) => format!(
                "{title}: new room {} (was {})",
                to.as_deref().unwrap_or(none),
                from.as_deref().unwrap_or(none)
            ),
            (Change::Cancelled { title, .. }, Lang::Sv) => {
                format!("{title}: inställd eller borttagen")
            }
            (Change::Cancelled { title, .. }, Lang::En) => format!("{title}: cancelled or removed"),
            (Change::Found { title, by, .. }, _) => self.found(title, *by),
        }
    }

    /// A star carried over to the session it became (`Plan::follow`).
    fn found(self, title: &str, by: crate::plan::Found) -> String {
        use crate::plan::Found;
        match (by, self) {
            (Found::TimeAndRoom, Lang::Sv) => {
                format!("{title}: din stjärna följde med, passet på samma tid i samma lokal")
            }
            (Found::TimeAndRoom, Lang::En) => {
                format!(
                    "{title}: your star moved with it, the session at the same time in the same room"
                )
            }
            (Found::Title, Lang::Sv) => {
                format!("{title}: din stjärna följde med, passet med samma titel")
            }
            (Found::Title, Lang::En) => {
                format!("{title}: your star moved with it, the session with the same title")
            }
        }
    }

    pub fn seen_changes(self) -> &'static str {
        self.pick("Jag har sett ändringarna", "I have seen the changes")
    }

    pub fn download_plan(self) -> &'static str {
        self.pick(
            "Ladda ner mitt schema till kalendern (.ics)",
            "Download my schedule for a calendar (.ics)",
        )
    }

    pub fn add_to_calendar(self, title: &str) -> String {
        match self {
            Lang::Sv => format!("Lägg i kalendern: {title} (.ics)"),
            Lang::En => format!("Add to calendar: {title} (.ics)"),
        }
    }

    pub fn calendar_short(self) -> &'static str {
        self.pick("Lägg i kalendern", "Add to calendar")
    }

    pub fn print(self) -> &'static str {
        self.pick("Skriv ut", "Print")
    }

    pub fn share_button(self) -> &'static str {
        self.pick(
            "Ta med schemat till mobilen",
            "Take my schedule to my phone",
        )
    }

    pub fn share_title(self) -> &'static str {
        self.pick("Dela ditt schema", "Share your schedule")
    }

    pub fn share_help(self) -> &'static str {
        self.pick(
            "Skanna koden med mobilens kamera, eller kopiera länken. Länken innehåller bara vilka programpunkter du valt.",
            "Scan the code with your phone's camera, or copy the link. The link only holds which sessions you chose.",
        )
    }

    pub fn share_link_label(self) -> &'static str {
        self.pick("Länk till ditt schema", "Link to your schedule")
    }

    pub fn copy_link(self) -> &'static str {
        self.pick("Kopiera länken", "Copy the link")
    }

    pub fn qr_label(self) -> &'static str {
        self.pick(
            "QR-kod med länken till ditt schema",
            "QR code with the link to your schedule",
        )
    }

    pub fn shared_title(self, n: usize) -> String {
        match self {
            Lang::Sv => format!("Någon har delat ett schema med dig ({n} programpunkter)"),
            Lang::En => format!("Someone shared a schedule with you ({n} sessions)"),
        }
    }

    pub fn shared_other_programme(self) -> &'static str {
        self.pick(
            "Det delade schemat hör till ett annat program och kan inte visas här.",
            "The shared schedule belongs to another programme and cannot be shown here.",
        )
    }

    pub fn merge_shared(self) -> &'static str {
        self.pick("Lägg till i mitt schema", "Add to my schedule")
    }

    pub fn adopt_shared(self, mine: usize) -> String {
        match self {
            Lang::Sv => format!("Ersätt mitt schema ({mine} valda tas bort)"),
            Lang::En => format!("Replace my schedule ({mine} chosen are removed)"),
        }
    }

    pub fn adopt_shared_empty(self) -> &'static str {
        self.pick("Använd detta schema", "Use this schedule")
    }

    pub fn ignore_shared(self) -> &'static str {
        self.pick("Strunta i det", "Ignore it")
    }

    pub fn layout_label(self) -> &'static str {
        self.pick("Visa programmet som", "Show the programme as")
    }

    pub fn list_view(self) -> &'static str {
        self.pick("Lista", "List")
    }

    pub fn grid_view(self) -> &'static str {
        self.pick("Tidsschema", "Timetable")
    }

    pub fn show_dimmed(self) -> &'static str {
        self.pick(
            "Visa även övriga programpunkter, nedtonade",
            "Also show the other sessions, dimmed",
        )
    }

    /// The name of the scrollable timetable region: "Tidsschema, tisdag 16 mars".
    /// The timetable's scroll region: the view, the day and how many sessions it has.
    pub fn timetable_label(self, day: NaiveDate, sessions: usize) -> String {
        let count = match (self, sessions) {
            (Lang::Sv, 1) => "1 programpunkt".to_owned(),
            (Lang::Sv, n) => format!("{n} programpunkter"),
            (Lang::En, 1) => "1 session".to_owned(),
            (Lang::En, n) => format!("{n} sessions"),
        };
        format!("{}, {}, {count}", self.grid_view(), self.long_date(day))
    }

    /// How the keys move between the timetable's sessions.
    pub fn timetable_keys(self) -> &'static str {
        self.pick(
            "Piltangenterna flyttar från programpunkt till programpunkt: upp och ned i samma lokal, åt sidorna till lokalen bredvid. Home och End går till första och sista lokalen, Page Up och Page Down en timme.",
            "The arrow keys move from session to session: up and down in the same room, sideways to the next room. Home and End go to the first and last room, Page Up and Page Down an hour.",
        )
    }

    pub fn timetable_note(self) -> &'static str {
        self.pick(
            "Tidsschemat visar lokalerna som kolumner och tiden nedåt. Varje programpunkt är en knapp med titel, tid och lokal. Listvyn visar samma programpunkter i läsordning.",
            "The timetable shows the rooms as columns and time running down. Each session is a button with its title, time and room. The list view shows the same sessions in reading order.",
        )
    }

    pub fn no_room(self) -> &'static str {
        self.pick("Utan lokal", "No room")
    }

    pub fn in_my_schedule(self) -> &'static str {
        self.pick("i mitt schema", "in my schedule")
    }

    pub fn not_matching(self) -> &'static str {
        self.pick("matchar inte filtren", "does not match the filters")
    }

    pub fn nothing_this_day(self) -> &'static str {
        self.pick(
            "Inga programpunkter att visa den här dagen.",
            "No sessions to show on this day.",
        )
    }

    pub fn now_label(self) -> &'static str {
        self.pick("Nu", "Now")
    }

    pub fn next_label(self) -> &'static str {
        self.pick("Härnäst", "Next")
    }

    pub fn now_next_label(self) -> &'static str {
        self.pick("Just nu och härnäst", "Now and next")
    }

    /// The time the next sessions start: "kl. 16:15" / "at 16:15".
    pub fn starts_at(self, t: DateTime<FixedOffset>) -> String {
        match self {
            Lang::Sv => format!("kl. {}", clock(t)),
            Lang::En => format!("at {}", clock(t)),
        }
    }

    pub fn nothing_now(self) -> &'static str {
        self.pick("Inget pågår just nu", "Nothing on right now")
    }

    pub fn more_sessions(self, n: usize) -> String {
        match (self, n) {
            (Lang::Sv, 1) => "och 1 programpunkt till".to_owned(),
            (Lang::Sv, n) => format!("och {n} programpunkter till"),
            (Lang::En, 1) => "and 1 more session".to_owned(),
            (Lang::En, n) => format!("and {n} more sessions"),
        }
    }

    /// A short tab label: "tis 16/3" / "Tue 16 Mar".
    pub fn short_date(self, day: NaiveDate) -> String {
        let wd: String = self.weekday(day).chars().take(3).collect();
        match self {
            Lang::Sv => format!("{wd} {}/{}", day.day(), day.month()),
            Lang::En => format!(
                "{wd} {} {}",
                day.day(),
                self.month(day).chars().take(3).collect::<String>()
            ),
        }
    }

    pub fn problem(self, e: &ProgrammeError) -> String {
        let place = if e.path.is_empty() {
            String::new()
        } else {
            format!("{}: ", e.path)
        };
        let what = match (&e.problem, self) {
            (Problem::Syntax { line, column }, Lang::Sv) => {
                format!("filen är inte giltig JSON (rad {line}, kolumn {column})")
            }
            (Problem::Syntax { line, column }, Lang::En) => {
                format!("the file is not valid JSON (line {line}, column {column})")
            }
            (Problem::Shape { detail }, Lang::Sv) => format!("fel form på innehållet: {detail}"),
            (Problem::Shape { detail }, Lang::En) => format!("unexpected content: {detail}"),
            (Problem::TooLarge { bytes }, Lang::Sv) => {
                format!("filen är för stor ({} MB)", bytes / 1_000_000)
            }
            (Problem::TooLarge { bytes }, Lang::En) => {
                format!("the file is too large ({} MB)", bytes / 1_000_000)
            }
            (Problem::TooDeep { line, column }, Lang::Sv) => format!(
                "filen är för djupt nästlad för att vara ett program (rad {line}, kolumn {column})"
            ),
            (Problem::TooDeep { line, column }, Lang::En) => format!(
                "the file is nested too deeply to be a programme (line {line}, column {column})"
            ),
            (Problem::UnknownFormat { found }, Lang::Sv) => format!(
                "okänt format \"{found}\", väntade \"{}\"",
                crate::parse::FORMAT
            ),
            (Problem::UnknownFormat { found }, Lang::En) => format!(
                "unknown format \"{found}\", expected \"{}\"",
                crate::parse::FORMAT
            ),
            (Problem::Duplicate { id }, Lang::Sv) => format!("id \"{id}\" förekommer flera gånger"),
            (Problem::Duplicate { id }, Lang::En) => format!("id \"{id}\" is used more than once"),
            (Problem::UnknownReference { kind, id }, lang) => {
                let k = self.ref_kind(*kind);
                match lang {
                    Lang::Sv => format!("hänvisar till {k} \"{id}\" som inte finns"),
                    Lang::En => format!("refers to {k} \"{id}\", which does not exist"),
                }
            }
            (Problem::BadTime { value }, Lang::Sv) => format!(
                "\"{value}\" är ingen tid; väntade RFC 3339, t.ex. 2027-03-16T13:00:00+01:00"
            ),
            (Problem::BadTime { value }, Lang::En) => format!(
                "\"{value}\" is not a time; expected RFC 3339, e.g. 2027-03-16T13:00:00+01:00"
            ),
            (Problem::BadDate { value }, Lang::Sv) => {
                format!("\"{value}\" är inget datum; väntade ÅÅÅÅ-MM-DD")
            }
            (Problem::BadDate { value }, Lang::En) => {
                format!("\"{value}\" is not a date; expected YYYY-MM-DD")
            }
            (Problem::BadColour { value }, Lang::Sv) => {
                format!("\"{value}\" är ingen färg; väntade #rrggbb")
            }
            (Problem::BadColour { value }, Lang::En) => {
                format!("\"{value}\" is not a colour; expected #rrggbb")
            }
            (Problem::BadId { value }, Lang::Sv) => {
                format!("ogiltigt id \"{value}\"; använd bokstäver, siffror, - _ . :")
            }
            (Problem::BadId { value }, Lang::En) => {
                format!("invalid id \"{value}\"; use letters, digits, - _ . :")
            }
            (Problem::EndNotAfterStart, Lang::Sv) => "sluttiden måste vara efter starttiden".into(),
            (Problem::EndNotAfterStart, Lang::En) => "the end must be after the start".into(),
            (Problem::BlockSpansDays, Lang::Sv) => {
                "ett pass slutar samma dag som det börjar: samma namn på två dagar är två pass"
                    .into()
            }
            (Problem::BlockSpansDays, Lang::En) => {
                "a block ends on the day it starts: the same name on two days is two blocks".into()
            }
            (Problem::LongerThanAWeek, Lang::Sv) => format!(
                "en programpunkt kan inte vara längre än {} dagar: kontrollera sluttiden",
                crate::parse::MAX_SESSION_DAYS
            ),
            (Problem::LongerThanAWeek, Lang::En) => format!(
                "a session cannot last longer than {} days: check its end",
                crate::parse::MAX_SESSION_DAYS
            ),
            (Problem::OutsideDays { date }, Lang::Sv) => {
                format!("{date} är inte en av konferensdagarna")
            }
            (Problem::OutsideDays { date }, Lang::En) => {
                format!("{date} is not one of the conference days")
            }
            (Problem::NoDays, Lang::Sv) => "konferensen har inga dagar".into(),
            (Problem::NoDays, Lang::En) => "the conference has no days".into(),
            (Problem::Sheet { row, column, issue }, lang) => {
                format!(
                    "{}{}",
                    lang.sheet_place(*row, column),
                    lang.sheet_issue(issue)
                )
            }
        };
        format!("{place}{what}")
    }

    fn ref_kind(self, kind: RefKind) -> &'static str {
        match kind {
            RefKind::Room => self.pick("lokalen", "room"),
            RefKind::Theme => self.pick("temat", "theme"),
            RefKind::Type => self.pick("typen", "type"),
            RefKind::Level => self.pick("nivån", "level"),
            RefKind::Block => self.pick("passet", "block"),
            RefKind::Speaker => self.pick("talaren", "speaker"),
        }
    }
}

/// The registration form (`form`) and full sessions.
impl Lang {
    /// The mark on a full session (`status: "full"`).
    pub fn full(self) -> &'static str {
        self.pick("Fullbokad", "Full")
    }

    /// The star's label on a full session: screen readers hear it before choosing.
    pub fn star_add_full(self, title: &str) -> String {
        match self {
            Lang::Sv => format!("Lägg till {title} i mitt schema (fullbokad)"),
            Lang::En => format!("Add {title} to my schedule (full)"),
        }
    }

    pub fn starred_full(self) -> &'static str {
        self.pick(
            "Du har valt ett fullbokat seminarium. Det finns i ditt schema, men räkna inte med en plats.",
            "You chose a seminar that is full. It is in your schedule, but do not count on a seat.",
        )
    }

    pub fn choose_at_least_one(self) -> &'static str {
        self.pick("Välj minst ett seminarium.", "Choose at least one seminar.")
    }

    pub fn choose_in_blocks(self, blocks: &str) -> String {
        match self {
            Lang::Sv => format!("Välj ett seminarium i: {blocks}."),
            Lang::En => format!("Choose a seminar in: {blocks}."),
        }
    }

    pub fn full_in_blocks(self, blocks: &str) -> String {
        match self {
            Lang::Sv => format!("Ditt val är fullbokat i: {blocks}. Välj ett annat seminarium."),
            Lang::En => format!("Your choice is full in: {blocks}. Choose another seminar."),
        }
    }

    pub fn only_one_in_blocks(self, blocks: &str) -> String {
        match self {
            Lang::Sv => format!("Välj bara ett seminarium i: {blocks}."),
            Lang::En => format!("Choose only one seminar in: {blocks}."),
        }
    }
}
