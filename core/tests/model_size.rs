//! The memory figures ARCHITECTURE.md and docs/performance.md state for the document model,
//! kept true: a `Measure` is 288 bytes on a 64-bit target (it was 464 before `depends_on` and
//! `Text` became one pointer each, 272 before `illustrative` became a field list, one pointer, and 280 before `note`, one
//! pointer too), and those two are one pointer. A field added to `Measure`
//! fails here first; then update the figure in both documents (or make the field thin).

use eculture::model::{Dependencies, Illustrative, Measure, Text};

#[test]
#[cfg(target_pointer_width = "64")]
fn measure_is_288_bytes_and_its_lists_one_pointer() {
    assert_eq!(
        std::mem::size_of::<Measure>(),
        288,
        "update ARCHITECTURE.md and docs/performance.md"
    );
    assert_eq!(std::mem::size_of::<Text>(), 8);
    assert_eq!(std::mem::size_of::<Dependencies>(), 8);
    assert_eq!(std::mem::size_of::<Illustrative>(), 8);
}
