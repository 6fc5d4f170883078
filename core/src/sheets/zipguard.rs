//! Bounds on a zipped workbook (XLSX, XLSM, XLSB, ODS) checked from its central directory
//! before calamine reads it: how many entries, how far each expands and how far they expand
//! together, the expansion ratio, and the size the shared-string table declares (calamine
//! reserves room for the declared `uniqueCount` up front, so a 2 KB file declaring 10^12
//! strings would ask for 24 TB and abort the process).
//!
//! The declared sizes bind: the zip reader fails an entry that inflates past the size the
//! central directory declares, so checking the declared sizes bounds the real expansion.

use std::io::{Cursor, Read};

use crate::error::{Error, Format, ParseError, Result};

/// Most entries in a zipped workbook.
pub const MAX_ZIP_ENTRIES: usize = 10_000;
/// Largest expanded size of one entry (the same 1 GiB as a document).
pub const MAX_ENTRY_BYTES: u64 = crate::io::MAX_DOCUMENT_BYTES as u64;
/// Largest expanded size of all entries together.
pub const MAX_EXPANDED_BYTES: u64 = 2 * MAX_ENTRY_BYTES;
/// Largest expansion ratio of an entry that expands past [`RATIO_FROM_BYTES`] (a zip bomb's
/// mark; a workbook's XML compresses 5-50 times).
pub const MAX_RATIO: u64 = 1_000;
/// The size from which [`MAX_RATIO`] applies.
pub const RATIO_FROM_BYTES: u64 = 100 << 20;
/// Most strings a shared-string table may declare (`uniqueCount`); also never more than one per
/// five bytes of the table (`<si/>`).
pub const MAX_SHARED_STRINGS: u64 = 1 << 24;

/// Refuse a zipped workbook past the bounds, with a `ParseError` naming the entry; anything
/// else (not a zip, an unreadable one) is left for calamine to report.
pub(crate) fn check(bytes: &[u8], source: &str) -> Result<()> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return Ok(());
    }
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    // located at the zip entry when there is one (`xl/sharedStrings.xml`)
    let refuse = |entry: Option<&str>, message: String| {
        Err(Error::Parse(ParseError {
            format: Format::Xlsx,
            source_name: source.to_owned(),
            line: None,
            column: None,
            path: entry.map(str::to_owned),
            message,
        }))
    };
    if zip.len() > MAX_ZIP_ENTRIES {
        return refuse(
            None,
            format!(
                "the workbook holds {} zip entries; the limit is {MAX_ZIP_ENTRIES}",
                zip.len()
            ),
        );
    }
    let mut total = 0u64;
    let mut strings = None;
    for i in 0..zip.len() {
        let Ok(f) = zip.by_index_raw(i) else { continue };
        let name = f
            .name()
            .map_or_else(|_| format!("#{i}"), |n| n.into_owned());
        let (size, packed) = (f.size(), f.compressed_size());
        if size > MAX_ENTRY_BYTES {
            return refuse(
                Some(&name),
                format!(
                    "zip entry `{name}` expands to {size} bytes; the limit is {MAX_ENTRY_BYTES}"
                ),
            );
        }
        if size > RATIO_FROM_BYTES && size / packed.max(1) > MAX_RATIO {
            return refuse(
                Some(&name),
                format!(
                    "zip entry `{name}` expands {packed} bytes to {size} (more than {MAX_RATIO} times): \
                 a zip bomb, not read"
                ),
            );
        }
        total = total.saturating_add(size);
        if total > MAX_EXPANDED_BYTES {
            return refuse(
                Some(&name),
                format!(
                    "the workbook's zip entries expand to more than {MAX_EXPANDED_BYTES} bytes together"
                ),
            );
        }
        if name.to_ascii_lowercase().ends_with("sharedstrings.xml") {
            strings = Some((i, name, size));
        }
    }
    let Some((i, name, size)) = strings else {
        return Ok(());
    };
    let mut head = Vec::with_capacity(4096);
    let read = zip.by_index(i).map(|f| f.take(4096).read_to_end(&mut head));
    if !matches!(read, Ok(Ok(_))) {
        return Ok(());
    }
    let Some(declared) = attribute(&head, b"uniqueCount") else {
        return Ok(());
    };
    let cap = (size / 5 + 1).min(MAX_SHARED_STRINGS);
    match declared {
        Some(n) if n <= cap => Ok(()),
        _ => refuse(
            Some(&name),
            format!(
                "the shared-string table `{name}` declares {} strings in {size} bytes; the limit is {cap}",
                declared.map_or_else(|| "more than 2^64".to_owned(), |n| n.to_string())
            ),
        ),
    }
}

/// The number in attribute `name` of the first element that has it: `None` when absent,
/// `Some(None)` when too large for a `u64`.
fn attribute(xml: &[u8], name: &[u8]) -> Option<Option<u64>> {
    let at = xml.windows(name.len()).position(|w| w == name)?;
    let rest = &xml[at + name.len()..];
    let rest = rest.strip_prefix(b"=")?;
    let quote = *rest.first()?;
    if quote != b'"' && quote != b'\'' {
        return None;
    }
    let digits: Vec<u8> = rest[1..]
        .iter()
        .copied()
        .take_while(u8::is_ascii_digit)
        .collect();
    if digits.is_empty() {
        return None;
    }
    Some(std::str::from_utf8(&digits).ok()?.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::attribute;

    #[test]
    fn attribute_numbers() {
        assert_eq!(
            attribute(b"<sst count=\"3\" uniqueCount=\"2\">", b"uniqueCount"),
            Some(Some(2))
        );
        assert_eq!(
            attribute(b"<sst uniqueCount='7'>", b"uniqueCount"),
            Some(Some(7))
        );
        assert_eq!(
            attribute(
                b"<sst uniqueCount=\"99999999999999999999999\">",
                b"uniqueCount"
            ),
            Some(None)
        );
        assert_eq!(attribute(b"<sst count=\"3\">", b"uniqueCount"), None);
    }
}
