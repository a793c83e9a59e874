"""The ITA items an integrity measure answers, as the o42 and o43 documents show them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ItemLinks:
    """The items a measure answers: codes in the numbering of the ITA year `ita_year` (the
    year whose analysis the measure came from)."""

    ita_year: int
    codes: tuple[str, ...]


@dataclass(frozen=True)
class LinkedItem:
    code: str
    title: str = ""  # from the ITA year's catalogue; "" when it has no such item
    score: float | None = None  # the office's score of the item, when imported


def items_text(items: list[LinkedItem]) -> str:
    """ข้อคำถาม ITA: one item a line, its code and question or title."""
    return "\n".join(f"{i.code} {i.title}".strip() for i in items)


def scores_text(items: list[LinkedItem]) -> str:
    """ผลการวิเคราะห์ข้อมูล: the score of each item that has one; "" when none has."""
    return "\n".join(f"{i.code} ได้คะแนน {i.score:.2f}" for i in items if i.score is not None)


def codes_text(items: list[LinkedItem]) -> str:
    return ", ".join(i.code for i in items)
