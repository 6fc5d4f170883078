//! The words of action plans as ministries write them, in Azerbaijani, English and Russian:
//! column headings, execution periods (`2026-cı ilin II rübü`, `I yarımil`, `may ayı`,
//! `… sonunadək`, `Daimi`), funding sources and approving acts.

use crate::model::{FundingSource, Lang};
use crate::period::PeriodRef;

/// What a column of the action-plan sheet holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Col {
    /// The number (`S/s`): the measure id.
    Id,
    /// The measure's title in a language.
    Title(Lang),
    /// The main executor.
    Main,
    /// Other executors.
    Others,
    /// Executors in one column: the first is the main executor.
    Executors,
    /// The execution period as a phrase.
    Period,
    /// Funding sources as text.
    Funding,
    /// The expected result in a language.
    Result(Lang),
    /// Indicator ids.
    Indicators,
    /// Cluster ids (with `Modules`, the targets).
    Clusters,
    /// Module ids.
    Modules,
    /// Prerequisites: `3.3; 7.3 SS+90`.
    Depends,
    /// Any field of the measure by its name (`start`, `duration_days`, `title.en`); `json`
    /// when the cells hold JSON text.
    Field {
        /// The field name.
        key: String,
        /// The language of a text field (`title.en`).
        lang: Option<Lang>,
        /// Cells are JSON text.
        json: bool,
    },
    /// A column the mapping says to leave out.
    Ignore,
}

/// Lowercase, quotes and punctuation at the ends removed, inner whitespace collapsed.
pub(crate) fn norm(s: &str) -> String {
    // Azerbaijani and Turkish `İ` lowercases to `i` plus a combining dot: fold it to `i`
    let lower = s
        .replace('İ', "i")
        .to_lowercase()
        .replace(['“', '”', '«', '»', '"', '\'', '\u{307}'], "");
    let words: Vec<&str> = lower.split_whitespace().collect();
    words
        .join(" ")
        .trim_matches(|c: char| c == '.' || c == ':' || c == ',' || c == '*')
        .to_owned()
}

/// Recognised headings: (normalised heading, language, column).
const HEADINGS: &[(&str, Lang, Hd)] = &[
    ("s/s", Lang::Az, Hd::Id),
    ("s/ s", Lang::Az, Hd::Id),
    ("sıra sayı", Lang::Az, Hd::Id),
    ("sıra", Lang::Az, Hd::Id),
    ("nömrə", Lang::Az, Hd::Id),
    ("№", Lang::Ru, Hd::Id),
    ("№ п/п", Lang::Ru, Hd::Id),
    ("п/п", Lang::Ru, Hd::Id),
    ("no", Lang::En, Hd::Id),
    ("no.", Lang::En, Hd::Id),
    ("number", Lang::En, Hd::Id),
    ("#", Lang::En, Hd::Id),
    ("tədbirin adı", Lang::Az, Hd::Title),
    ("tədbirlər", Lang::Az, Hd::Title),
    ("tədbir", Lang::Az, Hd::Title),
    ("tədbirin məzmunu", Lang::Az, Hd::Title),
    ("measure", Lang::En, Hd::Title),
    ("measures", Lang::En, Hd::Title),
    ("action", Lang::En, Hd::Title),
    ("actions", Lang::En, Hd::Title),
    ("activity", Lang::En, Hd::Title),
    ("наименование мероприятия", Lang::Ru, Hd::Title),
    ("мероприятие", Lang::Ru, Hd::Title),
    ("мероприятия", Lang::Ru, Hd::Title),
    ("əsas icraçı", Lang::Az, Hd::Main),
    ("əsas icraçılar", Lang::Az, Hd::Main),
    ("məsul icraçı", Lang::Az, Hd::Main),
    ("main executor", Lang::En, Hd::Main),
    ("lead executor", Lang::En, Hd::Main),
    ("responsible", Lang::En, Hd::Main),
    ("основной исполнитель", Lang::Ru, Hd::Main),
    ("ответственный исполнитель", Lang::Ru, Hd::Main),
    ("digər icraçılar", Lang::Az, Hd::Others),
    ("digər icraçı", Lang::Az, Hd::Others),
    ("other executors", Lang::En, Hd::Others),
    ("co-executors", Lang::En, Hd::Others),
    ("partners", Lang::En, Hd::Others),
    ("другие исполнители", Lang::Ru, Hd::Others),
    ("соисполнители", Lang::Ru, Hd::Others),
    ("icraçılar", Lang::Az, Hd::Executors),
    ("icraçı", Lang::Az, Hd::Executors),
    ("executors", Lang::En, Hd::Executors),
    ("executor", Lang::En, Hd::Executors),
    ("исполнители", Lang::Ru, Hd::Executors),
    ("исполнитель", Lang::Ru, Hd::Executors),
    ("icra müddəti", Lang::Az, Hd::Period),
    ("icra müddətləri", Lang::Az, Hd::Period),
    ("icra tarixi", Lang::Az, Hd::Period),
    ("icra dövrü", Lang::Az, Hd::Period),
    ("execution period", Lang::En, Hd::Period),
    ("implementation period", Lang::En, Hd::Period),
    ("timeframe", Lang::En, Hd::Period),
    ("period", Lang::En, Hd::Period),
    ("срок исполнения", Lang::Ru, Hd::Period),
    ("сроки исполнения", Lang::Ru, Hd::Period),
    ("срок выполнения", Lang::Ru, Hd::Period),
    ("maliyyə mənbəyi", Lang::Az, Hd::Funding),
    ("maliyyə mənbələri", Lang::Az, Hd::Funding),
    ("maliyyələşdirmə mənbəyi", Lang::Az, Hd::Funding),
    ("maliyyələşdirmə mənbələri", Lang::Az, Hd::Funding),
    ("maliyyələşmə mənbəyi", Lang::Az, Hd::Funding),
    ("funding source", Lang::En, Hd::Funding),
    ("funding sources", Lang::En, Hd::Funding),
    ("source of funding", Lang::En, Hd::Funding),
    ("funding", Lang::En, Hd::Funding),
    ("источник финансирования", Lang::Ru, Hd::Funding),
    ("источники финансирования", Lang::Ru, Hd::Funding),
    ("gözlənilən nəticə", Lang::Az, Hd::Result),
    ("gözlənilən nəticələr", Lang::Az, Hd::Result),
    ("nəticə göstəricisi", Lang::Az, Hd::Result),
    ("nəticə göstəriciləri", Lang::Az, Hd::Result),
    ("expected result", Lang::En, Hd::Result),
    ("expected results", Lang::En, Hd::Result),
    ("expected outcome", Lang::En, Hd::Result),
    ("result indicator", Lang::En, Hd::Result),
    ("ожидаемый результат", Lang::Ru, Hd::Result),
    ("ожидаемые результаты", Lang::Ru, Hd::Result),
    ("показатель результата", Lang::Ru, Hd::Result),
    ("indikator", Lang::Az, Hd::Indicators),
    ("indikatorlar", Lang::Az, Hd::Indicators),
    ("göstəricilər", Lang::Az, Hd::Indicators),
    ("indicator", Lang::En, Hd::Indicators),
    ("indicators", Lang::En, Hd::Indicators),
    ("индикатор", Lang::Ru, Hd::Indicators),
    ("индикаторы", Lang::Ru, Hd::Indicators),
    ("klaster", Lang::Az, Hd::Clusters),
    ("klasterlər", Lang::Az, Hd::Clusters),
    ("cluster", Lang::En, Hd::Clusters),
    ("clusters", Lang::En, Hd::Clusters),
    ("кластер", Lang::Ru, Hd::Clusters),
    ("кластеры", Lang::Ru, Hd::Clusters),
    ("modul", Lang::Az, Hd::Modules),
    ("modullar", Lang::Az, Hd::Modules),
    ("module", Lang::En, Hd::Modules),
    ("modules", Lang::En, Hd::Modules),
    ("модуль", Lang::Ru, Hd::Modules),
    ("модули", Lang::Ru, Hd::Modules),
    ("asılılıq", Lang::Az, Hd::Depends),
    ("asılılıqlar", Lang::Az, Hd::Depends),
    ("əvvəlki tədbirlər", Lang::Az, Hd::Depends),
    ("dependency", Lang::En, Hd::Depends),
    ("dependencies", Lang::En, Hd::Depends),
    ("depends on", Lang::En, Hd::Depends),
    ("predecessors", Lang::En, Hd::Depends),
    ("зависимость", Lang::Ru, Hd::Depends),
    ("зависимости", Lang::Ru, Hd::Depends),
    ("предшественники", Lang::Ru, Hd::Depends),
];

/// A heading's column before the language is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hd {
    Id,
    Title,
    Main,
    Others,
    Executors,
    Period,
    Funding,
    Result,
    Indicators,
    Clusters,
    Modules,
    Depends,
}

/// The column a heading names, with its language; `None` when not recognised.
pub(crate) fn heading(text: &str) -> Option<(Col, Option<Lang>)> {
    let n = norm(text);
    if let Some(f) = field_heading(text.trim()) {
        return Some((f, None));
    }
    let (_, lang, hd) = HEADINGS.iter().find(|(h, _, _)| *h == n)?;
    let col = match hd {
        Hd::Id => Col::Id,
        Hd::Title => Col::Title(*lang),
        Hd::Main => Col::Main,
        Hd::Others => Col::Others,
        Hd::Executors => Col::Executors,
        Hd::Period => Col::Period,
        Hd::Funding => Col::Funding,
        Hd::Result => Col::Result(*lang),
        Hd::Indicators => Col::Indicators,
        Hd::Clusters => Col::Clusters,
        Hd::Modules => Col::Modules,
        Hd::Depends => Col::Depends,
    };
    Some((col, Some(*lang)))
}

/// A field heading as eculture writes it: `start`, `title.en`, `targets [json]`.
pub(crate) fn field_heading(text: &str) -> Option<Col> {
    let (name, json) = match text.strip_suffix(" [json]") {
        Some(n) => (n, true),
        None => (text, false),
    };
    let (key, lang) = match name.rsplit_once('.') {
        Some((k, l)) => (k, Some(lang_of(l)?)),
        None => (name, None),
    };
    let ok = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '$');
    ok.then(|| Col::Field {
        key: key.to_owned(),
        lang,
        json,
    })
}

/// The language of a code.
pub(crate) fn lang_of(code: &str) -> Option<Lang> {
    Lang::ALL.into_iter().find(|l| l.code() == code)
}

/// The field a mapping names (`title`, `title.en`, `main_executor`, `period`, `ignore`, …),
/// in the heading language `lang`.
pub(crate) fn mapped(field: &str, lang: Lang) -> Option<Col> {
    Some(match field {
        "id" => Col::Id,
        "title" => Col::Title(lang),
        "main_executor" => Col::Main,
        "other_executors" => Col::Others,
        "executors" => Col::Executors,
        "period" => Col::Period,
        "funding" => Col::Funding,
        "expected_result" => Col::Result(lang),
        "indicators" => Col::Indicators,
        "clusters" => Col::Clusters,
        "modules" => Col::Modules,
        "depends_on" => Col::Depends,
        "ignore" => Col::Ignore,
        other => match field_heading(other)? {
            Col::Field {
                key,
                lang: Some(l),
                json: false,
            } if key == "title" => Col::Title(l),
            Col::Field {
                key,
                lang: Some(l),
                json: false,
            } if key == "expected_result" => Col::Result(l),
            c => c,
        },
    })
}

/// The headings eculture writes for the action-plan sheet, in `lang`.
pub(crate) fn decree_heading(col: &Col, lang: Lang) -> &'static str {
    let [az, en, ru] = match col {
        Col::Id => ["S/s", "No.", "№ п/п"],
        Col::Title(_) => ["Tədbirin adı", "Measure", "Наименование мероприятия"],
        Col::Main => ["Əsas icraçı", "Main executor", "Основной исполнитель"],
        Col::Others => ["Digər icraçılar", "Other executors", "Другие исполнители"],
        Col::Executors => ["İcraçılar", "Executors", "Исполнители"],
        Col::Period => ["İcra müddəti", "Execution period", "Срок исполнения"],
        Col::Funding => [
            "Maliyyə mənbəyi",
            "Funding source",
            "Источник финансирования",
        ],
        Col::Result(_) => [
            "Gözlənilən nəticə",
            "Expected result",
            "Ожидаемый результат",
        ],
        Col::Indicators => ["İndikatorlar", "Indicators", "Индикаторы"],
        Col::Clusters => ["Klasterlər", "Clusters", "Кластеры"],
        Col::Modules => ["Modullar", "Modules", "Модули"],
        Col::Depends => ["Asılılıqlar", "Dependencies", "Зависимости"],
        Col::Field { .. } | Col::Ignore => ["", "", ""],
    };
    match lang {
        Lang::Az => az,
        Lang::En => en,
        Lang::Ru => ru,
    }
}

// ---- funding ----

/// Funding phrases: (code, words that name it in az, en, ru), the first of each language
/// being what eculture writes.
const FUNDING: &[(FundingSource, [&str; 3], &[&str])] = &[
    (
        FundingSource::StateBudget,
        ["Dövlət büdcəsi", "State budget", "Государственный бюджет"],
        &["büdcə", "budget", "бюджет"],
    ),
    (
        FundingSource::OwnFunds,
        [
            "İcraçının öz vəsaitləri",
            "Executor's own funds",
            "Собственные средства исполнителя",
        ],
        &["öz vəsait", "own fund", "own resource", "собственн"],
    ),
    (
        FundingSource::ExternalGrant,
        ["Xarici qrantlar", "External grants", "Внешние гранты"],
        &["qrant", "grant", "грант"],
    ),
    (
        FundingSource::ExternalLoan,
        ["Xarici kreditlər", "External loans", "Внешние кредиты"],
        &["kredit", "borc", "loan", "credit", "кредит", "заём", "заем"],
    ),
    (
        FundingSource::NotRequired,
        [
            "Maliyyə tələb olunmur",
            "No funding required",
            "Финансирование не требуется",
        ],
        &[
            "tələb olunmur",
            "tələb etmir",
            "not required",
            "no funding",
            "не требуется",
        ],
    ),
    (
        FundingSource::Other,
        [
            "Qanunvericiliklə qadağan olunmayan digər mənbələr",
            "Other sources not prohibited by law",
            "Другие не запрещённые законодательством источники",
        ],
        &["digər", "other", "друг", "ины", "иные"],
    ),
];

/// The phrase eculture writes for a funding source.
pub(crate) fn funding_phrase(f: FundingSource, lang: Lang) -> &'static str {
    FUNDING
        .iter()
        .find(|(c, _, _)| *c == f)
        .map_or("", |(_, names, _)| names[lang as usize])
}

/// The funding sources a text names, in order (a combination gives several), or the piece
/// that names none.
pub(crate) fn funding(text: &str) -> Result<Vec<FundingSource>, String> {
    let mut out = Vec::new();
    for piece in split_list(text) {
        let p = norm(piece);
        let code = serde_json::from_value::<FundingSource>(serde_json::Value::String(p.clone()));
        if let Ok(c) = code {
            out.push(c);
            continue;
        }
        // the written phrases first (the "other" phrase also names the law's prohibition)
        let exact = FUNDING
            .iter()
            .find(|(_, names, _)| names.iter().any(|n| norm(n) == p));
        let found = exact.or_else(|| {
            FUNDING
                .iter()
                .find(|(_, _, words)| words.iter().any(|w| p.contains(w)))
        });
        match found {
            Some((c, _, _)) => out.push(*c),
            None => return Err(piece.trim().to_owned()),
        }
    }
    Ok(out)
}

/// A list cell's pieces: split on new lines, `;`, `,` and the word "and" in the three languages.
pub(crate) fn split_list(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.split(['\n', ';', ',']) {
        let mut rest = line;
        loop {
            let cut = [" və ", " and ", " и "]
                .iter()
                .filter_map(|w| rest.find(w).map(|i| (i, w.len())))
                .min();
            match cut {
                Some((i, n)) => {
                    out.push(&rest[..i]);
                    rest = &rest[i + n..];
                }
                None => {
                    out.push(rest);
                    break;
                }
            }
        }
    }
    out.into_iter().filter(|p| !p.trim().is_empty()).collect()
}

// ---- periods ----

const MONTHS: &[[&str; 3]] = &[
    ["yanvar", "january", "январ"],
    ["fevral", "february", "феврал"],
    ["mart", "march", "март"],
    ["aprel", "april", "апрел"],
    ["may", "may", "ма"],
    ["iyun", "june", "июн"],
    ["iyul", "july", "июл"],
    ["avqust", "august", "август"],
    ["sentyabr", "september", "сентябр"],
    ["oktyabr", "october", "октябр"],
    ["noyabr", "november", "ноябр"],
    ["dekabr", "december", "декабр"],
];

/// The words of a phrase: letters and digits runs, lowercase.
fn words(t: &str) -> Vec<String> {
    t.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// An ordinal written as a Roman numeral, a digit or a word (first … fourth).
fn ordinal(w: &str) -> Option<u8> {
    Some(match w {
        "i" | "1" | "first" | "birinci" | "1st" => 1,
        "ii" | "2" | "second" | "ikinci" | "2nd" => 2,
        "iii" | "3" | "third" | "üçüncü" | "3rd" => 3,
        "iv" | "4" | "fourth" | "dördüncü" | "4th" => 4,
        _ => return None,
    })
}

/// A start and a deadline read from an execution period phrase. `whole` is the strategy's
/// period (for `Daimi` / "ongoing" / "постоянно").
pub(crate) type Window = (Option<PeriodRef>, Option<PeriodRef>);

/// Read an execution period as ministries write it; the error says what could not be read.
pub(crate) fn period(text: &str, whole: Option<(PeriodRef, PeriodRef)>) -> Result<Window, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok((None, None));
    }
    let lower = t.to_lowercase();
    let ws = words(t);
    let has = |ps: &[&str]| ps.iter().any(|p| ws.iter().any(|w| w.starts_with(p)));
    if has(&[
        "daimi",
        "mütəmadi",
        "ongoing",
        "permanent",
        "continuous",
        "постоянн",
        "ежегодно",
    ]) {
        return whole
            .map(|(s, e)| (Some(s), Some(e)))
            .ok_or_else(|| format!("`{t}` needs the strategy's period"));
    }
    if let Ok(p) = t.parse::<PeriodRef>() {
        return Ok((Some(p), Some(p)));
    }
    if let Some(d) = dotted_date(t) {
        let p = PeriodRef::date(d);
        return Ok((Some(p), Some(p)));
    }
    let deadline_only = lower.contains("sonunadək")
        || lower.contains("sonuna qədər")
        || lower.contains("by the end")
        || lower.contains("by end")
        || lower.contains("until")
        || lower.contains("до конца")
        || lower.contains("не позднее");
    // a range written with a dash between two periods
    for sep in ["–", "—", " - ", " to ", " по "] {
        if let Some((a, b)) = t.split_once(sep)
            && let (Ok((Some(s), _)), Ok((_, Some(e)))) = (single(a), single(b))
        {
            return Ok((Some(s), Some(e)));
        }
    }
    let (s, e) = single(t)?;
    Ok(if deadline_only { (None, e) } else { (s, e) })
}

/// A date written `15.03.2025`.
pub(crate) fn dotted_date(t: &str) -> Option<jiff::civil::Date> {
    let mut it = t.trim().split(['.', '/']);
    let d: i8 = it.next()?.trim().parse().ok()?;
    let m: i8 = it.next()?.trim().parse().ok()?;
    let y: i16 = it.next()?.trim().parse().ok()?;
    if it.next().is_some() || !(1000..=9999).contains(&y) {
        return None;
    }
    jiff::civil::Date::new(y, m, d).ok()
}

fn quarter(y: i16, q: u8) -> Result<PeriodRef, String> {
    format!("{y:04}-Q{q}").parse().map_err(|e| format!("{e}"))
}

/// One period (a year, a range of years, a quarter, a half year or a month).
fn single(t: &str) -> Result<Window, String> {
    let ws = words(t);
    let years: Vec<i16> = ws
        .iter()
        .filter_map(|w| {
            let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
            (digits.len() == 4)
                .then(|| digits.parse::<i16>().ok())
                .flatten()
        })
        .filter(|y| (1900..=2200).contains(y))
        .collect();
    let unreadable = || format!("`{}` is not a period eculture can read", t.trim());
    let Some(&y) = years.first() else {
        return Err(unreadable());
    };
    let year =
        |y: i16| -> Result<PeriodRef, String> { y.to_string().parse().map_err(|e| format!("{e}")) };
    // Q2 2026, 2026 Q2, H1 2026
    for w in &ws {
        if let Some(q) = w.strip_prefix('q').and_then(|q| q.parse::<u8>().ok())
            && (1..=4).contains(&q)
        {
            let p = quarter(y, q)?;
            return Ok((Some(p), Some(p)));
        }
        if let Some(h) = w.strip_prefix('h').and_then(|h| h.parse::<u8>().ok())
            && (1..=2).contains(&h)
        {
            return Ok((Some(quarter(y, 2 * h - 1)?), Some(quarter(y, 2 * h)?)));
        }
    }
    for (i, w) in ws.iter().enumerate() {
        let marker = |ps: &[&str]| ps.iter().any(|p| w.starts_with(p));
        let ord = || {
            let before = i.checked_sub(1).and_then(|j| ordinal(&ws[j]));
            before.or_else(|| ws.get(i + 1).and_then(|n| ordinal(n)))
        };
        if marker(&["rüb", "quarter", "кварт"]) {
            let q = ord().filter(|q| *q <= 4).ok_or_else(unreadable)?;
            let p = quarter(y, q)?;
            return Ok((Some(p), Some(p)));
        }
        if marker(&["yarı", "yarım", "half", "полугод"]) {
            let h = ord().filter(|h| *h <= 2).ok_or_else(unreadable)?;
            return Ok((Some(quarter(y, 2 * h - 1)?), Some(quarter(y, 2 * h)?)));
        }
    }
    for w in &ws {
        let m = MONTHS.iter().position(|names| {
            names[0] == w.as_str()
                || names[1] == w.as_str()
                || (w.starts_with(names[2]) && (names[2] != "ма" || w == "май" || w == "мая"))
        });
        if let Some(m) = m {
            let p: PeriodRef = format!("{y:04}-{:02}", m + 1)
                .parse()
                .map_err(|e| format!("{e}"))?;
            return Ok((Some(p), Some(p)));
        }
    }
    match years.as_slice() {
        [a] => Ok((Some(year(*a)?), Some(year(*a)?))),
        [a, b] if a <= b => Ok((Some(year(*a)?), Some(year(*b)?))),
        _ => Err(unreadable()),
    }
}

/// The phrase eculture writes for a measure's window, in `lang`.
pub(crate) fn period_phrase(
    start: Option<&PeriodRef>,
    deadline: Option<&PeriodRef>,
    lang: Lang,
) -> String {
    use crate::period::Granularity as G;
    let one = |p: &PeriodRef| -> String {
        let y = p.first_day().year();
        match (p.granularity(), lang) {
            (G::Year, Lang::Az) => format!("{y}-{} il", az_suffix(y)),
            (G::Year, Lang::En) => format!("{y}"),
            (G::Year, Lang::Ru) => format!("{y} год"),
            (G::Quarter, _) => {
                let q = ["I", "II", "III", "IV"][((p.first_day().month() - 1) / 3) as usize];
                match lang {
                    Lang::Az => format!("{y}-{} ilin {q} rübü", az_suffix(y)),
                    Lang::En => format!("Q{} {y}", (p.first_day().month() - 1) / 3 + 1),
                    Lang::Ru => format!("{q} квартал {y} года"),
                }
            }
            (G::Month, _) => {
                let m = p.first_day().month() as usize - 1;
                match lang {
                    Lang::Az => format!("{y}-{} ilin {} ayı", az_suffix(y), MONTHS[m][0]),
                    Lang::En => format!("{} {y}", capital(MONTHS[m][1])),
                    Lang::Ru => format!("{y}-{:02}", m + 1),
                }
            }
            (G::Day, _) => p.first_day().to_string(),
        }
    };
    match (start, deadline) {
        (None, None) => String::new(),
        (Some(s), None) => one(s),
        (None, Some(d)) => match lang {
            Lang::Az => format!("{} sonunadək", one(d)),
            Lang::En => format!("by the end of {}", one(d)),
            Lang::Ru => format!("до конца: {}", one(d)),
        },
        (Some(s), Some(d)) if s == d => one(s),
        (Some(s), Some(d))
            if s.granularity() == G::Year && d.granularity() == G::Year && lang == Lang::Az =>
        {
            let y = d.first_day().year();
            format!("{}-{y}-{} illər", s.first_day().year(), az_suffix_pl(y))
        }
        (Some(s), Some(d)) => format!("{} – {}", one(s), one(d)),
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The Azerbaijani ordinal suffix of a year (`2025-ci`, `2026-cı`, `2024-cü`, `2030-cu`).
pub(crate) fn az_suffix(y: i16) -> &'static str {
    // the vowel harmony follows the last spoken number: 0 on-(cu), 1 bir(ci), 2 iki(ci),
    // 3 üç(cü), 4 dörd(cü), 5 beş(ci), 6 altı(cı), 7 yeddi(ci), 8 səkkiz(ci), 9 doqquz(cu)
    let last = y % 10;
    let tens = (y / 10) % 10;
    match last {
        0 => match tens {
            1 | 3 => "cu",
            4 | 6 | 9 => "cı",
            0 if (y / 100) % 10 != 0 => "cü",
            _ => "ci",
        },
        1 | 2 | 5 | 7 | 8 => "ci",
        3 | 4 => "cü",
        6 => "cı",
        _ => "cu",
    }
}

/// The plural form after a range of years (`2025-2026-cı illər`).
fn az_suffix_pl(y: i16) -> &'static str {
    az_suffix(y)
}

/// The strategy period a title row states (`… 2025-2027-ci illər üçün …`, `2025–2027 годы`).
pub(crate) fn title_period(text: &str) -> Option<(PeriodRef, PeriodRef)> {
    let ws = words(text);
    for w in ws.windows(2) {
        let a: Option<i16> = w[0].parse().ok().filter(|y| (1900..=2200).contains(y));
        let digits: String = w[1].chars().take_while(char::is_ascii_digit).collect();
        let b: Option<i16> = digits.parse().ok().filter(|y| (1900..=2200).contains(y));
        if let (Some(a), Some(b)) = (a, b)
            && a < b
            && w[0].len() == 4
        {
            return Some((a.to_string().parse().ok()?, b.to_string().parse().ok()?));
        }
    }
    None
}

/// What an approving act row says: (kind, number, date) as far as it states them.
pub(crate) fn act_parts(text: &str) -> (Option<String>, Option<String>, Option<PeriodRef>) {
    let lower = text.to_lowercase();
    let kind = [
        ("sərəncam", "order"),
        ("əmr", "order"),
        ("fərman", "decree"),
        ("qərar", "decision"),
        ("order", "order"),
        ("decree", "decree"),
        ("decision", "decision"),
        ("распоряжен", "order"),
        ("указ", "decree"),
        ("постановлен", "decision"),
        ("решени", "decision"),
    ]
    .iter()
    .find(|(w, _)| lower.contains(w))
    .map(|(_, k)| (*k).to_owned());
    let ws: Vec<&str> = text.split_whitespace().collect();
    let mut number = None;
    for (i, w) in ws.iter().enumerate() {
        let next = ws.get(i + 1).copied();
        if (*w == "№" || *w == "No." || *w == "no.") && next.is_some() {
            number = next.map(|n| n.trim_matches(|c: char| c == ',' || c == '.').to_owned());
        } else if let Some(n) = w.strip_prefix('№').filter(|n| !n.is_empty()) {
            number = Some(n.trim_matches(',').to_owned());
        } else if next.is_some_and(|n| n.to_lowercase().starts_with("nömrəli")) {
            number = Some((*w).to_owned());
        }
    }
    let date = ws.iter().find_map(|w| {
        let w = w.trim_matches(|c: char| c == ',' || c == '(' || c == ')');
        dotted_date(w).map(PeriodRef::date).or_else(|| {
            w.parse::<PeriodRef>()
                .ok()
                .filter(|p| p.granularity() == crate::period::Granularity::Day)
        })
    });
    (kind, number, date)
}

/// True when a title row is an approving act ("təsdiq edilmişdir", "approved", "утвержден").
pub(crate) fn is_act(text: &str) -> bool {
    let l = text.to_lowercase();
    l.contains("təsdiq") || l.contains("approved") || l.contains("утвержд")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(t: &str) -> (Option<String>, Option<String>) {
        let whole = Some(("2024".parse().unwrap(), "2026".parse().unwrap()));
        let (s, e) = period(t, whole).unwrap_or_else(|e| panic!("{t}: {e}"));
        (s.map(|p| p.to_string()), e.map(|p| p.to_string()))
    }

    fn both(a: &str, b: &str) -> (Option<String>, Option<String>) {
        (Some(a.into()), Some(b.into()))
    }

    #[test]
    fn periods_as_ministries_write_them() {
        for (t, want) in [
            ("2025-ci il", both("2025", "2025")),
            ("2025-2026-cı illər", both("2025", "2026")),
            ("2026-cı ilin II rübü", both("2026-Q2", "2026-Q2")),
            ("2026-cı ilin I yarısı", both("2026-Q1", "2026-Q2")),
            ("2026-cı ilin II yarımili", both("2026-Q3", "2026-Q4")),
            ("2026-cı ilin may ayı", both("2026-05", "2026-05")),
            ("2026-cı ilin sonunadək", (None, Some("2026".into()))),
            (
                "2026-cı ilin III rübünün sonunadək",
                (None, Some("2026-Q3".into())),
            ),
            ("Daimi", both("2024", "2026")),
            (
                "2025-ci ilin II rübü – 2026-cı ilin I rübü",
                both("2025-Q2", "2026-Q1"),
            ),
            ("2025", both("2025", "2025")),
            ("2025–2026", both("2025", "2026")),
            ("Q3 2025", both("2025-Q3", "2025-Q3")),
            ("second quarter of 2025", both("2025-Q2", "2025-Q2")),
            ("H2 2025", both("2025-Q3", "2025-Q4")),
            ("first half of 2026", both("2026-Q1", "2026-Q2")),
            ("May 2026", both("2026-05", "2026-05")),
            ("by the end of 2025", (None, Some("2025".into()))),
            ("Ongoing", both("2024", "2026")),
            ("2025 год", both("2025", "2025")),
            ("2025-2026 годы", both("2025", "2026")),
            ("II квартал 2026 года", both("2026-Q2", "2026-Q2")),
            ("I полугодие 2026 года", both("2026-Q1", "2026-Q2")),
            ("май 2026 года", both("2026-05", "2026-05")),
            ("декабрь 2025 года", both("2025-12", "2025-12")),
            ("до конца 2026 года", (None, Some("2026".into()))),
            ("Постоянно", both("2024", "2026")),
            ("15.03.2025", both("2025-03-15", "2025-03-15")),
            ("2025-Q2", both("2025-Q2", "2025-Q2")),
        ] {
            assert_eq!(w(t), want, "{t}");
        }
        for bad in [
            "2026-cı ilin V rübü",
            "tezliklə",
            "soon",
            "III полугодие 2026",
        ] {
            assert!(period(bad, None).is_err(), "{bad}");
        }
        assert!(
            period("Daimi", None).is_err(),
            "needs the strategy's period"
        );
    }

    #[test]
    fn written_phrases_read_back() {
        for s in ["2024", "2025-Q1", "2025-Q4", "2026-05", "2025-06-30"] {
            let p: PeriodRef = s.parse().unwrap();
            for lang in Lang::ALL {
                let text = period_phrase(Some(&p), Some(&p), lang);
                assert_eq!(w(&text), both(s, s), "{lang:?} {text}");
            }
        }
        let (a, b): (PeriodRef, PeriodRef) = ("2025".parse().unwrap(), "2026".parse().unwrap());
        assert_eq!(
            period_phrase(Some(&a), Some(&b), Lang::Az),
            "2025-2026-cı illər"
        );
        assert_eq!(
            w(&period_phrase(None, Some(&b), Lang::Az)),
            (None, Some("2026".into()))
        );
    }

    #[test]
    fn azerbaijani_year_suffixes() {
        for (y, s) in [
            (2020, "ci"),
            (2021, "ci"),
            (2023, "cü"),
            (2024, "cü"),
            (2025, "ci"),
            (2026, "cı"),
            (2027, "ci"),
            (2029, "cu"),
            (2030, "cu"),
            (2040, "cı"),
            (2100, "cü"),
        ] {
            assert_eq!(az_suffix(y), s, "{y}");
        }
    }

    #[test]
    fn funding_words() {
        use FundingSource::*;
        assert_eq!(
            funding("Dövlət büdcəsi və xarici qrantlar").unwrap(),
            [StateBudget, ExternalGrant]
        );
        assert_eq!(
            funding("Qanunvericiliklə qadağan olunmayan digər mənbələr").unwrap(),
            [Other]
        );
        assert_eq!(
            funding("own funds; loan").unwrap(),
            [OwnFunds, ExternalLoan]
        );
        assert_eq!(funding("Не требуется").unwrap(), [NotRequired]);
        assert_eq!(funding("state_budget").unwrap(), [StateBudget]);
        assert_eq!(
            funding("Dövlət büdcəsi, sponsorlar").unwrap_err(),
            "sponsorlar"
        );
        for f in [
            StateBudget,
            OwnFunds,
            ExternalGrant,
            ExternalLoan,
            NotRequired,
            Other,
        ] {
            for lang in Lang::ALL {
                assert_eq!(
                    funding(funding_phrase(f, lang)).unwrap(),
                    [f],
                    "{f:?} {lang:?}"
                );
            }
        }
    }

    #[test]
    fn headings_with_their_variants() {
        assert_eq!(heading("S/s"), Some((Col::Id, Some(Lang::Az))));
        assert_eq!(
            heading(" Tədbirlər "),
            Some((Col::Title(Lang::Az), Some(Lang::Az)))
        );
        assert_eq!(heading("İcraçılar"), Some((Col::Executors, Some(Lang::Az))));
        assert_eq!(
            heading("Maliyyələşdirmə mənbəyi"),
            Some((Col::Funding, Some(Lang::Az)))
        );
        assert_eq!(
            heading("Nəticə göstəricisi"),
            Some((Col::Result(Lang::Az), Some(Lang::Az)))
        );
        assert_eq!(
            heading("Срок исполнения"),
            Some((Col::Period, Some(Lang::Ru)))
        );
        assert_eq!(
            heading("title.en").map(|h| h.0),
            Some(Col::Field {
                key: "title".into(),
                lang: Some(Lang::En),
                json: false
            })
        );
        assert_eq!(heading("Remarks"), None);
    }
}
