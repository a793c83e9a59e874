"""The two things the drafts page and the measure documents read from the year's ITA
scores and analysis (issue 17, parts 1-2). Kept here, in one place, so that wiring them to
the score store is a change of these two functions only."""

from __future__ import annotations

from bot.db.store import SqlStore


def flagged_by_issue(store: SqlStore, year: int) -> dict[int, list[str]]:
    """The items of `year` the analysis flags, by issue number (1-7), in catalogue order;
    issues without flagged items left out. Empty while the office has no scores."""
    return {}


def item_scores(store: SqlStore, year: int) -> dict[str, float]:
    """The office's score of each item of ITA `year` (code -> score); empty without scores."""
    return {}
