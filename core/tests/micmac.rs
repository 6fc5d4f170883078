//! MICMAC structural analysis (`Strategy::micmac`, `docs/micmac.md`).
//!
//! **No published worked example was checked.** No public MICMAC example with its matrix and
//! its published direct and indirect sums could be found and reproduced exactly; the worked
//! example below is built from Godet's definitions (M. Godet, *From Anticipation to Action: A
//! Handbook of Strategic Prospective*, UNESCO Publishing, 1994, ch. 4 "Structural analysis":
//! influence = row sum, dependence = column sum, indirect = sums of the powers of the matrix
//! until the ranking is stable) on a small matrix, with every number computed by hand in the
//! comments and checked against a dense matrix product in the test itself.

use eculture::micmac::{MICMAC_MAX_POWER, MicmacStop};
use eculture::{
    Error, Influence, Micmac, MicmacLevel, MicmacOptions, Quadrant, RenderOptions, Strategy,
};
use serde_json::{Value, json};

fn plan(directions: &[&str], measures: Vec<Value>, modules: Value) -> Strategy {
    let dirs: Vec<Value> = directions
        .iter()
        .map(|d| json!({"id": d, "title": {"en": format!("Direction {d}")}}))
        .collect();
    let v = json!({
        "strategy": {"id": "t", "title": {"az": "t", "en": "t"},
                     "period": {"start": "2024-01-01", "end": "2026-12-31"}},
        "organizations": [{"id": "O", "name": {"en": "O"}, "kind": "ministry"}],
        "directions": dirs,
        "clusters": [{"id": "c", "title": {"en": "c"}}],
        "modules": modules,
        "measures": measures,
    });
    let s = Strategy::from_json(&v.to_string()).unwrap();
    assert!(s.is_valid(), "{:?}", s.validate());
    s
}

fn m(id: &str, dir: &str, deps: &[&str]) -> Value {
    json!({"id": id, "direction": dir, "title": {"en": format!("Measure {id}")},
           "main_executor": "O", "duration_days": 10, "depends_on": deps})
}

fn no_modules() -> Value {
    json!([{"id": "A", "title": {"en": "A"}, "applies_to": {"all": true}}])
}

fn table(rows: &[&[u8]], ids: &[&str]) -> Vec<Influence> {
    let mut out = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        for (j, &w) in row.iter().enumerate() {
            if w > 0 {
                out.push(Influence {
                    from: ids[i].to_owned(),
                    to: ids[j].to_owned(),
                    intensity: w,
                });
            }
        }
    }
    out
}

/// Dense reference: row and column sums of `M^k`, and the power the stopping rule picks.
fn dense(mat: &[Vec<f64>]) -> (u32, Vec<f64>, Vec<f64>) {
    let n = mat.len();
    let mul = |a: &[Vec<f64>], b: &[Vec<f64>]| -> Vec<Vec<f64>> {
        (0..n)
            .map(|i| {
                (0..n)
                    .map(|j| (0..n).map(|k| a[i][k] * b[k][j]).sum())
                    .collect()
            })
            .collect()
    };
    let sums = |p: &[Vec<f64>]| -> (Vec<f64>, Vec<f64>) {
        (
            p.iter().map(|r| r.iter().sum()).collect(),
            (0..n).map(|j| p.iter().map(|r| r[j]).sum()).collect(),
        )
    };
    let order = |v: &[f64]| {
        let mut o: Vec<usize> = (0..n).collect();
        o.sort_by(|&a, &b| v[b].total_cmp(&v[a]).then(a.cmp(&b)));
        o
    };
    let mut p = mat.to_vec();
    let (mut r, mut c) = sums(&p);
    if r.iter().all(|&x| x == 0.0) {
        return (1, r, c);
    }
    let mut k = 1;
    while k < MICMAC_MAX_POWER {
        let q = mul(&p, mat);
        let (nr, nc) = sums(&q);
        if nr.iter().all(|&x| x == 0.0) {
            break;
        }
        let same = order(&nr) == order(&r) && order(&nc) == order(&c);
        p = q;
        r = nr;
        c = nc;
        k += 1;
        if same {
            break;
        }
    }
    (k, r, c)
}

fn by_id<'a>(m: &'a Micmac, id: &str) -> &'a eculture::MicmacRecord {
    m.records.iter().find(|r| r.id == id).unwrap()
}

/// The worked example: five variables V1..V5 scored 0-3 (row influences column).
///
/// ```text
///        V1 V2 V3 V4 V5 | influence
///   V1    0  3  2  0  1 |  6
///   V2    0  0  1  2  0 |  3
///   V3    1  0  0  3  0 |  4
///   V4    0  0  0  0  2 |  2
///   V5    0  1  0  0  0 |  1
///   dependence 1  4  3  5  3   (total 16, mean 3.2 on both axes)
/// ```
///
/// Quadrants (strictly above the mean 3.2 is high): V1 (6, 1) influential, V2 (3, 4)
/// dependent, V3 (4, 3) influential, V4 (2, 5) dependent, V5 (1, 3) autonomous.
///
/// `M²` (row i · column j): V1 = [2 1 3 12 0] (e.g. V1→V4: 3·2 + 2·3 = 12), V2 = [1 0 0 3 4],
/// V3 = [0 3 2 0 7], V4 = [0 2 0 0 0], V5 = [0 0 1 2 0]; row sums 18 8 12 2 3, column sums
/// 3 6 6 17 11. Influence ranking V1 V3 V2 V5 V4 (it moved: V4 and V5 swap), so the powers go
/// on. The rankings by row and column sums, power by power (ties by document order):
///
/// ```text
///   k  row sums                    influence   column sums                 dependence
///   1  6 3 4 2 1                   1 3 2 4 5   1 4 3 5 3                   4 2 3 5 1
///   2  18 8 12 2 3                 1 3 2 5 4   3 6 6 17 11                 4 5 2 3 1
///   3  51 16 24 6 8                1 3 2 5 4   6 20 12 30 37               5 4 2 3 1
///   4  104 36 69 16 16             1 3 2 4 5   12 55 32 76 66              4 5 2 3 1
///   5  262 101 152 32 36           1 3 2 5 4   32 102 79 206 164           4 5 2 3 1
///   6  643 216 358 72 101          1 3 2 5 4   79 260 166 441 444          5 4 2 3 1
///   7  1465 502 859 202 216        1 3 2 5 4   166 681 418 1018 961        4 5 2 3 1
///   8  3440 1263 2071 432 502      1 3 2 5 4   418 1459 1013 2616 2202     4 5 2 3 1
/// ```
///
/// Both rankings first repeat from k = 7 to k = 8: the indirect values are those of `M⁸`
/// (each row of the table is the previous one times `M`, e.g. row sums of `M³`:
/// `M·(18 8 12 2 3)` = (3·8 + 2·12 + 3, 12 + 2·2, 18 + 3·2, 2·3, 8) = (51 16 24 6 8)).
/// Indirect means 7708 / 5 = 1541.6: V1 (3440, 418) influential, V2 (1263, 1459) autonomous,
/// V3 (2071, 1013) influential, V4 (432, 2616) dependent, V5 (502, 2202) dependent.
/// Influence ranks direct 1 3 2 4 5, indirect 1 3 2 5 4: displacement 0 0 0 −1 +1.
#[test]
fn worked_example_from_godets_definitions() {
    let ids = ["V1", "V2", "V3", "V4", "V5"];
    let rows: [&[u8]; 5] = [
        &[0, 3, 2, 0, 1],
        &[0, 0, 1, 2, 0],
        &[1, 0, 0, 3, 0],
        &[0, 0, 0, 0, 2],
        &[0, 1, 0, 0, 0],
    ];
    // the variables as directions of a plan without dependencies
    let s = plan(&ids, vec![m("x", "V1", &[])], no_modules());
    let opts = MicmacOptions {
        level: MicmacLevel::Direction,
        influences: Some(table(&rows, &ids)),
    };
    let r = s.micmac(&opts).unwrap();
    assert!(r.from_table);
    assert_eq!(r.links, 9);
    assert_eq!((r.power, r.stop), (8, MicmacStop::Stable));
    let col =
        |f: fn(&eculture::MicmacRecord) -> f64| -> Vec<f64> { r.records.iter().map(f).collect() };
    assert_eq!(col(|x| x.influence as f64), [6.0, 3.0, 4.0, 2.0, 1.0]);
    assert_eq!(col(|x| x.dependence as f64), [1.0, 4.0, 3.0, 5.0, 3.0]);
    assert_eq!(
        col(|x| x.indirect_influence),
        [3440.0, 1263.0, 2071.0, 432.0, 502.0]
    );
    assert_eq!(
        col(|x| x.indirect_dependence),
        [418.0, 1459.0, 1013.0, 2616.0, 2202.0]
    );
    assert_eq!((r.mean_influence, r.mean_dependence), (3.2, 3.2));
    assert_eq!(r.mean_indirect_influence, 1541.6);
    use Quadrant::*;
    let q: Vec<Quadrant> = r.records.iter().map(|x| x.quadrant).collect();
    assert_eq!(
        q,
        [Influential, Dependent, Influential, Dependent, Autonomous]
    );
    let q: Vec<Quadrant> = r.records.iter().map(|x| x.indirect_quadrant).collect();
    assert_eq!(
        q,
        [Influential, Autonomous, Influential, Dependent, Dependent]
    );
    let ranks =
        |f: fn(&eculture::MicmacRecord) -> u32| -> Vec<u32> { r.records.iter().map(f).collect() };
    assert_eq!(ranks(|x| x.rank_influence), [1, 3, 2, 4, 5]);
    assert_eq!(ranks(|x| x.rank_indirect_influence), [1, 3, 2, 5, 4]);
    assert_eq!(ranks(|x| x.rank_dependence), [5, 2, 3, 1, 4]);
    assert_eq!(ranks(|x| x.rank_indirect_dependence), [5, 3, 4, 1, 2]);
    let d: Vec<i64> = r.records.iter().map(|x| x.displacement).collect();
    assert_eq!(d, [0, 0, 0, -1, 1]);

    // the dense reference agrees
    let mat: Vec<Vec<f64>> = rows
        .iter()
        .map(|row| row.iter().map(|&w| f64::from(w)).collect())
        .collect();
    let (k, ri, ci) = dense(&mat);
    assert_eq!(k, 8);
    assert_eq!(ri, col(|x| x.indirect_influence));
    assert_eq!(ci, col(|x| x.indirect_dependence));
}

#[test]
fn a_chain_and_a_star_have_known_answers() {
    // chain a → b → c: M² has only a→c, M³ = 0
    let s = plan(
        &["D"],
        vec![m("a", "D", &[]), m("b", "D", &["a"]), m("c", "D", &["b"])],
        no_modules(),
    );
    let r = s.micmac(&MicmacOptions::default()).unwrap();
    assert_eq!(r.level, MicmacLevel::Measure);
    assert_eq!((r.power, r.stop), (2, MicmacStop::NoLongerPaths));
    assert_eq!(r.links, 2);
    let f: Vec<(u64, u64, f64, f64)> = r
        .records
        .iter()
        .map(|x| {
            (
                x.influence,
                x.dependence,
                x.indirect_influence,
                x.indirect_dependence,
            )
        })
        .collect();
    assert_eq!(f, [(1, 0, 1.0, 0.0), (1, 1, 0.0, 0.0), (0, 1, 0.0, 1.0)]);
    use Quadrant::*;
    let q: Vec<Quadrant> = r.records.iter().map(|x| x.quadrant).collect();
    assert_eq!(q, [Influential, Relay, Dependent]);
    // b falls behind c only by document order in the indirect ranking: both 0
    assert_eq!(by_id(&r, "b").rank_indirect_influence, 2);
    assert_eq!(by_id(&r, "c").rank_indirect_influence, 3);

    // star: h → s1..s4; M² = 0, the indirect values are the direct ones
    let mut ms = vec![m("h", "D", &[])];
    for k in 1..=4 {
        ms.push(m(&format!("s{k}"), "D", &["h"]));
    }
    let s = plan(&["D"], ms, no_modules());
    let r = s.micmac(&MicmacOptions::default()).unwrap();
    assert_eq!((r.power, r.stop), (1, MicmacStop::NoLongerPaths));
    assert_eq!(r.mean_influence, 0.8);
    assert_eq!(by_id(&r, "h").influence, 4);
    assert_eq!(by_id(&r, "h").quadrant, Influential);
    assert_eq!(r.in_quadrant(Dependent).count(), 4);
    assert!(
        r.records
            .iter()
            .all(|x| x.displacement == 0 && x.indirect_influence == x.influence as f64)
    );
}

#[test]
fn quadrant_thresholds_are_strictly_above_the_mean() {
    // a ring: every value equals the mean, so nothing is high
    let ids = ["A", "B", "C"];
    let s = plan(&ids, vec![m("x", "A", &[])], no_modules());
    let rows: [&[u8]; 3] = [&[0, 2, 0], &[0, 0, 2], &[2, 0, 0]];
    let r = s
        .micmac(&MicmacOptions {
            level: MicmacLevel::Direction,
            influences: Some(table(&rows, &ids)),
        })
        .unwrap();
    assert!(r.records.iter().all(|x| x.quadrant == Quadrant::Autonomous));
    assert_eq!((r.power, r.stop), (2, MicmacStop::Stable));
    assert_eq!(by_id(&r, "A").indirect_influence, 4.0);
    // no links at all: all autonomous, power 1
    let r = s
        .micmac(&MicmacOptions {
            level: MicmacLevel::Direction,
            influences: Some(Vec::new()),
        })
        .unwrap();
    assert_eq!(
        (r.power, r.stop, r.links),
        (1, MicmacStop::NoLongerPaths, 0)
    );
    assert!(r.records.iter().all(|x| x.quadrant == Quadrant::Autonomous));
    // one point just above the mean on one axis
    let rows: [&[u8]; 3] = [&[0, 1, 1], &[0, 0, 0], &[0, 0, 0]];
    let r = s
        .micmac(&MicmacOptions {
            level: MicmacLevel::Direction,
            influences: Some(table(&rows, &ids)),
        })
        .unwrap();
    // mean 2/3: A (2, 0) influential, B and C (0, 1) dependent
    let q: Vec<Quadrant> = r.records.iter().map(|x| x.quadrant).collect();
    assert_eq!(
        q,
        [
            Quadrant::Influential,
            Quadrant::Dependent,
            Quadrant::Dependent
        ]
    );
}

/// The measure level through the graph's junctions equals the dense matrix of the expanded
/// dependency list.
fn check_against_dependencies(s: &Strategy) {
    let r = s.micmac(&MicmacOptions::default()).unwrap();
    let doc = s.document();
    let n = doc.measures.len();
    let pos = |id: &str| {
        doc.measures
            .iter()
            .position(|m| m.id.as_str() == id)
            .unwrap()
    };
    let mut mat = vec![vec![0.0; n]; n];
    for d in s.dependencies().unwrap() {
        let (a, b) = (pos(&d.from), pos(&d.to));
        if a != b {
            mat[a][b] += 1.0;
        }
    }
    let (k, ri, ci) = dense(&mat);
    assert_eq!(r.power, k);
    for (i, x) in r.records.iter().enumerate() {
        assert_eq!(x.influence as f64, mat[i].iter().sum::<f64>(), "{}", x.id);
        assert_eq!(
            x.dependence as f64,
            mat.iter().map(|row| row[i]).sum::<f64>()
        );
        assert_eq!(x.indirect_influence, ri[i], "{}", x.id);
        assert_eq!(x.indirect_dependence, ci[i], "{}", x.id);
    }
}

#[test]
fn measure_level_counts_module_requirements_through_junctions() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/golden/derived_junction/input.json"
    ))
    .unwrap();
    let s = Strategy::from_json(&text).unwrap();
    assert!(s.graph().unwrap().node_count() > s.graph().unwrap().measure_count());
    check_against_dependencies(&s);
    // p1 is a prerequisite of c1, c2, c3 (module `top` requires `base` in cluster x)
    let r = s.micmac(&MicmacOptions::default()).unwrap();
    assert!(by_id(&r, "p1").influence >= 3);
    check_against_dependencies(&Strategy::e_culture());
}

#[test]
fn e_culture_by_direction_and_by_module() {
    let s = Strategy::e_culture();
    let doc = s.document();
    let r = s
        .micmac(&MicmacOptions {
            level: MicmacLevel::Direction,
            influences: None,
        })
        .unwrap();
    assert!(!r.from_table);
    assert_eq!(r.records.len(), doc.directions.len());
    assert!(r.links > 0);
    // intensities are 1..=3 and the strongest link is 3
    let total: u64 = r.records.iter().map(|x| x.influence).sum();
    assert_eq!(total, r.records.iter().map(|x| x.dependence).sum::<u64>());
    assert!(total <= 3 * r.links && total >= r.links);
    assert!(
        r.records
            .iter()
            .any(|x| x.quadrant == Quadrant::Influential || x.quadrant == Quadrant::Relay)
    );
    // the same matrix from the expanded dependency list: counts between directions, scored
    // ⌈3·c / cmax⌉
    let dir_of = |id: &str| {
        let m = doc.measures.iter().find(|m| m.id.as_str() == id).unwrap();
        doc.directions
            .iter()
            .position(|d| d.id == m.direction)
            .unwrap()
    };
    let nd = doc.directions.len();
    let mut counts = vec![vec![0u64; nd]; nd];
    for d in s.dependencies().unwrap() {
        let (a, b) = (dir_of(&d.from), dir_of(&d.to));
        if a != b {
            counts[a][b] += 1;
        }
    }
    let cmax = counts.iter().flatten().copied().max().unwrap();
    let score = |c: u64| (3 * c).div_ceil(cmax);
    for (k, x) in r.records.iter().enumerate() {
        assert_eq!(
            x.influence,
            counts[k].iter().map(|&c| score(c)).sum::<u64>()
        );
        assert_eq!(
            x.dependence,
            counts.iter().map(|row| score(row[k])).sum::<u64>()
        );
    }
    let mut ranks: Vec<u32> = r.records.iter().map(|x| x.rank_influence).collect();
    ranks.sort();
    assert_eq!(ranks, (1..=doc.directions.len() as u32).collect::<Vec<_>>());

    let r = s
        .micmac(&MicmacOptions {
            level: MicmacLevel::Module,
            influences: None,
        })
        .unwrap();
    assert_eq!(r.records.len(), doc.modules.len());
    let requirements: usize = doc.modules.iter().map(|m| m.requires.len()).sum();
    assert_eq!(r.links as usize, requirements);
    // a module that many others require influences; one requiring others depends
    for (k, m) in doc.modules.iter().enumerate() {
        assert_eq!(
            r.records[k].dependence as usize,
            m.requires.len(),
            "{}",
            m.id
        );
        let required_by = doc
            .modules
            .iter()
            .filter(|o| o.requires.iter().any(|q| q.module == m.id))
            .count();
        assert_eq!(r.records[k].influence as usize, required_by, "{}", m.id);
    }
}

#[test]
fn deterministic_and_the_same_as_json() {
    let s = Strategy::e_culture();
    for level in [
        MicmacLevel::Measure,
        MicmacLevel::Direction,
        MicmacLevel::Module,
    ] {
        let opts = MicmacOptions {
            level,
            influences: None,
        };
        let a = s.micmac(&opts).unwrap();
        let b = Strategy::e_culture().micmac(&opts).unwrap();
        assert_eq!(a, b);
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, serde_json::to_string(&b).unwrap());
        let svg = s.micmac_svg(&opts, &RenderOptions::default()).unwrap();
        assert_eq!(svg, s.micmac_svg(&opts, &RenderOptions::default()).unwrap());
    }
    // options read as a binding passes them
    let opts: MicmacOptions = serde_json::from_value(json!({"level": "direction",
        "influences": [{"from": "1", "to": "2", "intensity": 3}]}))
    .unwrap();
    assert_eq!(opts.level, MicmacLevel::Direction);
    assert!(serde_json::from_value::<MicmacOptions>(json!({"levels": "x"})).is_err());
}

#[test]
fn bad_influence_tables_are_located_argument_errors() {
    let s = plan(&["alpha", "beta"], vec![m("x", "alpha", &[])], no_modules());
    let run = |t: Vec<Influence>| {
        s.micmac(&MicmacOptions {
            level: MicmacLevel::Direction,
            influences: Some(t),
        })
    };
    let inf = |f: &str, t: &str, w: u8| Influence {
        from: f.into(),
        to: t.into(),
        intensity: w,
    };
    let check = |e: Error, path: &str, words: &str| match e {
        Error::Argument(a) => {
            assert_eq!(a.path(), Some(path));
            assert!(a.message().contains(words), "{}", a.message());
        }
        other => panic!("{other:?}"),
    };
    check(
        run(vec![inf("alpha", "betta", 1)]).unwrap_err(),
        "influences[0].to",
        "unknown direction `betta`; did you mean `beta`?",
    );
    check(
        run(vec![inf("alpha", "beta", 1), inf("beta", "alpha", 4)]).unwrap_err(),
        "influences[1].intensity",
        "intensity 4",
    );
    check(
        run(vec![inf("alpha", "alpha", 1)]).unwrap_err(),
        "influences[0].to",
        "influences itself",
    );
    check(
        run(vec![inf("alpha", "beta", 1), inf("alpha", "beta", 2)]).unwrap_err(),
        "influences[1]",
        "given twice",
    );
    // intensity 0 is allowed and is no link
    let r = run(vec![inf("alpha", "beta", 0)]).unwrap();
    assert_eq!(r.links, 0);
    // measure ids at the measure level
    let r = s.micmac(&MicmacOptions {
        level: MicmacLevel::Measure,
        influences: Some(vec![inf("x", "y", 1)]),
    });
    check(r.unwrap_err(), "influences[0].to", "unknown measure `y`");
}

#[test]
fn the_map_is_a_self_contained_labelled_picture() {
    let s = Strategy::e_culture();
    let opts = MicmacOptions::default();
    let svg = s.micmac_svg(&opts, &RenderOptions::default()).unwrap();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(
        svg.contains("role=\"img\"")
            && svg.contains("<title id=\"ec-micmac-title\">")
            && svg.contains("<desc id=\"ec-micmac-desc\">")
    );
    assert!(svg.contains("Influence / dependence map (MICMAC)"));
    assert!(svg.contains("marker-end=\"url(#micmac-arrow)\""));
    assert!(svg.contains("Labels: at most the 30 most influential"));
    assert!(!svg.contains("<script") && !svg.contains("href"));
    let n = s.document().measures.len();
    assert_eq!(
        svg.matches("r=\"4\" fill=").count(),
        n + 5,
        "a dot per measure, 5 in the legend"
    );
    // Azerbaijani words
    let az = s
        .micmac_svg(&opts, &RenderOptions::lang(eculture::model::Lang::Az))
        .unwrap();
    assert!(az.contains("təsiredici"));
    // user strings are escaped
    let s = plan(
        &["<D&>"],
        vec![m("a<b", "<D&>", &[]), m("c", "<D&>", &["a<b"])],
        no_modules(),
    );
    let svg = s.micmac_svg(&opts, &RenderOptions::default()).unwrap();
    assert!(svg.contains("a&lt;b") && !svg.contains("a<b"));
}

#[test]
fn binding_options_are_read_by_the_api() {
    use eculture::api::{micmac_options, micmac_picture_options};
    let o = micmac_options(json!({"level": "module", "influences": [["A", "B", 2],
        {"from": "B", "to": "A", "intensity": 1}]}))
    .unwrap();
    assert_eq!(o.level, MicmacLevel::Module);
    let t = o.influences.unwrap();
    assert_eq!(
        (t[0].from.as_str(), t[0].to.as_str(), t[0].intensity),
        ("A", "B", 2)
    );
    assert_eq!(
        micmac_options(Value::Null).unwrap(),
        MicmacOptions::default()
    );
    let e = micmac_options(json!({"levle": "module"})).unwrap_err();
    assert!(e.to_string().contains("did you mean `level`?"), "{e}");
    let (o, r) = micmac_picture_options(json!({"level": "direction", "lang": "az"})).unwrap();
    assert_eq!(o.level, MicmacLevel::Direction);
    assert_eq!(r.lang, eculture::model::Lang::Az);
    assert!(micmac_picture_options(json!({"color": 1})).is_err());
}

#[test]
fn a_summary_line_and_a_notebook_table_for_the_bindings() {
    use eculture::api::{Summary, records_html};
    let s = Strategy::e_culture();
    let r = s
        .micmac(&MicmacOptions {
            level: MicmacLevel::Direction,
            influences: None,
        })
        .unwrap();
    let line = r.summary();
    assert!(
        line.starts_with(&format!(
            "Micmac(level=\"direction\", entities={}, links={}, power={}, stop=",
            r.records.len(),
            r.links,
            r.power
        )),
        "{line}"
    );
    let html = records_html(&line, &r.records);
    assert!(html.contains("rank_indirect_influence") && html.contains("displacement"));
}

/// `tests/golden_micmac/e_culture_direction.json`: the e-Culture plan at the direction level,
/// the JSON the Python (`py/tests/test_micmac.py`) and node (`wasm/tests/micmac.test.mjs`)
/// suites compare their results with (`UPDATE_GOLDEN=1` rewrites it).
#[test]
fn golden_e_culture_direction() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/golden_micmac/e_culture_direction.json"
    );
    let opts = MicmacOptions {
        level: MicmacLevel::Direction,
        influences: None,
    };
    let m = Strategy::e_culture().micmac(&opts).unwrap();
    let want = serde_json::to_string_pretty(&m).unwrap() + "\n";
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(std::path::Path::new(path).parent().unwrap()).unwrap();
        std::fs::write(path, &want).unwrap();
    }
    let got = std::fs::read_to_string(path).unwrap_or_default();
    assert_eq!(
        got, want,
        "{path} is stale: UPDATE_GOLDEN=1 cargo test -p eculture --test micmac"
    );
}

/// The document's `influences` of a level are the matrix when no table is given as argument:
/// the same result as that table given as argument; other levels still come from the plan.
#[test]
fn the_documents_scored_influences_are_the_matrix_of_their_level() {
    let s = plan(
        &["A", "B", "C"],
        vec![
            m("a1", "A", &[]),
            m("b1", "B", &["a1"]),
            m("c1", "C", &["b1"]),
        ],
        no_modules(),
    );
    let rows: &[&[u8]] = &[&[0, 3, 0], &[0, 0, 2], &[1, 0, 0]];
    let t = table(rows, &["A", "B", "C"]);
    let mut doc = serde_json::to_value(s.document()).unwrap();
    doc["influences"] = t
        .iter()
        .map(|i| {
            json!({"level": "direction", "from": i.from, "to": i.to, "intensity": i.intensity,
                        "source": "illustrative: a working-group workshop"})
        })
        .collect();
    let scored = Strategy::from_value(doc).unwrap();
    assert!(scored.is_valid(), "{:?}", scored.validate());
    let by_dir = |s: &Strategy, influences| {
        s.micmac(&MicmacOptions {
            level: MicmacLevel::Direction,
            influences,
        })
        .unwrap()
    };
    let from_doc = by_dir(&scored, None);
    assert!(from_doc.from_table);
    assert_eq!(from_doc, by_dir(&s, Some(t.clone())));
    assert_eq!(by_id(&from_doc, "A").influence, 3);
    assert_ne!(
        from_doc,
        by_dir(&s, None),
        "the plan alone gives another matrix"
    );
    // an argument table still wins over the document's
    let other = table(&[&[0, 1, 0], &[0, 0, 0], &[0, 0, 0]], &["A", "B", "C"]);
    assert_eq!(
        by_dir(&scored, Some(other.clone())),
        by_dir(&s, Some(other))
    );
    // the measure level has no scored influences: it comes from the plan
    let ml = MicmacOptions::default();
    assert_eq!(scored.micmac(&ml).unwrap(), s.micmac(&ml).unwrap());
    // and the table survives YAML
    let back = Strategy::from_yaml(&scored.to_string(eculture::Format::Yaml).unwrap()).unwrap();
    assert_eq!(back.document().influences, scored.document().influences);
}

#[test]
fn bad_scored_influences_are_located_findings_and_left_out() {
    let s = plan(
        &["A", "B"],
        vec![m("a1", "A", &[]), m("b1", "B", &["a1"])],
        no_modules(),
    );
    let mut doc = serde_json::to_value(s.document()).unwrap();
    doc["influences"] = json!([
        {"level": "direction", "from": "A", "to": "B", "intensity": 2},
        {"level": "direction", "from": "A", "to": "X", "intensity": 2},
        {"level": "direction", "from": "B", "to": "A", "intensity": 7},
        {"level": "direction", "from": "B", "to": "B", "intensity": 1},
        {"level": "direction", "from": "A", "to": "B", "intensity": 3},
        {"level": "measure", "from": "a1", "to": "b1", "intensity": 1}
    ]);
    let bad = Strategy::from_value(doc).unwrap();
    let ours = || {
        bad.validate()
            .iter()
            .filter(|d| d.path.starts_with("influences"))
    };
    let found: Vec<(&str, &str)> = ours().map(|d| (d.code.as_str(), d.path.as_str())).collect();
    assert_eq!(
        found,
        [
            ("unknown_reference", "influences[1].to"),
            ("invalid_influence", "influences[2].intensity"),
            ("invalid_influence", "influences[3].to"),
            ("invalid_influence", "influences[4].to"),
        ]
    );
    assert!(ours().all(|d| d.blocks().is_none() && d.entity() == "influence"));
    let r = bad
        .micmac(&MicmacOptions {
            level: MicmacLevel::Direction,
            influences: None,
        })
        .unwrap();
    assert_eq!((by_id(&r, "A").influence, by_id(&r, "B").influence), (2, 0));
    assert_eq!(r.links, 1);
}
