//! Taking a plan along without an account: the plan as a compact link, and that link as
//! a QR code matrix.
//!
//! A share value is the programme id and the starred ids joined by `~` (a character no id
//! may contain), e.g. `inkopsforum-2027~s-101~s-302`. Decoding never panics and refuses
//! anything malformed or oversized.

use std::collections::BTreeSet;

use crate::parse::valid_id;

/// Longest share value read (a hostile link must not cost time or memory).
pub const MAX_LEN: usize = 4000;
/// Most sessions one link carries.
pub const MAX_IDS: usize = 300;

/// A plan someone shared: for which programme, and which sessions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedPlan {
    pub programme: String,
    pub ids: BTreeSet<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareError {
    TooLong,
    Malformed,
}

pub fn encode(programme_id: &str, ids: &BTreeSet<String>) -> String {
    let mut out = programme_id.to_owned();
    for id in ids.iter().take(MAX_IDS) {
        out.push('~');
        out.push_str(id);
    }
    out
}

pub fn decode(value: &str) -> Result<SharedPlan, ShareError> {
    if value.len() > MAX_LEN {
        return Err(ShareError::TooLong);
    }
    let mut parts = value.split('~');
    let programme = parts
        .next()
        .filter(|p| valid_id(p))
        .ok_or(ShareError::Malformed)?;
    let mut ids = BTreeSet::new();
    for id in parts {
        if !valid_id(id) {
            return Err(ShareError::Malformed);
        }
        ids.insert(id.to_owned());
        if ids.len() > MAX_IDS {
            return Err(ShareError::TooLong);
        }
    }
    Ok(SharedPlan {
        programme: programme.to_owned(),
        ids,
    })
}

/// A QR code as a square of modules, row by row, `true` for dark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrMatrix {
    pub width: usize,
    pub dark: Vec<bool>,
}

/// The QR code of `text` (medium error correction), or `None` if it does not fit.
pub fn qr(text: &str) -> Option<QrMatrix> {
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
    let width = code.width();
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    Some(QrMatrix { width, dark })
}

impl QrMatrix {
    /// An SVG path (`M x y h1 v1 h-1 z` per dark module) with a quiet zone of 4.
    pub fn svg_path(&self) -> String {
        let mut d = String::new();
        for (i, &dark) in self.dark.iter().enumerate() {
            if dark {
                let (x, y) = (i % self.width + 4, i / self.width + 4);
                d.push_str(&format!("M{x} {y}h1v1h-1z"));
            }
        }
        d
    }

    /// The side of the SVG view box, quiet zone included.
    pub fn size(&self) -> usize {
        self.width + 8
    }
}
