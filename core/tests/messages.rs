//! Golden messages (`tests/messages/mistakes.json`): the same mistake gives the same error
//! class, code, path and message from the core's binding layer (`eculture::api`) as from Python
//! (`py/tests/test_messages.py`) and JavaScript (`wasm/tests/messages.test.mjs`).

use eculture::api::{self, ErrorInfo};
use eculture::{Error, Strategy};
use serde_json::Value;

/// What a binding does with the case's arguments: the `eculture::api` call it makes.
fn call(s: &Strategy, name: &str, args: &[Value]) -> Result<(), Error> {
    let arg = args.first().cloned().unwrap_or(Value::Null);
    match name {
        "blocking" => api::need(arg).map(drop),
        "measure_id" => api::measure_index(arg, s.measure_count()).map(drop),
        "from_dict" => Err(api::not_plain_data("document")),
        "schedule" => match not_data_key(&arg) {
            // what a binding says for a value it cannot read as data, named by its key
            Some(key) => Err(api::not_plain_data(&format!("options.{key}"))),
            None => api::schedule_options(arg).map(drop),
        },
        "states_as_of" => api::date(arg, "as_of").map(drop),
        "impact" => s.impact(&api::ids(arg)?).map(drop),
        "format_of" => api::format_of(arg.as_str().unwrap_or_default()).map(drop),
        other => panic!("no api call for `{other}`: add it here"),
    }
}

/// The key of an options object whose value is the file's "not data" marker.
fn not_data_key(options: &Value) -> Option<String> {
    options
        .as_object()?
        .iter()
        .find(|(_, v)| v.get("$not_data").is_some())
        .map(|(k, _)| k.clone())
}

#[test]
fn the_same_mistake_gives_the_same_error() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/messages/mistakes.json"
    );
    let file: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let s = Strategy::e_culture();
    let cases = file["cases"].as_array().unwrap();
    assert!(cases.len() >= 8);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let args = case["args"].as_array().unwrap();
        let e = call(&s, case["python"].as_str().unwrap(), args)
            .expect_err(&format!("{name}: must fail"));
        let info = ErrorInfo::from(&e);
        let want = &case["error"];
        assert_eq!(info.name, want["class"], "{name}");
        assert_eq!(info.code, want["code"], "{name}");
        assert_eq!(info.path.as_deref(), want["path"].as_str(), "{name}");
        assert_eq!(info.message, want["message"], "{name}");
    }
}
