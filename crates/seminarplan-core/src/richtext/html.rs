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
                "p" | "div" | "blockquote" | "section" | "article" | "header" | "footer" | "table"
                | "tr" | "hr" | "dl" | "dt" | "dd" | "center" | "body" | "html" | "form" | "figure"
                | "figcaption" | "address" | "main" | "nav" | "aside" | "details" | "summary",
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
