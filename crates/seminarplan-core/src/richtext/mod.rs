//! Safe rich text for abstracts and bios: plain text, a Markdown subset or an HTML subset
//! turned into a small tree (`Block`, `Inline`) that the shell renders with text nodes only.
//!
//! What is understood:
//! - Markdown: paragraphs (blank line), line breaks (single newline), `*em*` / `_em_`,
//!   `**strong**` / `__strong__`, lists (`- `, `* `, `+ `, `1. `), `# headings` (shown
//!   strong), `[text](url)`, `<https://…>` and bare `http(s)://` links, `` `code` `` (kept
//!   literally), backslash escapes, character references.
//! - HTML: `<p> <br> <em> <i> <strong> <b> <ul> <ol> <li> <a href>` (and headings, shown
//!   strong); every other tag is dropped but its text kept; the content of `<script>`,
//!   `<style>` and similar is dropped entirely; character references are decoded.
//!
//! Links survive only for `http:`, `https:` and `mailto:` (see `safe_href`); any other link
//! becomes its plain text. Input, nesting and output are bounded, and nothing here panics.

use std::fmt::Write as _;

use crate::text::decode_entities;

mod html;
mod markdown;

/// Longest input looked at (bytes); the rest is cut and marked with "…".
pub const MAX_INPUT_BYTES: usize = 100_000;
/// Deepest nesting of emphasis and links.
pub const MAX_DEPTH: usize = 8;
/// Most inline nodes produced in one document; further text is cut and marked with "…".
pub const MAX_NODES: usize = 20_000;

/// A paragraph or a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
}

/// Text and its emphasis, links and line breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Em(Vec<Inline>),
    Strong(Vec<Inline>),
    /// `href` has passed `safe_href`.
    Link {
        href: String,
        children: Vec<Inline>,
    },
    LineBreak,
}

/// Parses an abstract written as plain text, Markdown or HTML (see the module docs).
pub fn parse(text: &str) -> Vec<Block> {
    let (text, cut) = bounded(text);
    let mut ctx = Ctx::default();
    let mut blocks = if looks_like_html(text) {
        html::parse(text, &mut ctx)
    } else {
        markdown::parse(text, &mut ctx)
    };
    if cut || ctx.truncated {
        blocks.push(Block::Paragraph(vec![Inline::Text("…".into())]));
    }
    blocks
}

/// The link target if `raw` is an `http:`, `https:` or `mailto:` URL, else `None`.
///
/// Leading and trailing whitespace and control characters are trimmed, and tabs, newlines
/// and other control characters are removed throughout (browsers ignore them, so
/// `java\tscript:` would otherwise sneak through); the scheme is compared without regard
/// to case. Relative URLs are refused, as are `http(s)` URLs without a host.
pub fn safe_href(raw: &str) -> Option<String> {
    let cleaned: String = raw
        .trim_matches(|c: char| c.is_whitespace() || c.is_control())
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    let colon = cleaned.find(':')?;
    let (scheme, rest) = cleaned.split_at(colon);
    let scheme: String = scheme
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    let rest = rest.get(1..).unwrap_or("");
    let ok = match scheme.as_str() {
        "http" | "https" => {
            let host = rest.strip_prefix("//").unwrap_or("");
            let host_end = host.find(['/', '?', '#']).unwrap_or(host.len());
            host_end > 0 && !host.chars().take(host_end).any(char::is_whitespace)
        }
        "mailto" => !rest.trim().is_empty(),
        _ => false,
    };
    if !ok || rest.chars().any(|c| c == '"' || c == '<' || c == '>') {
        return None;
    }
    Some(format!("{scheme}:{}", rest.replace(' ', "%20")))
}

/// Whether `text` contains an HTML tag this module knows (else it is read as Markdown).
pub fn looks_like_html(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(pos) = text.get(from..).and_then(|t| t.find('<')) {
        let at = from + pos;
        let rest = text.get(at + 1..).unwrap_or("");
        if rest.starts_with("!--") {
            return true;
        }
        let rest = rest.strip_prefix('/').unwrap_or(rest);
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .take(12)
            .collect::<String>()
            .to_ascii_lowercase();
        let after = rest.as_bytes().get(name.len()).copied();
        if !name.is_empty()
            && KNOWN_TAGS.contains(&name.as_str())
            && matches!(
                after,
                None | Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r')
            )
        {
            return true;
        }
        from = at + 1;
        if from >= bytes.len() {
            break;
        }
    }
    false
}

const KNOWN_TAGS: &[&str] = &[
    "a",
    "abbr",
    "article",
    "b",
    "blockquote",
    "body",
    "br",
    "center",
    "cite",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "font",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "li",
    "link",
    "math",
    "meta",
    "noscript",
    "object",
    "ol",
    "p",
    "pre",
    "s",
    "script",
    "section",
    "small",
    "span",
    "strong",
    "style",
    "sub",
    "sup",
    "svg",
    "table",
    "td",
    "template",
    "textarea",
    "th",
    "title",
    "tr",
    "u",
    "ul",
];

/// Tags whose content is never shown.
const DROPPED_CONTENT: &[&str] = &[
    "script", "style", "template", "title", "noscript", "iframe", "object", "svg", "math",
    "textarea", "head",
];

/// The first `MAX_INPUT_BYTES` of `text` (cut at a character boundary) and whether it was cut.
fn bounded(text: &str) -> (&str, bool) {
    if text.len() <= MAX_INPUT_BYTES {
        return (text, false);
    }
    let mut end = MAX_INPUT_BYTES;
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    (text.get(..end).unwrap_or(""), true)
}

/// Counts nodes so output stays bounded.
#[derive(Default)]
struct Ctx {
    nodes: usize,
    truncated: bool,
}

impl Ctx {
    /// Takes one node from the budget; false (and `truncated`) once it is spent.
    fn take(&mut self) -> bool {
        if self.nodes >= MAX_NODES {
            self.truncated = true;
            false
        } else {
            self.nodes += 1;
            true
        }
    }
}

/// Appends text, merging with a preceding text node; drops control characters.
fn push_text(out: &mut Vec<Inline>, text: &str, ctx: &mut Ctx) {
    if text.is_empty() {
        return;
    }
    let clean: std::borrow::Cow<'_, str> = if text.chars().any(char::is_control) {
        text.chars()
            .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
            .map(|c| if c == '\t' || c == '\n' { ' ' } else { c })
            .collect::<String>()
            .into()
    } else {
        text.into()
    };
    if clean.is_empty() {
        return;
    }
    if let Some(Inline::Text(prev)) = out.last_mut() {
        prev.push_str(&clean);
    } else if ctx.take() {
        out.push(Inline::Text(clean.into_owned()));
    }
}

fn push_node(out: &mut Vec<Inline>, node: Inline, ctx: &mut Ctx) {
    if let Inline::Text(t) = &node {
        push_text(out, t, ctx);
    } else if ctx.take() {
        out.push(node);
    }
}

/// Appends text, turning bare `http(s)://` URLs in it into links.
fn push_autolinked(out: &mut Vec<Inline>, text: &str, ctx: &mut Ctx) {
    let mut rest = text;
    while let Some((start, end)) = find_bare_url(rest) {
        push_text(out, rest.get(..start).unwrap_or(""), ctx);
        let url = rest.get(start..end).unwrap_or("");
        match safe_href(url) {
            Some(href) => push_node(
                out,
                Inline::Link {
                    href,
                    children: vec![Inline::Text(url.to_owned())],
                },
                ctx,
            ),
            None => push_text(out, url, ctx),
        }
        rest = rest.get(end..).unwrap_or("");
    }
    push_text(out, rest, ctx);
}

/// The byte range of the first bare `http://` or `https://` URL in `text` that starts a
/// word, without trailing punctuation or an unbalanced closing parenthesis.
fn find_bare_url(text: &str) -> Option<(usize, usize)> {
    // Look for `://` and check the scheme in front of it: no allocation, linear time.
    let mut from = 0;
    loop {
        let sep = from + text.get(from..)?.find("://")?;
        from = sep + 3;
        let before = text.get(..sep)?.as_bytes();
        let scheme_at = |len: usize| {
            before.len() >= len
                && before
                    .get(before.len() - len..)
                    .zip(b"https".get(..len))
                    .is_some_and(|(s, scheme)| s.eq_ignore_ascii_case(scheme))
        };
        let (start, scheme_len) = if scheme_at(5) {
            (sep - 5, 8)
        } else if scheme_at(4) {
            (sep - 4, 7)
        } else {
            continue;
        };
        let word_start = text
            .get(..start)
            .and_then(|b| b.chars().next_back())
            .is_none_or(|c| !c.is_alphanumeric());
        if word_start {
            let body = text.get(start..)?;
            let mut end = body
                .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`'))
                .unwrap_or(body.len());
            let url = body.get(..end).unwrap_or("");
            let count = |c: char| url.chars().filter(|&x| x == c).count();
            let mut parens = count(')').saturating_sub(count('('));
            let mut brackets = count(']').saturating_sub(count('['));
            // Trailing punctuation belongs to the sentence, not the URL; so does a closing
            // parenthesis or bracket without its opening one.
            while let Some(last) = body.get(..end).and_then(|b| b.chars().next_back()) {
                let strip = match last {
                    '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*' | '_' => true,
                    ')' if parens > 0 => {
                        parens -= 1;
                        true
                    }
                    ']' if brackets > 0 => {
                        brackets -= 1;
                        true
                    }
                    _ => false,
                };
                if !strip {
                    break;
                }
                end -= last.len_utf8();
            }
            if end > scheme_len {
                return Some((start, start + end));
            }
        }
    }
}

/// Removes leading and trailing spaces and line breaks of a paragraph or item.
fn trim_inlines(mut v: Vec<Inline>) -> Vec<Inline> {
    while matches!(v.last(), Some(Inline::LineBreak)) {
        v.pop();
    }
    let leading = v
        .iter()
        .take_while(|i| matches!(i, Inline::LineBreak))
        .count();
    v.drain(..leading);
    if let Some(Inline::Text(t)) = v.first_mut() {
        let leading = t.len() - t.trim_start().len();
        t.drain(..leading);
    }
    if let Some(Inline::Text(t)) = v.last_mut() {
        t.truncate(t.trim_end().len());
    }
    v.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
    v
}

/// The text of inlines without any markup.
pub fn plain(inlines: &[Inline]) -> String {
    let mut out = String::new();
    plain_into(inlines, &mut out);
    out
}

fn plain_into(inlines: &[Inline], out: &mut String) {
    for i in inlines {
        match i {
            Inline::Text(t) => out.push_str(t),
            Inline::Em(c) | Inline::Strong(c) | Inline::Link { children: c, .. } => {
                plain_into(c, out)
            }
            Inline::LineBreak => out.push('\n'),
        }
    }
}

/// Writes blocks back as text in the Markdown subset `parse` reads: paragraphs separated by
/// a blank line, `- ` / `1. ` list items, `*em*`, `**strong**`, `[text](url)`. Used by the
/// importers to store HTML abstracts as plain text; `parse` of the result gives the same
/// structure for ordinary prose (text that itself looks like Markdown syntax is not escaped).
pub fn to_text(blocks: &[Block]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for b in blocks {
        match b {
            Block::Paragraph(inlines) => {
                let t = inline_text(inlines);
                if !t.trim().is_empty() {
                    parts.push(t);
                }
            }
            Block::List { ordered, items } => {
                let mut list = String::new();
                let mut n = 0;
                for item in items {
                    let t = inline_text(item);
                    if t.trim().is_empty() {
                        continue;
                    }
                    n += 1;
                    if !list.is_empty() {
                        list.push('\n');
                    }
                    if *ordered {
                        let _ = write!(list, "{n}. {t}");
                    } else {
                        let _ = write!(list, "- {t}");
                    }
                }
                if !list.is_empty() {
                    parts.push(list);
                }
            }
        }
    }
    parts.join("\n\n")
}

fn inline_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for i in inlines {
        match i {
            Inline::Text(t) => out.push_str(t),
            Inline::LineBreak => out.push('\n'),
            Inline::Em(c) | Inline::Strong(c) => {
                let inner = inline_text(c);
                let marker = if matches!(i, Inline::Em(_)) {
                    "*"
                } else {
                    "**"
                };
                let trimmed = inner.trim();
                if trimmed.is_empty() {
                    out.push_str(&inner);
                } else {
                    if inner.starts_with(char::is_whitespace) {
                        out.push(' ');
                    }
                    let _ = write!(out, "{marker}{trimmed}{marker}");
                    if inner.ends_with(char::is_whitespace) {
                        out.push(' ');
                    }
                }
            }
            Inline::Link { href, children } => {
                let text = inline_text(children);
                let shown = text.trim();
                let href_md = href.replace('(', "%28").replace(')', "%29");
                if shown.is_empty() || shown == href {
                    out.push_str(href);
                } else if shown.contains(['[', ']', '\n']) {
                    let _ = write!(out, "{shown} ({href})");
                } else {
                    let _ = write!(out, "[{shown}]({href_md})");
                }
            }
        }
    }
    out
}

/// An inline container being built: emphasis, strong, a link, or a dropped element whose
/// children flow into its parent.
#[derive(Debug)]
enum FrameKind {
    Em,
    Strong,
    Link(String),
    Plain,
}

fn close_frame(kind: FrameKind, children: Vec<Inline>) -> Vec<Inline> {
    let has_content = children
        .iter()
        .any(|c| !matches!(c, Inline::Text(t) if t.trim().is_empty()));
    match kind {
        FrameKind::Em if has_content => vec![Inline::Em(children)],
        FrameKind::Strong if has_content => vec![Inline::Strong(children)],
        FrameKind::Link(href) => {
            if has_content {
                vec![Inline::Link { href, children }]
            } else {
                vec![Inline::Link {
                    children: vec![Inline::Text(href.clone())],
                    href,
                }]
            }
        }
        _ => children,
    }
}
