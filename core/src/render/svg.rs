//! A tiny SVG writer: every user string goes through [`esc`] (the crate's one XML escaper),
//! numbers through [`N`], so the output is well-formed XML and the same bytes on every platform.

use std::borrow::Cow;
use std::fmt::{self, Write as _};

/// Escape text for XML content and attribute values (the crate's one XML/HTML escaper, kept
/// here by name): `&`, `<`, `>`, `"` and `'` become entities; characters XML 1.0 forbids are
/// dropped.
pub use crate::escape::xml as esc;

/// A number written with at most one decimal (`12`, `12.5`), never `-0`.
#[derive(Debug, Clone, Copy)]
pub struct N(pub f64);

impl fmt::Display for N {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = if self.0.is_finite() { self.0 } else { 0.0 };
        let tenths = (v * 10.0).round() as i64;
        let (sign, a) = if tenths < 0 {
            ("-", -tenths)
        } else {
            ("", tenths)
        };
        if a % 10 == 0 {
            write!(f, "{sign}{}", a / 10)
        } else {
            write!(f, "{sign}{}.{}", a / 10, a % 10)
        }
    }
}

/// `1234567` → `1,234,567`.
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (k, ch) in s.chars().enumerate() {
        if k > 0 && (s.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// At most `max` characters of `s`, with `…` when cut.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if s.chars().count() <= max {
        return Cow::Borrowed(s);
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    Cow::Owned(out)
}

/// The font stack of every picture: no external font is ever loaded.
pub const FONT: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/// An SVG document being written.
#[derive(Debug)]
pub struct Svg {
    out: String,
}

impl Svg {
    /// Open an `<svg>` of `w × h` with a `<title>` (the picture's accessible name), for a
    /// picture without a description (a notice, a scratch document): [`Svg::labelled`] with
    /// the id `ec-picture`.
    pub fn new(w: f64, h: f64, title: &str) -> Svg {
        Svg::labelled(w, h, "ec-picture", title, "")
    }

    /// Open an accessible `<svg>` of `w × h` (WCAG 2.2: an image with a name and a
    /// description): `role="img"`, `aria-labelledby` naming its `<title id="{id}-title">` and,
    /// when `desc` is not empty, its `<desc id="{id}-desc">`. `id` is the picture's kind
    /// (`ec-heatmap`, `ec-gantt`, …): one picture of a kind per page keeps the ids unique.
    pub fn labelled(w: f64, h: f64, id: &str, title: &str, desc: &str) -> Svg {
        let mut out = String::with_capacity(4096);
        let described = !desc.is_empty();
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"{id}-title{d}\" font-family=\"{f}\" font-size=\"12\">\n<title id=\"{id}-title\">{t}</title>\n",
            w = N(w),
            h = N(h),
            id = esc(id),
            d = if described {
                format!(" {}-desc", esc(id))
            } else {
                String::new()
            },
            f = esc(FONT),
            t = esc(title)
        );
        if described {
            let _ = writeln!(out, "<desc id=\"{}-desc\">{}</desc>", esc(id), esc(desc));
        }
        let _ = writeln!(
            out,
            "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>",
            N(w),
            N(h)
        );
        Svg { out }
    }

    /// Open a picture with its heading: the accessible `<svg>` ([`Svg::labelled`]: `id`,
    /// `title`, `desc`), `defs` (raw markup, often empty), then the title drawn at the top
    /// left in bold. The description is what the picture's subtitle says; the caller draws it.
    pub fn headed(w: f64, h: f64, id: &str, title: &str, desc: &str, defs: &str) -> Svg {
        let mut svg = Svg::labelled(w, h, id, title, desc);
        svg.raw(defs);
        svg.text(
            16.0,
            24.0,
            "font-size=\"16\" font-weight=\"600\" fill=\"#222222\"",
            title,
        );
        svg
    }

    /// Raw markup (already escaped by the caller).
    pub fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// A rectangle with optional tooltip.
    #[allow(clippy::too_many_arguments)]
    pub fn rect(
        &mut self,
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        fill: &str,
        extra: &str,
        tip: Option<&str>,
    ) {
        let _ = write!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"{}{}",
            N(x),
            N(y),
            N(w.max(0.0)),
            N(h.max(0.0)),
            fill,
            if extra.is_empty() { "" } else { " " },
            extra
        );
        self.close(tip);
    }

    fn close(&mut self, tip: Option<&str>) {
        match tip {
            Some(t) => {
                let _ = writeln!(self.out, "><title>{}</title></rect>", esc(t));
            }
            None => self.out.push_str("/>\n"),
        }
    }

    /// A line.
    pub fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, stroke: &str, extra: &str) {
        let _ = writeln!(
            self.out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\"{}{}/>",
            N(x1),
            N(y1),
            N(x2),
            N(y2),
            stroke,
            if extra.is_empty() { "" } else { " " },
            extra
        );
    }

    /// Text at (x, y); `extra` holds further attributes (anchor, size, weight, fill).
    pub fn text(&mut self, x: f64, y: f64, extra: &str, s: &str) {
        let _ = writeln!(
            self.out,
            "<text x=\"{}\" y=\"{}\"{}{}>{}</text>",
            N(x),
            N(y),
            if extra.is_empty() { "" } else { " " },
            extra,
            esc(s)
        );
    }

    /// Text with a tooltip holding the full string.
    pub fn text_tip(&mut self, x: f64, y: f64, extra: &str, s: &str, tip: &str) {
        let _ = writeln!(
            self.out,
            "<text x=\"{}\" y=\"{}\"{}{}><title>{}</title>{}</text>",
            N(x),
            N(y),
            if extra.is_empty() { "" } else { " " },
            extra,
            esc(tip),
            esc(s)
        );
    }

    /// Close the document.
    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}

/// A picture with a caption below it (the SVG grown by the caption's lines): how pictures of
/// a document with illustrative content say so. `svg` is a picture this writer made.
pub fn with_caption(svg: String, caption: &str) -> String {
    let attr = |name: &str| -> Option<f64> {
        let head = svg.lines().next()?;
        let at = head.find(&format!(" {name}=\""))? + name.len() + 3;
        head[at..].split('"').next()?.parse().ok()
    };
    let (Some(w), Some(h)) = (attr("width"), attr("height")) else {
        return svg;
    };
    // wrap at the characters that fit the width (about 6.2 px each at 11 px)
    let per_line = (((w - 32.0) / 6.2) as usize).max(30);
    let mut lines: Vec<String> = Vec::new();
    for word in caption.split(' ') {
        match lines.last_mut() {
            Some(l) if l.chars().count() + 1 + word.chars().count() <= per_line => {
                l.push(' ');
                l.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    let h2 = h + 10.0 + 15.0 * lines.len() as f64;
    let (old_size, new_size) = (
        format!("height=\"{}\" viewBox=\"0 0 {} {}\"", N(h), N(w), N(h)),
        format!("height=\"{}\" viewBox=\"0 0 {} {}\"", N(h2), N(w), N(h2)),
    );
    let (old_bg, new_bg) = (
        format!("width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>", N(w), N(h)),
        format!("width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>", N(w), N(h2)),
    );
    let mut out = svg
        .replacen(&old_size, &new_size, 1)
        .replacen(&old_bg, &new_bg, 1);
    let Some(end) = out.rfind("</svg>") else {
        return svg;
    };
    let mut text =
        String::from("<g class=\"illustrative-caption\" font-size=\"11\" fill=\"#92400e\">\n");
    for (k, l) in lines.iter().enumerate() {
        let _ = writeln!(
            text,
            "<text x=\"16\" y=\"{}\">{}</text>",
            N(h + 18.0 + 15.0 * k as f64),
            esc(l)
        );
    }
    text.push_str("</g>\n");
    out.insert_str(end, &text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_numbers() {
        assert_eq!(esc("a<b>&\"c'\u{1}"), "a&lt;b&gt;&amp;&quot;c&#39;");
        assert_eq!(N(1.0).to_string(), "1");
        assert_eq!(N(-0.01).to_string(), "0");
        assert_eq!(N(2.25).to_string(), "2.3");
        assert_eq!(N(-1.5).to_string(), "-1.5");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(thousands(999), "999");
        assert_eq!(truncate("abcdef", 4), "abc…");
    }
}
