//! The scheduling input: a strategy prepared for the passes (per node its duration, the
//! earliest start allowed and its own deadline, in working-day offsets), the passes run over it
//! ([`CpmResult`]), and the assembly of their result into a public [`Schedule`].

use super::*;

/// A strategy prepared for scheduling: per node, duration, floor and own deadline.
pub(crate) struct ScheduleInput<'a> {
    pub(crate) strategy: &'a Strategy,
    pub(crate) ix: &'a Resolved,
    pub(crate) map: WorkingDays,
    pub(crate) start: Date,
    pub(crate) calendar: Option<Calendar>,
    /// The graph with its evaluation order (empty order on a cycle).
    pub(crate) net: cpm::PassNetwork<'a>,
    /// Per node: `dur`, `es` = earliest start allowed (project start or start constraint),
    /// `lf` = own exclusive finish-no-later-than (`INF` for none).
    pub(crate) base: Vec<NodeTimes<i32>>,
    pub(crate) starts: Vec<OffsetConstraint>,
    pub(crate) deadlines: Vec<OffsetConstraint>,
    /// The project's late finish (`must_finish_by`), when given.
    pub(crate) late_end: Option<i32>,
    /// Σ durations + Σ |lags| + the largest constraint offset: no offset can exceed it.
    span: i64,
    /// The progress applied (forecast), when the options have a status date.
    pub(crate) progress: Option<Progress>,
}

/// Fewest measures for which a schedule's columns and its critical paths are made in parallel.
const PARALLEL_MIN_MEASURES: usize = 1 << 15;

/// The per-measure columns of a [`Schedule`].
struct Columns {
    durations: Vec<i32>,
    es: Vec<i32>,
    ef: Vec<i32>,
    ls: Vec<i32>,
    lf: Vec<i32>,
    tf: Vec<i32>,
    ff: Vec<i32>,
    critical: Vec<bool>,
}

/// The raw result of one CPM run over every node.
pub(crate) struct CpmResult {
    pub(crate) finish: i32,
    pub(crate) nodes: Vec<NodeTimes<i32>>,
}

impl CpmResult {
    pub(crate) fn es(&self, i: usize) -> i32 {
        self.nodes[i].es
    }
    pub(crate) fn ef(&self, i: usize) -> i32 {
        self.nodes[i].ef
    }
    pub(crate) fn tf(&self, i: usize) -> i32 {
        self.nodes[i].lf - self.nodes[i].ef
    }
}

/// An offset for the integer kernel, or the error when a date is absurdly far.
pub(crate) fn offset(v: i64, what: &str, path: impl FnOnce() -> String) -> Result<i32> {
    if v.abs() <= cpm::OFFSET_LIMIT {
        Ok(v as i32)
    } else {
        Err(WorkingDays::out_of_range(what, v, path()))
    }
}

impl<'a> ScheduleInput<'a> {
    pub(crate) fn new(strategy: &'a Strategy, opts: &ScheduleOptions) -> Result<ScheduleInput<'a>> {
        let ix = strategy.require(crate::validate::Need::Schedule)?;
        ScheduleInput::with_index(strategy, ix, opts)
    }

    /// Prepare; the order is empty on a cycle.
    pub(crate) fn with_index(
        strategy: &'a Strategy,
        ix: &'a Resolved,
        opts: &ScheduleOptions,
    ) -> Result<ScheduleInput<'a>> {
        let doc = strategy.document();
        let start = opts
            .start
            .unwrap_or_else(|| doc.strategy.period.start.first_day());
        let map = WorkingDays::new(start, opts.calendar.as_ref())?;
        let g = &ix.graph;
        let n = g.node_count();
        let nm = g.measure_count();
        let inf = <i32 as cpm::Time>::INF;
        let mut base = Vec::with_capacity(n);
        let mut starts = Vec::new();
        let mut deadlines = Vec::new();
        let mut span: i64 = 0;
        let mut far: i64 = 0;
        // the undated statuses, for the forecast's progress, read in this one pass
        let mut undated = Vec::with_capacity(if opts.status_date.is_some() { nm } else { 0 });
        for (i, m) in doc.measures.iter().enumerate().take(nm) {
            if opts.status_date.is_some() {
                undated.push(m.status);
            }
            let d = match (m.duration_days, &m.start, &m.deadline) {
                (Some(d), _, _) => d,
                (None, Some(s), Some(dl)) => map.days_in(s.first_day(), dl.last_day()).max(0),
                _ => 0,
            };
            span += d;
            let d = offset(d, "a duration", || format!("measures[{i}].duration_days"))?;
            let mut floor = 0;
            let mut cap = inf;
            if let Some(s) = &m.start {
                let off = map.start_offset(s.first_day());
                far = far.max(off.abs());
                let off = offset(off, "a start", || format!("measures[{i}].start"))?;
                floor = off.max(0);
                starts.push(OffsetConstraint {
                    index: i as u32,
                    offset: off,
                });
            }
            if let Some(dl) = &m.deadline {
                let off = map.end_offset(dl.last_day());
                far = far.max(off.abs());
                let off = offset(off, "a deadline", || format!("measures[{i}].deadline"))?;
                cap = off;
                deadlines.push(OffsetConstraint {
                    index: i as u32,
                    offset: off,
                });
            }
            base.push(NodeTimes::new(d, floor, cap));
        }
        base.resize(n, NodeTimes::new(0, 0, inf));
        let late_end = match opts.must_finish_by {
            Some(d) => {
                let off = map.end_offset(d);
                far = far.max(off.abs());
                Some(offset(off, "`must_finish_by`", || "must_finish_by".into())?)
            }
            None => None,
        };
        let mut net = cpm::PassNetwork::new(g).unwrap_or_else(|| cpm::PassNetwork {
            g,
            order: cpm::Order::Topo(vec![]),
            plain: false,
            lags: cpm::total_lag(g),
            fixed: Vec::new(),
        });
        let mut progress = None;
        if let Some(sd) = opts.status_date {
            // The baseline the forecast is compared with: the same nodes before progress (and
            // before any what-if change), early dates only — one forward pass, no second
            // preparation and no backward pass. It reads a copy of the nodes, so on a large
            // plan it runs beside the progress being applied to them.
            let mut plain = base.clone();
            let net_ref = &net;
            let (baseline, applied) = crate::par::join(
                crate::par::large(nm, PARALLEL_MIN_MEASURES),
                move || {
                    let duration = net_ref.forward(&mut plain);
                    let finish: Vec<i32> = plain[..nm].iter().map(|x| x.ef).collect();
                    (duration, finish)
                },
                || progress::apply(doc, ix, &map, &mut base, &undated, sd, opts.out_of_sequence),
            );
            let (baseline_duration, baseline_finish) = baseline;
            let mut applied = applied?;
            applied.progress.baseline_finish = baseline_finish;
            applied.progress.baseline_duration_days = i64::from(baseline_duration);
            far = far.max(i64::from(applied.progress.status_offset).abs());
            span += base
                .iter()
                .map(|x| i64::from(x.es).abs())
                .max()
                .unwrap_or(0);
            net.fixed = applied.fixed;
            progress = Some(applied.progress);
        }
        span += net.lags + far;
        offset(span, "the schedule", || "measures".into())?;
        Ok(ScheduleInput {
            strategy,
            ix,
            map,
            start,
            calendar: opts.calendar.clone(),
            net,
            base,
            starts,
            deadlines,
            late_end,
            span,
            progress,
        })
    }

    pub(crate) fn graph(&self) -> &'a DepGraph {
        &self.ix.graph
    }

    /// Check that changed durations or floors keep every offset within range.
    pub(crate) fn check_span(&self, extra: i64) -> Result<()> {
        offset(self.span + extra, "the schedule", || "changes".into()).map(|_| ())
    }

    /// One CPM run over prepared nodes (a copy of `base`, possibly changed).
    pub(crate) fn run(&self, mut nodes: Vec<NodeTimes<i32>>) -> CpmResult {
        let finish = self.net.forward(&mut nodes);
        let late_end = self.late_end.unwrap_or(finish);
        self.net.backward::<i32, true>(&mut nodes, late_end, finish);
        CpmResult { finish, nodes }
    }

    /// Turn a run into a [`Schedule`].
    pub(crate) fn schedule(&mut self, opts: &ScheduleOptions, run: CpmResult) -> Result<Schedule> {
        let g = self.graph();
        let doc = self.strategy.document();
        let nm = g.measure_count();
        let nodes = &run.nodes;
        let late_end = self.late_end.unwrap_or(run.finish);
        // The per-measure columns do not depend on the paths and deadline chains: for large
        // plans both are made at once.
        let columns = || {
            let thr = opts
                .critical_float_days
                .clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
            let m = &nodes[..nm];
            let mut c = Columns {
                durations: vec![0i32; nm],
                es: vec![0i32; nm],
                ef: vec![0i32; nm],
                ls: vec![0i32; nm],
                lf: vec![0i32; nm],
                tf: vec![0i32; nm],
                ff: vec![0i32; nm],
                critical: vec![false; nm],
            };
            for (k, x) in m.iter().enumerate() {
                let t = x.lf - x.ef;
                c.durations[k] = x.dur;
                c.es[k] = x.es;
                c.ef[k] = x.ef;
                c.ls[k] = x.lf - x.dur;
                c.lf[k] = x.lf;
                c.tf[k] = t;
                c.ff[k] = x.fs.max(0).min(t.max(0));
                c.critical[k] = t <= thr;
            }
            let ids: Vec<Id> = doc.measures[..nm].iter().map(|m| m.id.clone()).collect();
            (c, ids)
        };
        let paths = || -> Result<_> {
            let (critical_paths, critical_paths_truncated) =
                cpm::longest_paths(g, nodes, run.finish, late_end, opts.max_critical_paths);
            let mut infeasible_deadlines = Vec::new();
            for c in &self.deadlines {
                let i = c.index as usize;
                let ef = nodes[i].ef;
                if ef <= c.offset {
                    continue;
                }
                let mut chain = cpm::driving_chain(g, i as u32, nodes);
                // a measure on its actual dates (or overriding the logic) is not driven
                if !self.net.fixed.is_empty()
                    && let Some(k) = chain.iter().rposition(|&v| self.net.fixed[v as usize])
                {
                    chain.drain(..k);
                }
                // the chain's first measure has no driving predecessor: a positive early start
                // can only come from its own floor (or the status date)
                let first = chain[0] as usize;
                let driven_by = match &self.progress {
                    Some(p)
                        if self.net.fixed.get(first).copied().unwrap_or(false)
                            || (nodes[first].es == p.status_offset
                                && self
                                    .starts
                                    .iter()
                                    .find(|c| c.index as usize == first)
                                    .is_none_or(|c| c.offset < p.status_offset)) =>
                    {
                        ChainStart::StatusDate
                    }
                    _ if nodes[first].es > 0 => ChainStart::StartConstraint,
                    _ => ChainStart::ProjectStart,
                };
                let m = &doc.measures[i];
                let early_finish_date = self.map.finish_date(i64::from(ef)).ok_or_else(|| {
                    WorkingDays::out_of_range(
                        "the early finish",
                        i64::from(ef),
                        format!("measures[{i}]"),
                    )
                })?;
                infeasible_deadlines.push(InfeasibleDeadline {
                    id: m.id.to_string(),
                    deadline: m
                        .deadline
                        .as_ref()
                        .map(|d| d.last_day())
                        .unwrap_or(self.start),
                    deadline_offset: i64::from(c.offset),
                    early_finish: i64::from(ef),
                    early_finish_date,
                    days_late: i64::from(ef - c.offset),
                    chain: chain
                        .iter()
                        .map(|&v| doc.measures[v as usize].id.to_string())
                        .collect(),
                    driven_by,
                });
            }
            Ok((
                critical_paths,
                critical_paths_truncated,
                infeasible_deadlines,
            ))
        };
        let ((c, ids), found) =
            crate::par::join(crate::par::large(nm, PARALLEL_MIN_MEASURES), columns, paths);
        let (critical_paths, critical_paths_truncated, infeasible_deadlines) = found?;
        Ok(Schedule {
            project_start: self.start,
            calendar: self.calendar.clone(),
            duration_days: i64::from(run.finish),
            critical_float_days: opts.critical_float_days,
            near_critical_days: opts.near_critical_days,
            ids,
            durations: c.durations,
            early_start: c.es,
            early_finish: c.ef,
            late_start: c.ls,
            late_finish: c.lf,
            total_float: c.tf,
            free_float: c.ff,
            critical: c.critical,
            start_constraints: std::mem::take(&mut self.starts),
            deadlines: std::mem::take(&mut self.deadlines),
            critical_path_indices: critical_paths,
            critical_paths_truncated,
            infeasible_deadlines,
            progress: self.progress.take(),
            baseline: None,
        })
    }
}
