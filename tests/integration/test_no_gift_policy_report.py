"""`flask report no_gift_policy`: the office's No Gift announcement from its settings and the
gift register, as .html and .docx, with counts and no one's name."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
import time_machine
from docx import Document
from flask import Flask

from bot.db import new_session
from bot.db.store import SqlStore
from handlers.gifts.domain import GIFT, NONE, GiftReport
from tests.support.cli import cli

AT = datetime(2025, 11, 1, tzinfo=UTC)
NAMES = ("ห้างหุ้นส่วนวัสดุดี", "ร้านข้าวแกงป้าแดง", "สมชาย ใจดี", "สมหญิง ใจงาม")


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Iterator[Flask]:
    app = make_app()
    cli(app, "settings", "set", "office_name", "เทศบาลตำบลหนองรี")
    cli(app, "settings", "set", "signer_name", "นายวิชัย มั่นคง")
    cli(app, "settings", "set", "signer_position", "นายกเทศมนตรีตำบลหนองรี")
    with new_session(app) as s:
        for e in (
            gift(date(2025, 9, 30), "5000", "ห้างหุ้นส่วนวัสดุดี"),  # FY 2568
            gift(date(2025, 10, 2), "2500", "ห้างหุ้นส่วนวัสดุดี"),
            gift(date(2026, 1, 5), "320.75", "ร้านข้าวแกงป้าแดง"),
            gift(date(2026, 3, 21), "900", "ร้านข้าวแกงป้าแดง"),  # after the day it is printed
            none(date(2025, 12, 1)),
            none(date(2026, 1, 1)),
            none(date(2026, 2, 1)),
        ):
            SqlStore(s).gifts.add_gift_report(e)
        s.commit()
    # Printed on 20 March 2026 (FY 2569), Bangkok noon.
    with time_machine.travel(datetime(2026, 3, 20, 5, 0, tzinfo=UTC), tick=False):
        yield app


def gift(day: date, value: str, giver: str) -> GiftReport:
    return GiftReport(
        kind=GIFT,
        staff_id=1,
        staff_name="สมชาย ใจดี",
        unit="กองช่าง",
        created_at=AT,
        received_on=day,
        giver=giver,
        what="กระเช้าผลไม้",
        estimated_value=Decimal(value),
        action="ส่งคืนผู้ให้แล้ว",
    )


def none(month: date) -> GiftReport:
    return GiftReport(
        kind=NONE,
        staff_id=2,
        staff_name="สมหญิง ใจงาม",
        unit="สำนักปลัด",
        created_at=AT,
        period_start=month,
    )


SUBJECT = (
    "เรื่อง นโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy) ประจำปีงบประมาณ พ.ศ. 2569"
)


def test_the_announcement_as_a_web_page(app: Flask, tmp_path: Path) -> None:
    out = tmp_path / "f.html"
    said = cli(app, "report", "no_gift_policy", "--year", "2569", "--out", str(out))
    assert "ประกาศเทศบาลตำบลหนองรี" in said
    html = out.read_text(encoding="utf-8")
    assert "<h1>ประกาศเทศบาลตำบลหนองรี</h1>" in html and SUBJECT in html
    assert "“แจ้งรับของขวัญ”" in html
    # 2 Oct 2025 and 5 Jan 2026: 2,500.00 + 320.75; three months declared none.
    for figure in ("2 รายการ", "2,820.75 บาท", "3 ครั้ง", "3 เดือน"):
        assert f"<td>{figure}</td>" in html
    assert "ประกาศ ณ วันที่ 20 มีนาคม พ.ศ. 2569" in html
    assert "<p>(นายวิชัย มั่นคง)</p><p>นายกเทศมนตรีตำบลหนองรี</p>" in html
    for name in NAMES:
        assert name not in html


def test_the_announcement_as_a_word_file(app: Flask, tmp_path: Path) -> None:
    out = tmp_path / "f.docx"
    cli(app, "report", "no_gift_policy", "--year", "2569", "--out", str(out))
    doc = Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "ประกาศเทศบาลตำบลหนองรี" in text and SUBJECT in text
    assert "ประกาศ ณ วันที่ 20 มีนาคม พ.ศ. 2569" in text
    assert "2,820.75 บาท" in cells and "2 รายการ" in cells
    assert any("(นายวิชัย มั่นคง)" in c and "นายกเทศมนตรีตำบลหนองรี" in c for c in cells)
    page = doc.sections[0]
    assert (page.page_width or 0) < (page.page_height or 0)  # portrait A4
    everything = text + "\n".join(cells)
    for name in NAMES:
        assert name not in everything


def test_the_catalogue_publishes_it_as_2566_o31_and_2565_o34(app: Flask) -> None:
    client = app.test_client()
    for path, year in (("/ita/2566/o31", 2566), ("/ita/2565/o34", 2565)):
        r = client.get(path)
        assert r.status_code == 200, path
        page = r.get_data(as_text=True)
        assert "ประกาศเทศบาลตำบลหนองรี" in page
        assert f"(No Gift Policy) ประจำปีงบประมาณ พ.ศ. {year}" in page
        # The register's entries are all of FY 2568-2569: none counted in those years.
        assert "2,820.75" not in page and not any(name in page for name in NAMES)
    assert "/ita/2566/o31" in client.get("/ita/2566").get_data(as_text=True)
