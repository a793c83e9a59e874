"""o42 in the seeds' layout once measures are linked to ITA items (seed 002's scores of
issue 7), and o43 naming each measure's items; nothing invented where a measure has none."""

from __future__ import annotations

from datetime import date

from handlers.ita.windows import window_for
from handlers.measures.domain import Measure
from handlers.reports import measures as reports
from handlers.reports.item_links import LinkedItem

WINDOW = window_for("current_fy", 2567, date(2024, 3, 15))
ISSUE_7 = "กลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงาน"
LINKED = Measure(
    id=11,
    fiscal_year=2567,
    no=1,
    issue=ISSUE_7,
    title="จัดทำมาตรการป้องกันและระบบติดตามตรวจสอบพฤติกรรมการทุจริตอย่างชัดเจน",
    steps="1. วิเคราะห์และประเมินความเสี่ยงการทุจริต\n2. นำผลการวิเคราะห์ ITA ไปปรับปรุงการปฏิบัติงาน",
    unit="สำนักปลัด นิติกร",
    period_text="ตลอดปีงบประมาณ",
    period_start=date(2023, 10, 1),
    period_end=date(2024, 9, 30),
)
UNLINKED = Measure(
    id=12,
    fiscal_year=2567,
    no=2,
    title="ประชุมชี้แจงแผนการใช้จ่ายงบประมาณ",
    unit="กองคลัง",
    period_text="ไตรมาส 1",
    period_start=date(2023, 10, 1),
    period_end=date(2023, 12, 31),
)
# Seed 002, issue 7: i28 98.43, O42 100.00, O43 00.00.
ITEMS = {
    11: [
        LinkedItem("i28", "หน่วยงานของท่าน มีการนำผลการประเมิน ITA ไปปรับปรุงการทำงาน", 98.43),
        LinkedItem("o42", "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", 100.0),
        LinkedItem("o43", "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", 0.0),
    ]
}


def test_o42_takes_the_seeds_columns_with_items_and_their_scores() -> None:
    report = reports.build_register([LINKED, UNLINKED], WINDOW, linked=ITEMS)
    table = report.tables[0]
    assert table.columns == (
        "ประเด็น",
        "ข้อคำถาม ITA",
        "ผลการวิเคราะห์ข้อมูล",
        "มาตรการ",
        "ขั้นตอน/วิธีการปฏิบัติ",
        "ระยะเวลาดำเนินการ",
        "ส่วนงานที่รับผิดชอบ",
    )
    assert table.rows[0][:4] == (
        ISSUE_7,
        "i28 หน่วยงานของท่าน มีการนำผลการประเมิน ITA ไปปรับปรุงการทำงาน\n"
        "o42 มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน\n"
        "o43 การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
        "i28 ได้คะแนน 98.43\no42 ได้คะแนน 100.00\no43 ได้คะแนน 0.00",
        "1. จัดทำมาตรการป้องกันและระบบติดตามตรวจสอบพฤติกรรมการทุจริตอย่างชัดเจน",
    )
    assert table.rows[0][6] == "สำนักปลัด นิติกร"
    # The measure with no items: empty cells, not filler.
    assert table.rows[1][:3] == ("", "", "")
    assert report.figures["items"][0]["ita_items"][2] == {  # type: ignore[index]
        "code": "o43",
        "title": "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
        "score": 0.0,
    }


def test_items_without_scores_leave_the_analysis_column_empty() -> None:
    unscored = {11: [LinkedItem("e10"), LinkedItem("o30", "การเปิดโอกาสให้เกิดการมีส่วนร่วม")]}
    row = reports.build_register([LINKED], WINDOW, linked=unscored).tables[0].rows[0]
    assert row[1:3] == ("e10\no30 การเปิดโอกาสให้เกิดการมีส่วนร่วม", "")


def test_without_links_the_register_keeps_its_five_columns() -> None:
    report = reports.build_register([LINKED, UNLINKED], WINDOW, linked={})
    assert report.tables[0].columns == reports.REGISTER_COLUMNS


def test_o43_names_each_measures_items_under_its_title() -> None:
    report = reports.build_results([LINKED, UNLINKED], {}, WINDOW, linked=ITEMS)
    rows = report.tables[0].rows
    assert rows[0][0] == (
        f"ประเด็น: {ISSUE_7}\n1. จัดทำมาตรการป้องกันและระบบติดตามตรวจสอบพฤติกรรมการทุจริตอย่างชัดเจน"
        "\nข้อคำถาม ITA: i28, o42, o43"
    )
    assert rows[1][0] == "2. ประชุมชี้แจงแผนการใช้จ่ายงบประมาณ"
    assert [i["ita_items"] for i in report.figures["items"]] == [  # type: ignore[attr-defined]
        ["i28", "o42", "o43"],
        [],
    ]
