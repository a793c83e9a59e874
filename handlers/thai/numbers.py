"""Numbers in staff messages: percentages ("เสร็จแล้ว ๖๐%", "ร้อยละหกสิบ") and Thai number words."""

import re

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
