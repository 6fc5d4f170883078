//! Parsing tests: the parallel and streamed parses equal the serial one, errors are located.

use super::*;
use serde_json::{Value, json};

/// The embedded strategy with its measures repeated `copies` times under new ids (every
/// measure field is exercised: typed and lagged dependencies, targets with and without
/// clusters, funding, indicators, estimates, statuses, periods, sources).
fn replicated(copies: usize) -> Value {
    let mut doc: Value =
        serde_json::from_str(include_str!("../../data/e-culture.json")).expect("embedded");
    let base = doc["measures"].as_array().expect("measures").clone();
    let mut all = Vec::new();
    for k in 0..copies {
        for m in &base {
            let mut m = m.clone();
            let id = format!("{}#{k}", m["id"].as_str().expect("id"));
            m["id"] = json!(id);
            if let Some(deps) = m.get_mut("depends_on").and_then(Value::as_array_mut) {
                for d in deps {
                    match d {
                        Value::String(s) => *s = format!("{s}#{k}"),
                        Value::Object(o) => {
                            let s = o["id"].as_str().expect("dep id").to_owned();
                            o.insert("id".into(), json!(format!("{s}#{k}")));
                        }
                        _ => {}
                    }
                }
            }
            all.push(m);
        }
    }
    doc["measures"] = Value::Array(all);
    doc
}

#[test]
fn the_shell_has_the_fields_of_document() {
    let schema = crate::json_schema();
    let mut fields: Vec<&str> = schema["properties"]
        .as_object()
        .expect("properties")
        .keys()
        .map(String::as_str)
        .collect();
    let mut shell = stream::SHELL_FIELDS.to_vec();
    fields.sort_unstable();
    shell.sort_unstable();
    assert_eq!(fields, shell);
}

/// Valid documents in every shape the fast parses must get right.
fn good_documents() -> Vec<String> {
    let mut texts = vec![
        include_str!("../../data/e-culture.json").to_owned(),
        serde_json::to_string_pretty(&replicated(3)).expect("json"),
        serde_json::to_string(&replicated(2)).expect("json"),
        r#"{"strategy": {"id": "s", "title": {"en": "S"}, "period": {"start": 2024, "end": 2026}}}"#.to_owned(),
        r#" {"measures" : [ ] , "strategy": {"id": "s", "title": {"en": "S"}, "period": {"start": 2024, "end": 2026}}} "#.to_owned(),
        // an escaped key is still the measures field
        serde_json::to_string(&replicated(1)).expect("json").replacen(r#""measures""#, r#""measure\u0073""#, 1),
    ];
    for case in ["broken_refs", "cycle", "derived_junction", "small_valid"] {
        let p = format!(
            "{}/../tests/golden/{case}/input.json",
            env!("CARGO_MANIFEST_DIR")
        );
        texts.push(std::fs::read_to_string(p).expect("golden input"));
    }
    texts
}

/// Invalid documents, each rejected by the serial parse.
fn bad_documents() -> Vec<String> {
    let good = replicated(2);
    let mut unknown_field = good.clone();
    unknown_field["measures"][100]["colour"] = json!("red");
    let mut wrong_type = good.clone();
    wrong_type["measures"][141]["duration_days"] = json!("ten");
    let mut not_a_list = good.clone();
    not_a_list["measures"] = json!({"a": 1});
    let mut unknown_top = good.clone();
    unknown_top["extra"] = json!(1);
    let text = serde_json::to_string(&good).expect("json");
    let bad_texts = [
        serde_json::to_string(&unknown_field).expect("json"),
        serde_json::to_string(&wrong_type).expect("json"),
        serde_json::to_string(&not_a_list).expect("json"),
        serde_json::to_string(&unknown_top).expect("json"),
        format!("{text} trailing"),
        format!("{text}}}"),
        text.replacen(r#""measures":["#, r#""measures":[],"measures":["#, 1),
        text.replacen(r#""measures":["#, r#""measure\u0073":[],"measures":["#, 1),
        text.replacen(r#""strategy":"#, r#""strategy":{},"strategy":"#, 1),
        text.replacen(r#""measures":[{"#, r#""measures":[{},{"#, 1),
        text.replacen(r#"},{"id""#, r#"},,{"id""#, 1),
        text.replacen(r#"},{"id""#, r#"} {"id""#, 1),
        text.replacen(r#""measures":["#, r#""measures":"#, 1),
        text.replacen(r#""measures":"#, r#""measures""#, 1),
        text.replacen(r#""measures":"#, r#""measures",:"#, 1),
        text.replace("]}", ",]}"),
        text[..text.len() - 10].to_owned(),
        text[..text.len() / 2].to_owned(),
        String::new(),
        "[]".to_owned(),
        "{".to_owned(),
    ];
    bad_texts.into()
}

#[test]
fn parallel_parse_equals_serial_parse() {
    let mut texts = good_documents();
    texts.push(serde_json::to_string_pretty(&replicated(40)).expect("json"));
    for text in &texts {
        let serial: Document = serde_json::from_str(text).expect("valid document");
        let parallel = stream::parse_split(text).expect("parallel parse");
        assert_eq!(parallel, serial);
    }
}

#[test]
fn parallel_parse_declines_what_serial_parse_rejects() {
    for (i, bad) in bad_documents().iter().enumerate() {
        assert!(serde_json::from_str::<Document>(bad).is_err(), "text {i}");
        assert!(stream::parse_split(bad).is_none(), "text {i}");
    }
}

/// A file for the streaming tests, removed when dropped.
struct TempFile(std::path::PathBuf);

impl TempFile {
    fn new(tag: &str, text: &str) -> TempFile {
        let p = std::env::temp_dir().join(format!("eculture-io-{}-{tag}.json", std::process::id()));
        std::fs::write(&p, text).expect("write temp file");
        TempFile(p)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The streamed file parse gives the serial parse's document, however the file is cut
/// into reads (1 byte at a time cuts every value, key and string; 4 KiB cuts some).
#[test]
fn streamed_parse_equals_serial_parse() {
    let texts = good_documents();
    for (i, text) in texts.iter().enumerate() {
        let serial: Document = serde_json::from_str(text).expect("valid document");
        let f = TempFile::new(&format!("ok{i}"), text);
        for chunk in [1, 4096, 1 << 22] {
            let streamed = stream::parse_file_in_chunks(&f.0, chunk).expect("streamed");
            assert_eq!(streamed, serial, "text {i}, chunk {chunk}");
        }
    }
}

#[test]
fn streamed_parse_declines_what_serial_parse_rejects() {
    let bad_texts = bad_documents();
    for (i, bad) in bad_texts.iter().enumerate() {
        assert!(serde_json::from_str::<Document>(bad).is_err(), "text {i}");
        let f = TempFile::new(&format!("bad{i}"), bad);
        for chunk in [1, 4096, 1 << 22] {
            assert!(
                stream::parse_file_in_chunks(&f.0, chunk).is_none(),
                "text {i}, chunk {chunk}"
            );
        }
    }
    assert!(stream::parse_file(std::path::Path::new("/nonexistent/eculture.json")).is_none());
}

/// `load` streams a large file and reports a bad one exactly as a small one.
#[test]
fn large_files_load_streamed_and_report_errors_located() {
    let doc = replicated(80);
    let text = serde_json::to_string_pretty(&doc).expect("json");
    assert!(text.len() > stream::MIN_BYTES);
    let f = TempFile::new("large", &text);
    let serial: Document = serde_json::from_str(&text).expect("valid");
    assert_eq!(load(&f.0).expect("loads"), serial);
    let mut bad = doc.clone();
    let n = bad["measures"].as_array().expect("measures").len();
    bad["measures"][n - 3]["deadline"] = json!(true);
    let text = serde_json::to_string_pretty(&bad).expect("json");
    let f = TempFile::new("large-bad", &text);
    let Err(Error::Parse(e)) = load(&f.0) else {
        panic!("expected a parse error");
    };
    let at = text.find(r#""deadline": true"#).expect("the bad value");
    assert_eq!(e.line, Some(line_col(&text, at).0));
    assert_eq!(
        e.path.as_deref(),
        Some(format!("measures[{}].deadline", n - 3).as_str())
    );
}

#[test]
fn errors_in_large_documents_are_located_as_in_small_ones() {
    let mut doc = replicated(80);
    let n = doc["measures"].as_array().expect("measures").len();
    doc["measures"][n - 3]["deadline"] = json!(true);
    let text = serde_json::to_string_pretty(&doc).expect("json");
    assert!(text.len() > stream::MIN_BYTES);
    let Err(Error::Parse(e)) = parse_bytes(text.as_bytes(), Format::Json, "big.json") else {
        panic!("expected a parse error");
    };
    let at = text.find(r#""deadline": true"#).expect("the bad value");
    let (line, _) = line_col(&text, at);
    assert_eq!(
        e.path.as_deref(),
        Some(format!("measures[{}].deadline", n - 3).as_str())
    );
    assert_eq!(e.line, Some(line));
    assert_eq!(e.source_name, "big.json");
}
