//! The widget's CSS made smaller for the wasm module it is compiled into (issue 29):
//! comments out, whitespace only where CSS needs it. Used by `build.rs`; tested in
//! `tests/size.rs` (no token changes).

/// Characters beside which whitespace never matters in our sheets.
fn tight(c: char) -> bool {
    matches!(c, '{' | '}' | ';' | ',' | '>')
}

/// Pushes `c`, after a space if whitespace came before it and CSS needs it there.
fn push(out: &mut String, c: char, space: &mut bool) {
    let after_tight = out.chars().next_back().is_none_or(tight);
    if *space && !after_tight && !tight(c) {
        out.push(' ');
    }
    *space = false;
    out.push(c);
}

/// `css` without comments and without the whitespace it does not need; strings are
/// copied as they are.
pub fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut previous = ' ';
                for d in chars.by_ref() {
                    if previous == '*' && d == '/' {
                        break;
                    }
                    previous = d;
                }
                space = true;
            }
            '"' | '\'' => {
                push(&mut out, c, &mut space);
                while let Some(d) = chars.next() {
                    out.push(d);
                    if d == '\\' {
                        out.extend(chars.next());
                    } else if d == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => space = true,
            c => push(&mut out, c, &mut space),
        }
    }
    out
}
