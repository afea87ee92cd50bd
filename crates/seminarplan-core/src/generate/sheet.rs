//! A generated programme written as organisers keep it: a spreadsheet saved as CSV by
//! Swedish Excel (`;`, CRLF, one row per session, names instead of ids), for the
//! spreadsheet reader's tests and the browser benchmark.

use serde_json::Value;

/// `programme_json(sessions, seed)` as a programme sheet.
pub fn programme_csv(sessions: usize, seed: u64) -> String {
    let doc: Value = serde_json::from_str(&super::programme_json(sessions, seed))
        .expect("the generator writes JSON");
    sheet_of(&doc)
}

/// A `seminarplan/1` document as a programme sheet (names in the programme's language).
pub fn sheet_of(doc: &Value) -> String {
    let lang = doc["conference"]["language"]
        .as_str()
        .unwrap_or("sv")
        .to_owned();
    let text = |v: &Value| -> String {
        match v {
            Value::String(s) => s.clone(),
            Value::Object(m) => m
                .get(&lang)
                .or_else(|| m.values().next())
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned(),
            _ => String::new(),
        }
    };
    let names = |list: &str| -> std::collections::HashMap<String, (String, Option<String>)> {
        doc[list]
            .as_array()
            .into_iter()
            .flatten()
            .map(|x| {
                let org = x["organisation"].as_str().map(str::to_owned);
                (text(&x["id"]), (text(&x["name"]), org))
            })
            .collect()
    };
    let (rooms, themes, types) = (names("rooms"), names("themes"), names("types"));
    let (levels, blocks, speakers) = (names("levels"), names("blocks"), names("speakers"));
    let name = |map: &std::collections::HashMap<String, (String, Option<String>)>, id: &Value| {
        id.as_str()
            .and_then(|i| map.get(i))
            .map_or(String::new(), |(n, _)| n.clone())
    };
    let list = |ids: &Value, f: &dyn Fn(&Value) -> String| -> String {
        let items: Vec<String> = ids.as_array().into_iter().flatten().map(f).collect();
        items.join("; ")
    };
    let c = &doc["conference"];
    let joined = |list: &Value, f: &dyn Fn(&Value) -> String| -> String {
        let items: Vec<String> = list.as_array().into_iter().flatten().map(f).collect();
        items.join(", ")
    };
    let mut out = String::new();
    for (key, value) in [
        ("Konferens", text(&c["title"])),
        ("Id", text(&doc["id"])),
        ("Tidszon", text(&c["time_zone"])),
        ("Språk", lang.clone()),
        ("Dagar", joined(&c["days"], &|d| text(d))),
        ("Lokaler", joined(&doc["rooms"], &|r| text(&r["name"]))),
    ] {
        out.push_str(&format!("# {key}: {value}\r\n"));
    }
    out.push_str(
        "Id;Datum;Start;Slut;Titel;Undertitel;Typ;Tema;Lokal;Pass;Talare;Språk;Nivå;Taggar;Beskrivning\r\n",
    );
    for s in doc["sessions"].as_array().into_iter().flatten() {
        let start = s["start"].as_str().unwrap_or("");
        let end = s["end"].as_str().unwrap_or("");
        let speaker = |id: &Value| match id.as_str().and_then(|i| speakers.get(i)) {
            Some((n, Some(org))) => format!("{n} ({org})"),
            Some((n, None)) => n.clone(),
            None => String::new(),
        };
        let cells = [
            text(&s["id"]),
            start.get(..10).unwrap_or("").to_owned(),
            start.get(11..16).unwrap_or("").to_owned(),
            end.get(11..16).unwrap_or("").to_owned(),
            text(&s["title"]),
            text(&s["subtitle"]),
            name(&types, &s["type"]),
            list(&s["themes"], &|t| name(&themes, t)),
            name(&rooms, &s["room"]),
            name(&blocks, &s["block"]),
            list(&s["speakers"], &speaker),
            text(&s["language"]),
            name(&levels, &s["level"]),
            list(&s["tags"], &|t| text(t)),
            text(&s["abstract"]),
        ];
        let row: Vec<String> = cells.iter().map(|c| quoted(c)).collect();
        out.push_str(&row.join(";"));
        out.push_str("\r\n");
    }
    out
}

/// A cell as Excel writes it: in quotes (doubled inside) when it holds `;`, `"` or a
/// line break.
fn quoted(cell: &str) -> String {
    if cell.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}
