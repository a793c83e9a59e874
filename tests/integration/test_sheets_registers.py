"""The office's own registers in the mirror: monthly service counts (สถิติการให้บริการ) and
the gift register (การรับของขวัญ) each get their tab; a count entered again or a gift
reviewed rewrites its row in place; text a staff member typed stays text. Complaints taken at
the counter and paper questionnaires show their channel in their own tabs."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from flask import Flask
from sqlalchemy import select

from bot.db import new_session
from bot.db.gifts.tables import GiftReportRow
from handlers.clock import local_date, utcnow
from handlers.thai.dates import BE_OFFSET, MONTHS_FULL
from sheets.layout import COMPLAINTS, GIFTS, SATISFACTION, SERVICE_COUNTS, TABS
from tests.fakes.fake_sheets import FakeSheets
from tests.support.admin import add_staff, add_user, client_for
from tests.support.cli import cli, sync
from tests.support.sheets import google_config

GIVER = '=HYPERLINK("http://evil","คลิก") บริษัท ก'


@pytest.fixture
def xapp(make_app: Callable[..., Flask], xlsx: Path) -> Flask:
    return make_app(SHEETS_BACKEND="xlsx", SHEETS_XLSX_PATH=str(xlsx), WTF_CSRF_ENABLED=False)


@pytest.fixture
def gapp(make_app: Callable[..., Flask], fake_sheets: FakeSheets) -> Flask:
    return make_app(**google_config(fake_sheets), WTF_CSRF_ENABLED=False)


def table(path: Path, title: str) -> list[dict[str, Any]]:
    tab = next(t for t in TABS if t.title == title)
    ws = openpyxl.load_workbook(path)[title]
    out = []
    for values in ws.iter_rows(min_row=2, max_col=len(tab.columns), values_only=True):
        if values[0] in (None, ""):
            continue
        out.append(
            {c.key: ("" if v is None else v) for c, v in zip(tab.columns, values, strict=True)}
        )
    return out


def count(app: Flask, code: str, month: str, n: int) -> None:
    cli(app, "services", "count", code, "--month", month, "--count", str(n))


def report_gift_by_chat(app: Flask) -> None:
    add_staff(app)
    steps = ["แจ้งรับของขวัญ", GIVER, "กระเช้าผลไม้", "2,500", "วันนี้", "ส่งมอบให้หน่วยงาน", "ยืนยัน"]
    out = cli(app, "chat", "--staff", "somying", input="\n".join([*steps, "/quit", ""]))
    assert "ได้รับแจ้งการรับของขวัญแล้ว" in out, out


def every_door(app: Flask) -> None:
    count(app, "tax", "2568-01", 40)
    report_gift_by_chat(app)
    cli(app, "complaint", "add", "--channel", "walk_in", "--category", "road",
        "--details", "ถนนเป็นหลุมหน้าโรงเรียน")  # fmt: skip
    cli(app, "survey", "add", "--service", "reg", "--scores", "5,4,5,5,4")


def gift_id(app: Flask) -> int:
    with new_session(app) as s:
        return s.scalars(select(GiftReportRow.id)).one()


def test_counts_and_gifts_get_their_tabs_and_later_changes_rewrite_the_row(
    xapp: Flask, xlsx: Path
) -> None:
    every_door(xapp)
    out = sync(xapp)
    assert "4 rows added" in out, out  # a count, a gift, a complaint, a rating

    [tax] = table(xlsx, SERVICE_COUNTS.title)
    assert (tax["id"], tax["month"], tax["month_iso"]) == ("2568-01:tax", "มกราคม 2568", "2025-01")
    assert (tax["service"], tax["count"], tax["updated_by"]) == ("งานจัดเก็บภาษี", 40, "cli")
    assert tax["updated_iso"].endswith("+07:00")

    [g] = table(xlsx, GIFTS.title)
    today = local_date(utcnow())
    assert (g["id"], g["kind"]) == ("G000001", "รับของขวัญหรือประโยชน์อื่นใด")
    assert (g["staff"], g["unit"]) == ("สมหญิง ใจดี", "สำนักปลัด")
    assert g["giver"] == GIVER and g["what"] == "กระเช้าผลไม้" and g["value"] == 2500
    assert (
        g["received_on"] == f"{today.day} {MONTHS_FULL[today.month - 1]} {today.year + BE_OFFSET}"
    )
    assert (g["action"], g["reviewed"], g["period"]) == ("ส่งมอบให้หน่วยงาน", "", "")

    # The doors staff keep for citizens show which door: the counter, a sheet of paper.
    [walk_in] = table(xlsx, COMPLAINTS.title)
    assert walk_in["channel"] == "ยื่นด้วยตนเอง"
    [paper] = table(xlsx, SATISFACTION.title)
    assert paper["channel"] == "แบบสอบถามกระดาษ"

    # The giver's text stays text: a string cell, quote-prefixed, no formula in the file.
    ws = openpyxl.load_workbook(xlsx)[GIFTS.title]
    cell = ws.cell(row=2, column=GIFTS.col("giver") + 1)
    assert cell.data_type == "s" and cell.quotePrefix
    with zipfile.ZipFile(xlsx) as z:
        parts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert not any("<f>" in x or "<f " in x for x in parts)

    # The month entered again and the gift reviewed: the same rows, rewritten.
    count(xapp, "tax", "2568-01", 55)
    add_user(xapp, "integ", "integrity")
    r = client_for(xapp, "integ").post(
        f"/admin/gifts/{gift_id(xapp)}/review", data={"note": "ส่งมอบแล้ว ถูกต้อง"}
    )
    assert r.status_code == 302
    assert "0 rows added, 2 updated" in sync(xapp)
    [tax] = table(xlsx, SERVICE_COUNTS.title)
    assert (tax["id"], tax["count"]) == ("2568-01:tax", 55)
    [g] = table(xlsx, GIFTS.title)
    assert (g["reviewed_by"], g["review_note"]) == ("integ", "ส่งมอบแล้ว ถูกต้อง")
    assert re.fullmatch(r"\d{1,2} \S+ 25\d\d เวลา \d\d:\d\d น\.", g["reviewed"])

    # The year's gifts are in the สรุป tab with Thai labels.
    summary = {r["id"]: (r["label"], r["value"]) for r in table(xlsx, "สรุป")}
    assert summary["gifts.total_value"] == ("มูลค่าของขวัญที่ได้รับโดยประมาณ (บาท)", 2500)


def test_a_declaration_of_none_names_its_month(xapp: Flask, xlsx: Path) -> None:
    add_staff(xapp)
    out = cli(xapp, "chat", "--staff", "somying", input="ไม่มีการรับของขวัญ\nยืนยัน\n/quit\n")
    assert "ไม่มีการรับของขวัญ" in out
    sync(xapp)
    [g] = table(xlsx, GIFTS.title)
    today = local_date(utcnow())
    assert g["kind"] == "ไม่มีการรับของขวัญ"
    assert g["period"] == f"{MONTHS_FULL[today.month - 1]} {today.year + BE_OFFSET}"
    assert (g["giver"], g["value"], g["received_on"]) == ("", "", "")


def test_rebuild_writes_counts_and_gifts_again_without_duplicates(xapp: Flask, xlsx: Path) -> None:
    count(xapp, "tax", "2568-01", 40)
    count(xapp, "reg", "2567-12", 7)
    report_gift_by_chat(xapp)
    sync(xapp)
    wb = openpyxl.load_workbook(xlsx)
    wb[SERVICE_COUNTS.title].delete_rows(2)  # an admin deleted January's row
    wb.save(xlsx)
    out = sync(xapp, "--rebuild")
    assert "queued 3 entries" in out and "1 rows added, 2 updated" in out, out
    ids = sorted(r["id"] for r in table(xlsx, SERVICE_COUNTS.title))
    assert ids == ["2567-12:reg", "2568-01:tax"]
    assert [r["id"] for r in table(xlsx, GIFTS.title)] == ["G000001"]


def test_google_gets_counts_and_gifts_as_raw_text(gapp: Flask, fake_sheets: FakeSheets) -> None:
    count(gapp, "tax", "2568-01", 40)
    report_gift_by_chat(gapp)
    assert "2 rows added" in sync(gapp)
    [row] = [r for r in fake_sheets.values(SERVICE_COUNTS.title)[1:] if r and r[0]]
    assert row[0] == "2568-01:tax" and row[SERVICE_COUNTS.col("count")] == 40
    [gift] = [r for r in fake_sheets.values(GIFTS.title)[1:] if r and r[0]]
    assert gift[0] == "G000001" and gift[GIFTS.col("giver")] == GIVER
    assert set(fake_sheets.value_input_options) == {"RAW"} and fake_sheets.formulas == []
    count(gapp, "tax", "2568-01", 41)
    assert "0 rows added, 1 updated" in sync(gapp)
    [row] = [r for r in fake_sheets.values(SERVICE_COUNTS.title)[1:] if r and r[0]]
    assert row[SERVICE_COUNTS.col("count")] == 41


def test_a_count_cleared_on_the_grid_leaves_its_id_and_a_note(xapp: Flask, xlsx: Path) -> None:
    count(xapp, "tax", "2568-01", 40)
    sync(xapp)
    r = client_for(xapp, "admin").post(
        "/admin/services/counts", data={"year": "2568", "c-tax-2025-01": ""}
    )
    assert r.status_code == 302
    assert "0 rows added, 1 updated" in sync(xapp)
    [tax] = table(xlsx, SERVICE_COUNTS.title)
    assert (tax["id"], tax["count"], tax["system_notes"]) == ("2568-01:tax", "", "ลบข้อมูลแล้ว")
