"""Digits, text cleaning and keyboard-layout repair for what people type in LINE."""

import pytest

from handlers.thai import arabic_to_thai, fix_keyboard_layout, normalize, thai_to_arabic


def test_thai_digits_become_arabic_and_back() -> None:
    assert thai_to_arabic("มาตรการ ๓ เสร็จ ๖๐%") == "มาตรการ 3 เสร็จ 60%"
    assert arabic_to_thai("ปี 2568") == "ปี ๒๕๖๘"
    assert thai_to_arabic(arabic_to_thai("0123456789")) == "0123456789"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("\u200bร้องเรียน\u200b", "ร้องเรียน"),
        ("\ufeffยกเลิก", "ยกเลิก"),
        ("\u200eสรุป\u200f", "สรุป"),
        ("\u202bติดตาม\u202cเรื่อง\u2066\u2069", "ติดตามเรื่อง"),
        ("ยก\u2060เลิก", "ยกเลิก"),
        ("  ไฟถนน \n\t ดับ  ", "ไฟถนน ดับ"),
        ("น้ํา", "น้ำ"),  # sara am typed as nikhahit + sara aa
        ("น้้ำ", "น้ำ"),  # doubled tone mark
        ("เเจ้ง", "แจ้ง"),  # two sara e typed for sara ae
    ],
)
def test_normalize_makes_lookalike_text_equal(raw: str, clean: str) -> None:
    assert normalize(raw) == clean


def test_normalize_of_blank_text_is_empty() -> None:
    assert normalize(" \u200b\n ") == ""


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("ihv'giupo", "ร้องเรียน"),
        ("pdg]bd", "ยกเลิก"),
        ("li6x", "สรุป"),
        ("c0h'g[ktclm60ib9", "แจ้งเบาะแสทุจริต"),
        ("9bf9k,ginjv'", "ติดตามเรื่อง"),
    ],
)
def test_thai_typed_on_english_layout_is_recovered(typed: str, meant: str) -> None:
    assert fix_keyboard_layout(typed) == meant


@pytest.mark.parametrize(
    "text",
    [
        "ok",
        "hello",
        "yes",
        "road",
        "stop",
        "start",
        "please",
        "https://example.com",
        "0812345678",
        "ร้องเรียน",
        "ihv'giupo ร้องเรียน",
        "",
    ],
)
def test_english_thai_and_numbers_are_left_alone(text: str) -> None:
    assert fix_keyboard_layout(text) is None
