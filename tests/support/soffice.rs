//! Workbooks made by LibreOffice headless in a test, as an organiser's copy would save
//! them: `soffice --convert-to` (Debian's `libreoffice-calc-nogui`, installed by
//! `scripts/setup.sh --browser`), each run with its own user profile so that parallel
//! tests and a running LibreOffice do not meet.
// Each test crate that includes this uses part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// LibreOffice's CSV import as Swedish Excel saves: `;` (59), `"` (34), UTF-8 (76), from
/// line 1, Swedish (1053), quoted cells not forced to text, dates and times recognised as
/// such (so the workbook has typed date and time cells, as one typed by hand would).
pub const SWEDISH_CSV: &str = "CSV:59,34,76,1,,1053,false,true";

/// Converts `source` to `ext` (`xlsx`, `ods`) in `out`, reading it with `infilter` when
/// given; the converted file's path.
pub fn convert(source: &Path, ext: &str, infilter: Option<&str>, out: &Path) -> PathBuf {
    std::fs::create_dir_all(out).expect("create the output directory");
    let profile = out.join(format!("profile-{ext}"));
    let mut command = Command::new("soffice");
    command
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.to_string_lossy()
        ))
        .args(["--headless", "--norestore", "--convert-to", ext]);
    if let Some(filter) = infilter {
        command.arg(format!("--infilter={filter}"));
    }
    let output = command
        .arg("--outdir")
        .arg(out)
        .arg(source)
        .output()
        .expect(
            "run soffice (Debian libreoffice-calc-nogui; scripts/setup.sh --browser installs it)",
        );
    let stem = source.file_stem().expect("a file name").to_string_lossy();
    let made = out.join(format!("{stem}.{ext}"));
    assert!(
        made.is_file(),
        "soffice made no {ext}: {}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    made
}
