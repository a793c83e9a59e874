"""ITA indicator codes (i1-i30, e1-e15, o1-o43) as offices actually type them.

Documents write "i๑", "e๑๕", "O12", "o 12" and even "๐๑๒", where a Thai zero stands for
the letter o; ranges such as "i1-i3" or "๐34-๐35" name every code in between.
"""

import re

from handlers.thai.digits import thai_to_arabic

# Highest item number of each instrument in the 2566/2567 numbering. The numbering changes
# between years; per-year item lists belong in data, these bounds only reject nonsense.
MAX_ITEM: dict[str, int] = {"i": 30, "e": 15, "o": 43}

_DIGITS = "[0-9๐-๙]"
_PREFIX = r"(?:(?P<letter>ei|[ieo])\s?|(?P<zero>๐))"
_IN_TEXT = re.compile(
    rf"(?<![A-Za-z0-9๐-๙.,/:]){_PREFIX}(?P<num>{_DIGITS}{{1,2}})(?!{_DIGITS})"
    rf"(?:\s?[-–]\s?(?:ei|[ieo]|๐)?\s?(?P<last>{_DIGITS}{{1,2}})(?!{_DIGITS}))?",
    re.IGNORECASE,
)
# After "๐๔๓" a dash or space and three more digits is a phone number, not item o43.
_PHONE_TAIL = re.compile(r"\s?[-–]?\s?[1-9๑-๙]" + _DIGITS + "{2}")
# Text like "๐๑/๑๐/๒๕๖๗" is a date.
_DATE_TAIL = re.compile(rf"[./:]{_DIGITS}")


def _code(letter: str | None, number: int) -> str | None:
    # "ei2" appears in a seed table where e2 belongs: a slip of the fingers, not a new code.
    family = (letter or "o").lower()[0]
    if 1 <= number <= MAX_ITEM[family]:
        return f"{family}{number}"
    return None


def find_indicators(text: str) -> list[str]:
    """Every indicator code mentioned in text, in order of first mention, ranges expanded."""
    found: dict[str, None] = {}
    for m in _IN_TEXT.finditer(text):
        if m.group("zero"):
            rest = text[m.end("num") :]
            if _DATE_TAIL.match(rest) or (m.group("last") is None and _PHONE_TAIL.match(rest)):
                continue
        first = int(thai_to_arabic(m.group("num")))
        last = int(thai_to_arabic(m.group("last"))) if m.group("last") else first
        if last < first:
            last = first
        for number in range(first, last + 1):
            code = _code(m.group("letter"), number)
            if code is not None:
                found[code] = None
    return list(found)
