"""How people type a short answer in Thai chat: with a polite ending ("ยืนยันค่ะ"), with a
typo ("ร้องทุก"), or as a bare number ("45", "๕ ดาว"). Helpers to see past that."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz.distance import Levenshtein

from handlers.thai.digits import thai_to_arabic

# Endings that add politeness, not meaning, when a whole answer is one word or two.
_POLITE = re.compile(
    r"(?:\s*(?:ครับผม|ครับ|คับ|ค่ะ|คะ|ค่า|จ้ะ|จ้า|จ้ะ|นะคะ|นะครับ|นะ|เลย|ด้วย|please|pls))+$",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^(\d{1,3})\s*(?:ปี|ดาว|คะแนน|คน|ขวบ)?$")
_RANGE = re.compile(r"(\d+)\s*[-–]\s*(\d+)")


def strip_polite(text: str) -> str:
    """`text` without its polite ending; the text itself when it is nothing but that."""
    t = " ".join(text.split())
    return _POLITE.sub("", t) or t


# Vowel and tone marks written above or below a letter.
_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def closest(text: str, candidates: Iterable[str]) -> str | None:
    """The one candidate `text` is a typo of: at most 1 edit for words under 8 characters,
    2 from 8 on (counting letters without marks, see _letters_close); never for words under
    5 characters, where one edit changes the meaning."""
    t = text.casefold()
    if len(t) < 4:
        return None
    found: list[tuple[int, str]] = []
    digits = _digits(t)
    for c in candidates:
        # "มาตรการ 1" is no typo of "มาตรการ 3": numbers are never corrected.
        if len(c) < 5 or _digits(c) != digits:
            continue
        limit = 1 if len(c) < 8 else 2
        d = Levenshtein.distance(t, c.casefold(), score_cutoff=limit)
        if d <= limit and _letters_close(t, c.casefold()):
            found.append((d, c))
    if not found:
        return None
    found.sort()
    best = [c for d, c in found if d == found[0][0]]
    return best[0] if len(set(best)) == 1 else None


def _letters_close(a: str, b: str) -> bool:
    """The words' letters, without vowel and tone marks, differ by one letter when either is
    short (two when both are long): "ร้องทุก" is a typo of "ร้องทุกข์" (one letter and a
    mark) but "ทะเบียน" a word of its own, not "ลงทะเบียน" short of two letters."""
    la, lb = _MARKS.sub("", a), _MARKS.sub("", b)
    limit = 1 if min(len(la), len(lb)) < 8 else 2
    return Levenshtein.distance(la, lb, score_cutoff=limit) <= limit


def _digits(text: str) -> str:
    return "".join(ch for ch in thai_to_arabic(text) if ch.isdigit())


def bare_number(text: str) -> int | None:
    """A whole answer that is a small number, perhaps with its unit: "45", "๔๕ ปี", "5 ดาว"."""
    m = _NUMBER.match(thai_to_arabic(strip_polite(text)))
    return int(m.group(1)) if m else None


def number_fits(n: int, option: str) -> bool:
    """Whether an option such as "5 มากที่สุด", "40–49 ปี", "ต่ำกว่า 20 ปี" or
    "60 ปีขึ้นไป" is the one the number `n` names."""
    o = thai_to_arabic(option)
    span = _RANGE.search(o)
    if span:
        return int(span.group(1)) <= n <= int(span.group(2))
    lead = re.match(r"^(\d+)(?!\d)", o)
    digits = re.search(r"\d+", o)
    if digits is None:
        return False
    v = int(digits.group(0))
    if "ต่ำกว่า" in o or "น้อยกว่า" in o:
        return n < v
    if "ขึ้นไป" in o or "มากกว่า" in o:
        return n >= v
    return lead is not None and int(lead.group(1)) == n
