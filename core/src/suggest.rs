//! "Did you mean `6.1`?": the nearest existing id for an unknown reference.
//!
//! Nearness is the Damerau-Levenshtein distance (`strsim`) after folding case and the
//! characters people type for one another (`l`/`I`/`|` for `1`, `O`/`o` for `0`); a candidate
//! is suggested when it is at most a third of the name's length away (at least one edit).
//! Ties go to the candidate whose unfolded spelling is closer, then to the first in document
//! order. The work is bounded: at most [`MAX_COMPARISONS`] candidate comparisons per document,
//! so a country-scale plan full of broken references stays linear; references past the budget
//! get no suggestion. A comparison of long names costs more of the budget (one unit more per
//! 128 character pairs the edit distance fills in), and names longer than [`MAX_NAME_CHARS`]
//! get no suggestion at all: the edit distance is quadratic in the length, and two 10 MB ids
//! one byte apart would take hours.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::Document;

/// Candidate comparisons allowed per document, over all suggestions.
pub const MAX_COMPARISONS: usize = 4_000_000;

/// Longest name (in characters) that gets a suggestion.
pub const MAX_NAME_CHARS: usize = 256;

/// "unknown {what} `{name}`", then "; did you mean `x`?" when an id of `ids` is near enough:
/// the message of every unknown-name error (a bad argument naming a measure, a cell, a
/// schedule row), with a fresh budget of [`MAX_COMPARISONS`].
pub(crate) fn unknown<'a>(what: &str, name: &str, ids: impl Iterator<Item = &'a str>) -> String {
    let mut budget = MAX_COMPARISONS;
    let near = nearest(name, ids, &mut budget);
    format!("unknown {what} `{name}`{}", did_you_mean(near.as_deref()))
}

/// "; did you mean `x`?", or nothing without a suggestion: the one spelling of the hint.
pub(crate) fn did_you_mean(near: Option<&str>) -> String {
    near.map_or(String::new(), |n| format!("; did you mean `{n}`?"))
}

/// Append "; did you mean `x`?" to unknown-reference diagnostics that look like typos, and
/// record the suggestion.
pub(crate) fn add_suggestions(doc: &Document, diags: &mut [Diagnostic]) {
    let mut budget = MAX_COMPARISONS;
    for d in diags.iter_mut() {
        if d.code != Code::UnknownReference || budget == 0 {
            continue;
        }
        let Some((kind, name)) = unknown_name(&d.message) else {
            continue;
        };
        let ids: Box<dyn Iterator<Item = &str>> = match kind {
            "measure" => Box::new(doc.measures.iter().map(|m| m.id.as_str())),
            "organization" => Box::new(doc.organizations.iter().map(|m| m.id.as_str())),
            "module" => Box::new(doc.modules.iter().map(|m| m.id.as_str())),
            "cluster" => Box::new(doc.clusters.iter().map(|m| m.id.as_str())),
            "direction" => Box::new(doc.directions.iter().map(|m| m.id.as_str())),
            "indicator" => Box::new(doc.indicators.iter().map(|m| m.id.as_str())),
            "goal" => Box::new(doc.strategy.goals.iter().map(|m| m.id.as_str())),
            _ => continue,
        };
        if let Some(best) = nearest(name, ids, &mut budget) {
            d.message.push_str(&did_you_mean(Some(&best)));
            d.suggestion = Some(best);
        }
    }
}

/// `unknown measure `6.l`` → ("measure", "6.l").
fn unknown_name(message: &str) -> Option<(&str, &str)> {
    let rest = message.strip_prefix("unknown ")?;
    let (kind, rest) = rest.split_once(" `")?;
    let name = rest.strip_suffix('`')?;
    Some((kind, name))
}

fn fold(s: &str) -> Vec<char> {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'l' | 'i' | '|' => '1',
            'o' => '0',
            _ => c,
        })
        .collect()
}

/// The nearest id to `name`, if one is near enough.
pub(crate) fn nearest<'a>(
    name: &str,
    ids: impl Iterator<Item = &'a str>,
    budget: &mut usize,
) -> Option<String> {
    if name.len() > 4 * MAX_NAME_CHARS || name.chars().count() > MAX_NAME_CHARS {
        return None;
    }
    let folded: String = fold(name).into_iter().collect();
    let len = folded.chars().count();
    let limit = (len / 3).max(1);
    let mut best: Option<(usize, usize, &str)> = None;
    for id in ids {
        if *budget == 0 {
            break;
        }
        *budget -= 1;
        // bytes first: a char is 1..=4 bytes, so a long id is skipped without counting
        if id.len() > 4 * (len + limit) || id.len() + limit < len {
            continue;
        }
        let n = id.chars().count();
        if n.abs_diff(len) > limit || id == name {
            continue;
        }
        *budget = budget.saturating_sub(len * n / 128);
        let f: String = fold(id).into_iter().collect();
        let d = strsim::damerau_levenshtein(&folded, &f);
        if d > limit {
            continue;
        }
        let raw = strsim::damerau_levenshtein(name, id);
        if best.is_none_or(|(bd, br, _)| (d, raw) < (bd, br)) {
            best = Some((d, raw, id));
        }
    }
    best.map(|(_, _, id)| id.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(name: &str, ids: &[&str]) -> Option<String> {
        nearest(name, ids.iter().copied(), &mut usize::MAX.clone())
    }

    #[test]
    fn typed_look_alikes_win_over_plain_neighbours() {
        assert_eq!(near("6.l", &["6.2", "6.1", "6.3"]).as_deref(), Some("6.1"));
        assert_eq!(near("m0", &["mO", "m1"]).as_deref(), Some("mO"));
        assert_eq!(
            near("libary", &["museum", "library"]).as_deref(),
            Some("library")
        );
        assert_eq!(near("Library", &["library"]).as_deref(), Some("library"));
    }

    #[test]
    fn long_names_get_no_suggestion_and_cost_no_time() {
        let id = "x".repeat(10 << 20);
        let near_miss = format!("{}y", &id[..id.len() - 1]);
        assert_eq!(near(&near_miss, &[&id]), None);
        let long = "y".repeat(MAX_NAME_CHARS);
        assert_eq!(near(&format!("{long}z"), &[&format!("{long}x")]), None);
        assert!(near(&long[1..], &[&long]).is_some());
        // a 10 MB candidate for a short name is skipped by its byte length
        assert_eq!(near("x", &[&id]), None);
    }

    #[test]
    fn far_names_get_no_suggestion() {
        assert_eq!(near("xyz", &["library", "museum"]), None);
        assert_eq!(near("6.1", &[]), None);
    }

    #[test]
    fn ties_go_to_document_order() {
        assert_eq!(near("a3", &["a1", "a2"]).as_deref(), Some("a1"));
    }

    #[test]
    fn the_budget_bounds_the_work() {
        let mut budget = 2;
        assert_eq!(
            nearest("abc", ["xyz", "uvw", "abd"].into_iter(), &mut budget),
            None
        );
        assert_eq!(budget, 0);
    }
}
