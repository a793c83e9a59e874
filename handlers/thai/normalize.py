"""Cleaning of text typed by people before any matching is done on it.

LINE messages and text pasted from Word documents carry invisible characters, doubled
tone marks and odd spacing; two strings that look the same to a person must compare
equal here, or keyword matching silently fails.
"""

import re
import unicodedata

from pythainlp.util import eng_to_thai
from pythainlp.util import normalize as _thai_normalize

# Zero-width characters and direction marks: invisible, but they break matching.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\u00ad]")
_SPACES = re.compile(r"\s+")
# Control characters other than tab and line breaks: nobody types them, terminals and
# spreadsheets misread them, and PostgreSQL refuses NUL in text outright.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_THAI_CHAR = re.compile("[\u0e00-\u0e7f]")
_ASCII_LETTER = re.compile("[A-Za-z]")


def strip_controls(text: str) -> str:
    """User text as kept: control characters removed, everything else as typed."""
    return _CONTROLS.sub("", text)


def normalize(text: str) -> str:
    """Return text with invisible marks removed, Thai spelling order fixed and spaces collapsed."""
    text = _INVISIBLE.sub("", text)
    text = unicodedata.normalize("NFC", text)
    # pythainlp fixes repeated or misordered tone marks and the split sara am (ํา → ำ).
    text = _thai_normalize(text)
    return _SPACES.sub(" ", text).strip()


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
    # Imported here because the tokenizer builds a dictionary; plain normalising must stay cheap.
    from handlers.thai.tokenize import is_known_word, tokenize

    tokens = tokenize(text)
    chars = sum(len(t) for t in tokens)
    known = sum(len(t) for t in tokens if len(t) >= 3 and is_known_word(t))
    return chars > 0 and known / chars >= _MIN_THAI_COVERAGE
