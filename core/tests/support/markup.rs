//! Shared by the tests of every writer of HTML and SVG (`injection.rs`, `diff.rs`).

/// Parses as XML; no `<script>` or `<img>` element and no `on…=` attribute appears as markup.
/// `html_void`: the text is an HTML page whose void elements (`<meta>`, `<br>`) have no end
/// tag, so end names are not paired.
pub fn safe_markup(what: &str, text: &str, html_void: bool) {
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = !html_void;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)) => {
                let tag = e.name().into_inner().to_lowercase();
                assert!(tag != "script" && tag != "img", "{what}: <{tag}> element");
                for a in e.attributes().flatten() {
                    let key = a.key.into_inner().to_lowercase();
                    assert!(!key.starts_with("on"), "{what}: attribute {key}");
                }
            }
            Ok(_) => {}
            Err(e) => panic!(
                "{what}: not well-formed at {}: {e}",
                reader.buffer_position()
            ),
        }
    }
}
