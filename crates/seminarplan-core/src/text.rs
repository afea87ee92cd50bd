//! Plain-text hygiene shared by every reader: removing characters that could disguise
//! text (`clean`), decoding HTML character references (`decode_entities`), and a stable hash
//! (`fnv1a`). A leaf:
//! it imports nothing from the crate, so parse, richtext and the XML reader can all use it.

/// FNV-1a, 64 bits: a small, stable hash for ids made from content and for a programme's
/// fingerprint in share links (not for security: nothing secret is hashed).
pub fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Removes characters that could disguise text: bidirectional overrides, embeddings and
/// isolates (which can make a title read backwards or hide what follows it), and control
/// characters other than line breaks and tabs.
pub fn clean(text: &str) -> String {
    // Almost every text has none of them: copy it whole rather than char by char (a
    // large programme's abstracts made this a third of reading it).
    if !has_disguising(text) {
        return text.to_owned();
    }
    text.chars().filter(|&c| !disguises(c)).collect()
}

/// Whether `c` is removed by [`clean`].
fn disguises(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
        || (c.is_control() && c != '\n' && c != '\t')
}

/// Whether `text` has a character [`clean`] removes, read from its UTF-8 bytes: an ASCII
/// control, a C1 control (`C2 80`–`C2 9F`), or a direction mark (`E2 80 8E`/`8F`/`AA`–`AE`,
/// `E2 81 A6`–`A9`).
fn has_disguising(text: &str) -> bool {
    let bytes = text.as_bytes();
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'\n' | b'\t' => false,
        0x00..=0x1f | 0x7f => true,
        0xc2 => matches!(at(i + 1), 0x80..=0x9f),
        0xe2 => matches!(
            (at(i + 1), at(i + 2)),
            (0x80, 0x8e | 0x8f | 0xaa..=0xae) | (0x81, 0xa6..=0xa9)
        ),
        _ => false,
    })
}

/// Decodes HTML character references (`&amp;`, `&#39;`, `&#x27;`, and the common named
/// ones). Unknown or malformed references are left as written; references to nothing
/// (`&#0;`, surrogates, beyond U+10FFFF) become U+FFFD.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let tail = rest.get(amp..).unwrap_or("");
        match entity_at(tail) {
            Some((c, len)) => {
                out.push(c);
                rest = tail.get(len..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = tail.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference at the start of `s` (which starts with `&`) stands for, and
/// the reference's length in bytes.
fn entity_at(s: &str) -> Option<(char, usize)> {
    let body = s.get(1..)?;
    let semi = body.char_indices().take(34).find(|&(_, c)| c == ';')?.0;
    let name = body.get(..semi)?;
    let len = semi + 2;
    if let Some(num) = name.strip_prefix('#') {
        let value = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            if hex.is_empty() || hex.len() > 8 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
                return None;
            }
            u32::from_str_radix(hex, 16).ok()?
        } else {
            if num.is_empty() || num.len() > 10 || !num.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            num.parse::<u32>().ok()?
        };
        let c = match value {
            0 => '\u{fffd}',
            // Windows-1252 mistakes, as browsers read them.
            0x91 => '\u{2018}',
            0x92 => '\u{2019}',
            0x93 => '\u{201c}',
            0x94 => '\u{201d}',
            0x96 => '\u{2013}',
            0x97 => '\u{2014}',
            v => char::from_u32(v).unwrap_or('\u{fffd}'),
        };
        return Some((c, len));
    }
    let c = match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "shy" => '\u{ad}',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "middot" => '·',
        "deg" => '°',
        "plusmn" => '±',
        "times" => '×',
        "divide" => '÷',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "sect" => '§',
        "para" => '¶',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "larr" => '←',
        "rarr" => '→',
        "uarr" => '↑',
        "darr" => '↓',
        "auml" => 'ä',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "szlig" => 'ß',
        "aring" => 'å',
        "Aring" => 'Å',
        "aelig" => 'æ',
        "AElig" => 'Æ',
        "oslash" => 'ø',
        "Oslash" => 'Ø',
        "eacute" => 'é',
        "Eacute" => 'É',
        "egrave" => 'è',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "aacute" => 'á',
        "agrave" => 'à',
        "acirc" => 'â',
        "atilde" => 'ã',
        "iacute" => 'í',
        "igrave" => 'ì',
        "icirc" => 'î',
        "iuml" => 'ï',
        "oacute" => 'ó',
        "ograve" => 'ò',
        "ocirc" => 'ô',
        "otilde" => 'õ',
        "uacute" => 'ú',
        "ugrave" => 'ù',
        "ucirc" => 'û',
        "ntilde" => 'ñ',
        "ccedil" => 'ç',
        "Ccedil" => 'Ç',
        "yacute" => 'ý',
        "iexcl" => '¡',
        "iquest" => '¿',
        _ => return None,
    };
    Some((c, len))
}
