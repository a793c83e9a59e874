"""The one-line progress report: "มาตรการ ๓ ๖๐% จัดอบรมแล้ว ๔๕ คน".

The measure is found by its number ("มาตรการ ๓" is integrity measure 3, "แผนดำเนินงาน 3"
item 3 of the operating plan), or by a fuzzy match of its title (rapidfuzz). A match
is taken only when it clearly beats the others; otherwise the best three are offered and
the staff member picks. Never a silent guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from handlers.ita.catalogue import PLAN_INTEGRITY
from handlers.measures.domain import Measure
from handlers.measures.plans import parse_item_ref
from handlers.thai.digits import thai_to_arabic
from handlers.thai.normalize import normalize
from handlers.thai.numbers import parse_percent

_D = "[0-9๐-๙]"
_STARTER = re.compile(r"^(?:รายงานความคืบหน้า|รายงานผลการดำเนินงาน|รายงานผล|ความคืบหน้า)\s*[:：-]?\s*")
_PERCENT = re.compile(
    rf"(?:ร้อยละ\s*{_D}+(?:\.{_D}+)?|{_D}+(?:\.{_D}+)?\s*(?:%|％|เปอร์เซ็นต์|เปอร์เซ็น|เปอร์เซนต์))"
    r"\s*(?:แล้ว)?"
)
_DONE_WORDS = re.compile(r"^(?:เสร็จแล้ว|เสร็จสิ้น(?:แล้ว)?|แล้วเสร็จ|ดำเนินการแล้วเสร็จ|เสร็จ)\s*")

SURE_SCORE = 85.0
SURE_MARGIN = 10.0
# One short word ("อบรม") fits inside many titles: too little to be sure of any.
SURE_MIN_CHARS = 8


@dataclass(frozen=True)
class FreeForm:
    number: int | None
    percent: int | None
    done: str  # what was done, as the staff member wrote it
    plan: str = PLAN_INTEGRITY  # whose item `number` is


def parse_free_form(text: str) -> FreeForm:
    rest = _STARTER.sub("", normalize(text))
    number, plan = None, PLAN_INTEGRITY
    ref = parse_item_ref(rest)
    if ref is not None and ref.plan is not None:  # a bare number is not an item here
        number, plan = ref.no, ref.plan
        rest = ref.rest.lstrip(":：.-").strip()
    percent = parse_percent(rest)
    if percent is not None:
        rest = _PERCENT.sub(" ", rest, count=1)
    finished = _DONE_WORDS.match(rest.strip())
    if finished:
        rest = rest.strip()[finished.end() :]
        if percent is None:
            percent = 100
    return FreeForm(number, percent, normalize(rest).strip(" ,-:"), plan)


@dataclass(frozen=True)
class Match:
    measure: Measure | None  # taken when sure
    candidates: list[Measure]  # the best three otherwise, best first


def match_title(text: str, measures: list[Measure]) -> Match:
    """The measure a sentence is about, by title, or the three closest when unsure."""
    query = normalize(thai_to_arabic(text))
    if not query or not measures:
        return Match(None, measures[:3])
    scored = sorted(((_score(query, m), m) for m in measures), key=lambda sm: (-sm[0], sm[1].no))
    best, second = scored[0][0], scored[1][0] if len(scored) > 1 else 0.0
    if best >= SURE_SCORE and best - second >= SURE_MARGIN and len(query) >= SURE_MIN_CHARS:
        return Match(scored[0][1], [])
    return Match(None, [m for _, m in scored[:3]])


def _score(query: str, m: Measure) -> float:
    title = normalize(thai_to_arabic(m.short_title))
    # partial_ratio finds the shorter text inside the longer: a title fragment in a long
    # sentence, or a short sentence inside a long title.
    return float(fuzz.partial_ratio(query, title))
