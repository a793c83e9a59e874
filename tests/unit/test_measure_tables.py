"""Reading measures out of the offices' own tables: every seed table, and each rule."""

from __future__ import annotations

from datetime import date

import pytest

from handlers.measures.tables import (
    RowNote,
    header_field,
    parse_document,
    parse_tables,
    recognise_header,
)
from tests.support.seed_tables import seed_file, seed_tables

FY_START_68, FY_END_68 = date(2024, 10, 1), date(2025, 9, 30)
FY_START_67, FY_END_67 = date(2023, 10, 1), date(2024, 9, 30)


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("มาตรการ/แนวทาง", "title"),
        ("วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ", "title"),
        ("วิธีการนำผลวิเคราะห์ไปสู่การปฏิบัติ", "title"),
        ("หัวข้อ", "issue"),
        ("ประเด็น", "issue"),
        ("ขั้นตอนหรือวิธีการปฏิบัติ", "steps"),
        ("กำหนดขั้นตอน/วิธีการปฏิบัติ", "steps"),
        ("ขั้นตอน/วิธีปฏิบัติ", "steps"),
        ("วิธีดำเนินการ", "steps"),
        ("วิธีการดำเนินการ", "steps"),
        ("ระยะเวลา", "period"),
        ("ระยะเวลาดำเนินงาน", "period"),
        ("ระยะเวลา ดำเนินการ", "period"),
        ("ผู้รับผิดชอบ", "unit"),
        ("ส่วนงานที่รับผิดชอบ", "unit"),
        ("ผู้รับผิดชอบ/ ผู้ที่เกี่ยวข้อง", "unit"),
        ("การกำหนดผู้รับผิดชอบ/ผู้ที่เกี่ยวข้อง", "unit"),
        ("สรุปผลการดำเนินการตามมาตรการ/กิจกรรม", "result"),
        ("ผลการดำเนินการ", "result"),
        ("ผลลัพธ์หรือความสำเร็จของการดำเนินการ", "outcome"),
        ("ตัวชี้วัด", "indicators"),
        ("หมายเหตุ", "note"),
        ("ลำดับ", "no"),
        ("คะแนน", None),
    ],
)
def test_headers_are_recognised_by_meaning(header: str, field: str | None) -> None:
    assert header_field(header) == field


def test_a_score_table_is_not_a_measures_table() -> None:
    assert recognise_header(["ลำดับ", "หัวข้อ", "ตัวชี้วัด", "ข้อคำถาม", "คะแนน"]) is None
    assert recognise_header(["ตัวชี้วัดที่", "รายละเอียดตัวชี้วัด", "คะแนน"]) is None


def _parsed(name: str, fy: int):  # type: ignore[no-untyped-def]
    return [p.measure for p in parse_tables(seed_tables(seed_file(name)), fy)]


def test_seed_001_o43_report_two_headers_and_a_table_continued_after_a_page_break() -> None:
    ms = _parsed("001", 2568)
    assert [m.no for m in ms] == [1, 2, 3, 4, 5, 6, 7]
    assert {m.unit for m in ms} == {"สำนักปลัด"}
    assert ms[0].title == "การป้องกันการทุจริต"
    assert ms[3].title.startswith("นโยบายไม่รับของขวัญ")
    # The last row has no number of its own: it is the next measure, not part of the sixth.
    assert ms[6].title.startswith("กลไกและมาตรการในการแก้ไขและป้องกันการทุจริต")
    assert [(m.period_start, m.period_end) for m in ms] == [(FY_START_68, FY_END_68)] * 3 + [
        (date(2024, 12, 1), FY_END_68)
    ] * 4
    # The results column becomes each measure's reported result; its paragraphs are kept.
    assert all(m.result for m in ms)
    assert ms[5].result.count("\n") == 2
    assert ms[5].result.startswith("- มีแนวปฏิบัติ Dos & Don't")
    assert ms[2].steps.split("\n")[1].startswith("๒. ประชาสัมพันธ์คู่มือ")
    assert ms[0].outcome.startswith("- ลดโอกาสในการเกิดทุจริต")
    assert all(not m.warnings for m in ms)


def test_seed_002_rows_under_one_issue_are_separate_measures() -> None:
    ms = _parsed("002", 2567)
    assert len(ms) == 9
    assert [m.issue for m in ms[:4]] == ["IIT", "IIT", "IIT", "การให้บริการและระบบ E-Service"]
    assert ms[1].title.startswith("จัดประชุมประจำเดือน")
    assert [m.unit for m in ms] == [
        "สำนักปลัด นิติกร",
        "สำนักปลัด นักทรัพยากรบุคคล",
        "สำนักปลัด นักวิเคราะห์ นโยบายและแผน",
        "สำนักปลัด งานธุรการ",
        "สำนักปลัด งานธุรการ",
        "กองคลัง เจ้าพนักงานพัสดุ",
        "กองคลัง เจ้าพนักงานพัสดุ",
        "สำนักปลัด นักทรัพยากรบุคคล",
        "สำนักปลัด นิติกร",
    ]
    assert all((m.period_start, m.period_end) == (FY_START_67, FY_END_67) for m in ms)
    assert all(m.steps for m in ms) and not any(m.result for m in ms)


def test_seed_004_heading_rows_become_the_issue_of_the_measures_below() -> None:
    ms = _parsed("004", 2567)
    assert len(ms) == 12
    assert [m.no for m in ms] == list(range(1, 13))
    assert len({m.issue for m in ms}) == 7
    assert ms[0].issue == "กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ"
    assert ms[0].title == "ประกาศนโยบาย No Gift Policy"
    assert (ms[0].period_start, ms[0].period_end) == (date(2024, 1, 1), date(2024, 4, 30))
    assert all((m.period_start, m.period_end) == (FY_START_67, FY_END_67) for m in ms[2:])
    assert ms[2].unit == "ทุกส่วนราชการ" and ms[9].unit == "งานพัสดุ"
    assert ms[-1].issue == "กลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงาน"


HEADER = ["ลำดับ", "มาตรการ", "ตัวชี้วัด", "ผู้รับผิดชอบ", "ระยะเวลา", "ผลการดำเนินงาน"]


def test_repeated_header_is_skipped_and_empty_first_cells_continue_a_measure() -> None:
    table = [
        HEADER,
        ["1", "อบรมคุณธรรม", "i๑, O12", "สำนักปลัด", "ไตรมาส ๑", "อบรมแล้ว"],
        ["", "", "", "", "", "มีผู้เข้าร่วม ๔๕ คน"],
        HEADER,
        ["2", "เปิดเผยข้อมูล", "๐๑๒ และ e๑๕", "กองคลัง", "ไตรมาสอง", ""],
        ["3", "ตรวจสอบพัสดุ", "o 12", "กองช่าง", "ตามแผน", ""],
    ]
    doc = parse_document([table], 2568)
    ms = [p.measure for p in doc.measures]
    assert [m.no for m in ms] == [1, 2, 3]
    assert ms[0].result == "อบรมแล้ว\nมีผู้เข้าร่วม ๔๕ คน"
    assert [n.text for n in doc.notes] == [
        "ตารางที่ 1 แถวที่ 3: ต่อจากมาตรการที่ 1",
        "ตารางที่ 1 แถวที่ 4: หัวตารางซ้ำ ไม่นับเป็นมาตรการ",
    ]
    assert ms[0].indicators == ["i1", "o12"]
    assert ms[1].indicators == ["o12", "e15"]
    assert ms[2].indicators == ["o12"]
    assert (ms[1].period_start, ms[1].period_end) == (date(2025, 1, 1), date(2025, 3, 31))
    # A period nobody can read is flagged for a person, never guessed.
    assert ms[2].period_start is None and ms[2].period_end is None
    assert ms[2].warnings == ["อ่านระยะเวลาไม่ได้: ตามแผน"]


def test_a_row_split_across_pages_joins_the_measure_it_continues() -> None:
    head = ["มาตรการ/แนวทาง", "ขั้นตอนหรือวิธีการปฏิบัติ", "ผู้รับผิดชอบ", "ระยะเวลา"]
    first = [head, ["๑. จัดทำคู่มือ", "๑. ร่างคู่มือ", "สำนักปลัด", "ตลอดปีงบประมาณ"]]
    after_break = [["เผยแพร่ทางเว็บไซต์", "๒. ประชาสัมพันธ์", "", ""]]
    doc = parse_document([first, after_break], 2568)
    ms = [p.measure for p in doc.measures]
    assert len(ms) == 1
    assert ms[0].title == "จัดทำคู่มือ\nเผยแพร่ทางเว็บไซต์"
    assert ms[0].steps == "๑. ร่างคู่มือ\n๒. ประชาสัมพันธ์"
    assert doc.notes == [
        RowNote(2, 1, "merged", "ตารางที่ 2 แถวที่ 1: ต่อจากมาตรการที่ 1 (ตารางแบ่งหน้า)", 1)
    ]


STEPS_HEAD = ["มาตรการ", "ขั้นตอน", "ผู้รับผิดชอบ", "ระยะเวลา"]


def test_steps_that_go_on_with_the_numbering_above_join_that_measure() -> None:
    rows = [
        STEPS_HEAD,
        ["อบรมคุณธรรม", "๑. จัดทำหลักสูตร ๒. เชิญวิทยากร ๓. จัดอบรม", "สำนักปลัด", "ไตรมาส ๑"],
        ["ประเมินผลการอบรม", "๔. ประเมินผล\n๕. รายงานผู้บริหาร", "", ""],
        # Its steps start again from one: a measure of its own, however bare.
        ["เปิดเผยข้อมูล", "๑. ปรับปรุงเว็บไซต์", "", ""],
    ]
    doc = parse_document([rows], 2568)
    ms = [p.measure for p in doc.measures]
    assert [(m.no, m.title) for m in ms] == [(1, "อบรมคุณธรรม\nประเมินผลการอบรม"), (2, "เปิดเผยข้อมูล")]
    assert ms[0].steps == "๑. จัดทำหลักสูตร ๒. เชิญวิทยากร ๓. จัดอบรม\n๔. ประเมินผล\n๕. รายงานผู้บริหาร"
    assert (ms[0].unit, ms[0].period_start, ms[0].period_end) == (
        "สำนักปลัด",
        date(2024, 10, 1),
        date(2024, 12, 31),
    )
    assert "ไม่ได้ระบุผู้รับผิดชอบ" in ms[1].warnings
    assert [n.text for n in doc.notes] == ["ตารางที่ 1 แถวที่ 3: ต่อจากมาตรการที่ 1"]


def test_group_header_rows_and_repeated_headings_are_never_measures() -> None:
    group = ["การนำผลการวิเคราะห์ไปสู่การปฏิบัติ"] * 4
    heading = "ประเด็นที่ ๑ การเปิดเผยข้อมูล"
    rows = [
        STEPS_HEAD,
        group,
        [heading, heading, heading, ""],  # a section heading across the table
        ["เผยแพร่ข้อมูล", "๑. ขึ้นเว็บไซต์", "กองคลัง", "ไตรมาส ๒"],
        group,
        [heading, "", "", ""],
        ["มาตรการ", "", "", ""],  # the first column heading alone
        ["ตรวจสอบพัสดุ", "๑. ตรวจรับ", "กองช่าง", "ไตรมาส ๓"],
    ]
    doc = parse_document([rows], 2568)
    ms = [p.measure for p in doc.measures]
    assert [(m.no, m.title, m.unit) for m in ms] == [
        (1, "เผยแพร่ข้อมูล", "กองคลัง"),
        (2, "ตรวจสอบพัสดุ", "กองช่าง"),
    ]
    assert [m.issue for m in ms] == [heading, heading]
    assert [n.text for n in doc.notes] == [
        "ตารางที่ 1 แถวที่ 2: แถวหัวกลุ่ม ไม่นับเป็นมาตรการ",
        "ตารางที่ 1 แถวที่ 5: แถวหัวกลุ่มซ้ำ ไม่นับเป็นมาตรการ",
        "ตารางที่ 1 แถวที่ 6: แถวหัวกลุ่มซ้ำ ไม่นับเป็นมาตรการ",
        "ตารางที่ 1 แถวที่ 7: หัวตารางซ้ำ ไม่นับเป็นมาตรการ",
    ]
    assert all(n.kind == "skipped" and n.measure is None for n in doc.notes)


def test_a_register_without_units_or_periods_is_not_joined_across_tables() -> None:
    # Nothing tells a carried row from a new measure here, so each row stays a measure.
    first = [STEPS_HEAD, ["จัดประชุม", "ประชุมประจำเดือน", "", ""]]
    second = [["ประชาสัมพันธ์", "เสียงตามสาย", "", ""]]
    doc = parse_document([first, second], 2568)
    assert [p.measure.title for p in doc.measures] == ["จัดประชุม", "ประชาสัมพันธ์"]
    assert doc.notes == []


def test_duplicate_numbers_and_missing_units_are_flagged() -> None:
    head = ["มาตรการ", "ผู้รับผิดชอบ", "ระยะเวลา"]
    rows = [head, ["1. ก", "กองช่าง", "ไตรมาส 1"], ["1. ข", "", "ไตรมาส 2"]]
    ms = [p.measure for p in parse_tables([rows], 2568)]
    assert [m.no for m in ms] == [1, 2]
    assert ms[1].warnings == ["ลำดับที่ 1 ซ้ำในเอกสาร ตั้งเป็นลำดับที่ 2", "ไม่ได้ระบุผู้รับผิดชอบ"]


def test_html_paragraph_markup_in_a_cell_becomes_paragraphs() -> None:
    head = ["มาตรการ", "ขั้นตอน", "ระยะเวลา"]
    rows = [head, ["<p>ก</p> <p>ข &amp; ค</p>", "<ul><li>หนึ่ง</li><li>สอง</li></ul>", "ไตรมาส 1"]]
    m = parse_tables([rows], 2568)[0].measure
    assert m.title == "ก\nข & ค"
    assert m.steps == "หนึ่ง\nสอง"


def test_json_shape_has_iso_dates() -> None:
    rows = [["มาตรการ", "ระยะเวลา"], ["1. ก", "ไตรมาส 1"]]
    assert parse_tables([rows], 2568)[0].as_json() == {
        "no": 1,
        "issue": "",
        "title": "ก",
        "steps": "",
        "unit": "",
        "period_text": "ไตรมาส 1",
        "period_start": "2024-10-01",
        "period_end": "2024-12-31",
        "indicators": [],
        "result": "",
        "plan": "integrity",
        "budget": None,
        "warnings": ["ไม่ได้ระบุผู้รับผิดชอบ"],
    }
