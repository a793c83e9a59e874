"""Builders of the plan evidence: the integrity measures (o42), what was done on them (o43),
and the monitoring and results reports of a plan (o12/o13 for the operating plan, o37/o38
for the anti-corruption plan in 2566). The content is built in handlers/reports."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from bot.db.ita.scores_store import year_scores
from bot.reports.measure_items import linked_items
from bot.reports.request import ReportRequest
from bot.reports.score_analysis import build_analysis
from bot.uploads.photos import photo_path
from handlers.ita.catalogue import PLAN_INTEGRITY, PLAN_OPERATING, CatalogueError
from handlers.ita.windows import window_for
from handlers.reports import measures as measure_reports
from handlers.reports import plan_progress
from handlers.reports.model import Report
from handlers.thai.dates import fiscal_year_bounds


def build_measures(req: ReportRequest) -> Report:
    """o42: the year's integrity measures, after the analysis of last year's ITA scores they
    come from when the office has imported those scores (the assessors look for both)."""
    fy = req.window.fiscal_year
    measures = req.store.measures.measures_of_year(fy, PLAN_INTEGRITY)
    register = measure_reports.build_register(
        measures, req.window, req.office, req.thai_digits, linked_items(req.store, measures)
    )
    return with_last_years_analysis(register, req)


def with_last_years_analysis(register: Report, req: ReportRequest) -> Report:
    """`register` preceded by the analysis of ITA year fy - 1, if that year has scores."""
    analysed = req.window.fiscal_year - 1
    if not year_scores(req.store.session, analysed):
        return register
    # The analysis reads the whole of its year: judged as of that year's last day.
    whole_year = window_for("current_fy", analysed, fiscal_year_bounds(analysed)[1])
    analysis = build_analysis(replace(req, window=whole_year))
    if not analysis.tables:  # no issue grouping for that year: nothing to show
        return register
    intro = [
        f"มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {analysed + 1}"
        f" จัดทำจากผลการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ"
        f" ประจำปีงบประมาณ พ.ศ. {analysed} ดังนี้"
    ]
    return replace(
        register,
        intro=[*intro, *analysis.intro, *register.intro],
        tables=[*analysis.tables, *register.tables],
        notes=[*analysis.notes, *register.notes],
        figures={**register.figures, "analysis": analysis.figures},
    )


def build_measure_results(req: ReportRequest) -> Report:
    """o43: what staff reported on the integrity measures within the window."""
    fy = req.window.fiscal_year
    part = req.store.measures
    measures = part.measures_of_year(fy, PLAN_INTEGRITY)
    return measure_reports.build_results(
        measures,
        part.progress_of_year(fy, PLAN_INTEGRITY),
        req.window,
        office=req.office,
        register_code=_register_code(req),
        find_photo=_photo_finder(),
        thai_digits=req.thai_digits,
        linked=linked_items(req.store, measures),
    )


def build_plan_progress(req: ReportRequest) -> Report:
    """How the plan of req.item (the operating plan by default) stood at the as-of day."""
    return _plan(req, _plan_of(req), annual=False)


def build_plan_results(req: ReportRequest) -> Report:
    """The year's results of the plan of req.item; the window names the year (the previous
    fiscal year for the catalogue's results items)."""
    return _plan(req, _plan_of(req), annual=True)


def _plan_of(req: ReportRequest) -> str:
    return req.plan or (req.item.plan if req.item else "") or PLAN_OPERATING


def _plan(req: ReportRequest, plan: str, annual: bool) -> Report:
    fy = req.window.fiscal_year
    part = req.store.measures
    return plan_progress.build(
        part.measures_of_year(fy, plan),
        part.progress_of_year(fy, plan),
        req.window,
        plan,
        annual=annual,
        office=req.office,
        thai_digits=req.thai_digits,
    )


def _register_code(req: ReportRequest) -> str:
    """The code the year's measures were published under (o42 in 2566), when the report
    is published under the ITA catalogue; "" otherwise."""
    if req.item is None:
        return ""
    from bot.db.ita.store import catalogue_for

    try:
        found = catalogue_for(req.store.session, req.fiscal_year).by_kind("measures")
    except CatalogueError:
        return ""
    return found[0].code.upper() if found else ""


def _photo_finder() -> measure_reports.PhotoFinder:
    """Stored photo names -> files in the app's upload folder (none outside an app)."""
    from flask import current_app, has_app_context

    folder = str(current_app.config.get("UPLOAD_FOLDER") or "") if has_app_context() else ""

    def find(name: str) -> str | None:
        if not folder:
            return None
        path: Path = photo_path(folder, name)
        return str(path) if path.is_file() else None

    return find
