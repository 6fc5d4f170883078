//! The document format: lossless round trips in every format, the published JSON Schema, and
//! located errors for bad input.

use std::path::Path;

use eculture::{Error, Format, Strategy};

fn golden(case: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/golden")
        .join(case)
}

fn sources() -> Vec<Strategy> {
    vec![
        Strategy::e_culture(),
        Strategy::load(golden("small_valid/input.json")).unwrap(),
        Strategy::load(golden("broken_refs/input.json")).unwrap(),
    ]
}

#[test]
fn every_format_round_trips_losslessly() {
    for s in sources() {
        for format in [Format::Json, Format::Yaml, Format::Toml] {
            let text = s.to_string(format).unwrap();
            let back =
                Strategy::parse(&text, format).unwrap_or_else(|e| panic!("{format}: {e}\n{text}"));
            assert_eq!(
                back.document(),
                s.document(),
                "{format} round trip changed the document"
            );
            assert_eq!(
                back.to_string(format).unwrap(),
                text,
                "{format} output is not stable"
            );
        }
    }
}

#[test]
fn files_round_trip_through_every_extension() {
    let dir = std::env::temp_dir().join(format!("eculture-rt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let s = Strategy::e_culture();
    for ext in ["json", "yaml", "yml", "toml"] {
        let p = dir.join(format!("doc.{ext}"));
        s.save(&p).unwrap();
        assert_eq!(
            Strategy::load(&p).unwrap().document(),
            s.document(),
            "{ext}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn original_spellings_survive() {
    let s = Strategy::load(golden("small_valid/input.json")).unwrap();
    let json = s.to_json().unwrap();
    // a numeric year stays a number, a quarter stays a quarter, a typed dependency stays an object
    assert!(json.contains("\"end\": 2026"), "{json}");
    assert!(json.contains("\"start\": \"2024-Q1\""));
    assert!(json.contains("\"type\": \"SS\""));
    assert!(json.contains("\"lag_days\": 30"));
}

#[test]
fn published_schema_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/eculture.schema.json");
    let generated = serde_json::to_string_pretty(&eculture::json_schema()).unwrap() + "\n";
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let published = std::fs::read_to_string(&path).expect("schema/eculture.schema.json exists");
    assert_eq!(
        published, generated,
        "run UPDATE_GOLDEN=1 cargo test -p eculture --test format"
    );
    let v: serde_json::Value = serde_json::from_str(&published).unwrap();
    let measure = &v["$defs"]["Measure"]["properties"];
    for field in [
        "id",
        "direction",
        "title",
        "main_executor",
        "other_executors",
        "start",
        "deadline",
        "duration_days",
        "depends_on",
        "targets",
    ] {
        assert!(
            measure.get(field).is_some(),
            "schema lacks measures.{field}"
        );
    }
}

fn parse_err(r: Result<Strategy, Error>) -> eculture::ParseError {
    match r {
        Err(Error::Parse(p)) => p,
        other => panic!("expected a parse error, got {other:?}"),
    }
}

#[test]
fn syntax_errors_have_line_and_column_in_every_format() {
    let p = parse_err(Strategy::from_json(
        "{\n  \"strategy\": {\n    \"id\": 1,,\n",
    ));
    assert_eq!((p.line(), p.format()), (Some(3), Format::Json));
    let p = parse_err(Strategy::from_yaml(
        "strategy:\n  id: x\n  title: [unclosed\n",
    ));
    assert!(p.line().is_some() && p.column().is_some(), "{p}");
    let p = parse_err(Strategy::from_toml("[strategy]\nid = \"x\"\ntitle = \n"));
    assert_eq!(p.line(), Some(3), "{p}");
    assert!(p.column().is_some());
}

#[test]
fn type_errors_carry_the_json_path() {
    let base = r#"{"strategy": {"id": "s", "title": {"az": "a", "en": "e"}, "period": {"start": "2024", "end": "2026"}},
        "measures": [{"id": "m", "direction": "d", "title": {"en": "t"}, "main_executor": "o", "depends_on": [FIELD]}]}"#;
    let p = parse_err(Strategy::from_json(
        &base.replace("FIELD", r#"{"id": "x", "type": "XX"}"#),
    ));
    assert_eq!(p.path(), Some("measures[0].depends_on[0].type"), "{p}");
    let p = parse_err(Strategy::from_json(
        &base.replace("FIELD", r#"{"lag_days": 3}"#),
    ));
    assert_eq!(p.path(), Some("measures[0].depends_on[0]"), "{p}");
    let p = parse_err(Strategy::from_json(&base.replace("FIELD", "12")));
    assert_eq!(p.path(), Some("measures[0].depends_on[0]"), "{p}");
    let p = parse_err(Strategy::from_json(
        &base
            .replace("\"start\": \"2024\"", "\"start\": \"2024-Q7\"")
            .replace("FIELD", ""),
    ));
    assert_eq!(p.path(), Some("strategy.period.start"), "{p}");
    assert!(p.message().contains("2024-Q7"));
}

#[test]
fn hostile_input_is_refused_without_panicking() {
    // deep nesting
    let deep = "[".repeat(100_000);
    assert!(matches!(Strategy::from_json(&deep), Err(Error::Parse(_))));
    assert!(matches!(Strategy::from_yaml(&deep), Err(Error::Parse(_))));
    // non-UTF-8
    assert!(matches!(
        eculture::io::parse_bytes(&[0xff, 0xfe], Format::Yaml, "x"),
        Err(Error::Parse(_))
    ));
    // empty input
    for f in [Format::Json, Format::Yaml, Format::Toml] {
        assert!(
            matches!(Strategy::parse("", f), Err(Error::Parse(_))),
            "{f}"
        );
    }
    // absurd numbers
    let p = parse_err(Strategy::from_json(
        r#"{"strategy": {"id": "s", "title": {}, "period": {"start": 99999999999, "end": "2026"}}}"#,
    ));
    assert_eq!(p.path(), Some("strategy.period.start"));
}

#[test]
fn io_errors_name_the_file() {
    match Strategy::load("/nonexistent/plan.json") {
        Err(Error::Io(e)) => assert_eq!(e.path(), "/nonexistent/plan.json"),
        other => panic!("{other:?}"),
    }
    match Strategy::load("plan.txt") {
        Err(Error::Io(e)) => assert!(e.message().contains("extension")),
        other => panic!("{other:?}"),
    }
}
