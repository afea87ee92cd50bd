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

mod markdown {
    //! The Markdown subset.
    use super::{
        Block, Ctx, FrameKind, Inline, MAX_DEPTH, close_frame, decode_entities, push_autolinked,
        push_node, push_text, safe_href, trim_inlines,
    };

    pub(super) fn parse(text: &str, ctx: &mut Ctx) -> Vec<Block> {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let mut blocks = Vec::new();
        let mut para: Vec<&str> = Vec::new();
        let mut list: Option<(bool, Vec<String>)> = None;
        let mut blank_since_item = false;
        let mut fence: Option<Vec<&str>> = None;

        for line in text.split('\n') {
            if let Some(code) = fence.as_mut() {
                if line.trim_start().starts_with("```") {
                    let lines = fence.take().unwrap_or_default();
                    let mut inl = Vec::new();
                    for (i, l) in lines.iter().enumerate() {
                        if i > 0 {
                            push_node(&mut inl, Inline::LineBreak, ctx);
                        }
                        push_text(&mut inl, l, ctx);
                    }
                    let inl = trim_inlines(inl);
                    if !inl.is_empty() {
                        blocks.push(Block::Paragraph(inl));
                    }
                } else {
                    code.push(line);
                }
                continue;
            }
            let trimmed = line.trim();
            if trimmed.is_empty() {
                flush_para(&mut para, &mut blocks, ctx);
                blank_since_item = true;
                continue;
            }
            if trimmed.starts_with("```") {
                flush_para(&mut para, &mut blocks, ctx);
                flush_list(&mut list, &mut blocks, ctx);
                fence = Some(Vec::new());
                continue;
            }
            if let Some((ordered, rest)) = list_marker(trimmed) {
                flush_para(&mut para, &mut blocks, ctx);
                if list.as_ref().is_some_and(|(o, _)| *o != ordered) {
                    flush_list(&mut list, &mut blocks, ctx);
                }
                list.get_or_insert_with(|| (ordered, Vec::new()))
                    .1
                    .push(rest.to_owned());
                blank_since_item = false;
                continue;
            }
            if let Some((_, items)) = list.as_mut() {
                if !blank_since_item {
                    if let Some(last) = items.last_mut() {
                        last.push('\n');
                        last.push_str(trimmed);
                    }
                    continue;
                }
                flush_list(&mut list, &mut blocks, ctx);
            }
            if is_rule(trimmed) {
                flush_para(&mut para, &mut blocks, ctx);
                continue;
            }
            if let Some(heading) = heading(trimmed) {
                flush_para(&mut para, &mut blocks, ctx);
                let inl = trim_inlines(inlines(heading, ctx, 0, true));
                if !inl.is_empty() {
                    blocks.push(Block::Paragraph(vec![Inline::Strong(inl)]));
                }
                continue;
            }
            let content = trimmed
                .strip_prefix('>')
                .map(str::trim_start)
                .unwrap_or(trimmed);
            para.push(content);
        }
        if let Some(lines) = fence {
            // An unclosed fence: its lines are ordinary text.
            para.extend(lines);
        }
        flush_para(&mut para, &mut blocks, ctx);
        flush_list(&mut list, &mut blocks, ctx);
        blocks
    }

    fn flush_para(para: &mut Vec<&str>, blocks: &mut Vec<Block>, ctx: &mut Ctx) {
        if para.is_empty() {
            return;
        }
        let joined = para.join("\n");
        para.clear();
        let inl = trim_inlines(inlines(&joined, ctx, 0, true));
        if !inl.is_empty() {
            blocks.push(Block::Paragraph(inl));
        }
    }

    fn flush_list(list: &mut Option<(bool, Vec<String>)>, blocks: &mut Vec<Block>, ctx: &mut Ctx) {
        if let Some((ordered, items)) = list.take() {
            let items: Vec<Vec<Inline>> = items
                .iter()
                .map(|i| trim_inlines(inlines(i, ctx, 0, true)))
                .filter(|i| !i.is_empty())
                .collect();
            if !items.is_empty() {
                blocks.push(Block::List { ordered, items });
            }
        }
    }

    /// `- x`, `* x`, `+ x` or `12. x` / `12) x`: (ordered, the item's text).
    fn list_marker(line: &str) -> Option<(bool, &str)> {
        for bullet in ["- ", "* ", "+ "] {
            if let Some(rest) = line.strip_prefix(bullet) {
                return Some((false, rest.trim_start()));
            }
        }
        let digits = line.chars().take_while(char::is_ascii_digit).count();
        if (1..=9).contains(&digits) {
            let rest = line.get(digits..)?;
            let rest = rest
                .strip_prefix(". ")
                .or_else(|| rest.strip_prefix(") "))?;
            return Some((true, rest.trim_start()));
        }
        None
    }

    fn is_rule(line: &str) -> bool {
        let c = line.chars().next();
        matches!(c, Some('-' | '*' | '_'))
            && line.chars().filter(|&x| Some(x) == c).count() >= 3
            && line.chars().all(|x| Some(x) == c || x == ' ')
    }

    fn heading(line: &str) -> Option<&str> {
        let hashes = line.chars().take_while(|&c| c == '#').count();
        if !(1..=6).contains(&hashes) {
            return None;
        }
        let rest = line.get(hashes..)?;
        if !rest.starts_with(' ') {
            return None;
        }
        Some(rest.trim().trim_end_matches('#').trim_end())
    }

    /// A token of a paragraph: finished inline content or a run of `*` / `_`.
    enum Tok {
        Node(Inline),
        Text(String),
        Delim {
            ch: char,
            count: usize,
            open: bool,
            close: bool,
        },
    }

    /// Parses the inline content of one paragraph or item.
    pub(super) fn inlines(text: &str, ctx: &mut Ctx, depth: usize, links: bool) -> Vec<Inline> {
        let toks = tokenize(text, ctx, depth, links);
        resolve(toks, ctx)
    }

    fn tokenize(text: &str, ctx: &mut Ctx, depth: usize, links: bool) -> Vec<Tok> {
        let mut toks: Vec<Tok> = Vec::new();
        let mut buf = String::new();
        let bytes = text.as_bytes();
        // Monotonic caches: the next position of a character at or after the scan point,
        // so unmatched brackets and backticks cost linear time overall.
        let mut next_rbracket: Option<usize> = None;
        let mut next_rparen: Option<usize> = None;
        let mut no_backtick_run_after: [usize; 17] = [usize::MAX; 17];
        let flush = |buf: &mut String, toks: &mut Vec<Tok>| {
            if !buf.is_empty() {
                toks.push(Tok::Text(std::mem::take(buf)));
            }
        };
        let run_of = |p: usize, b: u8| {
            bytes
                .get(p..)
                .unwrap_or(&[])
                .iter()
                .take_while(|&&x| x == b)
                .count()
        };
        // Every special character is ASCII, so `p` always sits on a character boundary.
        let mut p = 0;
        while let Some(&b) = bytes.get(p) {
            match b {
                b'\\' => {
                    let next = text.get(p + 1..).and_then(|t| t.chars().next());
                    match next {
                        Some('\n') => {
                            flush(&mut buf, &mut toks);
                            toks.push(Tok::Node(Inline::LineBreak));
                            p += 2;
                        }
                        Some(n) if n.is_ascii_punctuation() => {
                            buf.push(n);
                            p += 2;
                        }
                        _ => {
                            buf.push('\\');
                            p += 1;
                        }
                    }
                }
                b'\n' => {
                    flush(&mut buf, &mut toks);
                    toks.push(Tok::Node(Inline::LineBreak));
                    p += 1;
                }
                b'`' => {
                    let run = run_of(p, b'`');
                    let start = p + run;
                    let closing = match no_backtick_run_after.get_mut(run) {
                        Some(no_run_after) if *no_run_after > p => {
                            let found = find_backtick_run(text, start, run);
                            if found.is_none() {
                                *no_run_after = p;
                            }
                            found
                        }
                        _ => None,
                    };
                    match closing {
                        Some(close) => {
                            buf.push_str(text.get(start..close).unwrap_or("").trim());
                            p = close + run;
                        }
                        None => {
                            buf.push_str(text.get(p..start).unwrap_or(""));
                            p = start;
                        }
                    }
                }
                b'[' if links && depth < MAX_DEPTH => {
                    if let Some((href, label, end)) =
                        link_at(text, p, &mut next_rbracket, &mut next_rparen)
                    {
                        flush(&mut buf, &mut toks);
                        let children = inlines(label, ctx, depth + 1, false);
                        match safe_href(&decode_entities(href)) {
                            Some(href) => {
                                let children = if children.is_empty() {
                                    vec![Inline::Text(href.clone())]
                                } else {
                                    children
                                };
                                toks.push(Tok::Node(Inline::Link { href, children }));
                            }
                            None => {
                                for child in children {
                                    toks.push(Tok::Node(child));
                                }
                            }
                        }
                        p = end;
                    } else {
                        buf.push('[');
                        p += 1;
                    }
                }
                b'<' if links => {
                    // `<https://…>` autolink.
                    let rest = text.get(p + 1..).unwrap_or("");
                    let close = rest
                        .char_indices()
                        .take(2048)
                        .find(|&(_, c)| c == '>' || c == '<' || c.is_whitespace())
                        .filter(|&(_, c)| c == '>')
                        .map(|(q, _)| q);
                    let target = close.and_then(|q| rest.get(..q));
                    match target.and_then(|t| safe_href(&decode_entities(t)).map(|h| (t, h))) {
                        Some((t, href)) => {
                            flush(&mut buf, &mut toks);
                            toks.push(Tok::Node(Inline::Link {
                                href,
                                children: vec![Inline::Text(decode_entities(t))],
                            }));
                            p += 1 + t.len() + 1;
                        }
                        None => {
                            buf.push('<');
                            p += 1;
                        }
                    }
                }
                b'*' | b'_' => {
                    let c = char::from(b);
                    let run = run_of(p, b);
                    let before = text.get(..p).and_then(|t| t.chars().next_back());
                    let after = text.get(p + run..).and_then(|t| t.chars().next());
                    let ws = |x: Option<char>| x.is_none_or(char::is_whitespace);
                    let alnum = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
                    let mut open = !ws(after);
                    let mut close = !ws(before);
                    if c == '_' {
                        open = open && !alnum(before);
                        close = close && !alnum(after);
                    }
                    flush(&mut buf, &mut toks);
                    toks.push(Tok::Delim {
                        ch: c,
                        count: run,
                        open,
                        close,
                    });
                    p += run;
                }
                _ => {
                    // Plain text up to the next character that may mean something.
                    let len = bytes
                        .get(p + 1..)
                        .unwrap_or(&[])
                        .iter()
                        .position(|&x| {
                            matches!(x, b'\\' | b'\n' | b'`' | b'[' | b'<' | b'*' | b'_')
                        })
                        .map_or(bytes.len() - p, |k| k + 1);
                    buf.push_str(text.get(p..p + len).unwrap_or(""));
                    p += len;
                }
            }
        }
        flush(&mut buf, &mut toks);
        toks
    }

    /// The position of the next run of exactly `run` backticks at or after `from`.
    fn find_backtick_run(text: &str, from: usize, run: usize) -> Option<usize> {
        let bytes = text.as_bytes();
        let mut p = from;
        while p < bytes.len() {
            if bytes.get(p) == Some(&b'`') {
                let len = bytes
                    .get(p..)
                    .unwrap_or(&[])
                    .iter()
                    .take_while(|&&b| b == b'`')
                    .count();
                if len == run {
                    return Some(p);
                }
                p += len;
            } else {
                p += 1;
            }
        }
        None
    }

    /// `[label](href)` starting at `pos`: (href, label, end position).
    fn link_at<'a>(
        text: &'a str,
        pos: usize,
        next_rbracket: &mut Option<usize>,
        next_rparen: &mut Option<usize>,
    ) -> Option<(&'a str, &'a str, usize)> {
        let rb = next_at(text, pos + 1, b']', next_rbracket)?;
        if rb - pos > 1000 {
            return None;
        }
        if text.as_bytes().get(rb + 1) != Some(&b'(') {
            return None;
        }
        let rp = next_at(text, rb + 2, b')', next_rparen)?;
        if rp - rb > 2048 {
            return None;
        }
        let label = text.get(pos + 1..rb)?;
        let inner = text.get(rb + 2..rp)?.trim();
        // `[x](url "title")`: the title is dropped.
        let href = inner.split_whitespace().next().unwrap_or("");
        let href = href
            .strip_prefix('<')
            .and_then(|h| h.strip_suffix('>'))
            .unwrap_or(href);
        if href.is_empty() || (label.contains('\n') && label.len() > 200) {
            return None;
        }
        Some((href, label, rp + 1))
    }

    /// The next position of `byte` at or after `from`, remembering the answer.
    fn next_at(text: &str, from: usize, byte: u8, cache: &mut Option<usize>) -> Option<usize> {
        if let Some(c) = *cache {
            if c == usize::MAX {
                return None;
            }
            if c >= from {
                return Some(c);
            }
        }
        let found = text
            .as_bytes()
            .get(from..)
            .and_then(|b| b.iter().position(|&x| x == byte))
            .map(|p| p + from);
        *cache = Some(found.unwrap_or(usize::MAX));
        found
    }

    /// Matches `*`/`_` runs into emphasis with a bounded stack of open frames (linear time).
    fn resolve(toks: Vec<Tok>, ctx: &mut Ctx) -> Vec<Inline> {
        struct Frame {
            ch: char,
            count: usize,
            kind: FrameKind,
            children: Vec<Inline>,
        }
        let mut root: Vec<Inline> = Vec::new();
        let mut stack: Vec<Frame> = Vec::new();

        fn top<'a>(root: &'a mut Vec<Inline>, stack: &'a mut [Frame]) -> &'a mut Vec<Inline> {
            match stack.last_mut() {
                Some(f) => &mut f.children,
                None => root,
            }
        }

        // Turns an unmatched frame back into its literal delimiters plus its children.
        fn unwind(f: Frame, out: &mut Vec<Inline>, ctx: &mut Ctx) {
            let marks: String = std::iter::repeat_n(f.ch, f.count).collect();
            push_text(out, &marks, ctx);
            for child in f.children {
                push_node(out, child, ctx);
            }
        }

        for tok in toks {
            match tok {
                Tok::Text(t) => {
                    let decoded = decode_entities(&t);
                    push_autolinked(top(&mut root, &mut stack), &decoded, ctx);
                }
                Tok::Node(n) => push_node(top(&mut root, &mut stack), n, ctx),
                Tok::Delim {
                    ch,
                    mut count,
                    open,
                    close,
                } => {
                    if close {
                        while count > 0 {
                            let Some(k) = stack.iter().rposition(|f| f.ch == ch) else {
                                break;
                            };
                            // Frames opened after the match were never closed: literal.
                            while stack.len() > k + 1 {
                                if let Some(f) = stack.pop() {
                                    unwind(f, top(&mut root, &mut stack), ctx);
                                }
                            }
                            let Some(mut f) = stack.pop() else { break };
                            let used = f.count.min(count);
                            let kind = if used >= 2 {
                                FrameKind::Strong
                            } else {
                                FrameKind::Em
                            };
                            f.kind = kind;
                            let extra = f.count - used;
                            let parent = top(&mut root, &mut stack);
                            if extra > 0 {
                                let marks: String = std::iter::repeat_n(ch, extra).collect();
                                push_text(parent, &marks, ctx);
                            }
                            for node in close_frame(f.kind, f.children) {
                                push_node(parent, node, ctx);
                            }
                            count -= used;
                        }
                    }
                    if count > 0 && open && count <= 3 && stack.len() + 2 <= MAX_DEPTH {
                        if count == 3 {
                            stack.push(Frame {
                                ch,
                                count: 1,
                                kind: FrameKind::Em,
                                children: Vec::new(),
                            });
                            count = 2;
                        }
                        stack.push(Frame {
                            ch,
                            count,
                            kind: FrameKind::Em,
                            children: Vec::new(),
                        });
                    } else if count > 0 {
                        let marks: String = std::iter::repeat_n(ch, count).collect();
                        push_text(top(&mut root, &mut stack), &marks, ctx);
                    }
                }
            }
        }
        while let Some(f) = stack.pop() {
            unwind(f, top(&mut root, &mut stack), ctx);
        }
        root
    }
}

mod html {
    //! The HTML subset: a forgiving tokenizer and a builder that keeps only what we render.
    use super::{
        Block, Ctx, DROPPED_CONTENT, FrameKind, Inline, MAX_DEPTH, close_frame, decode_entities,
        push_autolinked, push_node, push_text, safe_href, trim_inlines,
    };

    struct Builder<'c> {
        ctx: &'c mut Ctx,
        blocks: Vec<Block>,
        /// The open list: ordered, finished items, nesting depth of list tags.
        list: Option<(bool, Vec<Vec<Inline>>, usize)>,
        /// The paragraph or list item being built (bottom of the inline stack).
        current: Vec<Inline>,
        stack: Vec<(FrameKind, &'static str, Vec<Inline>)>,
        pre: usize,
    }

    impl Builder<'_> {
        fn in_link(&self) -> bool {
            self.stack
                .iter()
                .any(|(k, t, _)| matches!(k, FrameKind::Link(_)) || *t == "a")
        }

        fn text(&mut self, raw: &str) {
            let decoded = decode_entities(raw);
            if self.pre > 0 {
                let mut first = true;
                for line in decoded.split('\n') {
                    if !first {
                        let ctx = &mut *self.ctx;
                        let top = match self.stack.last_mut() {
                            Some((_, _, c)) => c,
                            None => &mut self.current,
                        };
                        push_node(top, Inline::LineBreak, ctx);
                    }
                    first = false;
                    self.push_plain(line);
                }
                return;
            }
            let mut collapsed = String::with_capacity(decoded.len());
            let mut space = self.ends_in_space();
            for c in decoded.chars() {
                if c.is_whitespace() && c != '\u{a0}' {
                    if !space {
                        collapsed.push(' ');
                        space = true;
                    }
                } else {
                    collapsed.push(c);
                    space = false;
                }
            }
            if collapsed.is_empty() {
                return;
            }
            if self.list.is_some()
                && self.stack.is_empty()
                && self.current.is_empty()
                && collapsed.trim().is_empty()
            {
                return;
            }
            self.push_plain(&collapsed);
        }

        fn push_plain(&mut self, text: &str) {
            let link = self.in_link();
            let ctx = &mut *self.ctx;
            let top = match self.stack.last_mut() {
                Some((_, _, c)) => c,
                None => &mut self.current,
            };
            if link {
                push_text(top, text, ctx);
            } else {
                push_autolinked(top, text, ctx);
            }
        }

        /// Whether the text so far ends in a space or nothing (so leading space is dropped).
        fn ends_in_space(&self) -> bool {
            let last = self
                .stack
                .iter()
                .rev()
                .map(|(_, _, c)| c)
                .chain(std::iter::once(&self.current))
                .find_map(|c| c.last());
            match last {
                None => true,
                Some(Inline::Text(t)) => t.ends_with(' '),
                Some(Inline::LineBreak) => true,
                Some(_) => false,
            }
        }

        fn open(&mut self, kind: FrameKind, tag: &'static str) {
            if self.stack.len() < MAX_DEPTH {
                self.stack.push((kind, tag, Vec::new()));
            }
        }

        fn close(&mut self, tag: &str) {
            let Some(k) = self.stack.iter().rposition(|(_, t, _)| *t == tag) else {
                return;
            };
            while self.stack.len() > k {
                self.pop_frame();
            }
        }

        fn pop_frame(&mut self) {
            if let Some((kind, _, children)) = self.stack.pop() {
                let nodes = close_frame(kind, children);
                let ctx = &mut *self.ctx;
                let top = match self.stack.last_mut() {
                    Some((_, _, c)) => c,
                    None => &mut self.current,
                };
                for n in nodes {
                    push_node(top, n, ctx);
                }
            }
        }

        /// Ends the paragraph or list item being built.
        fn boundary(&mut self) {
            while !self.stack.is_empty() {
                self.pop_frame();
            }
            let inl = trim_inlines(std::mem::take(&mut self.current));
            if inl.is_empty() {
                return;
            }
            match self.list.as_mut() {
                Some((_, items, _)) => items.push(inl),
                None => self.blocks.push(Block::Paragraph(inl)),
            }
        }

        fn end_list(&mut self) {
            self.boundary();
            if let Some((ordered, items, _)) = self.list.take()
                && !items.is_empty()
            {
                self.blocks.push(Block::List { ordered, items });
            }
        }

        fn tag(&mut self, name: &str, closing: bool, href: Option<String>) {
            match (name, closing) {
                ("br", _) => {
                    let ctx = &mut *self.ctx;
                    let top = match self.stack.last_mut() {
                        Some((_, _, c)) => c,
                        None => &mut self.current,
                    };
                    push_node(top, Inline::LineBreak, ctx);
                }
                ("em" | "i" | "cite" | "dfn" | "var", false) => self.open(FrameKind::Em, "em"),
                ("em" | "i" | "cite" | "dfn" | "var", true) => self.close("em"),
                ("strong" | "b", false) => self.open(FrameKind::Strong, "strong"),
                ("strong" | "b", true) => self.close("strong"),
                ("a", false) => {
                    let kind = match href.and_then(|h| safe_href(&h)) {
                        Some(h) if !self.in_link() => FrameKind::Link(h),
                        _ => FrameKind::Plain,
                    };
                    self.open(kind, "a");
                }
                ("a", true) => self.close("a"),
                ("ul" | "ol", false) => {
                    self.boundary();
                    match self.list.as_mut() {
                        Some((_, _, depth)) => *depth += 1,
                        None => self.list = Some((name == "ol", Vec::new(), 1)),
                    }
                }
                ("ul" | "ol", true) => {
                    self.boundary();
                    let done = match self.list.as_mut() {
                        Some((_, _, depth)) => {
                            *depth = depth.saturating_sub(1);
                            *depth == 0
                        }
                        None => false,
                    };
                    if done {
                        self.end_list();
                    }
                }
                ("li", _) => {
                    self.boundary();
                    if self.list.is_none() && !closing {
                        self.list = Some((false, Vec::new(), 1));
                    }
                }
                ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", false) => {
                    self.structural_boundary();
                    self.open(FrameKind::Strong, "h");
                }
                ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", true) => {
                    self.close("h");
                    self.structural_boundary();
                }
                ("pre", false) => {
                    self.structural_boundary();
                    self.pre += 1;
                }
                ("pre", true) => {
                    self.pre = self.pre.saturating_sub(1);
                    self.structural_boundary();
                }
                (
                    "p" | "div" | "blockquote" | "section" | "article" | "header" | "footer"
                    | "table" | "tr" | "hr" | "dl" | "dt" | "dd" | "center" | "body" | "html"
                    | "form" | "figure" | "figcaption" | "address" | "main" | "nav" | "aside"
                    | "details" | "summary",
                    _,
                ) => self.structural_boundary(),
                ("td" | "th", true) => {
                    let ctx = &mut *self.ctx;
                    let top = match self.stack.last_mut() {
                        Some((_, _, c)) => c,
                        None => &mut self.current,
                    };
                    push_text(top, " ", ctx);
                }
                _ => {}
            }
        }

        /// A paragraph boundary; inside a list item it only breaks the line.
        fn structural_boundary(&mut self) {
            if self.list.is_some() {
                let has_text = !self.current.is_empty() || !self.stack.is_empty();
                if has_text {
                    while !self.stack.is_empty() {
                        self.pop_frame();
                    }
                    if !matches!(self.current.last(), Some(Inline::LineBreak) | None) {
                        let ctx = &mut *self.ctx;
                        push_node(&mut self.current, Inline::LineBreak, ctx);
                    }
                }
            } else {
                self.boundary();
            }
        }
    }

    pub(super) fn parse(text: &str, ctx: &mut Ctx) -> Vec<Block> {
        let mut b = Builder {
            ctx,
            blocks: Vec::new(),
            list: None,
            current: Vec::new(),
            stack: Vec::new(),
            pre: 0,
        };
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut text_start = 0;
        while i < bytes.len() {
            if bytes.get(i) != Some(&b'<') {
                i += 1;
                continue;
            }
            let Some(tag) = read_tag(text, i) else {
                i += 1;
                continue;
            };
            b.text(text.get(text_start..i).unwrap_or(""));
            i = tag.end;
            text_start = i;
            match tag.what {
                What::Skip => {}
                What::Element {
                    name,
                    closing,
                    href,
                } => {
                    if !closing && DROPPED_CONTENT.contains(&name.as_str()) {
                        // Drop everything up to the matching end tag (or the end).
                        let end = find_end_tag(text, i, &name);
                        i = end;
                        text_start = end;
                        continue;
                    }
                    b.tag(&name, closing, href);
                }
            }
        }
        b.text(text.get(text_start..).unwrap_or(""));
        b.end_list();
        b.boundary();
        b.blocks
    }

    enum What {
        Skip,
        Element {
            name: String,
            closing: bool,
            href: Option<String>,
        },
    }

    struct Tag {
        what: What,
        end: usize,
    }

    /// Reads a tag, comment or declaration at `at` (a `<`); `None` when it is just a `<`.
    fn read_tag(text: &str, at: usize) -> Option<Tag> {
        let rest = text.get(at..)?;
        if let Some(body) = rest.strip_prefix("<!--") {
            let end = body.find("-->").map_or(text.len(), |p| at + 4 + p + 3);
            return Some(Tag {
                what: What::Skip,
                end,
            });
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            let end = rest.find('>').map_or(text.len(), |p| at + p + 1);
            return Some(Tag {
                what: What::Skip,
                end,
            });
        }
        let (closing, body) = match rest.get(1..)?.strip_prefix('/') {
            Some(b) => (true, b),
            None => (false, rest.get(1..)?),
        };
        if !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let name_len = body
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
            .unwrap_or(body.len());
        let name = body.get(..name_len)?.to_ascii_lowercase();
        let offset = at + 1 + usize::from(closing) + name_len;
        // Attributes, honouring quotes, up to the closing `>`.
        let attrs_text = text.get(offset..)?;
        let mut quote: Option<char> = None;
        let mut end = None;
        for (p, c) in attrs_text.char_indices() {
            match (quote, c) {
                // A `<` ends the attempt even inside quotes, so text full of `<` and quotes
                // costs linear time.
                (_, '<') => return None,
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '>') => {
                    end = Some(p);
                    break;
                }
                _ => {}
            }
        }
        let end = end?;
        let attrs = attrs_text.get(..end)?;
        let href = if name == "a" && !closing {
            attribute(attrs, "href").map(|h| decode_entities(&h))
        } else {
            None
        };
        Some(Tag {
            what: What::Element {
                name,
                closing,
                href,
            },
            end: offset + end + 1,
        })
    }

    /// The value of attribute `want` in a tag's attribute text.
    fn attribute(attrs: &str, want: &str) -> Option<String> {
        let mut rest = attrs;
        loop {
            rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
            if rest.is_empty() {
                return None;
            }
            let name_end = rest
                .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
                .unwrap_or(rest.len());
            let name = rest.get(..name_end)?.to_ascii_lowercase();
            rest = rest.get(name_end..)?.trim_start();
            let value = if let Some(after) = rest.strip_prefix('=') {
                let after = after.trim_start();
                if let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') {
                    let inner = after.get(1..)?;
                    let close = inner.find(q).unwrap_or(inner.len());
                    rest = inner.get(close + 1..).unwrap_or("");
                    inner.get(..close)?.to_owned()
                } else {
                    let close = after.find(char::is_whitespace).unwrap_or(after.len());
                    rest = after.get(close..).unwrap_or("");
                    after.get(..close)?.to_owned()
                }
            } else {
                String::new()
            };
            if name == want {
                return Some(value);
            }
            if name.is_empty() {
                // Something odd: skip one character so the loop always advances.
                let mut chars = rest.chars();
                chars.next()?;
                rest = chars.as_str();
            }
        }
    }

    /// Where the content of a dropped element ends: after `</name …>`, or the end of text.
    fn find_end_tag(text: &str, from: usize, name: &str) -> usize {
        let needle = format!("</{name}");
        let hay = text.get(from..).unwrap_or("").as_bytes();
        let found = hay
            .windows(needle.len())
            .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()));
        match found {
            Some(p) => {
                let after = from + p + needle.len();
                text.get(after..)
                    .and_then(|t| t.find('>'))
                    .map_or(text.len(), |q| after + q + 1)
            }
            None => text.len(),
        }
    }
}
