"""Checks on LINE event JSON, shared by the webhook (before storing) and the processor (before
using a stored event): bounded nesting, text the database can encode."""

from __future__ import annotations

import json
import re
from typing import Any

# LINE's events nest about seven levels (events, event, message, mention, mentionees, …);
# anything far deeper is not from LINE, and would exhaust Python's recursion on the way in.
MAX_DEPTH = 32

# A JSON string, quotes and escapes included (the unrolled form stays linear on long text).
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_BRACKET = re.compile(r"[\[\]{}]")


class BadPayload(ValueError):
    pass


def too_deep(text: str, limit: int = MAX_DEPTH) -> bool:
    """Does the JSON text nest arrays and objects deeper than `limit`? Brackets inside strings
    do not count. Linear, and without recursion: run before the parser, which recurses."""
    if text.count("[") + text.count("{") <= limit:  # the usual case, at C speed
        return False
    depth = 0
    for m in _BRACKET.finditer(_STRING.sub('""', text)):
        if m.group() in "[{":
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def read_json(text: str) -> Any:
    """Parse JSON from outside; BadPayload (a ValueError) for anything unreadable."""
    if too_deep(text):
        raise BadPayload("nested too deeply")
    try:
        return json.loads(text)
    except RecursionError:  # too_deep counts valid JSON; this covers broken text
        raise BadPayload("nested too deeply") from None
    except ValueError:
        raise BadPayload("not JSON") from None


def encodable(text: str) -> bool:
    """Can the text go into the database? A JSON escape such as "\\ud800" decodes to half of
    a UTF-16 pair, which no UTF-8 encoder (SQLite's, PostgreSQL's) accepts."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def column_text(value: str) -> str:
    """Text safe for any text column of either database: no lone surrogates, and no NUL,
    which PostgreSQL refuses in text."""
    if not encodable(value):
        value = value.encode("utf-8", "replace").decode("utf-8")
    return value.replace("\x00", "")


def without_nul(value: Any) -> Any:
    """The JSON value with NUL removed from every string. LINE never sends one, PostgreSQL
    refuses it in text, and an event's IDs and addresses reach the database as they are.
    Recursive: only for values whose depth read_json has bounded."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [without_nul(v) for v in value]
    if isinstance(value, dict):
        return {k.replace("\x00", ""): without_nul(v) for k, v in value.items()}
    return value


UNICODE_PROBLEM = "text is not valid Unicode (a lone surrogate)"
