//! Primavera P6 XER: tab-separated tables (`%T` name, `%F` fields, `%R` rows, `%E` end). The
//! writer (the reader is `crate::project::xer`).

use std::fmt::Write;

use jiff::civil::Date;

use super::HOURS_PER_DAY;
use super::export::{Plan, serial_day};
use crate::model::RelationType;

const PROJECT: &[&str] = &[
    "proj_id",
    "fy_start_month_num",
    "rsrc_self_add_flag",
    "allow_complete_flag",
    "rsrc_multi_assign_flag",
    "checkout_flag",
    "project_flag",
    "step_complete_flag",
    "cost_qty_recalc_flag",
    "batch_sum_flag",
    "name_sep_char",
    "def_complete_pct_type",
    "proj_short_name",
    "acct_id",
    "orig_proj_id",
    "source_proj_id",
    "base_type_id",
    "clndr_id",
    "sum_base_proj_id",
    "task_code_base",
    "task_code_step",
    "priority_num",
    "wbs_max_sum_level",
    "strgy_priority_num",
    "last_checksum",
    "critical_drtn_hr_cnt",
    "def_cost_per_qty",
    "last_recalc_date",
    "plan_start_date",
    "plan_end_date",
    "scd_end_date",
    "add_date",
    "last_tasksum_date",
    "fcst_start_date",
    "def_duration_type",
    "task_code_prefix",
    "guid",
    "def_qty_type",
    "add_by_name",
    "web_local_root_path",
    "proj_url",
    "def_rate_type",
    "add_act_remain_flag",
    "act_this_per_link_flag",
    "def_task_type",
    "act_pct_link_flag",
    "critical_path_type",
    "task_code_prefix_flag",
    "def_rollup_dates_flag",
    "use_project_baseline_flag",
    "rem_target_link_flag",
    "reset_planned_flag",
    "allow_neg_act_flag",
    "sum_assign_level",
    "last_fin_dates_id",
    "fintmpl_id",
    "last_baseline_update_date",
    "cr_external_key",
    "apply_actuals_date",
    "last_schedule_date",
    "location_id",
    "loaded_scope_level",
    "export_flag",
    "new_fin_dates_id",
    "baselines_to_export",
    "baseline_names_to_export",
    "next_data_date",
    "close_period_flag",
    "sum_refresh_date",
    "trsrcsum_loaded",
    "sumtask_loaded",
];

const CALENDAR: &[&str] = &[
    "clndr_id",
    "default_flag",
    "clndr_name",
    "proj_id",
    "base_clndr_id",
    "last_chng_date",
    "clndr_type",
    "day_hr_cnt",
    "week_hr_cnt",
    "month_hr_cnt",
    "year_hr_cnt",
    "rsrc_private",
    "clndr_data",
];

const PROJWBS: &[&str] = &[
    "wbs_id",
    "proj_id",
    "obs_id",
    "seq_num",
    "est_wt",
    "proj_node_flag",
    "sum_data_flag",
    "status_code",
    "wbs_short_name",
    "wbs_name",
    "phase_id",
    "parent_wbs_id",
    "ev_user_pct",
    "ev_etc_user_value",
    "orig_cost",
    "indep_remain_total_cost",
    "ann_dscnt_rate_pct",
    "dscnt_period_type",
    "indep_remain_work_qty",
    "anticip_start_date",
    "anticip_end_date",
    "ev_compute_type",
    "ev_etc_compute_type",
    "guid",
    "tmpl_guid",
    "plan_open_state",
];

const TASK: &[&str] = &[
    "task_id",
    "proj_id",
    "wbs_id",
    "clndr_id",
    "phys_complete_pct",
    "rev_fdbk_flag",
    "est_wt",
    "lock_plan_flag",
    "auto_compute_act_flag",
    "complete_pct_type",
    "task_type",
    "duration_type",
    "status_code",
    "task_code",
    "task_name",
    "rsrc_id",
    "total_float_hr_cnt",
    "free_float_hr_cnt",
    "remain_drtn_hr_cnt",
    "act_work_qty",
    "remain_work_qty",
    "target_work_qty",
    "target_drtn_hr_cnt",
    "target_equip_qty",
    "act_equip_qty",
    "remain_equip_qty",
    "cstr_date",
    "act_start_date",
    "act_end_date",
    "late_start_date",
    "late_end_date",
    "expect_end_date",
    "early_start_date",
    "early_end_date",
    "restart_date",
    "reend_date",
    "target_start_date",
    "target_end_date",
    "rem_late_start_date",
    "rem_late_end_date",
    "cstr_type",
    "priority_type",
    "suspend_date",
    "resume_date",
    "float_path",
    "float_path_order",
    "guid",
    "tmpl_guid",
    "cstr_date2",
    "cstr_type2",
    "driving_path_flag",
    "act_this_per_work_qty",
    "act_this_per_equip_qty",
    "external_early_start_date",
    "external_late_end_date",
    "create_date",
    "update_date",
    "create_user",
    "update_user",
    "location_id",
];

const TASKPRED: &[&str] = &[
    "task_pred_id",
    "task_id",
    "pred_task_id",
    "proj_id",
    "pred_proj_id",
    "pred_type",
    "lag_hr_cnt",
    "comments",
    "float_path",
    "aref",
    "arls",
];

/// A field value: no tab, carriage return or line feed (they end a field or a row).
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, '\t' | '\r' | '\n') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

fn table(out: &mut String, name: &str, fields: &[&str], rows: &[Vec<(&str, String)>]) {
    let _ = writeln!(out, "%T\t{name}");
    let _ = writeln!(out, "%F\t{}", fields.join("\t"));
    let at: std::collections::HashMap<&str, usize> =
        fields.iter().enumerate().map(|(k, f)| (*f, k)).collect();
    let mut cells = vec![String::new(); fields.len()];
    for row in rows {
        cells.iter_mut().for_each(String::clear);
        for (f, v) in row {
            if let Some(&k) = at.get(f) {
                cells[k] = clean(v);
            }
        }
        let _ = writeln!(out, "%R\t{}", cells.join("\t"));
    }
}

fn at8(d: Date) -> String {
    format!("{d} 08:00")
}

fn at17(d: Date) -> String {
    format!("{d} 17:00")
}

fn pred_type(k: RelationType) -> &'static str {
    match k {
        RelationType::FS => "PR_FS",
        RelationType::SS => "PR_SS",
        RelationType::FF => "PR_FF",
        RelationType::SF => "PR_SF",
    }
}

/// P6's `clndr_data`: the week (1 = Sunday … 7 = Saturday, 08:00–12:00 and 13:00–17:00 on
/// working days) and the exceptions (days since 1899-12-30).
fn calendar_data(plan: &Plan<'_>) -> String {
    const WORK: &str = "(0||0(f|12:00|s|08:00)())(0||1(f|17:00|s|13:00)())";
    let mut s = String::from("(0||CalendarData()((0||DaysOfWeek()(");
    for day in 1..=7usize {
        if plan.works((day + 5) % 7) {
            let _ = write!(s, "(0||{day}()({WORK}))");
        } else {
            let _ = write!(s, "(0||{day}()())");
        }
    }
    s.push_str("))(0||Exceptions()(");
    let mut days: Vec<(Date, bool)> = plan.calendar.holidays.iter().map(|&d| (d, false)).collect();
    days.extend(plan.calendar.extra_working_days.iter().map(|&d| (d, true)));
    days.sort_unstable();
    days.dedup();
    for (k, (d, working)) in days.iter().enumerate() {
        let _ = write!(
            s,
            "(0||{k}(d|{})({}))",
            serial_day(*d),
            if *working { WORK } else { "" }
        );
    }
    s.push_str("))))");
    s
}

pub(crate) fn write(plan: &Plan<'_>) -> String {
    let doc = plan.strategy.document();
    let start = plan.schedule.project_start;
    let mut out = String::with_capacity(4096 + doc.measures.len() * 600);
    let _ = writeln!(
        out,
        "ERMHDR\t19.12\t{start}\tProject\teculture\teculture\tdbxDatabaseNoName\tProject Management\tUSD"
    );
    table(
        &mut out,
        "CURRTYPE",
        &[
            "curr_id",
            "decimal_digit_cnt",
            "curr_symbol",
            "decimal_symbol",
            "digit_group_symbol",
            "pos_curr_fmt_type",
            "neg_curr_fmt_type",
            "curr_type",
            "curr_short_name",
            "group_digit_cnt",
            "base_exch_rate",
        ],
        &[vec![
            ("curr_id", "1".into()),
            ("decimal_digit_cnt", "2".into()),
            ("curr_symbol", "$".into()),
            ("decimal_symbol", ".".into()),
            ("digit_group_symbol", ",".into()),
            ("pos_curr_fmt_type", "#1.1".into()),
            ("neg_curr_fmt_type", "(#1.1)".into()),
            ("curr_type", "US Dollar".into()),
            ("curr_short_name", "USD".into()),
            ("group_digit_cnt", "3".into()),
            ("base_exch_rate", "1".into()),
        ]],
    );
    let flags = [
        ("proj_id", "1"),
        ("fy_start_month_num", "1"),
        ("rsrc_self_add_flag", "Y"),
        ("allow_complete_flag", "Y"),
        ("rsrc_multi_assign_flag", "Y"),
        ("checkout_flag", "N"),
        ("project_flag", "Y"),
        ("step_complete_flag", "N"),
        ("cost_qty_recalc_flag", "N"),
        ("batch_sum_flag", "Y"),
        ("name_sep_char", "."),
        ("def_complete_pct_type", "CP_Drtn"),
        ("clndr_id", "1"),
        ("task_code_base", "1000"),
        ("task_code_step", "10"),
        ("priority_num", "10"),
        ("wbs_max_sum_level", "0"),
        ("strgy_priority_num", "100"),
        ("critical_drtn_hr_cnt", "0"),
        ("def_cost_per_qty", "0.0000"),
        ("def_duration_type", "DT_FixedDrtn"),
        ("def_qty_type", "QT_Hour"),
        ("def_rate_type", "COST_PER_QTY"),
        ("add_act_remain_flag", "N"),
        ("act_this_per_link_flag", "Y"),
        ("def_task_type", "TT_Task"),
        ("act_pct_link_flag", "N"),
        ("critical_path_type", "CT_TotFloat"),
        ("task_code_prefix_flag", "Y"),
        ("def_rollup_dates_flag", "Y"),
        ("use_project_baseline_flag", "Y"),
        ("rem_target_link_flag", "Y"),
        ("reset_planned_flag", "N"),
        ("allow_neg_act_flag", "N"),
        ("sum_assign_level", "SL_Taskrsrc"),
    ];
    let mut project: Vec<(&str, String)> = flags.iter().map(|(f, v)| (*f, v.to_string())).collect();
    project.extend([
        ("proj_short_name", doc.strategy.id.to_string()),
        ("last_recalc_date", at8(start)),
        ("plan_start_date", at8(start)),
        ("scd_end_date", at17(plan.finish)),
    ]);
    table(&mut out, "PROJECT", PROJECT, &[project]);
    let hours_week = (0..7).filter(|&d| plan.works(d)).count() as i64 * HOURS_PER_DAY;
    table(
        &mut out,
        "CALENDAR",
        CALENDAR,
        &[vec![
            ("clndr_id", "1".into()),
            ("default_flag", "Y".into()),
            ("clndr_name", plan.calendar_name()),
            ("proj_id", "1".into()),
            ("clndr_type", "CA_Project".into()),
            ("day_hr_cnt", HOURS_PER_DAY.to_string()),
            ("week_hr_cnt", hours_week.to_string()),
            ("month_hr_cnt", (hours_week * 4).to_string()),
            ("year_hr_cnt", (hours_week * 52).to_string()),
            ("rsrc_private", "N".into()),
            ("clndr_data", calendar_data(plan)),
        ]],
    );
    write_wbs(plan, &mut out);
    write_tasks(plan, &mut out);
    out.push_str("%E\n");
    out
}

/// The WBS: the project node (id 1, the strategy) and one node per direction (id 2 + index).
fn write_wbs(plan: &Plan<'_>, out: &mut String) {
    let doc = plan.strategy.document();
    let node =
        |id: String, seq: usize, short: &str, name: &str, parent: Option<&str>, root: bool| {
            vec![
                ("wbs_id", id),
                ("proj_id", "1".to_string()),
                ("seq_num", seq.to_string()),
                ("est_wt", "1".into()),
                ("proj_node_flag", if root { "Y" } else { "N" }.into()),
                ("sum_data_flag", "N".into()),
                ("status_code", "WS_Open".into()),
                ("wbs_short_name", short.to_string()),
                ("wbs_name", name.to_string()),
                ("parent_wbs_id", parent.unwrap_or_default().to_string()),
                ("ev_compute_type", "EC_Cmp_pct".into()),
                ("ev_etc_compute_type", "EE_PF_cpi".into()),
            ]
        };
    let mut rows = vec![node(
        "1".into(),
        0,
        doc.strategy.id.as_str(),
        Plan::title(&doc.strategy.title),
        None,
        true,
    )];
    for (i, d) in doc.directions.iter().enumerate() {
        rows.push(node(
            (i + 2).to_string(),
            i + 1,
            d.id.as_str(),
            Plan::title(&d.title),
            Some("1"),
            false,
        ));
    }
    table(out, "PROJWBS", PROJWBS, &rows);
}

fn write_tasks(plan: &Plan<'_>, out: &mut String) {
    let doc = plan.strategy.document();
    let s = &plan.schedule;
    let mut rows = Vec::with_capacity(doc.measures.len());
    for g in &plan.groups {
        let wbs = g.direction.map_or(1, |d| d + 2).to_string();
        for &row in &g.rows {
            let m = &doc.measures[row];
            let days = i64::from(s.durations[row]);
            let hours = (days * HOURS_PER_DAY).to_string();
            let (es, ef) = plan.early[row];
            let (es, ef) = if days == 0 {
                let at = if plan.at_day_start[row] {
                    at8(es)
                } else {
                    at17(ef)
                };
                (at.clone(), at)
            } else {
                (at8(es), at17(ef))
            };
            let (ts, tf) = match plan.baseline(row) {
                Some((bs, bf)) => (at8(bs), at17(bf)),
                None => (es.clone(), ef.clone()),
            };
            let kind = match (days, plan.start_constraint(row)) {
                (0, Some(_)) => "TT_Mile",
                (0, None) => "TT_FinMile",
                _ => "TT_Task",
            };
            let mut r = vec![
                ("task_id", (row + 1).to_string()),
                ("proj_id", "1".into()),
                ("wbs_id", wbs.clone()),
                ("clndr_id", "1".into()),
                ("phys_complete_pct", "0".into()),
                ("rev_fdbk_flag", "N".into()),
                ("est_wt", "1".into()),
                ("lock_plan_flag", "N".into()),
                ("auto_compute_act_flag", "Y".into()),
                ("complete_pct_type", "CP_Drtn".into()),
                ("task_type", kind.into()),
                ("duration_type", "DT_FixedDrtn".into()),
                ("status_code", "TK_NotStart".into()),
                ("task_code", m.id.to_string()),
                ("task_name", Plan::title(&m.title).to_string()),
                (
                    "total_float_hr_cnt",
                    (i64::from(s.total_float[row]) * HOURS_PER_DAY).to_string(),
                ),
                (
                    "free_float_hr_cnt",
                    (i64::from(s.free_float[row]) * HOURS_PER_DAY).to_string(),
                ),
                ("remain_drtn_hr_cnt", hours.clone()),
                ("target_drtn_hr_cnt", hours),
                ("act_work_qty", "0".into()),
                ("remain_work_qty", "0".into()),
                ("target_work_qty", "0".into()),
                ("early_start_date", es.clone()),
                ("early_end_date", ef.clone()),
                ("restart_date", es),
                ("reend_date", ef),
                ("target_start_date", ts),
                ("target_end_date", tf),
                ("priority_type", "PT_Normal".into()),
                ("float_path", String::new()),
            ];
            let deadline = plan.deadline(row).map(at17);
            match (plan.start_constraint(row), deadline) {
                (Some(c), d) => {
                    r.push(("cstr_type", "CS_MSOA".into()));
                    r.push(("cstr_date", at8(c)));
                    if let Some(d) = d {
                        r.push(("cstr_type2", "CS_MEOB".into()));
                        r.push(("cstr_date2", d));
                    }
                }
                (None, Some(d)) => {
                    r.push(("cstr_type", "CS_MEOB".into()));
                    r.push(("cstr_date", d));
                }
                (None, None) => {}
            }
            rows.push(r);
        }
    }
    table(out, "TASK", TASK, &rows);
    let mut preds = Vec::new();
    for (row, links) in plan.links.iter().enumerate() {
        for l in links {
            preds.push(vec![
                ("task_pred_id", (preds.len() + 1).to_string()),
                ("task_id", (row + 1).to_string()),
                ("pred_task_id", (l.pred + 1).to_string()),
                ("proj_id", "1".into()),
                ("pred_proj_id", "1".into()),
                ("pred_type", pred_type(l.kind).into()),
                ("lag_hr_cnt", (i64::from(l.lag) * HOURS_PER_DAY).to_string()),
            ]);
        }
    }
    table(out, "TASKPRED", TASKPRED, &preds);
}
