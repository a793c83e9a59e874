"""A measure suggested for weak ITA items: the contract between the measure library
(handlers.ita.library) and the yearly analysis (handlers.ita.analysis)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Suggestion:
    """One measure an office could adopt for `for_codes` (items of the year's catalogue,
    e.g. ("i12", "e5")) under issue `issue_no` (1-7 as in the seeds' analyses)."""

    title: str
    steps: tuple[str, ...]
    unit: str
    period: str
    for_codes: tuple[str, ...]
    issue_no: int = 0
    source: str = ""  # which seed document the measure comes from

    def as_json(self) -> dict[str, object]:
        return {
            "title": self.title,
            "steps": list(self.steps),
            "unit": self.unit,
            "period": self.period,
            "for": list(self.for_codes),
        }
