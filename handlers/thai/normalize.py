"""Cleaning of text typed by people before any matching is done on it.

LINE messages and text pasted from Word documents carry invisible characters, doubled
tone marks and odd spacing; two strings that look the same to a person must compare
equal here, or keyword matching silently fails.
"""

import re
import unicodedata

from pythainlp.util import normalize as _thai_normalize

# Zero-width characters and direction marks: invisible, but they break matching.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\u00ad]")
_SPACES = re.compile(r"\s+")
# Control characters other than tab and line breaks: nobody types them, terminals and
# spreadsheets misread them, and PostgreSQL refuses NUL in text outright.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


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
