//! The MICMAC influence/dependence map (SVG): dependence across, influence up, both as shares
//! of the matrix total (%), so the direct values and the indirect ones (`M^k`, on another
//! scale) share one plane; the quadrant lines at the mean (100/n % on both axes, for the direct
//! and the indirect values alike); each entity's direct position as a dot coloured by its
//! quadrant, and an arrow to its displaced (indirect) position.
//!
//! Above [`MICMAC_MAX_POINTS`] entities only the most influential are drawn, and at most
//! [`MICMAC_MAX_LABELS`] are labelled (by id; the tooltip holds the name and the figures); the
//! picture says so. Self-contained and deterministic like every picture (`render`).

use super::{MICMAC_MAX_LABELS, MICMAC_MAX_POINTS, Micmac, MicmacLevel, MicmacOptions, Quadrant};
use crate::error::Result;
use crate::model::Lang;
use crate::render::svg::{N, Svg, esc, thousands};
use crate::render::{RenderOptions, heading, name, palette, word};
use crate::strategy::Strategy;

/// The colour of a quadrant.
pub fn quadrant_colour(q: Quadrant) -> &'static str {
    match q {
        Quadrant::Influential => palette::GAP,
        Quadrant::Relay => palette::AFTER,
        Quadrant::Dependent => palette::COVERED,
        Quadrant::Autonomous => palette::MUTED,
    }
}

fn quadrant_word(lang: Lang, q: Quadrant) -> &'static str {
    match q {
        Quadrant::Influential => word(lang, "influential", "təsiredici"),
        Quadrant::Relay => word(lang, "relay", "ötürücü"),
        Quadrant::Dependent => word(lang, "dependent", "asılı"),
        Quadrant::Autonomous => word(lang, "autonomous", "müstəqil"),
    }
}

/// The name of entity `k` of the level, in `lang`.
fn entity_name(s: &Strategy, level: MicmacLevel, k: usize, lang: Lang, id: &str) -> String {
    let doc = s.document();
    let t = match level {
        MicmacLevel::Measure => doc.measures.get(k).map(|m| &m.title),
        MicmacLevel::Direction => doc.directions.get(k).map(|d| &d.title),
        MicmacLevel::Module => doc.modules.get(k).map(|m| &m.title),
    };
    t.map_or_else(|| id.to_owned(), |t| name(t, lang, id).to_owned())
}

/// Where the plot is and what it shows.
struct Plot<'a> {
    m: &'a Micmac,
    lang: Lang,
    x0: f64,
    y0: f64,
    pw: f64,
    ph: f64,
    /// The axes' maximum (%).
    top: f64,
    /// 100/n: the mean on both axes, direct and indirect.
    mean_share: f64,
    /// Totals of influence, dependence, indirect influence, indirect dependence.
    totals: [f64; 4],
    /// The entities drawn, most influential first.
    shown: Vec<usize>,
}

impl Plot<'_> {
    /// Direct and indirect position of entity `k`: (dependence, influence) as shares (%).
    fn pos(&self, k: usize) -> ((f64, f64), (f64, f64)) {
        let share = |v: f64, total: f64| if total > 0.0 { 100.0 * v / total } else { 0.0 };
        let r = &self.m.records[k];
        let [ti, td, tii, tid] = self.totals;
        (
            (
                share(r.dependence as f64, td),
                share(r.influence as f64, ti),
            ),
            (
                share(r.indirect_dependence, tid),
                share(r.indirect_influence, tii),
            ),
        )
    }

    fn sx(&self, v: f64) -> f64 {
        self.x0 + self.pw * v.clamp(0.0, self.top) / self.top
    }

    fn sy(&self, v: f64) -> f64 {
        self.y0 + self.ph - self.ph * v.clamp(0.0, self.top) / self.top
    }
}

/// The map of a computed [`Micmac`] (its records in document order of `s`'s entities).
pub fn micmac_svg(s: &Strategy, m: &Micmac, opts: &RenderOptions) -> String {
    let lang = opts.lang;
    let n = m.records.len();
    let (x0, y0, pw, ph) = (80.0, 64.0, 520.0, 440.0);
    let w = 860.0;
    let title = heading(
        s,
        lang,
        word(
            lang,
            "Influence / dependence map (MICMAC)",
            "Təsir / asılılıq xəritəsi (MICMAC)",
        ),
        w,
    );
    // the points drawn: the most influential (direct), ties by document order
    let mut shown: Vec<usize> = (0..n).collect();
    shown.sort_by_key(|&k| m.records[k].rank_influence);
    shown.truncate(MICMAC_MAX_POINTS);
    let mut p = Plot {
        m,
        lang,
        x0,
        y0,
        pw,
        ph,
        top: 1.0,
        mean_share: if n > 0 { 100.0 / n as f64 } else { 0.0 },
        totals: [
            m.records.iter().map(|r| r.influence as f64).sum(),
            m.records.iter().map(|r| r.dependence as f64).sum(),
            m.records.iter().map(|r| r.indirect_influence).sum(),
            m.records.iter().map(|r| r.indirect_dependence).sum(),
        ],
        shown,
    };
    // the frame fits the direct positions; indirect ones beyond it (the powers of a deep plan
    // gather on its longest chains) are drawn on its edge, and the picture says so
    let mut top = p.mean_share * 2.0;
    for &k in &p.shown {
        let ((a, b), _) = p.pos(k);
        top = top.max(a).max(b);
    }
    if top > 0.0 {
        p.top = nice(top * 1.1).min(100.0);
    }
    let beyond = p.shown.iter().any(|&k| {
        let (_, (c, d)) = p.pos(k);
        c > p.top || d > p.top
    });

    let notes = notes(m, &p.shown, beyond, lang);
    let h = y0 + ph + 56.0 + 16.0 * notes.len() as f64;
    let desc = word(
        lang,
        "Each entity's direct influence (up) and dependence (across) as shares of the total, \
         with an arrow to its indirect position; lines at the means divide the quadrants.",
        "Hər elementin birbaşa təsiri (yuxarı) və asılılığı (sağa) ümumidən pay kimi, dolayı \
         mövqeyə ox ilə; orta xətlər kvadrantları ayırır.",
    );
    let defs = format!(
        "<defs><marker id=\"micmac-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{}\"/></marker></defs>\n",
        palette::MUTED
    );
    let mut svg = Svg::headed(w, h, "ec-micmac", &title, desc, &defs);
    frame(&mut svg, &p);
    points(&mut svg, s, &p);
    labels(&mut svg, &p);
    legend(&mut svg, &p);
    let mut ny = y0 + ph + 56.0;
    for line in &notes {
        svg.text(
            x0 - 60.0,
            ny,
            &format!("font-size=\"11\" fill=\"{}\"", palette::MUTED),
            line,
        );
        ny += 16.0;
    }
    crate::render::captioned(s, svg.finish())
}

/// The frame, ticks, axis titles, quadrant lines at the means and the quadrant names.
fn frame(svg: &mut Svg, p: &Plot<'_>) {
    let Plot {
        m,
        lang,
        x0,
        y0,
        pw,
        ph,
        top,
        mean_share,
        ..
    } = *p;
    let (sx, sy) = (|v| p.sx(v), |v| p.sy(v));
    let n = m.records.len();
    // frame, ticks, axis titles
    svg.rect(
        x0,
        y0,
        pw,
        ph,
        "none",
        &format!("stroke=\"{}\"", palette::GRID),
        None,
    );
    for t in 0..=4 {
        let v = top * f64::from(t) / 4.0;
        svg.line(sx(v), y0 + ph, sx(v), y0 + ph + 4.0, palette::GRID, "");
        svg.text(
            sx(v),
            y0 + ph + 16.0,
            &format!(
                "text-anchor=\"middle\" font-size=\"10\" fill=\"{}\"",
                palette::MUTED
            ),
            &format!("{}%", N(v)),
        );
        svg.line(x0 - 4.0, sy(v), x0, sy(v), palette::GRID, "");
        svg.text(
            x0 - 6.0,
            sy(v) + 3.0,
            &format!(
                "text-anchor=\"end\" font-size=\"10\" fill=\"{}\"",
                palette::MUTED
            ),
            &format!("{}%", N(v)),
        );
    }
    svg.text(
        x0 + pw / 2.0,
        y0 + ph + 34.0,
        &format!("text-anchor=\"middle\" fill=\"{}\"", palette::INK),
        word(
            lang,
            "dependence (share of the total)",
            "asılılıq (ümumidən pay)",
        ),
    );
    svg.raw(&format!(
        "<text x=\"{x}\" y=\"{y}\" transform=\"rotate(-90 {x} {y})\" text-anchor=\"middle\" fill=\"{ink}\">{t}</text>\n",
        x = N(x0 - 44.0),
        y = N(y0 + ph / 2.0),
        ink = palette::INK,
        t = esc(word(lang, "influence (share of the total)", "təsir (ümumidən pay)"))
    ));

    // quadrant lines at the mean and the quadrant names in the corners
    if n > 0 {
        let dash = "stroke-dasharray=\"4 3\"";
        svg.line(
            sx(mean_share),
            y0,
            sx(mean_share),
            y0 + ph,
            palette::MUTED,
            dash,
        );
        svg.line(
            x0,
            sy(mean_share),
            x0 + pw,
            sy(mean_share),
            palette::MUTED,
            dash,
        );
    }
    let corner = |svg: &mut Svg, x: f64, y: f64, anchor: &str, q: Quadrant| {
        svg.text(
            x,
            y,
            &format!(
                "text-anchor=\"{anchor}\" font-size=\"11\" font-weight=\"600\" fill=\"{}\"",
                quadrant_colour(q)
            ),
            quadrant_word(lang, q),
        );
    };
    corner(svg, x0 + 6.0, y0 + 14.0, "start", Quadrant::Influential);
    corner(svg, x0 + pw - 6.0, y0 + 14.0, "end", Quadrant::Relay);
    corner(
        svg,
        x0 + pw - 6.0,
        y0 + ph - 6.0,
        "end",
        Quadrant::Dependent,
    );
    corner(svg, x0 + 6.0, y0 + ph - 6.0, "start", Quadrant::Autonomous);
}

/// Arrows from the direct to the indirect positions, rings, dots with tooltips.
fn points(svg: &mut Svg, s: &Strategy, p: &Plot<'_>) {
    let (m, lang) = (p.m, p.lang);
    let (sx, sy, pos) = (|v| p.sx(v), |v| p.sy(v), |k| p.pos(k));
    let shown = &p.shown;
    // arrows first (under the dots), least influential first so the top ones are on top
    let drawn: Vec<usize> = shown.iter().rev().copied().collect();
    for &k in &drawn {
        let ((dx, dy), (ix, iy)) = pos(k);
        let (a, b, c, d) = (sx(dx), sy(dy), sx(ix), sy(iy));
        if (a - c).abs() + (b - d).abs() >= 3.0 {
            svg.line(
                a,
                b,
                c,
                d,
                palette::MUTED,
                "stroke-width=\"1\" stroke-opacity=\"0.7\" marker-end=\"url(#micmac-arrow)\"",
            );
        }
    }
    for &k in &drawn {
        let r = &m.records[k];
        let ((dx, dy), (ix, iy)) = pos(k);
        svg.raw(&format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"2.5\" fill=\"none\" stroke=\"{}\"/>\n",
            N(sx(ix)),
            N(sy(iy)),
            quadrant_colour(r.indirect_quadrant)
        ));
        let tip = format!(
            "{id} — {name}\n{inf}: {i} (#{ri}), {dep}: {d}; {ind}: #{rii} ({disp:+}); {q}",
            id = r.id,
            name = entity_name(s, m.level, k, lang, &r.id),
            inf = word(lang, "influence", "təsir"),
            i = r.influence,
            ri = r.rank_influence,
            dep = word(lang, "dependence", "asılılıq"),
            d = r.dependence,
            ind = word(lang, "indirect", "dolayı"),
            rii = r.rank_indirect_influence,
            disp = r.displacement,
            q = quadrant_word(lang, r.quadrant),
        );
        svg.raw(&format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"{}\"><title>{}</title></circle>\n",
            N(sx(dx)),
            N(sy(dy)),
            quadrant_colour(r.quadrant),
            esc(&tip)
        ));
    }
}

/// Labels, without overlaps.
fn labels(svg: &mut Svg, p: &Plot<'_>) {
    let m = p.m;
    let (sx, sy, pos) = (|v| p.sx(v), |v| p.sy(v), |k| p.pos(k));
    let shown = &p.shown;
    // labels, most influential first: to the right of the dot, else to its left, else none
    // (the dot keeps its tooltip)
    let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
    let overlaps = |placed: &[(f64, f64, f64, f64)], b: (f64, f64, f64, f64)| {
        placed
            .iter()
            .any(|p| b.0 < p.2 && p.0 < b.2 && b.1 < p.3 && p.1 < b.3)
    };
    for &k in shown.iter().take(MICMAC_MAX_LABELS) {
        let ((dx, dy), _) = pos(k);
        let label = crate::render::svg::truncate(&m.records[k].id, 24);
        let width = 6.0 * label.chars().count() as f64;
        let (x, y) = (sx(dx), sy(dy) - 5.0);
        let right = (x + 6.0, y - 10.0, x + 6.0 + width, y + 2.0);
        let left = (x - 6.0 - width, y - 10.0, x - 6.0, y + 2.0);
        let (b, anchor) = if !overlaps(&placed, right) {
            (right, "start")
        } else if !overlaps(&placed, left) {
            (left, "end")
        } else {
            continue;
        };
        placed.push(b);
        let at = if anchor == "start" { b.0 } else { b.2 };
        svg.text(
            at,
            y,
            &format!(
                "text-anchor=\"{anchor}\" font-size=\"10\" fill=\"{}\"",
                palette::INK
            ),
            &label,
        );
    }
}

/// The legend: quadrant counts over all entities, the two marks.
fn legend(svg: &mut Svg, p: &Plot<'_>) {
    let Plot {
        m,
        lang,
        x0,
        y0,
        pw,
        ..
    } = *p;
    let n = m.records.len();
    // legend: quadrant counts over all entities
    let lx = x0 + pw + 24.0;
    let mut ly = y0 + 8.0;
    svg.text(
        lx,
        ly,
        &format!("font-weight=\"600\" fill=\"{}\"", palette::INK),
        &format!(
            "{} ({})",
            word(lang, "Quadrants", "Kvadrantlar"),
            thousands(n as u64)
        ),
    );
    for q in [
        Quadrant::Influential,
        Quadrant::Relay,
        Quadrant::Dependent,
        Quadrant::Autonomous,
    ] {
        ly += 20.0;
        let count = m.in_quadrant(q).count() as u64;
        svg.raw(&format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"{}\"/>\n",
            N(lx + 4.0),
            N(ly - 4.0),
            quadrant_colour(q)
        ));
        svg.text(
            lx + 14.0,
            ly,
            &format!("fill=\"{}\"", palette::INK),
            &format!("{}: {}", quadrant_word(lang, q), thousands(count)),
        );
    }
    ly += 28.0;
    svg.raw(&format!(
        "<circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"{}\"/>\n",
        N(lx + 4.0),
        N(ly - 4.0),
        palette::INK
    ));
    svg.text(
        lx + 14.0,
        ly,
        &format!("fill=\"{}\"", palette::INK),
        word(lang, "direct", "birbaşa"),
    );
    ly += 20.0;
    svg.raw(&format!(
        "<circle cx=\"{}\" cy=\"{}\" r=\"2.5\" fill=\"none\" stroke=\"{}\"/>\n",
        N(lx + 4.0),
        N(ly - 4.0),
        palette::INK
    ));
    svg.text(
        lx + 14.0,
        ly,
        &format!("fill=\"{}\"", palette::INK),
        &format!("{} (M^{})", word(lang, "indirect", "dolayı"), m.power),
    );
}

/// The lines under the plot: level, source, power, what is shown.
fn notes(m: &Micmac, shown: &[usize], beyond: bool, lang: Lang) -> Vec<String> {
    let n = m.records.len();
    let mut out = vec![format!(
        "{}: {} · {} · {}: M^{} ({}) · {}: {}",
        word(lang, "Level", "Səviyyə"),
        m.level.as_str(),
        if m.from_table {
            word(
                lang,
                "scored influence table",
                "qiymətləndirilmiş təsir cədvəli",
            )
        } else {
            word(
                lang,
                "from the plan's dependencies",
                "planın asılılıqlarından",
            )
        },
        word(lang, "indirect", "dolayı"),
        m.power,
        match m.stop {
            super::MicmacStop::Stable => word(lang, "rankings stable", "sıralama sabit"),
            super::MicmacStop::NoLongerPaths =>
                word(lang, "no longer paths", "daha uzun yol yoxdur"),
            super::MicmacStop::MaxPower => word(lang, "power cap reached", "dərəcə həddi"),
        },
        word(lang, "links", "əlaqələr"),
        thousands(m.links)
    )];
    out.push(word(
        lang,
        "Dashed lines: the means (100/n % of the total on each axis). Arrows: from the direct to the indirect position.",
        "Qırıq xətlər: orta qiymətlər (hər oxda ümumidən 100/n %). Oxlar: birbaşa mövqedən dolayı mövqeyə.",
    )
    .to_owned());
    if beyond {
        out.push(
            word(
                lang,
                "Indirect positions beyond the frame are drawn on its edge.",
                "Çərçivədən kənar dolayı mövqelər onun kənarında çəkilib.",
            )
            .to_owned(),
        );
    }
    if shown.len() < n {
        out.push(format!(
            "{} {} {} {}",
            word(lang, "Aggregated: showing the", "Yığcam: göstərilir"),
            thousands(shown.len() as u64),
            word(lang, "most influential of", "ən təsirlisi, cəmi"),
            thousands(n as u64)
        ));
    }
    if n > MICMAC_MAX_LABELS {
        out.push(format!(
            "{} {} {}",
            word(lang, "Labels: at most the", "Etiketlər: ən çoxu"),
            MICMAC_MAX_LABELS,
            word(
                lang,
                "most influential (every dot has a tooltip).",
                "ən təsirli (hər nöqtənin izahı var)."
            )
        ));
    }
    out
}

/// A round axis maximum at or above `v`: 1, 2, 2.5 or 5 times a power of ten.
fn nice(v: f64) -> f64 {
    if !v.is_finite() || v <= 0.0 {
        return 1.0;
    }
    let p = 10f64.powf(v.log10().floor());
    for f in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if f * p >= v {
            return f * p;
        }
    }
    10.0 * p
}

impl Strategy {
    /// The MICMAC influence/dependence map (SVG) of [`Strategy::micmac`]: direct positions
    /// coloured by quadrant, arrows to the indirect positions, the quadrant lines at the
    /// means. Needs what [`Strategy::micmac`] needs.
    pub fn micmac_svg(&self, opts: &MicmacOptions, render: &RenderOptions) -> Result<String> {
        let m = self.micmac(opts)?;
        Ok(micmac_svg(self, &m, render))
    }
}
