//! The heatmap coloured by the current-state assessment or by the institutions
//! ([`ColorBy::Level`], [`ColorBy::GapToTarget`], [`ColorBy::Institutions`]): every applicable
//! cell takes the colour of its figure, a cell without one is "not assessed" (grey, dashed),
//! and the legend gives the scale.

use std::fmt::Write as _;

use super::svg::thousands;
use super::{ColorBy, palette, word};
use crate::matrix::{Cell, Matrix};
use crate::model::{Lang, level_name};

/// Fill of a cell without the figure (not assessed, or no institution count).
pub(super) const UNKNOWN: &str = "#ffffff";
/// Extra attributes of such a cell.
pub(super) const UNKNOWN_STROKE: &str = "stroke=\"#999999\" stroke-dasharray=\"3 2\"";

/// `3 (defined)`.
fn level_words(l: u8) -> String {
    format!("{l} ({})", level_name(i32::from(l)).unwrap_or("?"))
}

/// The most institutions of any cluster (for the log scale), at least 1.
pub(super) fn max_institutions(m: &Matrix) -> u64 {
    m.cells
        .iter()
        .filter_map(|c| c.institutions)
        .max()
        .unwrap_or(1)
        .max(1)
}

/// The position of `n` institutions on a log scale to `max`.
fn inst_shade(n: u64, max: u64) -> f64 {
    if max <= 1 {
        return 1.0;
    }
    ((n as f64 + 1.0).ln() / (max as f64 + 1.0).ln()).clamp(0.0, 1.0)
}

/// The assessment's lines of a tooltip: level → target, institutions reached, as of.
pub(super) fn tip_lines(cell: &Cell, lang: Lang, tip: &mut String) {
    if let Some(l) = cell.level {
        let _ = write!(
            tip,
            "\n{} {}",
            word(lang, "level", "səviyyə"),
            level_words(l)
        );
        if let Some(t) = cell.target_level {
            let _ = write!(tip, " → {}", level_words(t));
        }
        if let Some(a) = &cell.as_of {
            let _ = write!(tip, " ({} {a})", word(lang, "as of", "tarixə"));
        }
    }
    if let Some(n) = cell.institutions {
        let _ = write!(
            tip,
            "\n{} {}",
            thousands(n),
            word(lang, "institutions", "müəssisə")
        );
        if let Some(r) = cell.institutions_reached {
            let _ = write!(
                tip,
                ", {} {}",
                thousands(r),
                word(lang, "reached", "əhatə olunub")
            );
        }
    } else if let Some(r) = cell.institutions_reached {
        let _ = write!(
            tip,
            "\n{} {}",
            thousands(r),
            word(lang, "institutions reached", "müəssisə əhatə olunub")
        );
    }
}

/// An applicable cell's fill, ink, label and extra attributes under an assessed colouring
/// (`max` from [`max_institutions`]).
pub(super) fn fill(
    by: ColorBy,
    cell: &Cell,
    max: u64,
) -> (String, &'static str, String, &'static str) {
    let unknown = || {
        (
            UNKNOWN.to_owned(),
            palette::MUTED,
            "?".to_owned(),
            UNKNOWN_STROKE,
        )
    };
    match by {
        ColorBy::Level => match cell.level {
            Some(l) => {
                let t = f64::from(l) / 5.0;
                let label = match cell.target_level {
                    Some(g) => format!("{l}→{g}"),
                    None => l.to_string(),
                };
                (palette::ramp(t), palette::ink_on(t), label, "")
            }
            None => unknown(),
        },
        ColorBy::GapToTarget => match cell.gap_to_target() {
            Some(g) => {
                let t = f64::from(g) / 5.0;
                (palette::warm(t), palette::ink_on(t), g.to_string(), "")
            }
            None => unknown(),
        },
        _ => match cell.institutions {
            Some(n) => {
                let t = inst_shade(n, max);
                let label = match cell.institutions_reached {
                    Some(r) if n > 0 => format!("{}%", (r as f64 * 100.0 / n as f64).round()),
                    _ => short(n),
                };
                (palette::ramp(t), palette::ink_on(t), label, "")
            }
            None => unknown(),
        },
    }
}

/// A count as it fits a cell: `29`, `2.9k`.
fn short(n: u64) -> String {
    if n < 1_000 {
        n.to_string()
    } else {
        format!("{:.1}k", n as f64 / 1_000.0)
    }
}

/// The legend's entries (fill, extra attributes, label) of an assessed colouring.
pub(super) fn keys(by: ColorBy, lang: Lang, max: u64) -> Vec<(String, &'static str, String)> {
    let mut keys = Vec::new();
    match by {
        ColorBy::Level => {
            for l in 0..=5u8 {
                keys.push((palette::ramp(f64::from(l) / 5.0), "", level_words(l)));
            }
        }
        ColorBy::GapToTarget => {
            for g in 0..=5u8 {
                let label = match g {
                    0 => word(lang, "target reached", "hədəfə çatılıb").to_owned(),
                    _ => format!("{g} {}", word(lang, "level(s) to go", "səviyyə qalıb")),
                };
                keys.push((palette::warm(f64::from(g) / 5.0), "", label));
            }
        }
        _ => {
            let mut stops = vec![1u64, 10, 100, 1_000, 10_000];
            stops.retain(|&n| n < max);
            stops.push(max);
            for n in stops {
                keys.push((
                    palette::ramp(inst_shade(n, max)),
                    "",
                    format!(
                        "{} {}",
                        thousands(n),
                        word(lang, "institutions", "müəssisə")
                    ),
                ));
            }
        }
    }
    let none = match by {
        ColorBy::Institutions => word(lang, "count not known", "say bilinmir"),
        _ => word(lang, "not assessed (?)", "qiymətləndirilməyib (?)"),
    };
    keys.push((UNKNOWN.to_owned(), UNKNOWN_STROKE, none.to_owned()));
    keys
}

/// The subtitle's words for an assessed colouring.
pub(super) fn subtitle(by: ColorBy, lang: Lang) -> &'static str {
    match by {
        ColorBy::Level => word(
            lang,
            "coloured by assessed level (0-5), current→target",
            "qiymətləndirilmiş səviyyəyə görə (0-5)",
        ),
        ColorBy::GapToTarget => word(
            lang,
            "coloured by levels to the target",
            "hədəfə qalan səviyyələrə görə",
        ),
        _ => word(
            lang,
            "coloured by institutions (label: share reached)",
            "müəssisələrin sayına görə",
        ),
    }
}
