//! A portfolio of programmes (`eculture::Portfolio`): qualified ids, dependencies across
//! programmes, the shared sector map, and the operations of one merged plan.

use eculture::monitoring::GroupBy;
use eculture::{Code, Error, Portfolio, Severity, Strategy};
use serde_json::{Value, json};

fn programme(id: &str, measures: Value) -> Value {
    json!({
      "strategy": {"id": id, "title": {"az": id, "en": format!("Programme {id}")},
                   "period": {"start": "2024-01-01", "end": "2026-12-31"},
                   "coordinating_body": "moc", "monitoring_body": "caerc"},
      "organizations": [{"id": "moc", "name": {"en": "Ministry of Culture"}, "kind": "ministry"},
                        {"id": "caerc", "name": {"en": "CAERC"}, "kind": "analysis_centre"}],
      "directions": [{"id": "D1", "title": {"en": "Direction one"}}],
      "clusters": [{"id": "libraries", "title": {"en": "Libraries"}}],
      "modules": [{"id": "catalogue", "title": {"en": "E-catalogue"}, "applies_to": {"all": true}}],
      "measures": measures
    })
}

fn m(id: &str, days: i64, deps: &[&str]) -> Value {
    json!({"id": id, "direction": "D1", "title": {"en": format!("Measure {id}")},
           "main_executor": "moc", "duration_days": days, "depends_on": deps,
           "status": "executed",
           "targets": [{"module": "catalogue", "clusters": ["libraries"]}]})
}

fn s(v: Value) -> Strategy {
    Strategy::from_value(v).unwrap()
}

fn pair() -> (Strategy, Strategy) {
    let a = s(programme(
        "A",
        json!([m("a1", 10, &[]), m("a2", 5, &["a1"])]),
    ));
    let b = s(programme(
        "B",
        json!([m("b1", 3, &["A:a2"]), m("b2", 4, &["b1"])]),
    ));
    (a, b)
}

#[test]
fn measures_depend_on_other_programmes_by_qualified_id() {
    let (a, b) = pair();
    let p = Portfolio::from_strategies(vec![a, b]).unwrap();
    assert_eq!(p.programmes(), ["A", "B"]);
    let st = p.strategy();
    let ids: Vec<&str> = st
        .document()
        .measures
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(ids, ["A:a1", "A:a2", "B:b1", "B:b2"]);
    let errors: Vec<_> = p
        .validate()
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(st.find_cycle().unwrap(), None);
    let sch = st.schedule(&Default::default()).unwrap();
    let rec = |id: &str| sch.record(id).unwrap().unwrap();
    assert_eq!(
        rec("B:b1").early_start,
        15,
        "B's first measure waits for A's last"
    );
    assert_eq!(sch.duration_days(), 22);
    assert_eq!(st.impact(&["A:a1"]).unwrap(), ["A:a2", "B:b1", "B:b2"]);
    assert_eq!(eculture::portfolio::programme_of("B:b1"), Some("B"));
}

#[test]
fn a_cycle_across_programmes_is_found_with_qualified_ids() {
    let a = s(programme(
        "A",
        json!([m("a1", 10, &["B:b2"]), m("a2", 5, &["a1"])]),
    ));
    let (_, b) = pair();
    let p = Portfolio::from_strategies(vec![a, b]).unwrap();
    let cycle = p.strategy().find_cycle().unwrap().unwrap();
    assert!(cycle.iter().any(|x| x.starts_with("A:")) && cycle.iter().any(|x| x.starts_with("B:")));
    assert!(matches!(
        p.strategy().schedule(&Default::default()),
        Err(Error::Cycle(_))
    ));
}

#[test]
fn outside_a_portfolio_a_qualified_dependency_is_a_non_blocking_finding() {
    let (_, b) = pair();
    let d: Vec<_> = b
        .validate()
        .iter()
        .filter(|d| d.code == Code::ExternalDependency)
        .collect();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].severity, Severity::Warning);
    assert_eq!(d[0].path, "measures[0].depends_on[0]");
    assert!(d[0].message.contains("programme `A`"), "{}", d[0].message);
    assert_eq!(b.schedule(&Default::default()).unwrap().duration_days(), 7);
    // inside a portfolio, an unknown measure of a known programme is an error
    let a = s(programme("A", json!([m("a1", 10, &[]), m("a3", 5, &[])])));
    let p = Portfolio::from_strategies(vec![a, b]).unwrap();
    let bad: Vec<_> = p
        .validate()
        .into_iter()
        .filter(|d| d.code == Code::UnknownReference)
        .collect();
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert!(bad[0].message.contains("`A:a2`"), "{}", bad[0].message);
}

#[test]
fn execution_rate_by_programme_and_the_cells_programmes() {
    let (a, b) = pair();
    let p = Portfolio::from_strategies(vec![a, b]).unwrap();
    let o = eculture::monitoring::ExecutionRateOptions {
        by: GroupBy::Programme,
        scope: eculture::monitoring::Scope::Active,
        ..Default::default()
    };
    let r = p.strategy().execution_rate(&o).unwrap();
    let groups: Vec<&str> = r.records.iter().map(|x| x.group.as_str()).collect();
    assert_eq!(groups, ["A", "B"]);
    // a plain strategy is its own programme
    let (a, _) = pair();
    let r = a.execution_rate(&o).unwrap();
    assert_eq!(
        r.records
            .iter()
            .map(|x| x.group.as_str())
            .collect::<Vec<_>>(),
        ["A"]
    );
    assert_eq!(
        p.cell_programmes("libraries", "catalogue").unwrap(),
        ["A", "B"]
    );
    assert!(
        p.cell_programmes("museums", "catalogue")
            .unwrap()
            .is_empty()
    );
}

#[test]
fn the_shared_map_keeps_the_first_definition_and_says_so() {
    let (a, _) = pair();
    let mut v = programme("B", json!([m("b1", 3, &[])]));
    v["organizations"][0]["name"]["en"] = json!("Ministry of Culture and Tourism");
    let p = Portfolio::from_strategies(vec![a, s(v)]).unwrap();
    let c: Vec<_> = p
        .validate()
        .into_iter()
        .filter(|d| d.code == Code::PortfolioConflict)
        .collect();
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].path, "programmes[1].organizations[0]");
    assert_eq!(p.strategy().document().organizations.len(), 2);
    assert_eq!(
        p.strategy().document().organizations[0].name.best(),
        "Ministry of Culture"
    );
}

#[test]
fn bad_portfolios_are_argument_errors() {
    let (a, _) = pair();
    for (list, needle) in [
        (vec![], "at least one programme"),
        (vec![a.clone(), a.clone()], "given twice"),
        (vec![s(programme("X:Y", json!([])))], "holds `:`"),
    ] {
        match Portfolio::from_strategies(list) {
            Err(Error::Argument(e)) => assert!(e.message().contains(needle), "{}", e.message()),
            other => panic!("expected an argument error, got {other:?}"),
        }
    }
}

#[test]
fn a_portfolio_file_lists_programmes_by_path_or_inline() {
    let dir = std::env::temp_dir().join(format!("eculture-portfolio-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b) = pair();
    a.save(dir.join("a.yaml")).unwrap();
    let inline = serde_json::to_value(b.document()).unwrap();
    let file = json!({"portfolio": {"id": "ministry", "title": {"en": "Ministry portfolio"}},
                      "programmes": [{"path": "a.yaml"}, inline]});
    std::fs::write(dir.join("portfolio.json"), file.to_string()).unwrap();
    let p = Portfolio::load(dir.join("portfolio.json")).unwrap();
    assert_eq!((p.id(), p.programmes()), ("ministry", vec!["A", "B"]));
    assert_eq!(
        p.strategy().document().strategy.title.best(),
        "Ministry portfolio"
    );
    std::fs::write(
        dir.join("bad.json"),
        r#"{"programmes": [{"path": "missing.yaml"}]}"#,
    )
    .unwrap();
    match Portfolio::load(dir.join("bad.json")) {
        Err(Error::Argument(e)) => assert_eq!(e.path(), Some("programmes[0]")),
        other => panic!("{other:?}"),
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_gantt_chart_has_a_lane_per_programme() {
    let (a, b) = pair();
    let p = Portfolio::from_strategies(vec![a, b]).unwrap();
    let svg = p
        .strategy()
        .gantt_svg(&Default::default(), &Default::default())
        .unwrap();
    let (ia, ib) = (
        svg.find("Programme A · Direction one"),
        svg.find("Programme B · Direction one"),
    );
    assert!(
        ia.is_some() && ib.is_some() && ia < ib,
        "lanes in programme order"
    );
}

#[test]
fn e_culture_twice_is_twice_the_plan() {
    let e = Strategy::e_culture();
    let mut v = serde_json::to_value(e.document()).unwrap();
    v["strategy"]["id"] = json!("copy");
    let p = Portfolio::from_strategies(vec![e.clone(), s(v)]).unwrap();
    let n = e.document().measures.len();
    assert_eq!(p.strategy().document().measures.len(), 2 * n);
    let one = e.schedule(&Default::default()).unwrap();
    let two = p.strategy().schedule(&Default::default()).unwrap();
    assert_eq!(one.duration_days(), two.duration_days());
    assert!(
        p.validate()
            .iter()
            .all(|d| d.severity != Severity::Error || d.blocks().is_none())
    );
}
