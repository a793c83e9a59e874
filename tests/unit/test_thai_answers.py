"""Reading short Thai answers: polite endings, typos within a small edit distance, numbers."""

from __future__ import annotations

import pytest

from handlers.conversations.answers import resolve
from handlers.thai.answers import bare_number, closest, number_fits, strip_polite

AGES = ("ต่ำกว่า 20 ปี", "20–29 ปี", "30–39 ปี", "40–49 ปี", "50–59 ปี", "60 ปีขึ้นไป")


@pytest.mark.parametrize(
    ("typed", "bare"),
    [("ยืนยันค่ะ", "ยืนยัน"), ("ได้ครับผม", "ได้"), ("ข้าม นะคะ", "ข้าม"), ("ครับ", "ครับ")],
)
def test_polite_endings_come_off(typed: str, bare: str) -> None:
    assert strip_polite(typed) == bare


def test_typos_are_read_within_one_or_two_edits_and_never_across_numbers() -> None:
    words = ["ร้องทุกข์", "ร้องเรียน", "ติดตามเรื่อง", "มาตรการ 3", "ข้าม"]
    assert closest("ร้องทุก", words) == "ร้องทุกข์"  # 2 edits in a 9-letter word
    assert closest("ร้องเรียร", words) == "ร้องเรียน"
    assert closest("ติดตามเรือง", words) == "ติดตามเรื่อง"
    assert closest("มาตรการ 1", words) is None
    assert closest("ข้าว", words) is None  # 4-letter words are never guessed at
    assert closest("ร้องไห้", words) is None


@pytest.mark.parametrize(
    ("n", "band"), [(19, AGES[0]), (20, AGES[1]), (45, AGES[3]), (72, AGES[5])]
)
def test_an_age_names_its_band(n: int, band: str) -> None:
    assert [a for a in AGES if number_fits(n, a)] == [band]


def test_numbers_with_their_units_and_thai_digits() -> None:
    assert [bare_number(t) for t in ("45", "๔๕ ปี", "5 ดาว", "5 น้อย", "อายุ")] == [
        45,
        45,
        5,
        None,
        None,
    ]


def test_a_typed_answer_means_one_button_or_none() -> None:
    confirm = ["ยืนยัน", "แก้ไข", "ยกเลิก"]
    assert resolve("ได้ค่ะ", confirm) == "ยืนยัน"
    assert resolve("แก้", confirm) == "แก้ไข"
    assert resolve("เลิก", confirm) is None  # a fragment never cancels
    assert resolve("ประปา", ["งานประปา", "งานทะเบียนราษฎร"]) == "งานประปา"
    assert resolve("งาน", ["งานประปา", "งานทะเบียนราษฎร"]) is None  # names two
    assert resolve("ไม่มี", ["ข้าม", "ยกเลิก"]) == "ข้าม"
    assert resolve("ข้างวัดหมู่ 4", ["ข้าม", "ยกเลิก"]) is None  # an address, kept as typed
    assert resolve("60", ["25%", "50%", "75%", "เสร็จแล้ว 100%"]) is None
    assert resolve("5 น้อย", ["5 มากที่สุด", "2 น้อย", "1 น้อยที่สุด"]) is None
