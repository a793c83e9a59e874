"""Thai typed with the English keyboard layout on: "ihv'giupo" meant "ร้องเรียน".

It sits above both the cleaning (``normalize``) and the tokenizer, which judges whether a
conversion reads as Thai.
"""

import re

from pythainlp.util import eng_to_thai

from handlers.thai.normalize import normalize
from handlers.thai.tokenize import is_known_word, tokenize

_THAI_CHAR = re.compile("[\u0e00-\u0e7f]")
_ASCII_LETTER = re.compile("[A-Za-z]")
# Short English replies that also happen to spell Thai words on the Kedmanee layout.
_ENGLISH_REPLIES = frozenset({"ok", "okay", "yes", "no", "hi", "hello", "thanks", "test"})
_MIN_THAI_COVERAGE = 0.75


def fix_keyboard_layout(text: str) -> str | None:
    """Return the Thai text meant when Thai was typed with the English layout on, else None.

    "ihv'giupo" becomes "ร้องเรียน". Only text without Thai characters that is mostly
    ASCII letters is considered, and the conversion is accepted only when most of it
    reads as real Thai words, so ordinary English stays untouched.
    """
    cleaned = normalize(text)
    if not cleaned or _THAI_CHAR.search(cleaned):
        return None
    if cleaned.lower() in _ENGLISH_REPLIES or "://" in cleaned or "@" in cleaned:
        return None
    visible = cleaned.replace(" ", "")
    letters = len(_ASCII_LETTER.findall(visible))
    if len(visible) < 3 or letters * 2 < len(visible):
        return None
    converted = normalize(eng_to_thai(cleaned))
    return converted if _looks_like_thai(converted) else None


def _looks_like_thai(text: str) -> bool:
    tokens = tokenize(text)
    chars = sum(len(t) for t in tokens)
    known = sum(len(t) for t in tokens if len(t) >= 3 and is_known_word(t))
    return chars > 0 and known / chars >= _MIN_THAI_COVERAGE
