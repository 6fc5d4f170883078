"""Writes the two project files of tests/planners/: a plan as MS Project 2019 saves MS Project
XML and as Primavera P6 8.2 exports XER, with what real files carry that eculture's own export
does not (docs/planners.md, "Files from MS Project and P6").

The element and field lists, their order and the encodings are those of files saved by MS
Project 2019 and exported by P6 8.2; the plan in them (tasks, dates, names) is ours and
illustrative. Run from anywhere: `python3 tests/planners/make_files.py`.

MS Project XML: the project summary task (UID 0), summary and leaf tasks, a blank row (IsNull),
a manually scheduled task, an inactive task with relations, a milestone, progress (percent
complete, actual dates), links of every type with lags in tenths of minutes, a calendar with
working times and an exception, a resource and an assignment, non-ASCII text.

XER: Windows-1252 text with CRLF line ends, the currency table, the WBS root node (the
project's name), nested WBS, a completed and a started activity, a finish milestone, a WBS
summary activity, relations of every type with lags in hours, a relation from an activity of
another project, a calendar with exceptions as day serials.
"""
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
HEAD = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Project xmlns="http://schemas.microsoft.com/project">
\t<SaveVersion>14</SaveVersion>
\t<BuildNumber>16.0.10730.20102</BuildNumber>
\t<Name>culture-demo.xml</Name>
\t<Title>Culture demo (cafés, \u00ab e-Mədəniyyət \u00bb)</Title>
\t<GUID>0A5E1C2B-0000-4000-8000-000000000001</GUID>
\t<CreationDate>2025-01-06T08:00:00</CreationDate>
\t<LastSaved>2025-02-03T09:12:00</LastSaved>
\t<ScheduleFromStart>1</ScheduleFromStart>
\t<StartDate>2025-01-06T08:00:00</StartDate>
\t<FinishDate>2025-03-07T17:00:00</FinishDate>
\t<FYStartDate>1</FYStartDate>
\t<CriticalSlackLimit>0</CriticalSlackLimit>
\t<CurrencyDigits>2</CurrencyDigits>
\t<CurrencySymbol>\u20bc</CurrencySymbol>
\t<CurrencyCode>AZN</CurrencyCode>
\t<CurrencySymbolPosition>0</CurrencySymbolPosition>
\t<CalendarUID>1</CalendarUID>
\t<DefaultStartTime>08:00:00</DefaultStartTime>
\t<DefaultFinishTime>17:00:00</DefaultFinishTime>
\t<MinutesPerDay>480</MinutesPerDay>
\t<MinutesPerWeek>2400</MinutesPerWeek>
\t<DaysPerMonth>20</DaysPerMonth>
\t<DefaultTaskType>0</DefaultTaskType>
\t<DurationFormat>7</DurationFormat>
\t<WorkFormat>2</WorkFormat>
\t<HonorConstraints>0</HonorConstraints>
\t<MultipleCriticalPaths>0</MultipleCriticalPaths>
\t<NewTasksAreManual>1</NewTasksAreManual>
\t<StatusDate>2025-02-03T17:00:00</StatusDate>
\t<CurrentDate>2025-02-03T08:00:00</CurrentDate>
\t<Views>
\t\t<View>
\t\t\t<Name>&amp;Gantt Chart</Name>
\t\t\t<IsCustomized>true</IsCustomized>
\t\t</View>
\t</Views>
\t<Filters/>
\t<Groups/>
\t<Tables/>
\t<Maps/>
\t<Reports/>
\t<Drawings/>
\t<DataLinks/>
\t<VBAProjects/>
\t<OutlineCodes/>
\t<WBSMasks/>
\t<ExtendedAttributes/>
"""
def day(n, working):
    if not working:
        return f"\t\t\t\t<WeekDay>\n\t\t\t\t\t<DayType>{n}</DayType>\n\t\t\t\t\t<DayWorking>0</DayWorking>\n\t\t\t\t</WeekDay>\n"
    wt = "".join(f"\t\t\t\t\t\t<WorkingTime>\n\t\t\t\t\t\t\t<FromTime>{a}</FromTime>\n\t\t\t\t\t\t\t<ToTime>{b}</ToTime>\n\t\t\t\t\t\t</WorkingTime>\n" for a, b in (("08:00:00", "12:00:00"), ("13:00:00", "17:00:00")))
    return f"\t\t\t\t<WeekDay>\n\t\t\t\t\t<DayType>{n}</DayType>\n\t\t\t\t\t<DayWorking>1</DayWorking>\n\t\t\t\t\t<WorkingTimes>\n{wt}\t\t\t\t\t</WorkingTimes>\n\t\t\t\t</WeekDay>\n"
CAL = ("\t<Calendars>\n\t\t<Calendar>\n\t\t\t<UID>1</UID>\n\t\t\t<GUID>0A5E1C2B-0000-4000-8000-000000000002</GUID>\n\t\t\t<Name>Standard</Name>\n"
       "\t\t\t<IsBaseCalendar>1</IsBaseCalendar>\n\t\t\t<IsBaselineCalendar>0</IsBaselineCalendar>\n\t\t\t<BaseCalendarUID>0</BaseCalendarUID>\n\t\t\t<WeekDays>\n"
       + "".join(day(n, 2 <= n <= 6) for n in range(1, 8)) + "\t\t\t</WeekDays>\n"
       "\t\t\t<Exceptions>\n\t\t\t\t<Exception>\n\t\t\t\t\t<EnteredByOccurrences>0</EnteredByOccurrences>\n\t\t\t\t\t<TimePeriod>\n\t\t\t\t\t\t<FromDate>2025-01-20T00:00:00</FromDate>\n\t\t\t\t\t\t<ToDate>2025-01-20T23:59:00</ToDate>\n\t\t\t\t\t</TimePeriod>\n"
       "\t\t\t\t\t<Occurrences>1</Occurrences>\n\t\t\t\t\t<Name>20 January</Name>\n\t\t\t\t\t<Type>1</Type>\n\t\t\t\t\t<DayWorking>0</DayWorking>\n\t\t\t\t</Exception>\n\t\t\t</Exceptions>\n\t\t</Calendar>\n\t</Calendars>\n")
def task(uid, name, wbs, level, start, finish, hours, *, summary=0, manual=0, active=1, null=0, milestone=0, pct=0, actual=None, links=(), cons=(0, None), fmt=53):
    e = [("UID", uid), ("GUID", f"0A5E1C2B-0000-4000-8000-{uid:012d}"), ("ID", uid)]
    if not null:
        e.append(("Name", name))
    e += [("Active", active), ("Manual", manual), ("Type", 1 if summary else 0), ("IsNull", null), ("CreateDate", "2025-01-06T08:00:00")]
    if null:
        return "\t\t<Task>\n" + "".join(f"\t\t\t<{k}>{escape(str(v))}</{k}>\n" for k, v in e + [("WBS", wbs), ("OutlineNumber", wbs), ("OutlineLevel", level)]) + "\t\t</Task>\n"
    e += [("WBS", wbs), ("OutlineNumber", wbs), ("OutlineLevel", level), ("Priority", 500), ("Start", start), ("Finish", finish), ("Duration", f"PT{hours}H0M0S")]
    if manual:
        e += [("ManualStart", start), ("ManualFinish", finish), ("ManualDuration", f"PT{hours}H0M0S")]
    e += [("DurationFormat", fmt), ("FreeformDurationFormat", fmt), ("Work", "PT0H0M0S"), ("ResumeValid", 0), ("EffortDriven", 0), ("Recurring", 0), ("OverAllocated", 0), ("Estimated", 0),
          ("Milestone", milestone), ("Summary", summary), ("DisplayAsSummary", 0), ("Critical", 0), ("IsSubproject", 0), ("IsSubprojectReadOnly", 0), ("ExternalTask", 0),
          ("EarlyStart", start), ("EarlyFinish", finish), ("LateStart", start), ("LateFinish", finish), ("StartVariance", 0), ("FinishVariance", 0), ("WorkVariance", "0.00"),
          ("FreeSlack", 0), ("TotalSlack", 0), ("StartSlack", 0), ("FinishSlack", 0), ("FixedCost", 0), ("FixedCostAccrual", 3), ("PercentComplete", pct), ("PercentWorkComplete", pct), ("Cost", 0)]
    if actual:
        e.append(("ActualStart", actual[0]))
        if actual[1]:
            e.append(("ActualFinish", actual[1]))
    e += [("ActualDuration", "PT0H0M0S"), ("RemainingDuration", f"PT{hours}H0M0S"), ("ConstraintType", cons[0])]
    if cons[1]:
        e.append(("ConstraintDate", cons[1]))
    e += [("CalendarUID", -1), ("LevelAssignments", 1), ("LevelingCanSplit", 1), ("LevelingDelay", 0), ("LevelingDelayFormat", 8), ("IgnoreResourceCalendar", 0), ("HideBar", 0), ("Rollup", 0),
          ("BCWS", "0.00"), ("BCWP", "0.00"), ("PhysicalPercentComplete", 0), ("EarnedValueMethod", 0)]
    body = "".join(f"\t\t\t<{k}>{escape(str(v))}</{k}>\n" for k, v in e)
    for p, t, lag in links:
        body += f"\t\t\t<PredecessorLink>\n\t\t\t\t<PredecessorUID>{p}</PredecessorUID>\n\t\t\t\t<Type>{t}</Type>\n\t\t\t\t<CrossProject>0</CrossProject>\n\t\t\t\t<LinkLag>{lag}</LinkLag>\n\t\t\t\t<LagFormat>7</LagFormat>\n\t\t\t</PredecessorLink>\n"
    body += "\t\t\t<IsPublished>1</IsPublished>\n\t\t\t<CommitmentType>0</CommitmentType>\n"
    return "\t\t<Task>\n" + body + "\t\t</Task>\n"

tasks = [
  task(0, "Culture demo", "0", 0, "2025-01-06T08:00:00", "2025-03-07T17:00:00", 360, summary=1),
  task(1, "Infrastructure", "1", 1, "2025-01-06T08:00:00", "2025-02-07T17:00:00", 200, summary=1),
  task(2, "Survey the sites", "1.1", 2, "2025-01-06T08:00:00", "2025-01-10T17:00:00", 40, pct=100, actual=("2025-01-06T08:00:00", "2025-01-10T17:00:00")),
  task(3, "Buy servers", "1.2", 2, "2025-01-13T08:00:00", "2025-01-24T17:00:00", 80, pct=40, actual=("2025-01-13T08:00:00", None), links=[(2, 1, 0)]),
  task(4, "", "1.3", 2, "", "", 0, null=1),
  task(5, "Cabling (typed dates)", "1.4", 2, "2025-01-27T08:00:00", "2025-01-31T17:00:00", 40, manual=1, links=[(3, 1, 0)]),
  task(6, "Old option, dropped", "1.5", 2, "2025-01-13T08:00:00", "2025-01-17T17:00:00", 40, active=0, links=[(2, 1, 0)]),
  task(7, "Services", "2", 1, "2025-01-27T08:00:00", "2025-03-07T17:00:00", 160, summary=1),
  task(8, "Migrate the registry", "2.1", 2, "2025-01-27T08:00:00", "2025-02-14T17:00:00", 120, links=[(3, 1, 0), (6, 1, 0)]),
  task(9, "Train staff", "2.2", 2, "2025-01-28T08:00:00", "2025-02-03T12:00:00", 36, links=[(8, 3, 4800)]),
  task(10, "Catalogue go-live", "2.3", 2, "2025-02-14T17:00:00", "2025-02-14T17:00:00", 0, milestone=1, links=[(8, 0, 0), (9, 2, -4800)], cons=(7, "2025-03-07T17:00:00")),
  task(11, "Public launch", "2.4", 2, "2025-03-03T08:00:00", "2025-03-07T17:00:00", 40, links=[(10, 1, 9600)], cons=(4, "2025-03-03T08:00:00")),
]
RES = ("\t<Resources>\n\t\t<Resource>\n\t\t\t<UID>0</UID>\n\t\t\t<ID>0</ID>\n\t\t\t<Type>1</Type>\n\t\t\t<IsNull>0</IsNull>\n\t\t</Resource>\n"
       "\t\t<Resource>\n\t\t\t<UID>1</UID>\n\t\t\t<ID>1</ID>\n\t\t\t<Name>IT department</Name>\n\t\t\t<Type>1</Type>\n\t\t\t<IsNull>0</IsNull>\n\t\t</Resource>\n\t</Resources>\n"
       "\t<Assignments>\n\t\t<Assignment>\n\t\t\t<UID>1</UID>\n\t\t\t<TaskUID>3</TaskUID>\n\t\t\t<ResourceUID>1</ResourceUID>\n\t\t\t<Units>1</Units>\n\t\t</Assignment>\n\t</Assignments>\n")
(HERE / "ms-project-2019-shape.xml").open("w", encoding="utf-8", newline="\n").write(HEAD + CAL + "\t<Tasks>\n" + "".join(tasks) + "\t</Tasks>\n" + RES + "</Project>\n")

F = {
"CURRTYPE": "curr_id decimal_digit_cnt curr_symbol decimal_symbol digit_group_symbol pos_curr_fmt_type neg_curr_fmt_type curr_type curr_short_name group_digit_cnt base_exch_rate",
"OBS": "obs_id parent_obs_id guid seq_num obs_name obs_descr",
"PROJECT": "proj_id fy_start_month_num rsrc_self_add_flag allow_complete_flag rsrc_multi_assign_flag checkout_flag project_flag step_complete_flag cost_qty_recalc_flag batch_sum_flag name_sep_char def_complete_pct_type proj_short_name acct_id orig_proj_id source_proj_id base_type_id clndr_id sum_base_proj_id task_code_base task_code_step priority_num wbs_max_sum_level strgy_priority_num last_checksum critical_drtn_hr_cnt def_cost_per_qty last_recalc_date plan_start_date plan_end_date scd_end_date add_date last_tasksum_date fcst_start_date def_duration_type task_code_prefix guid def_qty_type add_by_name web_local_root_path proj_url def_rate_type add_act_remain_flag act_this_per_link_flag def_task_type act_pct_link_flag critical_path_type task_code_prefix_flag def_rollup_dates_flag use_project_baseline_flag rem_target_link_flag reset_planned_flag allow_neg_act_flag sum_assign_level last_fin_dates_id last_baseline_update_date cr_external_key apply_actuals_date location_id loaded_scope_level export_flag new_fin_dates_id next_data_date close_period_flag sum_refresh_date trsrcsum_loaded",
"CALENDAR": "clndr_id default_flag clndr_name proj_id base_clndr_id last_chng_date clndr_type day_hr_cnt week_hr_cnt month_hr_cnt year_hr_cnt rsrc_private clndr_data",
"PROJWBS": "wbs_id proj_id obs_id seq_num proj_node_flag sum_data_flag status_code wbs_short_name wbs_name phase_id parent_wbs_id ev_user_pct ev_etc_user_value orig_cost indep_remain_total_cost ann_dscnt_rate_pct dscnt_period_type indep_remain_work_qty anticip_start_date anticip_end_date ev_compute_type ev_etc_compute_type guid tmpl_guid plan_open_state",
"TASK": "task_id proj_id wbs_id clndr_id phys_complete_pct rev_fdbk_flag lock_plan_flag auto_compute_act_flag complete_pct_type task_type duration_type status_code task_code task_name rsrc_id total_float_hr_cnt free_float_hr_cnt remain_drtn_hr_cnt act_work_qty remain_work_qty target_work_qty target_drtn_hr_cnt target_equip_qty act_equip_qty remain_equip_qty cstr_date act_start_date act_end_date late_start_date late_end_date expect_end_date early_start_date early_end_date restart_date reend_date target_start_date target_end_date rem_late_start_date rem_late_end_date cstr_type priority_type suspend_date resume_date float_path float_path_order guid tmpl_guid cstr_date2 cstr_type2 driving_path_flag act_this_per_work_qty act_this_per_equip_qty external_early_start_date external_late_end_date create_date update_date create_user update_user location_id",
"TASKPRED": "task_pred_id task_id pred_task_id proj_id pred_proj_id pred_type lag_hr_cnt float_path aref arls",
}
rows = {
"CURRTYPE": [[1,2,"$",".",",","#1.1","(#1.1)","Dollar","USD",3,1],[14,2,"\u00a3",".",",","#1.1","(#1.1)","British Pound","U.K.",3,0.501762],[17,2,"\u20ac",",",".","#1.1","(#1.1)","EURO","EUR",3,0.739088]],
"OBS": [[565,"","",0,"Enterprise","<HTML><BODY></BODY></HTML>"]],
}
proj = dict.fromkeys(F["PROJECT"].split(), "")
proj.update(proj_id=4001, proj_short_name="CULT-DEMO", clndr_id=501, plan_start_date="2025-01-06 08:00", scd_end_date="2025-03-31 17:00", def_complete_pct_type="CP_Drtn", def_duration_type="DT_FixedDUR2", def_task_type="TT_Task", critical_path_type="CT_TotFloat", last_recalc_date="2025-01-06 00:00")
rows["PROJECT"] = [list(proj.values())]
week = "(0||1()())" + "".join(f"(0||{d}()((0||0(s|08:00|f|12:00)())(0||1(s|13:00|f|17:00)())))" for d in range(2, 7)) + "(0||7()())"
exc = "".join(f"(0||{i}(d|{n})())" for i, n in enumerate([45658, 45659, 45677]))  # 2025-01-01, 01-02, 01-20: days since 1899-12-30
rows["CALENDAR"] = [[501,"N","5 Day Workweek",4001,"","","CA_Project",8,40,172,2000,"N",f"(0||CalendarData()((0||DaysOfWeek()({week}))(0||Exceptions()({exc}))))"]]
wbs = [(7000, "Y", "CULT-DEMO", "Culture demo (caf\u00e9, \u00a3, \u20ac)", ""), (7001, "N", "1", "Infrastructure", 7000), (7002, "N", "2", "Services", 7000), (7003, "N", "1", "Data centre", 7002)]
rows["PROJWBS"] = []
for wid, node, short, name, parent in wbs:
    r = dict.fromkeys(F["PROJWBS"].split(), "")
    r.update(wbs_id=wid, proj_id=4001, obs_id=565, seq_num=wid - 7000, proj_node_flag=node, sum_data_flag="N", status_code="WS_Open", wbs_short_name=short, wbs_name=name, parent_wbs_id=parent, ev_compute_type="EC_Cmp_pct", ev_etc_compute_type="EE_Rem_hr")
    rows["PROJWBS"].append(list(r.values()))
acts = [
  # id, wbs, code, name, type, status, hours, start, finish, cstr
  (9001, 7001, "A1000", "Survey the sites", "TT_Task", "TK_Complete", 40, "2025-01-07 08:00", "2025-01-13 17:00", ("CS_MSOA", "2025-01-07 00:00")),
  (9002, 7001, "A1010", "Buy servers", "TT_Task", "TK_Active", 80, "2025-01-14 08:00", "2025-01-27 17:00", ("", "")),
  (9003, 7002, "A1020", "Catalogue go-live", "TT_FinMile", "TK_NotStart", 0, "2025-02-10 17:00", "2025-02-10 17:00", ("CS_MEOB", "2025-03-14 00:00")),
  (9004, 7003, "A1030", "Migrate the registry", "TT_Task", "TK_NotStart", 120, "2025-01-28 08:00", "2025-02-17 17:00", ("", "")),
  (9005, 7003, "A1040", "Train staff", "TT_Task", "TK_NotStart", 36, "2025-01-29 08:00", "2025-02-04 12:00", ("", "")),
  (9006, 7002, "A1050", "Services summary", "TT_WBS", "TK_NotStart", 160, "2025-01-14 08:00", "2025-02-17 17:00", ("", "")),
]
rows["TASK"] = []
for tid, wid, code, name, kind, status, hrs, es, ef, (ct, cd) in acts:
    r = dict.fromkeys(F["TASK"].split(), "")
    r.update(task_id=tid, proj_id=4001, wbs_id=wid, clndr_id=501, phys_complete_pct=100 if status == "TK_Complete" else 0, rev_fdbk_flag="N", lock_plan_flag="N", auto_compute_act_flag="N", complete_pct_type="CP_Drtn", task_type=kind, duration_type="DT_FixedDrtn", status_code=status, task_code=code, task_name=name, remain_drtn_hr_cnt=0 if status == "TK_Complete" else hrs, target_drtn_hr_cnt=hrs, early_start_date=es, early_end_date=ef, target_start_date=es, target_end_date=ef, cstr_type=ct, cstr_date=cd, priority_type="PT_Normal")
    if status == "TK_Complete":
        r.update(act_start_date=es, act_end_date=ef)
    if status == "TK_Active":
        r.update(act_start_date=es, phys_complete_pct=40, remain_drtn_hr_cnt=48)
    rows["TASK"].append(list(r.values()))
preds = [(1, 9002, 9001, "PR_FS", 0), (2, 9004, 9002, "PR_FS", 0), (3, 9005, 9004, "PR_SS", 8), (4, 9003, 9004, "PR_FF", 0), (5, 9003, 9005, "PR_SF", -8), (6, 9004, 8801, "PR_FS", 16)]
rows["TASKPRED"] = [[pid, t, p, 4001, 4002 if p == 8801 else 4001, k, lag, "", "", ""] for pid, t, p, k, lag in preds]
out = ["ERMHDR\t8.2.0\t2025-01-06\tProject\tadmin\tPrimavera Admin\tdbxDatabaseNoName\tProject Management\tUSD"]
for t in ["CURRTYPE", "OBS", "PROJECT", "CALENDAR", "PROJWBS", "TASK", "TASKPRED"]:
    out.append(f"%T\t{t}")
    out.append("%F\t" + "\t".join(F[t].split()))
    for r in rows[t]:
        out.append("%R\t" + "\t".join(str(x) for x in r))
out.append("%E")
(HERE / "p6-8.2-shape.xer").open("wb").write(("\r\n".join(out) + "\r\n").encode("cp1252"))
