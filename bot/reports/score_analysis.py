"""The yearly analysis of the ITA scores (kind analysis), built by
handlers/reports/score_analysis.py from the office's scores and texts."""

from __future__ import annotations

from bot.db.ita.scores_store import LIMITATIONS, texts, year_analysis
from bot.reports.request import ReportRequest
from handlers.ita.analysis import no_suggestions
from handlers.ita.grouping import GroupingError
from handlers.reports import score_analysis
from handlers.reports.model import Report


def build_analysis(req: ReportRequest) -> Report:
    # Scores are the year's as a whole (no dates): the window names the year.
    year = req.window.fiscal_year
    session = req.store.session
    try:
        analysis = year_analysis(session, year, suggest=no_suggestions)
    except GroupingError:
        return Report(
            title=f"{score_analysis.TITLE} ประจำปีงบประมาณ พ.ศ. {year}",
            notes=[f"ยังไม่มีการจัดกลุ่มประเด็นการวิเคราะห์ของปีงบประมาณ พ.ศ. {year}"],
        )
    saved = texts(session, year)
    return score_analysis.build(analysis, saved, saved.get(LIMITATIONS, ""))
