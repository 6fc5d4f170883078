//! The memory figures ARCHITECTURE.md and docs/performance.md state for the document model,
//! kept true: a `Measure` is 272 bytes on a 64-bit target (it was 464 before `depends_on` and
//! `Text` became one pointer each), and those two are one pointer. A field added to `Measure`
//! fails here first; then update the figure in both documents (or make the field thin).

use eculture::model::{Dependencies, Measure, Text};

#[test]
#[cfg(target_pointer_width = "64")]
fn measure_is_272_bytes_and_its_lists_one_pointer() {
    assert_eq!(
        std::mem::size_of::<Measure>(),
        272,
        "update ARCHITECTURE.md and docs/performance.md"
    );
    assert_eq!(std::mem::size_of::<Text>(), 8);
    assert_eq!(std::mem::size_of::<Dependencies>(), 8);
}
