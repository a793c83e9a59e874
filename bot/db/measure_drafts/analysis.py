"""The two things the drafts page and the measure documents read from the year's ITA
scores and analysis (issue 17, parts 1-2). Kept here, in one place, so that wiring them to
the score store is a change of these two functions only."""

from __future__ import annotations

from bot.db.ita.scores_store import year_analysis, year_scores
from bot.db.store import SqlStore
from handlers.ita.analysis import no_suggestions
from handlers.ita.grouping import GroupingError


def flagged_by_issue(store: SqlStore, year: int) -> dict[int, list[str]]:
    """The items of `year` the analysis flags, by issue number (1-7), in catalogue order;
    issues without flagged items left out. Empty while the office has no scores, or for a
    year no issue grouping covers (the admin then picks items by hand)."""
    try:
        analysis = year_analysis(store.session, year, suggest=no_suggestions)
    except GroupingError:
        return {}
    return {i.no: [x.code for x in i.flagged] for i in analysis.issues if i.flagged}


def item_scores(store: SqlStore, year: int) -> dict[str, float]:
    """The office's score of each item of ITA `year` (code -> score); empty without scores."""
    return {code: float(score) for code, score in year_scores(store.session, year).items()}
