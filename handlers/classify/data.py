"""Loading the Traffy Fondue sample, deduplication and deterministic splits."""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from handlers.classify.categories import codes_for_traffy_type

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "traffy_fondue_sample.csv"


_ZERO_WIDTH = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
_REPEAT = re.compile(r"(.)\1{2,}")
_SPACE = re.compile(r"\s+")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def dedupe_key(text: str) -> str:
    """The identity of a comment for deduplication and for the split.

    Deliberately frozen, independent of the model's own text cleanup: changing the
    features must never move texts between the train and the held-out part.
    """
    text = _ZERO_WIDTH.sub("", unicodedata.normalize("NFC", text or ""))
    text = "".join(
        " "
        if unicodedata.category(ch) in {"So", "Sk", "Cs", "Co"} or 0xFE00 <= ord(ch) <= 0xFE0F
        else ch
        for ch in text
    )
    text = _REPEAT.sub(r"\1", text.translate(_THAI_DIGITS).lower())
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class Example:
    text: str  # original comment (first occurrence)
    codes: tuple[str, ...]  # every category any copy of the text was labelled with
    timestamp: str  # earliest report time among copies


def load_examples(path: Path = DEFAULT_DATA) -> list[Example]:
    """Read the CSV, map labels to codes and merge repeated comments.

    Deduplication happens here, before any split, so a generic text such as "น้ำท่วม"
    (31 copies) can never sit in both train and test. Copies are merged on the
    normalised text and their labels united.
    """
    merged: dict[str, tuple[str, list[str], str]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            codes = codes_for_traffy_type(row["type"])
            key = dedupe_key(row["comment"])
            if not codes or not key:
                continue
            if key in merged:
                text, prev, ts = merged[key]
                prev.extend(c for c in codes if c not in prev)
                merged[key] = (text, prev, min(ts, row["timestamp"]))
            else:
                merged[key] = (row["comment"], list(codes), row["timestamp"])
    return [Example(t, tuple(c), ts) for t, c, ts in merged.values()]


def _bucket(text: str) -> int:
    # A content hash, not a RNG: the split is stable across runs, platforms and row order.
    digest = hashlib.sha1(dedupe_key(text).encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % 100


def random_split(
    examples: list[Example], test_percent: int = 20
) -> tuple[list[Example], list[Example]]:
    train = [e for e in examples if _bucket(e.text) >= test_percent]
    test = [e for e in examples if _bucket(e.text) < test_percent]
    return train, test


def time_split(
    examples: list[Example], test_fraction: float = 0.2
) -> tuple[list[Example], list[Example]]:
    """Train on the earliest tickets, test on the latest (concept drift check)."""
    ordered = sorted(examples, key=lambda e: e.timestamp)
    cut = int(len(ordered) * (1 - test_fraction))
    return ordered[:cut], ordered[cut:]
