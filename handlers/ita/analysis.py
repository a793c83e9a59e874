"""The yearly analysis of an office's ITA scores, issue by issue (as seeds 002 and 004 do).

Every item of an issue shows its score, last year's and the change; an item is flagged
when its score is below the office's threshold (85 by default, the NACC's pass mark for the
overall score and each instrument) or when it is an OIT item scored 0 (evidence not
published or refused: seed 002's o43 and seed 004's o30, o42, o43). Issues with a flagged
item get suggested measures from the injected `suggest` (the measure library).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from handlers.ita.catalogue import INSTRUMENTS, Catalogue
from handlers.ita.grouping import Grouping
from handlers.ita.suggestion import Suggestion

DEFAULT_THRESHOLD = Decimal(85)
Suggest = Callable[[int, Sequence[str]], list[Suggestion]]


def no_suggestions(issue_no: int, codes: Sequence[str]) -> list[Suggestion]:
    return []


@dataclass(frozen=True)
class ItemResult:
    code: str
    title: str
    score: Decimal | None  # None: no score was imported for the item
    previous: Decimal | None
    flagged: bool

    @property
    def instrument(self) -> str:
        return INSTRUMENTS[self.code[0]]

    @property
    def change(self) -> Decimal | None:
        if self.score is None or self.previous is None:
            return None
        return self.score - self.previous

    def as_json(self) -> dict[str, object]:
        change = self.change
        return {
            "code": self.code,
            "title": self.title,
            "score": _num(self.score),
            "flagged": self.flagged,
            "previous": _num(self.previous),
            "change": _num(change),
        }


@dataclass(frozen=True)
class IssueResult:
    no: int
    title: str
    items: tuple[ItemResult, ...]
    suggestions: tuple[Suggestion, ...] = ()

    @property
    def flagged(self) -> tuple[ItemResult, ...]:
        return tuple(i for i in self.items if i.flagged)

    def by_instrument(self, instrument: str) -> tuple[ItemResult, ...]:
        return tuple(i for i in self.items if i.instrument == instrument)

    def as_json(self) -> dict[str, object]:
        return {
            "no": self.no,
            "title": self.title,
            "items": [i.as_json() for i in self.items],
            "suggestions": [s.as_json() for s in self.suggestions],
        }


@dataclass(frozen=True)
class Analysis:
    year: int
    threshold: Decimal
    issues: tuple[IssueResult, ...]

    @property
    def previous_year(self) -> int:
        return self.year - 1

    @property
    def scored(self) -> bool:
        return any(i.score is not None for issue in self.issues for i in issue.items)

    def as_json(self) -> dict[str, object]:
        return {
            "year": self.year,
            "threshold": _num(self.threshold),
            "previous_year": self.previous_year,
            "issues": [i.as_json() for i in self.issues],
        }


def is_flagged(code: str, score: Decimal | None, threshold: Decimal) -> bool:
    if score is None:
        return False
    return score < threshold or (code.startswith("o") and score == 0)


def analyse(
    year: int,
    scores: Mapping[str, Decimal],
    previous_scores: Mapping[str, Decimal],
    threshold: Decimal,
    grouping: Grouping,
    suggest: Suggest = no_suggestions,
    catalogue: Catalogue | None = None,
) -> Analysis:
    """The year's scores grouped into the seven issues, flagged against `threshold`.

    Titles come from the catalogue (the office's edited one) and else from the grouping
    file. Last year's scores are compared code for code: the caller passes them only when
    both years share a numbering (see `comparable`)."""
    issues = []
    for issue in grouping.issues:
        items = tuple(
            ItemResult(
                code=code,
                title=_title(code, grouping, catalogue),
                score=scores.get(code),
                previous=previous_scores.get(code),
                flagged=is_flagged(code, scores.get(code), threshold),
            )
            for code in issue.codes
        )
        flagged = [i.code for i in items if i.flagged]
        suggestions = tuple(suggest(issue.no, flagged)) if flagged else ()
        issues.append(IssueResult(issue.no, issue.title, items, suggestions))
    return Analysis(year, threshold, tuple(issues))


def comparable(this_year: Grouping, last_year: Grouping) -> set[str]:
    """The codes whose last-year score can stand beside this year's.

    IIT/EIT codes when both years ask the same questions (the same codes, worded alike: ITA
    2564-2566 share one list though each year has its own file). OIT codes when both years use
    the same OIT file, and otherwise only a code both files give the same title (the OIT list
    is renumbered between some years: o29 of 2566 is not O29 of 2568, o34 of 2565 is not o34
    of 2566, but o42 is o42)."""
    same: set[str] = set()
    if _questions(this_year) == _questions(last_year):
        same |= {c for c in this_year.codes() if c[0] in "ie"}
    oit = {c for c in this_year.codes() if c[0] == "o"}
    if this_year.based_on == last_year.based_on:
        same |= oit
    else:
        same |= {
            c
            for c in oit & last_year.codes()
            if this_year.titles.get(c) and this_year.titles.get(c) == last_year.titles.get(c)
        }
    return same


def _questions(grouping: Grouping) -> dict[str, str]:
    return {c: grouping.titles.get(c, "") for c in grouping.codes() if c[0] in "ie"}


def _title(code: str, grouping: Grouping, catalogue: Catalogue | None) -> str:
    item = catalogue.item(code) if catalogue else None
    if item is not None and item.title:
        return item.title
    return grouping.titles.get(code, "")


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)
