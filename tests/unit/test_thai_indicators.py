"""ITA indicator codes written the many ways offices write them."""

import pytest

from handlers.thai import find_indicators
from tests.support.seed_tables import SEEDS


@pytest.mark.parametrize(
    ("token", "code"),
    [
        ("i๑", "i1"),
        ("I30", "i30"),
        ("e๑๕", "e15"),
        ("E 3", "e3"),
        ("O12", "o12"),
        ("o 12", "o12"),
        ("๐๑๒", "o12"),
        ("๐12", "o12"),
        ("o๔๓", "o43"),
        ("ei2", "e2"),  # typo in a seed table, in the row where e2 belongs
        (" o1 ", "o1"),
    ],
)
def test_loose_spellings_become_one_code(token: str, code: str) -> None:
    assert find_indicators(token) == [code]


@pytest.mark.parametrize("token", ["i31", "e16", "o44", "o0", "i", "x12", "o123", "12", "", "๐"])
def test_out_of_range_or_non_codes_are_rejected(token: str) -> None:
    assert find_indicators(token) == []


def test_find_indicators_keeps_order_and_drops_repeats() -> None:
    text = "มาตรการนี้ตอบ O12 และ i๑ (ดู o12 อีกครั้ง) รวมถึง e๑๕ กับ ๐๑๓"
    assert find_indicators(text) == ["o12", "i1", "e15", "o13"]


def test_ranges_name_every_code_between() -> None:
    assert find_indicators("(i1-i3) และ (o27-o29)") == ["i1", "i2", "i3", "o27", "o28", "o29"]
    assert find_indicators("O11-o12 และ ๐34-๐35") == ["o11", "o12", "o34", "o35"]
    assert find_indicators("e11 - e12") == ["e11", "e12"]


def test_numbers_that_only_look_like_codes_are_ignored() -> None:
    text = (
        "โทร ๐๔๓-๒๔๕๖๗๘ วันที่ ๐๑/๑๐/๒๕๖๗ คะแนน ๙๖.๐๘ เต็ม ๑๐๐ ISO 9001 Photo 12 No 5 video12 i31 o44"
    )
    assert find_indicators(text) == []


def test_codes_glued_to_thai_text_are_found() -> None:
    assert find_indicators("i1เจ้าหน้าที่ของหน่วยงาน e15หน่วยงานมีการปรับปรุง") == ["i1", "e15"]


def test_seed_analysis_mentions_every_indicator() -> None:
    text = (SEEDS / "002_9c1e406a0a06b038.txt").read_text(encoding="utf-8")
    expected = (
        {f"i{n}" for n in range(1, 31)}
        | {f"e{n}" for n in range(1, 16)}
        | {f"o{n}" for n in range(1, 44)}
    )
    assert set(find_indicators(text)) == expected


def test_seed_with_thai_digit_scores_yields_no_false_codes() -> None:
    # This document is full of "๑๐๐ คะแนน" and "๙๖.๘๘"; none of it is an indicator.
    text = (SEEDS / "004_ac478087e3ee9edd.txt").read_text(encoding="utf-8")
    assert find_indicators(text) == []
