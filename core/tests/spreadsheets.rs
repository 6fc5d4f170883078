//! Action plans from and to spreadsheets (`docs/spreadsheets.md`): the lossless round trip of
//! `to_xlsx` / `from_xlsx` on the e-Culture default, on the benchmark generator's plans and on
//! random plans; an action plan as a ministry writes it (Azerbaijani headings, title rows,
//! direction rows, period phrases, funding text, executors' names) read field by field; and
//! every unreadable or unplaced cell a finding with its sheet and cell.
#![cfg(feature = "xlsx")]

use eculture::{Code, Strategy};

fn round_trip(s: &Strategy) -> Strategy {
    let bytes = s.to_xlsx().expect("writes");
    Strategy::from_xlsx(&bytes, None, None).expect("reads back")
}

fn assert_lossless(s: &Strategy, what: &str) {
    let back = round_trip(s);
    let a = serde_json::to_value(s.document()).unwrap();
    let b = serde_json::to_value(back.document()).unwrap();
    if a != b {
        for (k, v) in a.as_object().unwrap() {
            if b.get(k) != Some(v) {
                let (x, y) = (
                    v.to_string(),
                    b.get(k).map(|v| v.to_string()).unwrap_or_default(),
                );
                let i = x
                    .bytes()
                    .zip(y.bytes())
                    .position(|(p, q)| p != q)
                    .unwrap_or(0);
                panic!(
                    "{what}: `{k}` differs near byte {i}:\n  {}\n  {}",
                    &x[i.saturating_sub(80)..(i + 200).min(x.len())],
                    &y[i.saturating_sub(80)..(i + 200).min(y.len())]
                );
            }
        }
        panic!("{what}: documents differ");
    }
    assert_eq!(s.document(), back.document(), "{what}");
    let found: Vec<_> = back
        .validate()
        .iter()
        .filter(|d| matches!(d.code, Code::UnreadableCell | Code::UnplacedCell))
        .collect();
    assert!(found.is_empty(), "{what}: {found:?}");
}

#[test]
fn the_e_culture_default_round_trips() {
    assert_lossless(&Strategy::e_culture(), "e-Culture");
}

use proptest::prelude::*;
use proptest::strategy::Strategy as _;
use serde_json::{Value, json};

/// Texts that test the cell forms: plain, empty, padded, multi-line, formula-like, digits.
const WORDS: &[&str] = &[
    "Muzey",
    "",
    " padded ",
    "two\nlines",
    "=SUM(A1)",
    "2025",
    "1.10",
    "Mədəniyyət Nazirliyi",
    "a; b, c",
    "[\"json\"]",
    "İndikator",
    "x",
];
const PERIODS: &[&str] = &["2024", "2025-Q2", "2025-06", "2025-06-30", "2026-q3"];

fn text(mask: u8, w: usize) -> Value {
    let mut o = serde_json::Map::new();
    for (i, l) in ["az", "en", "ru"].iter().enumerate() {
        if mask & (1 << i) != 0 {
            o.insert((*l).into(), json!(WORDS[(w + i) % WORDS.len()]));
        }
    }
    Value::Object(o)
}

fn period(k: usize) -> Value {
    if k % 6 == 5 {
        json!(2025)
    } else {
        json!(PERIODS[k % PERIODS.len()])
    }
}

prop_compose! {
    fn measure(n: usize)(id in 0usize..1000, dir in 0usize..4, tmask in 0u8..8, w in 0usize..64,
                         main in 0usize..6, others in proptest::collection::vec(0usize..5, 0..3),
                         sdd in (proptest::option::of(0usize..12), proptest::option::of(0usize..12),
                                 proptest::option::of(0i64..400)),
                         deps in proptest::collection::vec((0usize..64, 0u8..6, -30i32..30), 0..4),
                         funding in proptest::collection::vec(0usize..6, 0..3),
                         rmask in 0u8..9, inds in proptest::collection::vec(0usize..4, 0..3),
                         si in (proptest::option::of(0usize..5), any::<bool>()))
                         -> Value {
        let (start, deadline, dur) = sdd;
        let (status, illustrative) = si;
        let orgs = ["moc", "ict", "lib", "unknown_org", "dup_a", "dup_b"];
        let direction = ["P1", "P2", "P3", "nowhere"][dir];
        let mut m = json!({"id": format!("{}.{id}", dir + 1), "direction": direction,
                           "title": text(tmask, w)});
        match main {
            5 => { m["main_executor"] = json!(["moc", "ict"]); }
            k => { m["main_executor"] = json!(orgs[k]); }
        }
        if !others.is_empty() { m["other_executors"] = json!(others.iter().map(|k| orgs[*k]).collect::<Vec<_>>()); }
        if let Some(s) = start { m["start"] = period(s); }
        if let Some(d) = deadline { m["deadline"] = period(d); }
        if let Some(d) = dur { m["duration_days"] = json!(d); }
        let deps: Vec<Value> = deps.iter().map(|(t, kind, lag)| {
            let id = format!("{}.{}", t % 3 + 1, t % n.max(1));
            match kind {
                0 => json!(id),
                1 => json!({"id": id, "type": "SS"}),
                2 => json!({"id": id, "type": "FF", "lag_days": lag}),
                3 => json!({"id": id, "lag_days": lag}),
                4 => json!({"id": id, "type": "FS", "lag_days": 0}),
                _ => json!({"id": id, "type": "SF", "lag_days": -lag.abs()}),
            }
        }).collect();
        if !deps.is_empty() { m["depends_on"] = json!(deps); }
        let codes = ["state_budget", "own_funds", "external_grant", "external_loan", "not_required", "other"];
        if !funding.is_empty() { m["funding"] = json!(funding.iter().map(|k| codes[*k]).collect::<Vec<_>>()); }
        if rmask < 8 { m["expected_result"] = text(rmask, w + 3); }
        if !inds.is_empty() { m["indicators"] = json!(inds.iter().map(|k| ["I1", "I2", "I 3", "I1"][*k]).collect::<Vec<_>>()); }
        let statuses = ["executed", "partially_executed", "not_executed", "not_due", "cancelled"];
        if let Some(k) = status { m["status"] = json!(statuses[k]); }
        if illustrative { m["illustrative"] = json!(true); m["estimate"] = json!({"optimistic": 1.5, "most_likely": 2, "pessimistic": 3.25}); }
        m
    }
}

fn plan() -> impl proptest::strategy::Strategy<Value = Value> {
    (proptest::collection::vec(measure(40), 0..40), 0usize..64).prop_map(|(measures, w)| {
        let word = WORDS[w % WORDS.len()];
        json!({
            "strategy": {"id": "p", "title": {"az": "Strategiya 2024-2026", "en": word},
                         "period": {"start": 2024, "end": "2026"},
                         "approved_by": {"kind": "order", "number": "3/2", "date": "2023-10-13"}},
            "organizations": [
                {"id": "moc", "name": {"az": "Mədəniyyət Nazirliyi", "en": "Ministry of Culture (MoC)"}, "kind": "ministry"},
                {"id": "ict", "name": {"en": "ict"}, "kind": "subordinate"},
                {"id": "lib", "name": {"en": "moc"}, "kind": "subordinate"},
                {"id": "dup_a", "name": {"en": "Same name"}, "kind": "other"},
                {"id": "dup_b", "name": {"en": "Same name"}, "kind": "other"}
            ],
            "directions": [
                {"id": "P1", "number": 1, "title": {"az": "Rəqəmsal irs"}},
                {"id": "P2", "title": {"en": "No number"}},
                {"id": "P3", "number": 3, "title": {"en": ""}}
            ],
            "measures": measures,
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]
    #[test]
    fn random_plans_round_trip(doc in plan()) {
        let s = Strategy::from_json(&doc.to_string()).expect("the generator writes documents");
        assert_lossless(&s, "random plan");
    }
}

#[path = "support/bench_plan.rs"]
mod bench_plan;

#[test]
fn the_benchmark_generators_plan_round_trips() {
    let plan = bench_plan::generate(1_000, false).expect("python3 runs the generator");
    assert_lossless(
        &bench_plan::to_strategy(&plan),
        "generated 1,000-measure plan",
    );
}

#[test]
#[ignore = "writes target/e-culture.xlsx for a look"]
fn write_the_default_for_a_look() {
    let bytes = Strategy::e_culture().to_xlsx().unwrap();
    std::fs::write(
        concat!(env!("CARGO_MANIFEST_DIR"), "/../target/e-culture.xlsx"),
        bytes,
    )
    .unwrap();
}

/// An action plan as a ministry writes it: title rows, Azerbaijani headings, a row of column
/// numbers, merged direction rows, the periods and funding in words, executors by name.
fn ministry_workbook() -> Vec<u8> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Əlavə 1").unwrap();
    let bold = Format::new().set_bold();
    ws.write_string(0, 0, "Azərbaycan Respublikası Mədəniyyət Nazirliyinin 2025-2027-ci illər üçün rəqəmsal inkişaf strategiyasının Fəaliyyət Planı").unwrap();
    ws.write_string(
        1,
        0,
        "Mədəniyyət Nazirinin 15.05.2025 tarixli 123 nömrəli əmri ilə təsdiq edilmişdir",
    )
    .unwrap();
    let heads = [
        "S/s",
        "Tədbirin adı",
        "Əsas icraçı",
        "Digər icraçılar",
        "İcra müddəti",
        "Maliyyələşdirmə mənbəyi",
        "Nəticə göstəricisi",
    ];
    for (c, h) in heads.iter().enumerate() {
        ws.write_string_with_format(3, c as u16, *h, &bold).unwrap();
        ws.write_number(4, c as u16, (c + 1) as f64).unwrap();
    }
    let rows: &[(u32, &[&str])] = &[
        (5, &["1. Mədəni irsin rəqəmsallaşdırılması"]),
        (
            6,
            &[
                "1.1.",
                "Muzey fondlarının rəqəmsallaşdırılması",
                "Mədəniyyət Nazirliyi",
                "İKT Mərkəzi; Milli Kitabxana",
                "2025-2026-cı illər",
                "Dövlət büdcəsi və xarici qrantlar",
                "Fondların 60 faizi rəqəmsal",
            ],
        ),
        (
            7,
            &[
                "1.2.",
                "Arxivlərin kataloqu",
                "Medeniyyet Nazirliyi",
                "",
                "2026-cı ilin II rübü",
                "Maliyyə tələb olunmur",
                "",
            ],
        ),
        (
            8,
            &[
                "1.3.",
                "Kitabxana portalı",
                "Milli Kitabxana",
                "",
                "2026-cı ilin I yarısı",
                "Dövlət büdcəsi",
                "",
            ],
        ),
        (9, &["2. İctimai xidmətlər"]),
        (
            10,
            &[
                "2.1",
                "Elektron bilet",
                "İKT Mərkəzi",
                "",
                "2026-cı ilin may ayı",
                "İcraçının öz vəsaitləri",
                "",
            ],
        ),
        (
            11,
            &[
                "2.2",
                "Şəxsi kabinet",
                "İKT Mərkəzi",
                "",
                "2027-ci ilin sonunadək",
                "Dövlət büdcəsi",
                "",
            ],
        ),
        (
            12,
            &[
                "2.3",
                "Monitorinq",
                "Mədəniyyət Nazirliyi",
                "",
                "Daimi",
                "Dövlət büdcəsi",
                "",
            ],
        ),
        (
            13,
            &[
                "2.4",
                "Səhv müddət",
                "Mədəniyyət Nazirliyi",
                "",
                "2026-cı ilin V rübü",
                "Dövlət büdcəsi",
                "",
            ],
        ),
        (
            14,
            &[
                "2.5",
                "Gec tədbir",
                "Mədəniyyət Nazirliyi",
                "",
                "2030-cu il",
                "Dövlət büdcəsi",
                "",
            ],
        ),
    ];
    for (r, cells) in rows {
        if cells.len() == 1 {
            ws.merge_range(*r, 0, *r, 6, cells[0], &bold).unwrap();
            continue;
        }
        for (c, v) in cells.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(*r, c as u16, *v).unwrap();
            }
        }
    }
    ws.write_string(15, 7, "Qeyd: maliyyə ilkin hesablamadır")
        .unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_ministry_plan_reads_field_by_field() {
    let s = Strategy::from_xlsx(&ministry_workbook(), None, None).unwrap();
    let doc = serde_json::to_value(s.document()).unwrap();
    let st = &doc["strategy"];
    assert!(
        st["title"]["az"]
            .as_str()
            .unwrap()
            .starts_with("Azərbaycan Respublikası")
    );
    assert_eq!(st["period"], json!({"start": "2025", "end": "2027"}));
    assert_eq!(st["approved_by"]["number"], "123");
    assert_eq!(st["approved_by"]["date"], "2025-05-15");
    assert_eq!(st["approved_by"]["kind"], "order");
    let dirs: Vec<(&str, &str)> = doc["directions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["id"].as_str().unwrap(),
                d["title"]["az"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        dirs,
        [
            ("1", "Mədəni irsin rəqəmsallaşdırılması"),
            ("2", "İctimai xidmətlər")
        ]
    );
    let m = |id: &str| {
        doc["measures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("measure {id}"))
    };
    let ids: Vec<&str> = doc["measures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "2.5"]
    );
    let window = |id: &str| (m(id).get("start").cloned(), m(id).get("deadline").cloned());
    assert_eq!(window("1.1"), (Some(json!("2025")), Some(json!("2026"))));
    assert_eq!(
        window("1.2"),
        (Some(json!("2026-Q2")), Some(json!("2026-Q2")))
    );
    assert_eq!(
        window("1.3"),
        (Some(json!("2026-Q1")), Some(json!("2026-Q2")))
    );
    assert_eq!(
        window("2.1"),
        (Some(json!("2026-05")), Some(json!("2026-05")))
    );
    assert_eq!(window("2.2"), (None, Some(json!("2027"))));
    assert_eq!(window("2.3"), (Some(json!("2025")), Some(json!("2027"))));
    assert_eq!(window("2.4"), (None, None));
    assert_eq!(
        m("1.1")["funding"],
        json!(["state_budget", "external_grant"])
    );
    assert_eq!(m("1.2")["funding"], json!(["not_required"]));
    assert_eq!(m("2.1")["funding"], json!(["own_funds"]));
    assert_eq!(m("1.1")["direction"], "1");
    assert_eq!(m("2.1")["direction"], "2");
    assert_eq!(
        m("1.1")["expected_result"]["az"],
        "Fondların 60 faizi rəqəmsal"
    );
    // executors: names become organisations, a near miss is "did you mean"
    let orgs: Vec<&str> = doc["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"]["az"].as_str().unwrap())
        .collect();
    assert_eq!(
        orgs,
        ["Mədəniyyət Nazirliyi", "İKT Mərkəzi", "Milli Kitabxana"]
    );
    let moc = m("1.1")["main_executor"].clone();
    assert_eq!(m("2.3")["main_executor"], moc);
    assert_eq!(m("1.1")["other_executors"].as_array().unwrap().len(), 2);
    let diags = s.validate();
    let near = diags
        .iter()
        .find(|d| d.code == Code::UnknownReference && d.cell.as_deref() == Some("C8"))
        .expect("did you mean");
    assert_eq!(
        near.suggestion.as_ref(),
        moc.as_str().map(str::to_owned).as_ref()
    );
    assert_eq!(near.sheet.as_deref(), Some("Əlavə 1"));
    // an unreadable period: a finding on its cell, in its text too
    let bad = diags
        .iter()
        .find(|d| d.code == Code::UnreadableCell)
        .expect("unreadable period");
    assert_eq!(
        (bad.sheet.as_deref(), bad.cell.as_deref()),
        (Some("Əlavə 1"), Some("E14"))
    );
    assert!(
        bad.to_string().contains("E14") && bad.message.contains("V rübü"),
        "{bad}"
    );
    // a period outside the strategy: validation's diagnostic, placed on the cell
    let out = diags
        .iter()
        .find(|d| d.code == Code::PeriodOutsideStrategy)
        .expect("outside");
    assert_eq!(
        (out.id.as_deref(), out.cell.as_deref()),
        (Some("2.5"), Some("E15"))
    );
    // the note beside the table
    let note = diags
        .iter()
        .find(|d| d.code == Code::UnplacedCell)
        .expect("the note");
    assert_eq!(note.cell.as_deref(), Some("H16"));
    assert!(note.message.contains("ilkin hesablamadır"));
    // nothing else is lost: every finding is one of these
    assert_eq!(
        diags
            .iter()
            .filter(|d| matches!(d.code, Code::UnreadableCell | Code::UnplacedCell))
            .count(),
        2,
        "{diags:#?}"
    );
    // and the rest of the plan answers
    assert_eq!(s.waves().unwrap().concat().len(), 8);
    // it round trips too
    assert_lossless(&s, "the ministry's plan");
}

#[test]
fn english_and_russian_headings_and_a_csv() {
    let en = "Action plan 2025-2026\nNo.,Measure,Executors,Execution period,Funding source,Expected result\n1.1,Portal,Ministry of Culture; ICT Centre,Q2 2025,State budget and grants,Live\n1.2,Archive,ICT Centre,first half of 2026,No funding required,\n";
    let s = Strategy::from_csv(en.as_bytes(), None).unwrap();
    let d = serde_json::to_value(s.document()).unwrap();
    assert_eq!(d["measures"][0]["title"]["en"], "Portal");
    assert_eq!(d["measures"][0]["start"], "2025-Q2");
    assert_eq!(d["measures"][1]["start"], "2026-Q1");
    assert_eq!(d["measures"][1]["deadline"], "2026-Q2");
    assert_eq!(
        d["measures"][0]["funding"],
        json!(["state_budget", "external_grant"])
    );
    assert_eq!(
        d["measures"][0]["other_executors"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        d["strategy"]["period"],
        json!({"start": "2025", "end": "2026"})
    );
    let ru = "№ п/п;Наименование мероприятия;Основной исполнитель;Срок исполнения;Источник финансирования\n1.1;Портал;Министерство культуры;II квартал 2025 года;Государственный бюджет\n1.2;Архив;Министерство культуры;до конца 2026 года;Не требуется\n1.3;Сайт;Министерство культуры;май 2026 года;Собственные средства\n";
    let s = Strategy::from_csv(ru.as_bytes(), None).unwrap();
    let d = serde_json::to_value(s.document()).unwrap();
    assert_eq!(d["measures"][0]["title"]["ru"], "Портал");
    assert_eq!(d["measures"][0]["start"], "2025-Q2");
    assert!(d["measures"][1].get("start").is_none());
    assert_eq!(d["measures"][1]["deadline"], "2026");
    assert_eq!(d["measures"][2]["start"], "2026-05");
    assert_eq!(d["measures"][2]["funding"], json!(["own_funds"]));
    assert_eq!(d["organizations"][0]["kind"], "ministry");
}

#[test]
fn any_other_layout_through_a_mapping() {
    let text = "Code,Action,Lead,When,Remarks\nA-1,Portal,MoC,2025,keep\nA-2,Archive,MoC,2026,\n";
    assert!(
        Strategy::from_csv(text.as_bytes(), None).is_err() || {
            let s = Strategy::from_csv(text.as_bytes(), None).unwrap();
            s.document().measures.is_empty()
        }
    );
    let mapping = eculture::sheets::Mapping::new([
        ("Code", "id"),
        ("Action", "title"),
        ("Lead", "main_executor"),
        ("When", "period"),
        ("E", "ignore"),
    ]);
    let s = Strategy::from_csv(text.as_bytes(), Some(&mapping)).unwrap();
    let d = serde_json::to_value(s.document()).unwrap();
    assert_eq!(d["measures"][1]["id"], "A-2");
    assert_eq!(
        d["measures"][1]["title"]["en"], "Archive",
        "`Action` is an English heading"
    );
    assert_eq!(d["measures"][0]["deadline"], "2025");
    assert!(
        s.validate().iter().all(|d| d.code != Code::UnplacedCell),
        "the mapping ignores column E: {:#?}",
        s.validate()
    );
}

/// Every cell of every sheet: shares and dates must not be text.
fn assert_typed(bytes: &[u8], what: &str) -> (usize, usize) {
    use calamine::{Data, Reader};
    let mut wb =
        calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let (mut dates, mut numbers) = (0, 0);
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).unwrap();
        for (r, c, v) in range.used_cells() {
            match v {
                Data::String(s) => {
                    let t = s.trim();
                    let percent = t
                        .strip_suffix('%')
                        .is_some_and(|n| n.trim().parse::<f64>().is_ok());
                    let iso = t.len() == 10 && t.parse::<jiff::civil::Date>().is_ok();
                    assert!(
                        !percent && !iso,
                        "{what}: sheet {name} ({r}, {c}) holds `{s}` as text"
                    );
                }
                Data::DateTime(_) => dates += 1,
                Data::Float(_) | Data::Int(_) => numbers += 1,
                _ => {}
            }
        }
    }
    (dates, numbers)
}

#[test]
fn every_workbook_stores_numbers_percentages_and_dates_typed() {
    use eculture::monitoring::MonitoringReportOptions;
    let s = Strategy::e_culture();
    let r = s
        .monitoring_report(&MonitoringReportOptions {
            year: Some(2025),
            ..Default::default()
        })
        .unwrap();
    let bytes = r.to_xlsx().unwrap();
    let (dates, numbers) = assert_typed(&bytes, "monitoring report");
    assert!(
        dates > 10 && numbers > 50,
        "{dates} dates, {numbers} numbers"
    );
    // the execution rate is a share: a number between 0 and 1 (shown as a percentage)
    use calamine::{Data, Reader};
    let mut wb = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let sheet = wb.worksheet_range("Execution by direction").unwrap();
    let head: Vec<String> = sheet
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|d| d.to_string())
        .collect();
    let rate = head
        .iter()
        .position(|h| h == "rate")
        .expect("a rate column");
    let shares: Vec<f64> = sheet
        .rows()
        .skip(1)
        .filter_map(|row| match &row[rate] {
            Data::Float(x) => Some(*x),
            _ => None,
        })
        .collect();
    assert!(
        !shares.is_empty() && shares.iter().all(|x| (0.0..=1.0).contains(x)),
        "{shares:?}"
    );
    let plan = s.to_xlsx().unwrap();
    let (dates, numbers) = assert_typed(&plan, "action plan");
    assert!(
        dates > 10 && numbers > 100,
        "{dates} dates, {numbers} numbers"
    );
}

#[test]
fn report_workbooks_lock_the_plan_and_know_their_plan() {
    use calamine::{Data, Reader};
    use eculture::model::Lang;
    let s = Strategy::e_culture();
    let books = s.report_workbooks("2025", Lang::En).unwrap();
    assert!(books.len() > 5);
    let moc = &books["moc"];
    let mut wb = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(moc.clone())).unwrap();
    assert_eq!(wb.sheet_names(), ["Report", "Indicators", "eculture"]);
    let hidden = wb
        .sheets_metadata()
        .iter()
        .find(|m| m.name == "eculture")
        .unwrap()
        .visible;
    assert_eq!(hidden, calamine::SheetVisible::Hidden);
    let report = wb.worksheet_range("Report").unwrap();
    let head: Vec<String> = report
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert_eq!(
        head,
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
            "Evidence"
        ]
    );
    assert!(
        matches!(report.get((1, 3)), Some(Data::DateTime(_))),
        "planned dates are date cells"
    );
    // an unfilled workbook adds nothing, and says so; another plan's workbook is refused
    let same = s
        .collect_reports(&[("moc.xlsx".into(), moc.clone())], None, false)
        .unwrap();
    assert_eq!(same.document().reports.len(), s.document().reports.len());
    assert!(
        same.validate()
            .iter()
            .any(|d| d.message.contains("moc.xlsx: nothing is filled in"))
    );
    let mut doc = s.document().clone();
    doc.measures[0].duration_days = Some(1);
    let other = Strategy::new(doc)
        .collect_reports(&[("moc.xlsx".into(), moc.clone())], None, false)
        .unwrap();
    let d = other
        .validate()
        .iter()
        .find(|d| d.message.contains("another version"))
        .expect("refused");
    assert_eq!(
        (d.sheet.as_deref(), d.cell.as_deref()),
        (Some("eculture"), Some("B1"))
    );
    assert!(s.report_workbooks("20x5", Lang::Az).is_err());
}
