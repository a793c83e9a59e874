from __future__ import annotations

import dataclasses

import pytest

from handlers.classify import Classifier
from handlers.complaints.domain import find_case_number
from handlers.intents import INTENT_NAMES, Intent, detect_intent

# (message, intent name, case number, category); None = not checked / must be None.
TABLE: list[tuple[str, str, str | None, str | None]] = [
    ("ร้องเรียน", "complaint", None, None),
    ("ร้องทุกข์", "complaint", None, None),
    ("ร้องเรียน/ร้องทุกข์", "complaint", None, None),
    ("ร้องเรยน", "complaint", None, None),  # typo
    ("ihv'giupo", "complaint", None, None),  # ร้องเรียน typed in the English layout
    ("แจ้งเบาะแสทุจริต", "corruption", None, None),
    ("แจ้งเบาะแส ทุจริต", "corruption", None, None),
    ("ประเมินความพึงพอใจ", "satisfaction", None, None),
    ("ประเมินความพึงพอใจ ⭐⭐⭐", "satisfaction", None, None),
    ("ติดตามเรื่อง", "track", None, None),
    ("ติดตามเรื่อง 2570-000123", "track", "2570-000123", None),
    ("เรื่อง C2570-000123 ถึงไหนแล้วครับ", "track", "C2570-000123", None),
    ("๒๕๗๐-๐๐๐๑๒๓", "track", "2570-000123", None),
    ("เลขที่เรื่อง 2569 - 004512", "track", "2569-004512", None),
    ("รายงานความคืบหน้า", "progress", None, None),
    ("มาตรการ ๓ เสร็จแล้ว ๖๐% อบรม ๔๕ คน", "progress", None, None),
    ("มาตรการที่ 2 ดำเนินการแล้ว 100%", "progress", None, None),
    ("ลงทะเบียน 482913", "register", None, None),
    ("ลงทะเบียน ๔๘๒๙๑๓", "register", None, None),
    ("งานของฉัน", "my_work", None, None),
    ("สรุป", "summary", None, None),
    ("สวัสดี", "greeting", None, None),
    ("สวัสดีครับ", "greeting", None, None),
    ("หวัดดีครับ", "greeting", None, None),
    ("hello", "greeting", None, None),
    ("Hello 👋", "greeting", None, None),
    ("ช่วยด้วย", "help", None, None),
    ("เมนู", "help", None, None),
    ("help", "help", None, None),
    ("ยกเลิก", "cancel", None, None),
    ("ยกเลิกครับ", "cancel", None, None),
    ("pdg]bd", "cancel", None, None),  # ยกเลิก in the English layout
    ("ไฟถนนดับหน้าวัดสามวันแล้วครับ", "complaint", None, "light"),
    ("ขยะไม่มีคนมาเก็บ", "complaint", None, "waste"),
    ("ไฟ\u200bถนนดับ\u200b หน้าบ้าน 🙏🙏", "complaint", None, "light"),
    ("น้ำประปาไม่ไหล ๓ วันแล้ว", "complaint", None, "supply"),
    ("เจ้าหน้าที่พูดจาไม่สุภาพมากครับ", "complaint", None, "service"),
    ("สวัสดีครับ ขยะหน้าบ้านไม่มีใครมาเก็บเลย", "complaint", None, "waste"),
    ("ร้องเรียนไฟกิ่งหน้าบ้านดับ", "complaint", None, "light"),
    ("ถนนเป็นหลุมเป็นบ่อ " * 300, "complaint", None, "road"),  # very long text
    ("เจ้าหน้าที่เรียกเงินใต้โต๊ะ 5000 บาท", "corruption", None, None),
    ("มีการฮั้วประมูลโครงการถนน", "corruption", None, None),
    ("ร้องเรียนว่านายกรับสินบน", "corruption", None, None),
    ("ขอบคุณครับ", "unknown", None, None),
    ("กินข้าวยัง", "unknown", None, None),
    ("555555", "unknown", None, None),
    ("ok", "unknown", None, None),
    ("", "unknown", None, None),
    ("\u200b  🙂", "unknown", None, None),
]


@pytest.mark.parametrize(("text", "name", "case_number", "category"), TABLE)
def test_detect_intent_table(
    small_classifier: Classifier,
    text: str,
    name: str,
    case_number: str | None,
    category: str | None,
) -> None:
    intent = detect_intent(text)
    assert intent.name == name, (text, intent)
    assert intent.case_number == case_number, (text, intent)
    if category is not None:
        assert intent.category == category, (text, intent)


def test_register_keeps_the_code() -> None:
    assert detect_intent("ลงทะเบียน ๔๘๒๙๑๓").argument == "482913"
    assert detect_intent("ลงทะเบียน").argument is None


def test_intent_is_frozen_and_names_are_known() -> None:
    intent = Intent("help")
    with pytest.raises(dataclasses.FrozenInstanceError):
        intent.name = "x"  # type: ignore[misc]
    assert {row[1] for row in TABLE} <= set(INTENT_NAMES)


def test_find_case_number_ignores_longer_numbers() -> None:
    assert find_case_number("โทร 0812570000123") is None
    assert find_case_number("2570-0001234") is None


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("2570-000123", "2570-000123"),
        ("เรื่อง c2570-000123 ถึงไหน", "C2570-000123"),
        ("๒๕๖๙-๐๐๐๐๐๑", "2569-000001"),
        ("2569 – 004512", "2569-004512"),
        ("2569/004512", "2569-004512"),
        ("2600-000001", "2600-000001"),
    ],
)
def test_one_reader_of_case_numbers_for_chat_web_and_pdpa(typed: str, found: str) -> None:
    assert find_case_number(typed) == found
