//! A small, strict XML reader for schedule files: elements, attributes, text, CDATA and
//! character references; comments, processing instructions and the DOCTYPE are skipped.
//! Nesting is bounded and nothing panics. (A general XML crate would cost more wasm than
//! the few shapes schedule exports use.)

use crate::text::decode_entities;

/// Deepest element nesting accepted.
pub(crate) const MAX_DEPTH: usize = 64;

#[derive(Debug, Default)]
pub(crate) struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

#[derive(Debug)]
pub(crate) enum Node {
    Element(Element),
    Text(String),
}

/// Why the text is not well-formed XML, and where (1-based).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct XmlError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl Element {
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub(crate) fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub(crate) fn all(&self, name: &str) -> impl Iterator<Item = &Element> {
        self.elements().filter(move |e| e.name == name)
    }

    pub(crate) fn child(&self, name: &str) -> Option<&Element> {
        self.all(name).next()
    }

    /// The element's own text (its text children joined), untrimmed.
    pub(crate) fn text(&self) -> String {
        self.children
            .iter()
            .filter_map(|n| match n {
                Node::Text(t) => Some(t.as_str()),
                Node::Element(_) => None,
            })
            .collect()
    }

    /// The trimmed text of the first child named `name`, if it has any.
    pub(crate) fn child_text(&self, name: &str) -> Option<String> {
        let t = self.child(name)?.text();
        let t = t.trim();
        (!t.is_empty()).then(|| t.to_owned())
    }
}

fn position(input: &str, at: usize) -> (usize, usize) {
    let before = input.get(..at).unwrap_or(input);
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map_or(1, |l| l.chars().count() + 1);
    (line, column)
}

fn fail<T>(input: &str, at: usize, message: impl Into<String>) -> Result<T, XmlError> {
    let (line, column) = position(input, at);
    Err(XmlError {
        line,
        column,
        message: message.into(),
    })
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':')
}

/// Parses a whole document and returns its root element.
pub(crate) fn parse(input: &str) -> Result<Element, XmlError> {
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let mut i = 0;
    let len = input.len();
    while i < len {
        let rest = input.get(i..).unwrap_or("");
        if !rest.starts_with('<') {
            let end = rest.find('<').map_or(len, |p| i + p);
            let raw = input.get(i..end).unwrap_or("");
            match stack.last_mut() {
                Some(top) => {
                    if !raw.trim().is_empty() {
                        push_text(top, decode_entities(raw));
                    }
                }
                None => {
                    if !raw.trim().is_empty() {
                        return fail(input, i, "text outside the root element");
                    }
                }
            }
            i = end;
            continue;
        }
        if let Some(body) = rest.strip_prefix("<!--") {
            let Some(p) = body.find("-->") else {
                return fail(input, i, "unclosed comment");
            };
            i += 4 + p + 3;
            continue;
        }
        if let Some(body) = rest.strip_prefix("<![CDATA[") {
            let Some(p) = body.find("]]>") else {
                return fail(input, i, "unclosed CDATA section");
            };
            let Some(top) = stack.last_mut() else {
                return fail(input, i, "CDATA outside the root element");
            };
            push_text(top, body.get(..p).unwrap_or("").to_owned());
            i += 9 + p + 3;
            continue;
        }
        if rest.starts_with("<?") {
            let Some(p) = rest.find("?>") else {
                return fail(input, i, "unclosed processing instruction");
            };
            i += p + 2;
            continue;
        }
        if rest.starts_with("<!") {
            // DOCTYPE, possibly with an internal subset in brackets.
            let mut depth = 0usize;
            let mut end = None;
            for (p, c) in rest.char_indices() {
                match c {
                    '[' => depth += 1,
                    ']' => depth = depth.saturating_sub(1),
                    '>' if depth == 0 => {
                        end = Some(p);
                        break;
                    }
                    _ => {}
                }
            }
            let Some(p) = end else {
                return fail(input, i, "unclosed declaration");
            };
            i += p + 1;
            continue;
        }
        if let Some(body) = rest.strip_prefix("</") {
            let name_len = body.find(|c: char| !is_name_char(c)).unwrap_or(body.len());
            let name = body.get(..name_len).unwrap_or("");
            let after = body.get(name_len..).unwrap_or("");
            let close = after.find('>');
            let Some(close) =
                close.filter(|&p| after.get(..p).is_some_and(|s| s.trim().is_empty()))
            else {
                return fail(input, i, format!("malformed end tag </{name}"));
            };
            let Some(el) = stack.pop() else {
                return fail(input, i, format!("end tag </{name}> without a start tag"));
            };
            if el.name != name {
                return fail(
                    input,
                    i,
                    format!("end tag </{name}> does not match <{}>", el.name),
                );
            }
            match stack.last_mut() {
                Some(parent) => parent.children.push(Node::Element(el)),
                None => {
                    if root.is_some() {
                        return fail(input, i, "more than one root element");
                    }
                    root = Some(el);
                }
            }
            i += 2 + name_len + close + 1;
            continue;
        }
        // A start tag.
        let (el, self_closing, used) = match start_tag(rest) {
            Ok(t) => t,
            Err((at, message)) => return fail(input, i + at, message),
        };
        i += used;
        if root.is_some() && stack.is_empty() {
            return fail(input, i, "more than one root element");
        }
        if self_closing {
            match stack.last_mut() {
                Some(parent) => parent.children.push(Node::Element(el)),
                None => root = Some(el),
            }
        } else {
            if stack.len() >= MAX_DEPTH {
                return fail(input, i, format!("elements nested deeper than {MAX_DEPTH}"));
            }
            stack.push(el);
        }
    }
    if let Some(open) = stack.last() {
        return fail(input, len, format!("<{}> is never closed", open.name));
    }
    match root {
        Some(r) => Ok(r),
        None => fail(input, len, "no root element"),
    }
}

fn push_text(el: &mut Element, text: String) {
    if let Some(Node::Text(prev)) = el.children.last_mut() {
        prev.push_str(&text);
    } else {
        el.children.push(Node::Text(text));
    }
}

/// Reads `<name a="v" …>` or `<name … />` at the start of `s`: the element, whether it
/// closed itself, and the bytes used. Errors carry a byte position within `s`.
fn start_tag(s: &str) -> Result<(Element, bool, usize), (usize, String)> {
    let body = s.get(1..).unwrap_or("");
    let name_len = body.find(|c: char| !is_name_char(c)).unwrap_or(body.len());
    if name_len == 0 || body.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '.') {
        return Err((0, "a `<` that starts no tag (write &lt;)".into()));
    }
    let name = body.get(..name_len).unwrap_or("").to_owned();
    let mut el = Element {
        name,
        ..Element::default()
    };
    let mut p = 1 + name_len;
    loop {
        let rest = s.get(p..).unwrap_or("");
        let trimmed = rest.trim_start();
        p += rest.len() - trimmed.len();
        if trimmed.starts_with("/>") {
            return Ok((el, true, p + 2));
        }
        if trimmed.starts_with('>') {
            return Ok((el, false, p + 1));
        }
        if trimmed.is_empty() {
            return Err((p, format!("<{}> is never finished", el.name)));
        }
        let attr_len = trimmed
            .find(|c: char| !is_name_char(c))
            .unwrap_or(trimmed.len());
        if attr_len == 0 {
            return Err((p, format!("unexpected character in <{}>", el.name)));
        }
        let attr = trimmed.get(..attr_len).unwrap_or("").to_owned();
        p += attr_len;
        let rest = s.get(p..).unwrap_or("");
        let after_eq = rest.trim_start().strip_prefix('=');
        let Some(after_eq) = after_eq else {
            return Err((p, format!("attribute {attr} has no value")));
        };
        p += rest.len() - after_eq.len();
        let value_text = after_eq.trim_start();
        p += after_eq.len() - value_text.len();
        let Some(q) = value_text
            .chars()
            .next()
            .filter(|c| *c == '"' || *c == '\'')
        else {
            return Err((p, format!("attribute {attr} is not quoted")));
        };
        let inner = value_text.get(1..).unwrap_or("");
        let Some(close) = inner.find(q) else {
            return Err((p, format!("attribute {attr} is never closed")));
        };
        let raw = inner.get(..close).unwrap_or("");
        if raw.contains('<') {
            return Err((p, format!("attribute {attr} contains `<`")));
        }
        el.attrs.push((attr, decode_entities(raw)));
        p += 1 + close + 1;
        // Attributes must be separated by whitespace.
        let next = s.get(p..).unwrap_or("");
        if !next.starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/')
            && !next.is_empty()
        {
            return Err((p, format!("attributes of <{}> run together", el.name)));
        }
    }
}
