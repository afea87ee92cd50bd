//! The delegation's words, in Swedish and English (methods on `Lang`, as in `i18n`).

use crate::lang::Lang;

use super::{Outcome, RenameError};

impl Lang {
    pub fn team_view(self) -> &'static str {
        self.pick("Delegationen", "Delegation")
    }

    pub fn team_intro(self) -> &'static str {
        self.pick(
            "Kollegornas scheman bredvid ditt. Inget skickas någonstans: namnen och scheman finns bara i den här webbläsaren och i länkar du själv skickar.",
            "Your colleagues' schedules next to yours. Nothing is sent anywhere: the names and schedules are only in this browser and in links you send yourself.",
        )
    }

    pub fn me(self) -> &'static str {
        self.pick("Jag", "Me")
    }

    pub fn colleagues_title(self) -> &'static str {
        self.pick("Kollegor", "Colleagues")
    }

    pub fn no_colleagues(self) -> &'static str {
        self.pick(
            "Inga kollegor ännu. Öppna en kollegas delningslänk (eller QR-kod) och spara den som kollegas schema.",
            "No colleagues yet. Open a colleague's share link (or QR code) and keep it as a colleague's schedule.",
        )
    }

    pub fn colleague_name_label(self) -> &'static str {
        self.pick("Kollegans namn", "Colleague's name")
    }

    pub fn keep_as_colleague(self) -> &'static str {
        self.pick(
            "Spara som kollegas schema",
            "Keep as a colleague's schedule",
        )
    }

    pub fn outcome(self, name: &str, outcome: Outcome) -> String {
        match (self, outcome) {
            (Lang::Sv, Outcome::Added) => format!("{name} är tillagd i delegationen."),
            (Lang::En, Outcome::Added) => format!("{name} was added to the delegation."),
            (Lang::Sv, Outcome::Replaced) => format!("{name}s schema är uppdaterat."),
            (Lang::En, Outcome::Replaced) => format!("{name}'s schedule was updated."),
            (Lang::Sv, Outcome::Unchanged) => format!("{name}s schema var redan detsamma."),
            (Lang::En, Outcome::Unchanged) => format!("{name}'s schedule was already the same."),
            (Lang::Sv, Outcome::NotNewer) => {
                format!("Länken är inte nyare än det schema du har för {name}. Inget ändrades.")
            }
            (Lang::En, Outcome::NotNewer) => {
                format!(
                    "The link is not newer than the schedule you keep for {name}. Nothing changed."
                )
            }
            (Lang::Sv, Outcome::BadName) => "Skriv ett namn.".to_owned(),
            (Lang::En, Outcome::BadName) => "Type a name.".to_owned(),
            (Lang::Sv, Outcome::Full) => "Du har redan så många kollegor som får plats.".to_owned(),
            (Lang::En, Outcome::Full) => "You already keep as many colleagues as fit.".to_owned(),
        }
    }

    pub fn replace_anyway(self) -> &'static str {
        self.pick("Ersätt ändå", "Replace anyway")
    }

    pub fn rename_error(self, error: RenameError) -> &'static str {
        match error {
            RenameError::Empty => self.pick("Skriv ett namn.", "Type a name."),
            RenameError::Taken => self.pick(
                "Det namnet har redan en annan kollega.",
                "Another colleague already has that name.",
            ),
            RenameError::NoSuchColleague => {
                self.pick("Kollegan finns inte längre.", "The colleague is gone.")
            }
        }
    }

    pub fn rename_label(self, name: &str) -> String {
        match self {
            Lang::Sv => format!("Nytt namn för {name}"),
            Lang::En => format!("New name for {name}"),
        }
    }

    pub fn rename(self) -> &'static str {
        self.pick("Byt namn", "Rename")
    }

    pub fn remove_colleague(self, name: &str) -> String {
        match self {
            Lang::Sv => format!("Ta bort {name}"),
            Lang::En => format!("Remove {name}"),
        }
    }

    pub fn calendar_for(self, name: &str) -> String {
        match self {
            Lang::Sv => format!("Kalenderfil (.ics) för {name}"),
            Lang::En => format!("Calendar file (.ics) for {name}"),
        }
    }

    pub fn sessions_count(self, n: usize) -> String {
        match (self, n) {
            (Lang::Sv, 1) => "1 programpunkt".to_owned(),
            (Lang::Sv, n) => format!("{n} programpunkter"),
            (Lang::En, 1) => "1 session".to_owned(),
            (Lang::En, n) => format!("{n} sessions"),
        }
    }

    pub fn coverage_title(self) -> &'static str {
        self.pick("Vem går var", "Who goes where")
    }

    pub fn slot_column(self) -> &'static str {
        self.pick("Pass", "Block")
    }

    pub fn nobody_covers(self) -> &'static str {
        self.pick(
            "Ingen av er går på det här passet",
            "None of you covers this block",
        )
    }

    pub fn nothing_here(self) -> &'static str {
        self.pick("inget valt", "nothing chosen")
    }

    pub fn also_there(self, names: &str) -> String {
        match self {
            Lang::Sv => format!("Samma som {names}"),
            Lang::En => format!("Same as {names}"),
        }
    }

    pub fn uncovered_title(self) -> &'static str {
        self.pick("Pass som ingen täcker", "Blocks nobody covers")
    }

    pub fn all_covered(self) -> &'static str {
        self.pick("Alla pass är täckta.", "Every block is covered.")
    }

    pub fn take_session(self, title: &str) -> String {
        match self {
            Lang::Sv => format!("Ta {title} till mitt schema"),
            Lang::En => format!("Take {title} into my schedule"),
        }
    }

    pub fn take(self) -> &'static str {
        self.pick("Jag tar det", "I'll take it")
    }

    pub fn team_changes_title(self, name: &str) -> String {
        match self {
            Lang::Sv => format!("Ändrat i {name}s val"),
            Lang::En => format!("Changed in {name}'s choices"),
        }
    }

    pub fn share_team(self) -> &'static str {
        self.pick(
            "Dela delegationens schema",
            "Share the delegation's schedule",
        )
    }

    pub fn share_team_help(self) -> &'static str {
        self.pick(
            "Länken och QR-koden innehåller namnen och valen för dig och dina kollegor, inget annat. Skicka den bara till dem du vill ska se den.",
            "The link and QR code hold the names and choices of you and your colleagues, nothing else. Send it only to those who should see it.",
        )
    }

    pub fn my_name_label(self) -> &'static str {
        self.pick("Ditt namn i länken", "Your name in the link")
    }

    pub fn team_link_label(self) -> &'static str {
        self.pick(
            "Länk till delegationens schema",
            "Link to the delegation's schedule",
        )
    }

    pub fn team_qr_label(self) -> &'static str {
        self.pick(
            "QR-kod med länken till delegationens schema",
            "QR code with the link to the delegation's schedule",
        )
    }

    pub fn team_link_title(self, n: usize) -> String {
        match self {
            Lang::Sv => format!("En delegation delade sina scheman ({n} personer)"),
            Lang::En => format!("A delegation shared their schedules ({n} people)"),
        }
    }

    pub fn who_are_you(self) -> &'static str {
        self.pick(
            "Är du en av dem? Ditt schema läggs då ihop med ditt eget.",
            "Are you one of them? Your schedule is then added to your own.",
        )
    }

    pub fn none_of_them(self) -> &'static str {
        self.pick("Ingen av dem", "None of them")
    }

    pub fn take_team(self) -> &'static str {
        self.pick("Lägg till som kollegor", "Add as colleagues")
    }

    pub fn my_day(self) -> &'static str {
        self.pick("Min dag", "My day")
    }

    pub fn day_of(self, name: &str) -> String {
        match self {
            Lang::Sv => format!("Dagen för {name}"),
            Lang::En => format!("{name}'s day"),
        }
    }

    pub fn free_time(self, minutes: i64) -> String {
        let (h, m) = (minutes / 60, minutes % 60);
        match (self, h, m) {
            (Lang::Sv, 0, m) => format!("{m} min ledigt"),
            (Lang::Sv, h, 0) => format!("{h} tim ledigt"),
            (Lang::Sv, h, m) => format!("{h} tim {m} min ledigt"),
            (Lang::En, 0, m) => format!("{m} min free"),
            (Lang::En, h, 0) => format!("{h} h free"),
            (Lang::En, h, m) => format!("{h} h {m} min free"),
        }
    }

    pub fn straight_on(self) -> &'static str {
        self.pick("Direkt efter", "Straight after")
    }

    pub fn overlaps_previous(self) -> &'static str {
        self.pick("Krockar med föregående", "Clashes with the one before")
    }

    pub fn walk_room(self, room: &str) -> String {
        match self {
            Lang::Sv => format!("Byt lokal: {room}"),
            Lang::En => format!("Another room: {room}"),
        }
    }

    pub fn walk_floor(self, room: &str, floor: &str) -> String {
        match self {
            Lang::Sv => format!("Byt våning: {room}, {floor}"),
            Lang::En => format!("Another floor: {room}, {floor}"),
        }
    }
}
