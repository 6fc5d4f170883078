//! Executors' report workbooks, out and back in (Decree 1294: each executor's annual report by
//! 20 January). [`Strategy::report_workbooks`] gives one workbook per executor: its measures
//! active in the period with id, title, role and planned dates locked (the sheet protected), the
//! entry columns (a status drop-down in the chosen language, percent 0-100, date cells), the
//! indicators of its measures for the year, and a hidden sheet with the plan's fingerprint, the
//! executor and the period. [`Strategy::collect_reports`] reads filled-in workbooks back into
//! reports; every value it cannot take is a finding naming the file, sheet and cell.

use std::collections::BTreeMap;

use rust_xlsxwriter::{DataValidation, Format, Workbook, Worksheet, XlsxError};

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::error::{ArgumentError, Result};
use crate::locate::SheetCells;
use crate::model::{IndicatorReport, Lang, Report, ReportEntry, Status};
use crate::period::PeriodRef;
use crate::sheets::grid::{Sheet, Val, cell_name};
use crate::strategy::Strategy;
use crate::workbook::{Formats, XCell, col, fail, write_cell};

/// The hidden sheet's name.
pub const META_SHEET: &str = "eculture";

/// The report sheet's headings, in az, en, ru.
const HEADINGS: [[&str; 12]; 3] = [
    [
        "Tədbir",
        "Adı",
        "Rol",
        "Planlaşdırılan başlanğıc",
        "Planlaşdırılan bitmə",
        "Status",
        "İcra faizi",
        "Faktiki başlanğıc",
        "Faktiki bitmə",
        "Qalan günlər",
        "Qeyd",
        "Sübut",
    ],
    [
        "Measure",
        "Title",
        "Role",
        "Planned start",
        "Planned finish",
        "Status",
        "Percent complete",
        "Actual start",
        "Actual finish",
        "Remaining days",
        "Note",
        "Evidence",
    ],
    [
        "Мероприятие",
        "Наименование",
        "Роль",
        "Плановое начало",
        "Плановое окончание",
        "Статус",
        "Процент выполнения",
        "Фактическое начало",
        "Фактическое окончание",
        "Осталось дней",
        "Примечание",
        "Подтверждение",
    ],
];

const SHEETS: [[&str; 3]; 2] = [
    ["Hesabat", "Report", "Отчёт"],
    ["İndikatorlar", "Indicators", "Индикаторы"],
];
const IND_HEADINGS: [[&str; 6]; 3] = [
    ["İndikator", "Adı", "Vahid", "İl", "Dəyər", "Qeyd"],
    ["Indicator", "Name", "Unit", "Year", "Value", "Note"],
    [
        "Индикатор",
        "Наименование",
        "Единица",
        "Год",
        "Значение",
        "Примечание",
    ],
];
const ROLES: [[&str; 2]; 3] = [
    ["əsas icraçı", "digər icraçı"],
    ["main executor", "other executor"],
    ["основной исполнитель", "соисполнитель"],
];

const STATUSES: [Status; 5] = [
    Status::Executed,
    Status::PartiallyExecuted,
    Status::NotExecuted,
    Status::NotDue,
    Status::Cancelled,
];

/// A status in words, in a language.
fn status_word(s: Status, lang: Lang) -> &'static str {
    let words: [&str; 3] = match s {
        Status::Executed => ["icra edilib", "executed", "выполнено"],
        Status::PartiallyExecuted => [
            "qismən icra edilib",
            "partially executed",
            "частично выполнено",
        ],
        Status::NotExecuted => ["icra edilməyib", "not executed", "не выполнено"],
        Status::NotDue => ["vaxtı çatmayıb", "not due", "срок не наступил"],
        Status::Cancelled => ["ləğv edilib", "cancelled", "отменено"],
    };
    words[lang as usize]
}

/// A 64-bit FNV-1a hash of the plan's measures and strategy (not of its reports, so that
/// collecting one executor's workbook does not invalidate the others').
pub fn fingerprint(s: &Strategy) -> String {
    let doc = s.document();
    let text =
        serde_json::to_string(&(&doc.strategy, &doc.measures, &doc.indicators)).unwrap_or_default();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// One measure of an executor's workbook: (index, role 0 main / 1 other).
fn measures_of(s: &Strategy, exec: &str, period: &PeriodRef) -> Vec<(usize, usize)> {
    let doc = s.document();
    let (p0, p1) = (period.first_day(), period.last_day());
    let (s0, s1) = (
        doc.strategy.period.start.first_day(),
        doc.strategy.period.end.last_day(),
    );
    doc.measures
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let start = m.start.map_or(s0, |p| p.first_day());
            let end = m.deadline.map_or(s1, |p| p.last_day());
            if start > p1 || end < p0 {
                return None;
            }
            if m.main_executor.0.iter().any(|e| e == exec) {
                Some((i, 0))
            } else if m.other_executors.iter().any(|e| e == exec) {
                Some((i, 1))
            } else {
                None
            }
        })
        .collect()
}

impl Strategy {
    /// One report workbook per executor with measures active in `period` (a year `2025`, a
    /// quarter or a month), headings and statuses in `lang`: executor id → XLSX bytes.
    pub fn report_workbooks(&self, period: &str, lang: Lang) -> Result<BTreeMap<String, Vec<u8>>> {
        let p: PeriodRef = period
            .parse()
            .map_err(|e| ArgumentError::at(format!("{e}"), "period"))?;
        let doc = self.document();
        let mut out = BTreeMap::new();
        let print = fingerprint(self);
        for org in &doc.organizations {
            let ms = measures_of(self, &org.id, &p);
            if ms.is_empty() {
                continue;
            }
            let bytes = self
                .workbook(&org.id, &p, lang, &ms, &print)
                .map_err(fail("report workbook"))?;
            out.insert(org.id.to_string(), bytes);
        }
        Ok(out)
    }

    fn workbook(
        &self,
        exec: &str,
        p: &PeriodRef,
        lang: Lang,
        ms: &[(usize, usize)],
        print: &str,
    ) -> std::result::Result<Vec<u8>, XlsxError> {
        let doc = self.document();
        let f = Formats::default();
        let open = Format::new().set_unlocked();
        let open_date = Format::new().set_unlocked().set_num_format("yyyy-mm-dd");
        let l = lang as usize;
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name(SHEETS[0][l])?;
        for (c, h) in HEADINGS[l].iter().enumerate() {
            ws.write_string_with_format(0, col(c), *h, &f.bold)?;
        }
        for (r, &(i, role)) in ms.iter().enumerate() {
            let m = &doc.measures[i];
            let r = r as u32 + 1;
            let cells = [
                XCell::Text(m.id.to_string()),
                XCell::Text(m.title.get(lang).unwrap_or(m.title.best()).to_owned()),
                XCell::Text(ROLES[l][role].to_owned()),
                m.start.map_or(XCell::Empty, |d| XCell::Date(d.first_day())),
                m.deadline
                    .map_or(XCell::Empty, |d| XCell::Date(d.last_day())),
            ];
            for (c, cell) in cells.iter().enumerate() {
                write_cell(ws, r, col(c), cell, &f)?;
            }
            for c in 5..12u16 {
                let fmt = if c == 7 || c == 8 { &open_date } else { &open };
                ws.write_blank(r, c, fmt)?;
            }
        }
        let last = ms.len() as u32;
        if last > 0 {
            let words: Vec<&str> = STATUSES.iter().map(|s| status_word(*s, lang)).collect();
            ws.add_data_validation(
                1,
                5,
                last,
                5,
                &DataValidation::new().allow_list_strings(&words)?,
            )?;
            ws.add_data_validation(
                1,
                6,
                last,
                6,
                &DataValidation::new()
                    .allow_decimal_number(rust_xlsxwriter::DataValidationRule::Between(0.0, 100.0)),
            )?;
        }
        let widths = [10usize, 50, 16, 14, 14, 22, 10, 14, 14, 10, 40, 40];
        crate::workbook::finish_table(ws, 0, last, &widths)?;
        ws.protect();
        self.indicator_sheet(wb.add_worksheet(), ms, p, lang, &f, &open)?;
        let meta = wb.add_worksheet();
        meta.set_name(META_SHEET)?;
        for (r, (k, v)) in [
            ("fingerprint", print),
            ("executor", exec),
            ("period", &p.to_string()),
            ("lang", lang.code()),
        ]
        .iter()
        .enumerate()
        {
            meta.write_string(r as u32, 0, *k)?;
            meta.write_string(r as u32, 1, *v)?;
        }
        meta.set_hidden(true);
        wb.save_to_buffer()
    }

    fn indicator_sheet(
        &self,
        ws: &mut Worksheet,
        ms: &[(usize, usize)],
        p: &PeriodRef,
        lang: Lang,
        f: &Formats,
        open: &Format,
    ) -> std::result::Result<(), XlsxError> {
        let doc = self.document();
        let l = lang as usize;
        ws.set_name(SHEETS[1][l])?;
        for (c, h) in IND_HEADINGS[l].iter().enumerate() {
            ws.write_string_with_format(0, col(c), *h, &f.bold)?;
        }
        let mut ids: Vec<&str> = Vec::new();
        for &(i, _) in ms {
            for id in &doc.measures[i].indicators {
                if !ids.contains(&id.as_str()) {
                    ids.push(id);
                }
            }
        }
        let year = p.year_of();
        let mut r = 0u32;
        for id in &ids {
            let Some(ind) = doc.indicators.iter().find(|x| x.id == *id) else {
                continue;
            };
            r += 1;
            write_cell(ws, r, 0, &XCell::Text(id.to_string()), f)?;
            write_cell(
                ws,
                r,
                1,
                &XCell::Text(ind.name.get(lang).unwrap_or(ind.name.best()).to_owned()),
                f,
            )?;
            write_cell(
                ws,
                r,
                2,
                &ind.unit.clone().map_or(XCell::Empty, XCell::Text),
                f,
            )?;
            write_cell(ws, r, 3, &XCell::Number(f64::from(year)), f)?;
            ws.write_blank(r, 4, open)?;
            ws.write_blank(r, 5, open)?;
        }
        crate::workbook::finish_table(ws, 0, r, &[12, 50, 12, 6, 12, 40])?;
        ws.protect();
        Ok(())
    }

    /// A new strategy with the reports of filled-in workbooks (`(file name, bytes)`) added.
    /// `submitted` is the submission date of every report (default: the day after the period).
    /// A second report of the same executor and period replaces the first only with `replace`.
    /// Every value that cannot be taken is a finding of the new strategy's `validate()`, naming
    /// the file, sheet and cell.
    pub fn collect_reports(
        &self,
        files: &[(String, Vec<u8>)],
        submitted: Option<PeriodRef>,
        replace: bool,
    ) -> Result<Strategy> {
        let mut doc = self.document().clone();
        let mut findings = Vec::new();
        let print = fingerprint(self);
        for (name, bytes) in files {
            let sheets = crate::sheets::grid::read_workbook(bytes, name)?;
            let mut c = Collect {
                s: self,
                file: name,
                findings: &mut findings,
            };
            let Some(report) = c.report(&sheets, &print, submitted) else {
                continue;
            };
            if report.entries.is_empty() && report.indicators.is_empty() {
                c.finding(None, (0, 0), "nothing is filled in: no report added".into());
                continue;
            }
            let same = |x: &Report| {
                x.by == report.by
                    && x.period.first_day() == report.period.first_day()
                    && x.period.last_day() == report.period.last_day()
            };
            match doc.reports.iter().position(same) {
                Some(k) if replace => doc.reports[k] = report,
                Some(k) => {
                    let id = doc.reports[k].id.to_string();
                    c.finding(None, (0, 0), format!(
                        "a second report of `{}` for {}: `{id}` is already in the plan (collect with replace to replace it)",
                        report.by, report.period
                    ));
                }
                None => doc.reports.push(report),
            }
        }
        Ok(Strategy::from_sheet(
            doc,
            SheetCells {
                at: Default::default(),
                measures: Vec::new(),
                findings,
            },
        ))
    }
}

/// Reading one workbook back.
struct Collect<'a> {
    s: &'a Strategy,
    file: &'a str,
    findings: &'a mut Vec<Diagnostic>,
}

impl Collect<'_> {
    fn finding(&mut self, sheet: Option<&str>, (r, c): (usize, usize), message: String) {
        let cell = cell_name(r, c);
        let at = sheet.map_or_else(
            || self.file.to_owned(),
            |s| format!("{}, sheet `{s}`, cell {cell}", self.file),
        );
        let mut d = Diagnostic::new(
            Severity::Error,
            Code::UnreadableCell,
            "reports".to_owned(),
            None,
            format!("{at}: {message}"),
        );
        d.sheet = sheet.map(str::to_owned);
        d.cell = sheet.map(|_| cell);
        self.findings.push(d);
    }

    fn report(
        &mut self,
        sheets: &[Sheet],
        print: &str,
        submitted: Option<PeriodRef>,
    ) -> Option<Report> {
        let Some(meta) = sheets.iter().find(|s| s.name == META_SHEET) else {
            self.finding(
                None,
                (0, 0),
                "no hidden `eculture` sheet: not a report workbook of eculture".into(),
            );
            return None;
        };
        let get = |k: &str| {
            meta.rows
                .iter()
                .find(|r| r.first().map(Val::text).as_deref() == Some(k))
                .and_then(|r| r.get(1))
                .map(Val::text)
        };
        if get("fingerprint").as_deref() != Some(print) {
            self.finding(
                Some(META_SHEET),
                (0, 1),
                "the workbook was made from another version of the plan".into(),
            );
            return None;
        }
        let exec = get("executor").unwrap_or_default();
        let period: PeriodRef = get("period").and_then(|p| p.parse().ok())?;
        if !self
            .s
            .document()
            .organizations
            .iter()
            .any(|o| o.id == exec.as_str())
        {
            self.finding(
                Some(META_SHEET),
                (1, 1),
                format!("`{exec}` is no organisation of the plan"),
            );
            return None;
        }
        let lang = get("lang")
            .and_then(|l| crate::sheets::phrases::lang_of(&l))
            .unwrap_or(Lang::En);
        let mine: Vec<usize> = measures_of(self.s, &exec, &period)
            .into_iter()
            .map(|(i, _)| i)
            .collect();
        let entries = sheets
            .iter()
            .find(|s| SHEETS[0].contains(&s.name.as_str()))
            .map(|sh| self.entries(sh, &mine, lang))
            .unwrap_or_default();
        let indicators = sheets
            .iter()
            .find(|s| SHEETS[1].contains(&s.name.as_str()))
            .map(|sh| self.indicators(sh, &period))
            .unwrap_or_default();
        let submitted = submitted.unwrap_or_else(|| {
            PeriodRef::date(period.last_day().tomorrow().unwrap_or(period.last_day()))
        });
        Some(Report {
            id: format!("{exec}-{period}").into(),
            by: exec.into(),
            period,
            as_of: None,
            submitted,
            evidence: Vec::new(),
            entries,
            indicators,
            note: None,
            source: Some(format!("collected from {}", self.file)),
            illustrative: Default::default(),
        })
    }

    fn date(&mut self, sheet: &str, at: (usize, usize), v: &Val) -> Option<PeriodRef> {
        match v {
            Val::Empty => None,
            Val::Date(d) => Some(PeriodRef::date(*d)),
            other => {
                let t = other.text();
                let d = crate::sheets::phrases::dotted_date(&t).or_else(|| t.trim().parse().ok());
                if d.is_none() {
                    self.finding(
                        Some(sheet),
                        at,
                        format!("`{t}` is not a date (2025-03-15 or 15.03.2025)"),
                    );
                }
                d.map(PeriodRef::date)
            }
        }
    }

    fn number(&mut self, sheet: &str, at: (usize, usize), v: &Val) -> Option<f64> {
        match v {
            Val::Empty => None,
            Val::Num(x) => Some(*x),
            other => {
                let t = other.text();
                let x = t
                    .trim()
                    .trim_end_matches('%')
                    .trim()
                    .replace(',', ".")
                    .parse::<f64>()
                    .ok();
                if x.is_none() {
                    self.finding(Some(sheet), at, format!("`{t}` is not a number"));
                }
                x
            }
        }
    }

    fn entries(&mut self, sh: &Sheet, mine: &[usize], lang: Lang) -> Vec<ReportEntry> {
        let doc = self.s.document();
        let mut out = Vec::new();
        for r in 1..sh.rows.len() {
            let v = |c: usize| sh.get(r, c).clone();
            let filled = (5..12).any(|c| !v(c).is_empty());
            let id = v(0).text();
            if !mine.iter().any(|&i| doc.measures[i].id == id.as_str()) {
                if filled || !id.is_empty() {
                    self.finding(
                        Some(&sh.name),
                        (r, 0),
                        format!("`{id}` is not a measure of this workbook (an id was changed)"),
                    );
                }
                continue;
            }
            if !filled {
                continue;
            }
            let word = v(5).text();
            let status = STATUSES.iter().copied().find(|s| {
                Lang::ALL.iter().any(|l| status_word(*s, *l) == word.trim())
                    || s.as_str() == word.trim()
            });
            let Some(status) = status else {
                let allowed: Vec<&str> = STATUSES.iter().map(|s| status_word(*s, lang)).collect();
                self.finding(
                    Some(&sh.name),
                    (r, 5),
                    format!(
                        "`{word}` is not one of the statuses ({})",
                        allowed.join(", ")
                    ),
                );
                continue;
            };
            let name = sh.name.clone();
            let text = |c: usize| Some(v(c).text()).filter(|t| !t.trim().is_empty());
            out.push(ReportEntry {
                measure: id.into(),
                status,
                percent_complete: self.number(&name, (r, 6), &v(6)),
                actual_start: self.date(&name, (r, 7), &v(7)),
                actual_finish: self.date(&name, (r, 8), &v(8)),
                remaining_days: self.number(&name, (r, 9), &v(9)).map(|x| x.round() as i64),
                note: text(10),
                evidence: text(11)
                    .map(|t| {
                        t.split(['\n', ';'])
                            .map(|e| e.trim().to_owned())
                            .filter(|e| !e.is_empty())
                            .collect()
                    })
                    .unwrap_or_default(),
            });
        }
        out
    }

    fn indicators(&mut self, sh: &Sheet, period: &PeriodRef) -> Vec<IndicatorReport> {
        let mut out = Vec::new();
        for r in 1..sh.rows.len() {
            let value = sh.get(r, 4).clone();
            let Some(value) = self.number(&sh.name.clone(), (r, 4), &value) else {
                continue;
            };
            let note = Some(sh.get(r, 5).text()).filter(|t| !t.trim().is_empty());
            out.push(IndicatorReport {
                indicator: sh.get(r, 0).text().into(),
                year: i32::from(period.year_of()),
                value,
                note,
            });
        }
        out
    }
}
