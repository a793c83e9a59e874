"""Numbers in staff messages: percentages ("เสร็จแล้ว ๖๐%", "ร้อยละหกสิบ") and Thai number words."""

import re
from decimal import Decimal, InvalidOperation

from pythainlp.util import thaiword_to_num

from handlers.thai.digits import thai_to_arabic
from handlers.thai.normalize import normalize

_PERCENT = re.compile(
    r"ร้อยละ\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*(?:%|％|เปอร์เซ็นต์|เปอร์เซ็น|เปอร์เซนต์|percent)",
    re.IGNORECASE,
)
_PERCENT_WORDS = re.compile(r"ร้อยละ\s*([ก-๙]+?)(?:เปอร์เซ็นต์|$|\s)")

NUMBER_WORDS: frozenset[str] = frozenset(
    {
        "ศูนย์",
        "หนึ่ง",
        "เอ็ด",
        "สอง",
        "ยี่",
        "สาม",
        "สี่",
        "ห้า",
        "หก",
        "เจ็ด",
        "แปด",
        "เก้า",
        "สิบ",
        "ร้อย",
        "พัน",
        "หมื่น",
        "แสน",
        "ล้าน",
    }
)
_WORD_NUMBER = re.compile("(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")+")


def parse_percent(text: str) -> int | None:
    """The first percentage in text ("๖๐%", "ร้อยละ ๖๐", "60เปอร์เซ็นต์") as 0-100, else None."""
    cleaned = thai_to_arabic(normalize(text))
    m = _PERCENT.search(cleaned)
    if m:
        value = round(float(m.group(1) or m.group(2)))
    else:
        words = _PERCENT_WORDS.search(cleaned)
        parsed = word_to_number(words.group(1)) if words else None
        if parsed is None:
            return None
        value = parsed
    # Progress cannot exceed 100%; a larger figure is a typo a person must look at.
    return value if 0 <= value <= 100 else None


def word_to_number(word: str) -> int | None:
    """Value of one Thai number word ("สามสิบห้า" → 35), or None."""
    if not _WORD_NUMBER.fullmatch(word):
        return None
    try:
        return int(thaiword_to_num(word))
    except ValueError:
        return None


# An amount of baht as plans write it: "150,000", "๑๕๐,๐๐๐.๕๐", "150,000 บาท".
_AMOUNT = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?(?![\d,])")
# What a budget cell says when there is no money to it.
NO_BUDGET = frozenset({"", "-", "–", "—", "ไม่มี", "ไม่ใช้งบประมาณ", "ไม่ใช้งบ", "ไม่มีงบประมาณ"})


class UnreadableAmount(ValueError):
    """A budget cell that names money but not one amount a person can confirm."""


def parse_baht(text: str) -> Decimal | None:
    """The amount in a budget cell, or None when the cell says there is none.

    Thai or Arabic digits, thousands commas, "บาท" after it. A cell with no amount, or with
    several (which one is the budget?), raises UnreadableAmount: never a guess.
    """
    cleaned = normalize(thai_to_arabic(text or "")).replace("บาท", " ").strip(" .")
    if cleaned in NO_BUDGET:
        return None
    found = _AMOUNT.findall(cleaned)
    if len(found) != 1:
        raise UnreadableAmount(text)
    whole, fraction = found[0]
    try:
        return Decimal(whole.replace(",", "") + fraction)
    except InvalidOperation as error:  # pragma: no cover - the pattern admits digits only
        raise UnreadableAmount(text) from error
