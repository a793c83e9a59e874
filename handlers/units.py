"""Unit names as people write them ("กองช่างฯ", "ช่าง", "สำนักงานปลัด") matched to the office's
own list, so that typed or imported text never makes a unit that no measure or staff matches."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

from handlers.thai.normalize import normalize

# Words that start a unit's name but that people often leave out or vary.
_PREFIXES = ("สำนักงาน", "สำนัก", "กอง")
_NOISE = re.compile(r"[\s.ฯ]")


def unit_key(text: str) -> str:
    """What two spellings of one unit share: no spaces, dots or ฯ, no leading กอง/สำนัก."""
    key = _NOISE.sub("", normalize(text))
    for prefix in _PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix) :]
    return key


def match_unit(text: str, units: list[str] | tuple[str, ...]) -> str | None:
    """The office's unit that `text` names, or None when none or several could be meant.

    "ฯ" marks a shortened name: "กองสาธารณสุขฯ" names the one unit whose name starts so."""
    key = unit_key(text)
    if not key:
        return None
    exact = [u for u in units if unit_key(u) == key]
    if len(exact) == 1:
        return exact[0]
    if "ฯ" in text or not exact:
        starts = [u for u in units if unit_key(u).startswith(key)]
        if len(starts) == 1 and ("ฯ" in text or len(key) >= 3):
            return starts[0]
    return None


def units_named(text: str, units: list[str] | tuple[str, ...]) -> list[str]:
    """The office's units a measure's responsible-unit text names (it may name several:
    "กองช่าง / กองคลัง"), in the office's order."""
    whole = match_unit(text, units)
    if whole is not None:
        return [whole]
    found: list[str] = []
    for part in re.split(r"[,/、;\n]|และ(?=กอง|สำนัก)|\s{2,}", text):
        unit = match_unit(part, units) if part.strip() else None
        if unit is not None and unit not in found:
            found.append(unit)
    squashed = _NOISE.sub("", normalize(text))
    for unit in units:
        if unit not in found and _NOISE.sub("", normalize(unit)) in squashed:
            found.append(unit)
    return [u for u in units if u in found]


class HasUnit(Protocol):
    unit: str


def settle_units(
    items: Iterable[HasUnit], units: list[str], chosen: dict[str, str] | None = None
) -> list[str]:
    """Put imported unit texts in the office's own words, in place: the admin's choice for a
    text first, else the one unit a text names however written ("กองช่างฯ" -> "กองช่าง").
    Returns the texts that name none of the office's units, to ask the admin about (a measure
    under such a text is seen by no staff member)."""
    from handlers.measures.domain import ALL_UNITS

    chosen = {k: v for k, v in (chosen or {}).items() if v in units}
    unknown: list[str] = []
    for item in items:
        text = item.unit.strip()
        if not text:
            continue
        if text in chosen:
            item.unit = chosen[text]
            continue
        one = match_unit(text, units)
        if one is not None:
            item.unit = one
        elif text not in unknown and not _names_any(text, units, ALL_UNITS):
            unknown.append(text)
    return unknown


def _names_any(text: str, units: list[str], everyone: tuple[str, ...]) -> bool:
    return bool(units_named(text, units)) or any(a in text for a in everyone)
