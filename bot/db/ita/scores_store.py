"""The office's ITA scores, analysis texts and threshold, and the year's analysis built
from them (scores, last year's where comparable, the grouping and the catalogue)."""

from __future__ import annotations

import contextlib
from datetime import datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.db.ita.scores_tables import AnalysisSettingRow, AnalysisTextRow, ScoreRow
from bot.db.ita.store import catalogue_for
from handlers.ita import library
from handlers.ita.analysis import DEFAULT_THRESHOLD, Analysis, Suggest, analyse, comparable
from handlers.ita.catalogue import CatalogueError
from handlers.ita.grouping import GroupingError, load_grouping

THRESHOLD_KEY = "score_threshold"
LIMITATIONS = 0  # the issue number the limitations (ข้อจำกัด) text is stored under


def year_scores(session: Session, year: int) -> dict[str, Decimal]:
    rows = session.scalars(select(ScoreRow).where(ScoreRow.year == year))
    return {r.code: Decimal(r.score).quantize(Decimal("0.01")) for r in rows}


def replace_scores(
    session: Session, year: int, scores: dict[str, Decimal], now: datetime, by: str
) -> None:
    """The year's scores become exactly `scores` (an import replaces the year)."""
    session.execute(delete(ScoreRow).where(ScoreRow.year == year))
    for code, score in scores.items():
        session.add(ScoreRow(year=year, code=code, score=score, imported_at=now, imported_by=by))
    session.flush()


def known_codes(session: Session, year: int) -> set[str]:
    """Every code the year may be scored on: its catalogue and its issue grouping."""
    codes: set[str] = set()
    with contextlib.suppress(CatalogueError):
        codes |= {i.code for i in catalogue_for(session, year).items}
    with contextlib.suppress(GroupingError):
        codes |= load_grouping(year).codes()
    return codes


def threshold(session: Session) -> Decimal:
    row = session.get(AnalysisSettingRow, THRESHOLD_KEY)
    if row is None:
        return DEFAULT_THRESHOLD
    try:
        return Decimal(row.value)
    except InvalidOperation:
        return DEFAULT_THRESHOLD


def set_threshold(session: Session, value: Decimal, now: datetime, by: str) -> Decimal:
    """Store the office's threshold; returns the one it replaces."""
    before = threshold(session)
    row = session.get(AnalysisSettingRow, THRESHOLD_KEY)
    if row is None:
        session.add(
            AnalysisSettingRow(key=THRESHOLD_KEY, value=str(value), updated_at=now, updated_by=by)
        )
    else:
        row.value, row.updated_at, row.updated_by = str(value), now, by
    session.flush()
    return before


def texts(session: Session, year: int) -> dict[int, str]:
    """The saved analysis paragraphs by issue (0: the limitations)."""
    rows = session.scalars(select(AnalysisTextRow).where(AnalysisTextRow.year == year))
    return {r.issue: r.text for r in rows}


def save_text(session: Session, year: int, issue: int, text: str, now: datetime, by: str) -> bool:
    """Save one issue's paragraph; False when it is unchanged (nothing written)."""
    row = session.scalars(
        select(AnalysisTextRow).where(AnalysisTextRow.year == year, AnalysisTextRow.issue == issue)
    ).first()
    if (row.text if row is not None else "") == text:
        return False  # an empty box for a paragraph never written is no change
    if row is None:
        session.add(
            AnalysisTextRow(year=year, issue=issue, text=text, updated_at=now, updated_by=by)
        )
    else:
        row.text, row.updated_at, row.updated_by = text, now, by
    session.flush()
    return True


def year_analysis(
    session: Session,
    year: int,
    threshold_override: Decimal | None = None,
    suggest: Suggest | None = None,
) -> Analysis:
    """The year's analysis; GroupingError when no issue grouping covers the year."""
    grouping = load_grouping(year)
    try:
        catalogue = catalogue_for(session, year)
    except CatalogueError:
        catalogue = None
    previous: dict[str, Decimal] = {}
    try:
        same = comparable(grouping, load_grouping(year - 1))
        previous = {c: s for c, s in year_scores(session, year - 1).items() if c in same}
    except GroupingError:
        pass  # no grouping for last year: no comparison
    return analyse(
        year,
        year_scores(session, year),
        previous,
        threshold(session) if threshold_override is None else threshold_override,
        grouping,
        suggest or library.suggest,
        catalogue,
    )


def template_rows(session: Session, year: int) -> list[tuple[str, str]]:
    """(code, title) of every code of the year: IIT, EIT, then OIT, each in number order."""
    try:
        catalogue = catalogue_for(session, year)
    except CatalogueError:
        catalogue = None
    try:
        grouping_titles = load_grouping(year).titles
    except GroupingError:
        grouping_titles = {}
    rows = []
    for code in sorted(known_codes(session, year), key=_code_order):
        item = catalogue.item(code) if catalogue else None
        rows.append((code, (item.title if item else "") or grouping_titles.get(code, "")))
    return rows


def _code_order(code: str) -> tuple[int, int]:
    return ("ieo".index(code[0]), int(code[1:]))
