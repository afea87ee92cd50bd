//! A validator for the JSON Schema subset schema/seminarplan.schema.json uses (checked:
//! any other keyword fails the test), and the schema's own tests.
use std::collections::HashMap;

use regex::Regex;
use serde_json::{Value, json};

const SCHEMA: &str = include_str!("../../schema/seminarplan.schema.json");
const KEYWORDS: &[&str] = &[
    "$schema",
    "$defs",
    "$ref",
    "title",
    "description",
    "type",
    "const",
    "enum",
    "pattern",
    "format",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "minItems",
    "items",
    "properties",
    "required",
    "additionalProperties",
    "anyOf",
];

pub struct Validator {
    root: Value,
    patterns: HashMap<String, Regex>,
}

impl Validator {
    pub fn load() -> Validator {
        let root: Value = serde_json::from_str(SCHEMA).expect("the schema is JSON");
        let mut patterns = HashMap::new();
        collect(&root, &mut patterns);
        Validator { root, patterns }
    }

    pub fn validate(&self, doc: &Value) -> Vec<String> {
        let mut errors = Vec::new();
        self.check(&self.root, doc, "", &mut errors);
        errors
    }

    fn check(&self, schema: &Value, v: &Value, at: &str, errors: &mut Vec<String>) {
        let Some(s) = schema.as_object() else {
            return;
        };
        let mut fail = |msg: String| errors.push(format!("{at}: {msg}"));
        if let Some(r) = s.get("$ref").and_then(Value::as_str) {
            let name = r.strip_prefix("#/$defs/").expect("local $ref");
            let target = &self.root["$defs"][name];
            assert!(target.is_object(), "unresolved {r}");
            self.check(target, v, at, errors);
            return self.check_rest(s, v, at, errors);
        }
        if let Some(t) = s.get("type") {
            let types: Vec<&str> = match t {
                Value::String(t) => vec![t.as_str()],
                Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                _ => vec![],
            };
            if !types.iter().any(|t| type_ok(t, v)) {
                fail(format!("expected {types:?}, got {v}"));
                return;
            }
        }
        if let Some(c) = s.get("const")
            && c != v
        {
            fail(format!("expected {c}, got {v}"));
        }
        if let Some(e) = s.get("enum").and_then(Value::as_array)
            && !e.contains(v)
        {
            fail(format!("{v} is not one of {e:?}"));
        }
        self.check_rest(s, v, at, errors);
    }

    fn check_rest(
        &self,
        s: &serde_json::Map<String, Value>,
        v: &Value,
        at: &str,
        errors: &mut Vec<String>,
    ) {
        if let Some(text) = v.as_str() {
            let chars = text.chars().count() as u64;
            if let Some(p) = s.get("pattern").and_then(Value::as_str)
                && !self.patterns[p].is_match(text)
            {
                errors.push(format!("{at}: {text:?} does not match {p}"));
            }
            if s.get("minLength")
                .and_then(Value::as_u64)
                .is_some_and(|m| chars < m)
            {
                errors.push(format!("{at}: too short"));
            }
            if s.get("maxLength")
                .and_then(Value::as_u64)
                .is_some_and(|m| chars > m)
            {
                errors.push(format!("{at}: too long"));
            }
        }
        if let Some(n) = v.as_f64() {
            if s.get("minimum")
                .and_then(Value::as_f64)
                .is_some_and(|m| n < m)
            {
                errors.push(format!("{at}: below minimum"));
            }
            if s.get("maximum")
                .and_then(Value::as_f64)
                .is_some_and(|m| n > m)
            {
                errors.push(format!("{at}: above maximum"));
            }
        }
        if let Some(items) = v.as_array() {
            if s.get("minItems")
                .and_then(Value::as_u64)
                .is_some_and(|m| (items.len() as u64) < m)
            {
                errors.push(format!("{at}: too few items"));
            }
            if let Some(item_schema) = s.get("items") {
                for (i, item) in items.iter().enumerate() {
                    self.check(item_schema, item, &format!("{at}[{i}]"), errors);
                }
            }
        }
        if let Some(obj) = v.as_object() {
            let props = s.get("properties").and_then(Value::as_object);
            for req in s
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let key = req.as_str().unwrap_or_default();
                if !obj.contains_key(key) {
                    errors.push(format!("{at}: missing {key}"));
                }
            }
            for (k, val) in obj {
                let path = if at.is_empty() {
                    k.clone()
                } else {
                    format!("{at}.{k}")
                };
                match props.and_then(|p| p.get(k)) {
                    Some(ps) => self.check(ps, val, &path, errors),
                    None => match s.get("additionalProperties") {
                        Some(Value::Bool(false)) => {
                            errors.push(format!("{path}: not allowed"));
                        }
                        Some(extra @ Value::Object(_)) => self.check(extra, val, &path, errors),
                        _ => {}
                    },
                }
            }
        }
        if let Some(any) = s.get("anyOf").and_then(Value::as_array) {
            let ok = any.iter().any(|alt| {
                let mut e = Vec::new();
                self.check(alt, v, at, &mut e);
                e.is_empty()
            });
            if !ok {
                errors.push(format!("{at}: matches none of anyOf"));
            }
        }
    }
}

fn type_ok(t: &str, v: &Value) -> bool {
    match t {
        "string" => v.is_string(),
        "object" => v.is_object(),
        "array" => v.is_array(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        "number" => v.is_number(),
        "integer" => v.is_i64() || v.is_u64(),
        other => panic!("type {other} not supported"),
    }
}

/// Compiles every pattern, and fails on keywords this validator does not implement.
fn collect(schema: &Value, patterns: &mut HashMap<String, Regex>) {
    let Some(s) = schema.as_object() else {
        return;
    };
    for (k, v) in s {
        assert!(KEYWORDS.contains(&k.as_str()), "unsupported keyword {k}");
        match k.as_str() {
            "pattern" => {
                let p = v.as_str().expect("pattern string");
                patterns.insert(p.to_owned(), Regex::new(p).expect("pattern compiles"));
            }
            "properties" | "$defs" => {
                for sub in v.as_object().expect("map").values() {
                    collect(sub, patterns);
                }
            }
            "items" | "additionalProperties" => collect(v, patterns),
            "anyOf" => {
                for sub in v.as_array().expect("list") {
                    collect(sub, patterns);
                }
            }
            _ => {}
        }
    }
}

#[test]
fn demo_and_small_fixture_are_valid() {
    let v = Validator::load();
    for (name, text) in [
        ("demo", seminarplan_core::DEMO_PROGRAMME),
        ("small", super::SMALL),
    ] {
        let doc: Value = serde_json::from_str(text).expect("JSON");
        let errors = v.validate(&doc);
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

/// Applies `edit` to the small fixture and expects the schema to object at `place`.
fn refuses(name: &str, edit: impl FnOnce(&mut Value), place: &str) {
    let mut doc: Value = serde_json::from_str(super::SMALL).expect("JSON");
    edit(&mut doc);
    let errors = Validator::load().validate(&doc);
    assert!(
        errors.iter().any(|e| e.starts_with(&format!("{place}: "))),
        "{name}: expected an error at {place:?}, got {errors:?}"
    );
}

#[test]
fn schema_refuses_what_the_format_forbids() {
    refuses("wrong format", |d| d["format"] = json!("frab"), "format");
    refuses(
        "bad colour",
        |d| d["themes"][0]["colour"] = json!("red"),
        "themes[0].colour",
    );
    refuses(
        "bad kind",
        |d| d["types"][0]["kind"] = json!("party"),
        "types[0].kind",
    );
    refuses(
        "bad id",
        |d| d["sessions"][1]["id"] = json!("s 1<script>"),
        "sessions[1].id",
    );
    refuses(
        "no offset",
        |d| d["sessions"][0]["start"] = json!("2027-03-16T13:00:00"),
        "sessions[0].start",
    );
    refuses(
        "bad day",
        |d| d["conference"]["days"][0] = json!("16/3"),
        "conference.days[0]",
    );
    refuses(
        "no days",
        |d| d["conference"]["days"] = json!([]),
        "conference.days",
    );
    refuses(
        "typo",
        |d| d["sessions"][1]["abstarct"] = json!("x"),
        "sessions[1].abstarct",
    );
    refuses(
        "unsafe url",
        |d| d["sessions"][1]["url"] = json!("javascript:alert(1)"),
        "sessions[1].url",
    );
    refuses(
        "missing sessions",
        |d| {
            d.as_object_mut().expect("object").remove("sessions");
        },
        "",
    );
    refuses(
        "null subtitle",
        |d| d["sessions"][1]["subtitle"] = Value::Null,
        "sessions[1].subtitle",
    );
    refuses(
        "negative capacity",
        |d| d["rooms"][0]["capacity"] = json!(-1),
        "rooms[0].capacity",
    );
    refuses(
        "number title",
        |d| d["sessions"][1]["title"] = json!(42),
        "sessions[1].title",
    );
    refuses(
        "bad localised text",
        |d| d["rooms"][0]["name"] = json!({"sv": 1}),
        "rooms[0].name",
    );
}
