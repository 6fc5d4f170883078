//! Length-prefixed strings inside the packed byte lists of [`super::Dependencies`] and
//! [`super::Text`]: a LEB128 length, then the UTF-8 bytes.

/// Append `s` with its length.
pub(super) fn put_str(out: &mut impl Extend<u8>, s: &str) {
    let mut n = s.len();
    loop {
        let low = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.extend([low]);
            break;
        }
        out.extend([low | 0x80]);
    }
    out.extend(s.bytes());
}

/// The string at the start of `bytes` (written by [`put_str`]) and the bytes after it.
pub(super) fn take_str(bytes: &[u8]) -> (&str, &[u8]) {
    let mut rest = bytes;
    let mut len = 0usize;
    let mut shift = 0u32;
    while let Some((&b, r)) = rest.split_first() {
        rest = r;
        len |= usize::from(b & 0x7f).checked_shl(shift).unwrap_or(0);
        shift += 7;
        if b & 0x80 == 0 {
            break;
        }
    }
    // Only `put_str` writes these bytes, with whole UTF-8 strings; the fallbacks are
    // unreachable but keep a reader from panicking.
    let (s, rest) = rest.split_at(len.min(rest.len()));
    (std::str::from_utf8(s).unwrap_or_default(), rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_of_every_width_round_trip() {
        for n in [0, 1, 127, 128, 300, 16_383, 16_384, 70_000] {
            let s = "x".repeat(n);
            let mut out = Vec::new();
            put_str(&mut out, &s);
            out.push(42);
            let width = if n < 128 {
                1
            } else if n < 16_384 {
                2
            } else {
                3
            };
            assert_eq!(out.len(), width + n + 1);
            assert_eq!(take_str(&out), (s.as_str(), &[42u8][..]));
        }
    }
}
