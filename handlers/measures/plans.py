"""The office's plans whose items staff report on, and how chat names an item of each.

The plan codes and their full Thai names live with the ITA catalogue (an item says which plan
its evidence reports on); this module adds what chat and the sheet need: a short name to
label an item ("แผนดำเนินงาน 3."), reading such a label back, and a stable sheet ID letter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from handlers.ita.catalogue import (
    PLAN_ANTI_CORRUPTION,
    PLAN_INTEGRITY,
    PLAN_OPERATING,
    PLANS,
)
from handlers.thai.digits import thai_to_arabic
from handlers.thai.normalize import normalize

__all__ = [
    "PLANS",
    "PLAN_ANTI_CORRUPTION",
    "PLAN_INTEGRITY",
    "PLAN_OPERATING",
    "BUTTON_TAGS",
    "ITEM_NOUNS",
    "SHORT_NAMES",
    "ItemRef",
    "check_plan",
    "item_label",
    "item_name",
    "parse_item_ref",
    "plan_order",
]

# What chat calls an item of each plan: short enough for a list line and a button.
SHORT_NAMES: dict[str, str] = {
    PLAN_INTEGRITY: "มาตรการ",
    PLAN_OPERATING: "แผนดำเนินงาน",
    PLAN_ANTI_CORRUPTION: "แผนป้องกันการทุจริต",
}
# The noun an item of each plan is counted with in reports ("5 มาตรการ", "12 โครงการ").
ITEM_NOUNS: dict[str, str] = {
    PLAN_INTEGRITY: "มาตรการ",
    PLAN_OPERATING: "โครงการ",
    PLAN_ANTI_CORRUPTION: "โครงการ",
}

_D = "[0-9๐-๙]"
_SEP = r"\s*(?:ที่|ข้อ|ลำดับที่|โครงการที่|โครงการ)?\s*"
# Each plan's ways of writing "item N"; "มาตรการ N" always means an integrity measure, as
# staff have written it since before there were other plans.
_REFS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (PLAN_INTEGRITY, re.compile(rf"^มาตรการ{_SEP}({_D}{{1,3}})(?!{_D})")),
    (PLAN_OPERATING, re.compile(rf"^แผน(?:การ)?ดำเนินงาน{_SEP}({_D}{{1,3}})(?!{_D})")),
    (
        PLAN_ANTI_CORRUPTION,
        re.compile(rf"^แผน(?:ปฏิบัติการ)?(?:ป้องกัน)?(?:การ)?ทุจริต{_SEP}({_D}{{1,3}})(?!{_D})"),
    ),
)
_BARE = re.compile(rf"^({_D}{{1,3}})(?:\s*[.)]|\s|$)")


def plan_order(plan: str) -> int:
    """Where a plan's items come in a list of several plans' items: as PLANS lists them."""
    order = list(PLANS)
    return order.index(plan) if plan in order else len(order)


class UnknownPlan(ValueError):
    """A plan code that is not one of PLANS."""


def check_plan(plan: str) -> str:
    """The plan code itself, or UnknownPlan naming the codes there are."""
    if plan not in PLANS:
        raise UnknownPlan(f"unknown plan {plan!r}; expected one of {', '.join(PLANS)}")
    return plan


def item_label(plan: str, no: int) -> str:
    """How chat names an item when several plans are in play: "แผนดำเนินงาน 3"."""
    return f"{SHORT_NAMES.get(plan, plan)} {no}"


@dataclass(frozen=True)
class ItemRef:
    plan: str | None  # None: a bare number, which could be an item of any plan
    no: int
    rest: str  # the (normalised) text after the reference


def parse_item_ref(text: str) -> ItemRef | None:
    """ "มาตรการ ๓", "แผนดำเนินงาน 3", "แผนป้องกันการทุจริต ข้อ 2" or a bare "3" at the start
    of text; None when the text starts with none of them."""
    cleaned = normalize(text)
    for plan, pattern in _REFS:
        m = pattern.match(cleaned)
        if m:
            return ItemRef(plan, int(thai_to_arabic(m.group(1))), cleaned[m.end() :].strip())
    bare = _BARE.match(cleaned)
    if bare:
        return ItemRef(None, int(thai_to_arabic(bare.group(1))), cleaned[bare.end() :].strip())
    return None


def item_name(plan: str, no: int) -> str:
    """An item in a sentence: "มาตรการที่ 3", "แผนดำเนินงาน 3"."""
    return f"มาตรการที่ {no}" if plan == PLAN_INTEGRITY else item_label(plan, no)


# Before the number on a chat button (20 characters in all), when several plans are listed.
BUTTON_TAGS: dict[str, str] = {
    PLAN_INTEGRITY: "มาตรการ",
    PLAN_OPERATING: "แผนงาน",
    PLAN_ANTI_CORRUPTION: "ป้องกันทุจริต",
}
