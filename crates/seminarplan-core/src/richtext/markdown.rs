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
                    .position(|&x| matches!(x, b'\\' | b'\n' | b'`' | b'[' | b'<' | b'*' | b'_'))
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
