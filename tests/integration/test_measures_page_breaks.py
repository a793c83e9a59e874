"""import-measures on the seeds' measure tables as Word files broken across pages: the table
goes on in a second table without a header, the row cut by the page break leaves the rest
of its cells there, and the group header row Word repeats on every page comes again."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from flask import Flask
from sqlalchemy import func, select

from bot.db import new_session
from bot.db.measures.tables import MeasureRow
from tests.support.admin import client_for
from tests.support.cli import cli
from tests.support.paged_docx import PageBreak, paged_docx, seed_rows
from tests.support.seed_tables import seed_docx, seed_file, seed_tables

NOTES_HEADING = "แถวที่รวมเข้ากับมาตรการก่อนหน้าหรือไม่นับเป็นมาตรการ:"
FY67 = ("2023-10-01", "2024-09-30")
BAN_TOM = "๑ ต.ค.๒๕๖๖-๓๐ ก.ย.๒๕๖๗"  # seed 004's period of every measure from the third on


def imported(app: Flask, docx: Path, year: int, *flags: str) -> dict[str, Any]:
    out = cli(app, "import-measures", str(docx), "--year", str(year), "--json", *flags)
    return json.loads(out)


def saved(app: Flask) -> int:
    with new_session(app) as s:
        return s.scalar(select(func.count()).select_from(MeasureRow)) or 0


def skipped(table: int, row: int, what: str) -> dict[str, object]:
    text = f"ตารางที่ {table} แถวที่ {row}: {what} ไม่นับเป็นมาตรการ"
    return {"table": table, "row": row, "kind": "skipped", "measure": None, "text": text}


def merged(table: int, row: int, measure: int) -> dict[str, object]:
    text = f"ตารางที่ {table} แถวที่ {row}: ต่อจากมาตรการที่ {measure} (ตารางแบ่งหน้า)"
    return {"table": table, "row": row, "kind": "merged", "measure": measure, "text": text}


# --- seed 004: unnumbered measures under numbered section headings -------------------------

SURVEY_STEPS_NEXT_PAGE = (
    "๓.รายงานผลการสำรวจความพึงพอใจให้ผู้บริหารสูงสุด ทราบและเผยแพร่ผลสำรวจบนเว็บไซต์ของเทศบาลตำบลบ้านด้อม"
)


def ban_tom_paged(out: Path, group: str | list[str], repeat: list[list[str]]) -> Path:
    """Seed 004's table with the page breaking inside the satisfaction survey (its steps
    ๑–๒ on the first page, ๓ on the next, and the end of its title with them)."""
    rows = seed_rows(seed_tables(seed_file("004"))[0])
    assert rows[7][0].startswith("กิจกรรมสำรวจความพึงพอใจ")
    cut = PageBreak(
        table=0,
        before=8,
        carry={0: "ของเทศบาลตำบลบ้านด้อม", 1: SURVEY_STEPS_NEXT_PAGE},
        repeat=repeat,
    )
    return paged_docx(out, [rows], cut, group)


BAN_TOM_TITLES = [
    "ประกาศนโยบาย No Gift Policy",
    "เผยแพร่การดำเนินงานของเทศบาลตำบลบ้านด้อม",
    "กิจกรรมชักชวนความเข้าใจในการให้บริการประชาชน",
    "ประชาสัมพันธ์การให้บริการออนไลน์ของเทศบาลตำบลบ้านด้อม",
    "กิจกรรมสำรวจความพึงพอใจการให้บริการ\nของเทศบาลตำบลบ้านด้อม",
    "กิจกรรมการเปิดโอกาสให้เกิดการมีส่วนร่วม",
    "กิจกรรมปรับปรุงศูนย์ข้อมูลข่าวสาร",
    "กิจกรรมปรับปรุงช่องทางกรรเรียนร้องทุกข์",
    "กิจกรรมชักชวนความเข้าใจการใช้ทรัพย์สินของทางราชการ",
    "กิจกรรมความโปร่งใสการจัดซื้อจัดจ้าง",
    "มาตรการความโปร่งใสในการเลื่อนขั้นเงินเดือน",
    "กิจกรรมปรับปรุงช่องทางกรรเรียนร้องทุกข์",
]


def test_seed_004_across_a_page_break_keeps_its_twelve_measures(app: Flask, tmp_path: Path) -> None:
    # The group header written in four of the five cells (the หมายเหตุ cell left empty).
    group = ["การนำผลการวิเคราะห์ไปสู่การปฏิบัติ"] * 4 + [""]
    docx = ban_tom_paged(tmp_path / "004.docx", group, repeat=[])
    out = imported(app, docx, 2567)
    ms = out["measures"]
    assert [m["no"] for m in ms] == list(range(1, 13))
    assert [m["title"] for m in ms] == BAN_TOM_TITLES
    survey = ms[4]
    assert survey["steps"] == (
        "๑.จัดทำข้อมูลเชิงสถิติการให้บริการของเทศบาลตำบลบ้านด้อม "
        "๒.สำรวจความพึงพอใจการให้บริการของเทศบาลตำบลบ้านด้อม\n" + SURVEY_STEPS_NEXT_PAGE
    )
    # The unit and period are the survey's own, from its row on the first page.
    assert (survey["unit"], survey["period_text"]) == ("งานประชาสัมพันธ์", BAN_TOM)
    assert (survey["period_start"], survey["period_end"]) == FY67
    # The group header on the next page changed neither the measures nor their issue.
    assert ms[5]["issue"] == "การให้บริการและระบบ E-Service"
    assert (ms[5]["unit"], ms[5]["period_text"]) == ("งานวิเคราะห์นโยบายและแผน", BAN_TOM)
    assert all(m["unit"] and m["period_start"] and not m["warnings"] for m in ms)
    assert out["notes"] == [skipped(2, 1, "แถวหัวกลุ่มซ้ำ"), merged(2, 2, 5)]
    assert saved(app) == 12

    text = cli(app, "import-measures", str(docx), "--year", "2567")
    assert text.split(NOTES_HEADING)[1].strip().splitlines()[:2] == [
        "- ตารางที่ 2 แถวที่ 1: แถวหัวกลุ่มซ้ำ ไม่นับเป็นมาตรการ",
        "- ตารางที่ 2 แถวที่ 2: ต่อจากมาตรการที่ 5 (ตารางแบ่งหน้า)",
    ]
    assert "พบ 12 มาตรการ" in text and "ไม่เปลี่ยนแปลง 12" in text
    assert saved(app) == 12


def test_admin_preview_lists_the_rows_joined_or_skipped(app: Flask, tmp_path: Path) -> None:
    # The group header as one cell merged across the table, and the section heading of the
    # cut measure repeated at the top of the next page.
    heading = ["๒.การให้บริการและระบบ E-Service", "", "", "", ""]
    docx = ban_tom_paged(tmp_path / "004.docx", "การนำผลการวิเคราะห์ไปสู่การปฏิบัติ", [heading])
    app.config["WTF_CSRF_ENABLED"] = False
    client = client_for(app, "admin")
    r = client.post(
        "/admin/measures/import",
        data={"year": "2567", "file": (io.BytesIO(docx.read_bytes()), "มาตรการ.docx")},
        content_type="multipart/form-data",
    )
    page = r.get_data(as_text=True)
    assert r.status_code == 200 and "พบ 12 มาตรการ" in page and "จะเพิ่ม 12" in page
    notes = page.split("<h2>แถวที่รวมเข้ากับมาตรการก่อนหน้าหรือไม่นับเป็นมาตรการ</h2>")[1]
    items = notes.split("</ul>")[0].replace("<ul>", "").split("</li>")
    assert [i.strip().removeprefix("<li>") for i in items if i.strip()] == [
        "ตารางที่ 2 แถวที่ 1: แถวหัวกลุ่มซ้ำ ไม่นับเป็นมาตรการ",
        "ตารางที่ 2 แถวที่ 2: แถวหัวกลุ่มซ้ำ ไม่นับเป็นมาตรการ",
        "ตารางที่ 2 แถวที่ 3: ต่อจากมาตรการที่ 5 (ตารางแบ่งหน้า)",
    ]
    assert "การนำผลการวิเคราะห์ไปสู่การปฏิบัติ" not in page.split("<tbody>")[1]
    assert saved(app) == 0  # a preview saves nothing


# --- seed 002: หัวข้อ | measure | unit | steps | period, two tables with headers --------------

ANTI_CORRUPTION_STEPS = [
    "1. ทำการวิเคราะห์และประเมินความเสี่ยงการ ทุจริตพร้อมกำหนด มาตรการป้องกันการทุจริต "
    "ภายในหน่วยงานพร้อมเผยแพร่ให้บุคลากรภายในรับทราบและถือเป็นแนวปฏิบัติ",
    "2. นำผลการวิเคราะห์ITAปรับปรุงการปฏิบัติงาน ให้มีประสิทธิภาพยิ่งขึ้น",
    "3. แต่งตั้งคณะกรรมการขับเคลื่อนเรื่องจริยธรรม",
    "4. จัดทำมาตรฐานทางจริยธรรม และDos & Don'tsเพื่อเผยแพร่ให้บุคลากรภายในรับทราบ และถือเป็นแนวปฏิบัติ",
    "5. จัดกิจกรรม/โครงการฝึกอบรมสอดแทรกสาระด้านจริยธรรมของเจ้าหน้าที่ของรัฐ",
]


def test_seed_002_steps_four_and_five_on_the_next_page_join_measure_nine(
    app: Flask, tmp_path: Path
) -> None:
    tables = seed_tables(seed_file("002"))
    first, second = seed_rows(tables[12]), seed_rows(tables[13])
    last = second[4]
    assert last[0].startswith("7. กลไก") and last[3].startswith("ทำการวิเคราะห์")
    # The seed lost the numbers of its list items; the office's file has them typed.
    last[3] = "\n".join(ANTI_CORRUPTION_STEPS)
    cut = PageBreak(
        table=1,
        before=5,
        carry={
            1: "จัดให้มีการแต่งตั้งคณะกรรมการขับเคลื่อน เรื่องจริยธรรม",
            3: "\n".join(ANTI_CORRUPTION_STEPS[3:]),
        },
    )
    group = "การนำผลการวิเคราะห์แต่ละประเด็นไปสู่การปฏิบัติ"
    out = imported(app, paged_docx(tmp_path / "002.docx", [first, second], cut, group), 2567)
    ms = out["measures"]
    assert [m["no"] for m in ms] == list(range(1, 10))
    starts = [
        "จัดทำคู่มือ/แนวทางการปฏิบัติงาน",
        "จัดประชุมประจำเดือนเพื่อสร้างกระบวนการปรึกษาหารือ",
        "ส่งเสริมให้ผู้รับบริการและประชาชนทั่วไป",
        "จัดให้มีการให้บริการผ่านช่องทางออนไลน์ (E-Service)",
        "พัฒนาวิธีการเข้าถึงช่องทางในการประชาสัมพันธ์",
        "จัดให้มีการเปิดเผยข้อมูลสร้างการรับรู้แผนการจัดซื้อจัดจ้าง",
        "ประชาสัมพันธ์สร้างความรู้ความเข้าใจให้ บุคลากรภายในหน่วยงาน",
        "ประชาสัมพันธ์บุคลากรให้ทราบข้อมูลรายละเอียดของตำแหน่งงาน",
        "จัดทำมาตรการป้องกันและมีระบบการติดตามตรวจสอบ",
    ]
    assert [m["title"].startswith(t) for m, t in zip(ms, starts, strict=True)] == [True] * 9
    nine = ms[8]
    assert nine["steps"] == "\n".join(ANTI_CORRUPTION_STEPS)
    assert nine["title"].endswith("การทุจริตประจำปี\nจัดให้มีการแต่งตั้งคณะกรรมการขับเคลื่อน เรื่องจริยธรรม")
    assert nine["issue"] == "กลไกและมาตรการในการแก้ไขและป้องกัน การทุจริตภายในหน่วยงาน"
    assert (nine["unit"], nine["period_text"]) == ("สำนักปลัด นิติกร", "1 ตุลาคม 2566 - 30 กันยายน 2567")
    assert all((m["period_start"], m["period_end"]) == FY67 for m in ms)
    assert not any(m["warnings"] for m in ms)
    assert out["notes"] == [
        skipped(2, 1, "แถวหัวกลุ่มซ้ำ"),
        skipped(2, 2, "หัวตารางซ้ำ"),
        skipped(3, 1, "แถวหัวกลุ่มซ้ำ"),
        merged(3, 2, 9),
    ]
    assert saved(app) == 9


# --- seed 001: an o43 report, numbered measures, already a headerless third table ---------


def test_seed_001_broken_once_more_reads_as_the_unbroken_report(app: Flask, tmp_path: Path) -> None:
    tables = [seed_rows(t) for t in seed_tables(seed_file("001"))]
    assert len(tables) == 3 and len(tables[2]) == 2
    sixth = tables[2][0]
    # The page breaks after the first paragraph of every cell of the sixth measure; the next
    # page repeats the first two column headings only.
    carry = {c: sixth[c].split("\n", 1)[1] for c in (0, 1, 4, 5)}
    cut = PageBreak(
        table=2,
        before=1,
        carry=carry,
        repeat=[["มาตรการ/แนวทาง", "ขั้นตอนหรือวิธีการปฏิบัติ", "", "", "", ""]],
    )
    group = ["มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"] * 6
    paged = imported(
        app, paged_docx(tmp_path / "paged.docx", tables, cut, group), 2568, "--dry-run"
    )
    whole = imported(app, seed_docx(seed_file("001"), tmp_path / "whole.docx"), 2568, "--dry-run")
    assert len(paged["measures"]) == 7
    assert paged["measures"] == whole["measures"]
    six = paged["measures"][5]
    assert six["title"].split("\n")[1].startswith("- ในปีงบประมาณ พ.ศ. ๒๕๖๘")
    assert six["result"].count("\n") == 2
    assert (six["unit"], six["period_start"]) == ("สำนักปลัด", "2024-12-01")
    assert paged["notes"] == [
        skipped(2, 1, "แถวหัวกลุ่มซ้ำ"),
        skipped(2, 2, "หัวตารางซ้ำ"),
        skipped(3, 1, "แถวหัวกลุ่มซ้ำ"),
        skipped(4, 1, "แถวหัวกลุ่มซ้ำ"),
        skipped(4, 2, "หัวตารางซ้ำ"),
        merged(4, 3, 6),
    ]
    # The unbroken report's only repeat is the second table's own header.
    assert whole["notes"] == [skipped(2, 1, "หัวตารางซ้ำ")]
    assert saved(app) == 0
