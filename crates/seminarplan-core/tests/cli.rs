//! The organisers' command line, `seminarplan-check`, run as a program: what it prints and
//! how it exits. The logic it calls is tested in the workspace's `tests/core`.

use std::path::PathBuf;
use std::process::{Command, Output};

/// Writes `text` to a fresh temporary file named `name` and runs the checker on it.
fn check(name: &str, text: &str, args: &[&str]) -> (Output, PathBuf) {
    let dir = std::env::temp_dir().join(format!("seminarplan-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create a temporary directory");
    let file = dir.join(name);
    std::fs::write(&file, text).expect("write the programme");
    let out = Command::new(env!("CARGO_BIN_EXE_seminarplan-check"))
        .arg(&file)
        .args(args)
        .current_dir(&dir)
        .output()
        .expect("run seminarplan-check");
    (out, dir)
}

#[test]
fn seminarplan_check_names_the_theme_and_the_ratio() {
    let programme = r##"{
        "format": "seminarplan/1", "id": "kontrast", "revision": "1",
        "conference": { "title": "Kontrast", "time_zone": "Europe/Stockholm", "language": "sv",
                        "days": ["2027-03-16"] },
        "rooms": [{ "id": "a", "name": "Sal A" }],
        "themes": [{ "id": "t0", "name": "Tema 0", "colour": "#1f4e8c" }],
        "types": [{ "id": "sem", "name": "Seminarium", "kind": "seminar" }],
        "sessions": [{ "id": "s1", "title": "Något", "type": "sem", "room": "a", "themes": ["t0"],
                       "start": "2027-03-16T10:00:00+01:00", "end": "2027-03-16T11:00:00+01:00" }]
    }"##;
    let (out, dir) = check("programme.json", programme, &[]);
    let _ = std::fs::remove_dir_all(&dir);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "a warning is not an error: {stdout}"
    );
    assert!(
        stdout.contains(
            "warning: themes[0].colour: theme \"Tema 0\" colour #1f4e8c has contrast 1.82:1 \
             against the dark mode card background #23262d"
        ),
        "{stdout}"
    );
}
