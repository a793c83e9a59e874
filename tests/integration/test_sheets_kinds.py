"""Measures, progress reports and ratings in the mirror: measures imported from a seed, a
progress report made by chat, ratings from the web form and from LINE each appear once in
their tab (XLSX read back with openpyxl; Google through the real gspread client against the
fake Sheets server), and admins' edits of measures come back into the register."""

from __future__ import annotations

import json
import os
import re
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from flask import Flask
from sqlalchemy import select

from bot.db import new_session
from bot.db.accounts.tables import AuditLog
from bot.db.measures.tables import MeasureRow
from bot.db.satisfaction.tables import SatisfactionRow
from bot.mirror.sync import source_for
from handlers.clock import local_date, utcnow
from handlers.thai.dates import fiscal_year
from sheets.layout import MEASURES, PROGRESS, SATISFACTION, SUMMARY
from tests.fakes.fake_line import FakeLine
from tests.fakes.fake_sheets import FakeSheets
from tests.support.admin import add_staff
from tests.support.cli import cli, sync
from tests.support.line import line_config, say
from tests.support.seed_tables import seed_docx, seed_file
from tests.support.sheets import google_config

FY = fiscal_year(local_date(utcnow()))
CITIZEN = "U" + "d" * 32
FORMULA_COMMENT = '=HYPERLINK("http://evil","คลิก") บริการช้า'
SEED_001_MEASURES = 7


# --- apps on each backend --------------------------------------------------------------------


@pytest.fixture
def xapp(make_app: Callable[..., Flask], xlsx: Path, line: FakeLine) -> Flask:
    return make_app(
        SHEETS_BACKEND="xlsx",
        SHEETS_XLSX_PATH=str(xlsx),
        WTF_CSRF_ENABLED=False,
        **line_config(line),
    )


@pytest.fixture
def gapp(make_app: Callable[..., Flask], fake_sheets: FakeSheets, line: FakeLine) -> Flask:
    return make_app(**google_config(fake_sheets), WTF_CSRF_ENABLED=False, **line_config(line))


# --- what people do ----------------------------------------------------------------------------


def import_seed(app: Flask, tmp_path: Path, name: str = "001") -> None:
    doc = seed_docx(seed_file(name), tmp_path / f"{name}.docx")
    cli(app, "import-measures", str(doc), "--year", str(FY))


def report_progress_by_chat(app: Flask, text: str) -> str:
    """A staff member of สำนักปลัด reports through the chat (the same conversation as LINE)."""
    with new_session(app) as s:
        from bot.db.accounts.tables import User

        known = s.scalars(select(User).where(User.username == "somying")).first()
    if known is None:
        add_staff(app)
    return cli(app, "chat", "--staff", "somying", input=f"{text}\nยืนยัน\n/quit\n")


def rate_on_the_web(app: Flask, comment: str, service: str = "tax") -> None:
    dims = {f"dim_{d}": "4" for d in ("process", "staff", "facilities", "quality", "overall")}
    r = app.test_client().post(
        f"/feedback?service={service}",
        data={
            "service": service,
            **dims,
            "dim_staff": "5",
            "comment": comment,
            "gender": "หญิง",
            "age_band": "30–39 ปี",
            "privacy_ack": "y",
        },
        environ_base={"REMOTE_ADDR": "10.1.2.3"},
    )
    assert r.status_code == 302, r.get_data(as_text=True)


def rate_in_line(app: Flask, line: FakeLine) -> None:
    for text in [
        "ประเมินความพึงพอใจ",
        "งานประปา",
        "5",
        "4",
        "3",
        "4",
        "5",
        "-น้ำไม่ไหล @ทุกเช้า",
        "ชาย",
        "ข้าม",
    ]:
        say(app, text, CITIZEN)
    assert "ขอบคุณที่ประเมินความพึงพอใจ" in "\n".join(line.last_texts())


def everything(app: Flask, tmp_path: Path, line: FakeLine) -> None:
    import_seed(app, tmp_path)
    out = report_progress_by_chat(app, "มาตรการ ๓ ๖๐% จัดอบรมแล้ว ๔๕ คน")
    assert "บันทึกความคืบหน้ามาตรการที่ 3" in out, out
    rate_on_the_web(app, FORMULA_COMMENT)
    rate_in_line(app, line)


# --- reading the XLSX back ------------------------------------------------------------------------


def table(path: Path, title: str) -> list[dict[str, Any]]:
    """A tab's data rows as {column key: value}."""
    from sheets.layout import TABS

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


# --- XLSX --------------------------------------------------------------------------------------


def test_measures_progress_and_ratings_each_appear_once_in_their_tab(
    xapp: Flask, xlsx: Path, tmp_path: Path, line: FakeLine
) -> None:
    everything(xapp, tmp_path, line)
    out = sync(xapp)
    assert "10 rows added" in out  # 7 measures, 1 progress report, 2 ratings

    measures = table(xlsx, MEASURES.title)
    assert [m["id"] for m in measures] == [f"{FY}-M{n:02d}" for n in range(1, 8)]
    third = measures[2]
    assert (third["percent"], third["status"], third["reports"]) == (60, "กำลังดำเนินการ", 1)
    assert third["fiscal_year"] == FY and third["order"] == 3 and third["unit"] == "สำนักปลัด"
    assert third["last_report"].endswith("น.")
    assert re.fullmatch(r"\d{1,2} ตุลาคม 25\d\d", measures[0]["start"])  # Thai, BE year
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", measures[0]["end_iso"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00", third["updated_iso"])

    [report] = table(xlsx, PROGRESS.title)
    assert report["id"] == "P000001" and report["measure"] == f"{FY}-M03"
    assert (report["percent"], report["reporter"], report["unit"]) == (60, "สมหญิง ใจดี", "สำนักปลัด")
    assert "จัดอบรมแล้ว" in report["done"] and report["photo_count"] == 0
    assert report["reported"].endswith("น.") and report["reported_iso"].endswith("+07:00")

    web, chat = table(xlsx, SATISFACTION.title)
    assert (web["id"], web["channel"], web["service"]) == ("S000001", "เว็บไซต์", "งานจัดเก็บภาษี")
    assert (web["process"], web["staff"], web["overall"], web["handling"]) == (4, 5, 4, "")
    assert web["mean"] == 4.2 and (web["gender"], web["age_band"]) == ("หญิง", "30–39 ปี")
    assert web["comment"] == FORMULA_COMMENT
    assert (chat["id"], chat["channel"], chat["service"]) == ("S000002", "LINE", "งานประปา")
    assert [chat[k] for k in ("process", "staff", "facilities", "quality", "overall")] == [
        5,
        4,
        3,
        4,
        5,
    ]
    assert chat["comment"] == "-น้ำไม่ไหล @ทุกเช้า" and chat["gender"] == "ชาย"

    # Text stays text: string cells, quote-prefixed, no formula anywhere in the file.
    ws = openpyxl.load_workbook(xlsx)[SATISFACTION.title]
    for r in (2, 3):
        cell = ws.cell(row=r, column=SATISFACTION.col("comment") + 1)
        assert cell.data_type == "s" and cell.quotePrefix
    with zipfile.ZipFile(xlsx) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/")]
    assert not any("<f>" in x or "<f " in x for x in sheets)
    # Who rated stays out of the sheet: no LINE ID, no respondent key.
    with new_session(xapp) as s:
        keys = [k for k in s.scalars(select(SatisfactionRow.respondent_key)) if k]
    assert len(keys) == 2
    assert not any(CITIZEN in x or any(k in x for k in keys) for x in sheets)

    figures = {r["id"]: r["value"] for r in table(xlsx, SUMMARY.title)}
    assert figures["measures.total"] == SEED_001_MEASURES
    assert figures["measures.average_percent"] == round(60 / SEED_001_MEASURES, 1)
    assert figures["satisfaction.responses"] == 2
    assert figures["satisfaction.by_service.tax.responses"] == 1
    labels = {r["id"]: r["label"] for r in table(xlsx, SUMMARY.title)}
    assert labels["satisfaction.by_service.water.mean"] == "ความพึงพอใจ งานประปา: คะแนนเฉลี่ย"
    assert "satisfaction.by_service.tax.name" not in figures

    # Nothing new: nothing written, and nothing left waiting for /healthz to report.
    assert "0 rows added, 0 updated; 0 pending" in sync(xapp)
    health = xapp.test_client().get("/healthz").get_json()
    assert health["outbox_backlog"] == 0 and health["last_sync"]
    import_seed(xapp, tmp_path)  # the same register again changes nothing
    assert "mirrored 0 outbox entries" in sync(xapp)
    assert len(table(xlsx, MEASURES.title)) == SEED_001_MEASURES


def test_a_later_progress_report_moves_its_measure_row_in_place(
    xapp: Flask, xlsx: Path, tmp_path: Path
) -> None:
    import_seed(xapp, tmp_path)
    sync(xapp)
    report_progress_by_chat(xapp, "มาตรการ ๒ ๑๐๐% เผยแพร่ครบแล้ว")
    out = sync(xapp)
    assert "1 rows added, 1 updated" in out  # the report; its measure's row rewritten
    measures = table(xlsx, MEASURES.title)
    assert len(measures) == SEED_001_MEASURES
    assert (measures[1]["percent"], measures[1]["status"]) == (100, "ดำเนินการแล้วเสร็จ")
    assert table(xlsx, PROGRESS.title)[0]["status"] == "ดำเนินการแล้วเสร็จ"


def edit_cells(path: Path, title: str, edits: dict[tuple[int, str], Any]) -> None:
    from sheets.layout import TABS

    tab = next(t for t in TABS if t.title == title)
    wb = openpyxl.load_workbook(path)
    ws = wb[title]
    for (row, key), value in edits.items():
        ws.cell(row=row, column=tab.col(key) + 1).value = value
    time.sleep(0.01)  # a later modification time, as an admin's save would have
    # Saved beside the file and moved over it, as spreadsheet programs do, so a sync running
    # meanwhile reads the old file or the new one.
    tmp = path.with_name("~" + path.name)
    wb.save(tmp)
    os.replace(tmp, path)


def measure_row(app: Flask, no: int) -> MeasureRow:
    with new_session(app) as s:
        return s.scalars(
            select(MeasureRow).where(MeasureRow.fiscal_year == FY, MeasureRow.no == no)
        ).one()


def test_admin_edits_of_measures_come_back_and_bad_ones_are_noted(
    xapp: Flask, xlsx: Path, tmp_path: Path
) -> None:
    import_seed(xapp, tmp_path)
    sync(xapp)
    before = table(xlsx, MEASURES.title)
    edit_cells(
        xlsx,
        MEASURES.title,
        {
            (2, "title"): "มาตรการป้องกันผลประโยชน์ทับซ้อน (ปรับปรุง)",
            (3, "period"): "ไตรมาส 2",
            (3, "unit"): "สำนักปลัด\r\nกองคลัง",
            (4, "steps"): "=1+1",  # a formula: refused
            (5, "title"): "",  # a measure needs a name: refused
            (6, "period"): "เร็ว ๆ นี้",  # no date in it: refused
            (8, "outcome"): "  " + str(before[6]["outcome"]) + "\n",  # only spaces: no edit
        },
    )
    out = sync(xapp, "--pull")
    assert "3 applied, 3 refused" in out, out
    assert "ชื่อมาตรการต้องไม่ว่าง" in out

    assert measure_row(xapp, 1).title == "มาตรการป้องกันผลประโยชน์ทับซ้อน (ปรับปรุง)"
    second = measure_row(xapp, 2)
    assert second.period_text == "ไตรมาส 2" and second.unit == "สำนักปลัด\nกองคลัง"
    assert (second.period_start.month, second.period_end.month) == (1, 3)  # type: ignore[union-attr]
    assert measure_row(xapp, 3).steps == before[2]["steps"]
    assert measure_row(xapp, 4).title == before[3]["title"]
    assert measure_row(xapp, 5).period_text == before[4]["period"]

    with new_session(xapp) as s:
        audit = s.scalars(
            select(AuditLog).where(AuditLog.action == "measure.edit").order_by(AuditLog.id)
        ).all()
    assert [(a.actor, a.target) for a in audit] == [
        ("sheets:xlsx", f"{FY}-M01"),
        ("sheets:xlsx", f"{FY}-M02"),
        ("sheets:xlsx", f"{FY}-M02"),
    ]
    assert "(ปรับปรุง)" in audit[0].detail and before[0]["title"][:20] in audit[0].detail

    after = table(xlsx, MEASURES.title)
    assert after[0]["title"] == "มาตรการป้องกันผลประโยชน์ทับซ้อน (ปรับปรุง)"
    assert after[1]["start"].startswith("1 มกราคม") and after[1]["end_iso"].endswith("-03-31")
    # Refused edits: the register's text put back, the reason beside it.
    assert after[2]["steps"] == before[2]["steps"] and "สูตร" in after[2]["system_notes"]
    assert after[3]["title"] == before[3]["title"]
    assert "ชื่อมาตรการต้องไม่ว่าง" in after[3]["system_notes"]
    assert after[4]["period"] == before[4]["period"]
    assert "อ่านระยะเวลา “เร็ว ๆ นี้” ไม่ได้" in after[4]["system_notes"]
    assert [m["id"] for m in after] == [m["id"] for m in before]
    again = sync(xapp, "--pull")
    assert "0 applied, 0 refused" in again  # reported once, not on every pull
    assert source_for(xapp).backlog() == 0


def test_rebuild_mirrors_every_kind_again_without_duplicates(
    xapp: Flask, xlsx: Path, tmp_path: Path, line: FakeLine
) -> None:
    everything(xapp, tmp_path, line)
    sync(xapp)
    wb = openpyxl.load_workbook(xlsx)
    wb[MEASURES.title].delete_rows(4)  # an admin deleted measure 3's row
    time.sleep(0.01)
    wb.save(xlsx)
    out = sync(xapp, "--rebuild")
    assert "queued 10 entries" in out and "1 rows added, 9 updated" in out, out
    assert sorted(m["id"] for m in table(xlsx, MEASURES.title)) == [
        f"{FY}-M{n:02d}" for n in range(1, 8)
    ]
    assert len(table(xlsx, PROGRESS.title)) == 1 and len(table(xlsx, SATISFACTION.title)) == 2


# --- Google Sheets ------------------------------------------------------------------------------


def rows_of(fake_sheets: FakeSheets, title: str) -> list[list[Any]]:
    return [r for r in fake_sheets.values(title)[1:] if r and r[0] != ""]


def test_google_gets_every_kind_once_as_raw_text(
    gapp: Flask, fake_sheets: FakeSheets, tmp_path: Path, line: FakeLine
) -> None:
    everything(gapp, tmp_path, line)
    out = sync(gapp)
    assert "10 rows added" in out, out
    assert [r[0] for r in rows_of(fake_sheets, MEASURES.title)] == [
        f"{FY}-M{n:02d}" for n in range(1, 8)
    ]
    [report] = rows_of(fake_sheets, PROGRESS.title)
    assert report[0] == "P000001" and report[PROGRESS.col("measure")] == f"{FY}-M03"
    ratings = rows_of(fake_sheets, SATISFACTION.title)
    assert [r[0] for r in ratings] == ["S000001", "S000002"]
    assert ratings[0][SATISFACTION.col("comment")] == FORMULA_COMMENT
    assert set(fake_sheets.value_input_options) == {"RAW"} and fake_sheets.formulas == []
    dumped = json.dumps([fake_sheets.values(t) for t in fake_sheets.sheets], ensure_ascii=False)
    assert CITIZEN not in dumped
    tabs = (MEASURES.title, PROGRESS.title, SATISFACTION.title)
    before = [fake_sheets.values(t) for t in tabs]
    appends = sum(1 for _, _, p in fake_sheets.log if p.endswith(":append"))
    assert "0 rows added, 0 updated; 0 pending" in sync(gapp)
    # A second run adds and rewrites nothing (a new process only re-checks the layout and
    # refreshes the สรุป figures).
    assert sum(1 for _, _, p in fake_sheets.log if p.endswith(":append")) == appends
    assert [fake_sheets.values(t) for t in tabs] == before
    assert gapp.test_client().get("/healthz").get_json()["outbox_backlog"] == 0


def test_google_measure_edits_are_pulled_and_formulas_refused(
    gapp: Flask, fake_sheets: FakeSheets, tmp_path: Path
) -> None:
    import_seed(gapp, tmp_path)
    sync(gapp)
    title = MEASURES.title
    old_title = rows_of(fake_sheets, title)[1][MEASURES.col("title")]
    fake_sheets.edit(title, f"{MEASURES.letter('outcome')}2", "บุคลากรร้อยละ 90 ผ่านการอบรม")
    # An admin types a formula: the sheet shows what it computes, the pull sees the formula.
    fake_sheets.edit_formula(title, f"{MEASURES.letter('title')}3", '=UPPER("x")', "X")
    out = sync(gapp, "--pull")
    assert "1 applied, 1 refused" in out, out
    assert measure_row(gapp, 1).outcome == "บุคลากรร้อยละ 90 ผ่านการอบรม"
    assert measure_row(gapp, 2).title == old_title
    rows = rows_of(fake_sheets, title)
    assert rows[0][MEASURES.col("outcome")] == "บุคลากรร้อยละ 90 ผ่านการอบรม"
    assert rows[1][MEASURES.col("title")] == old_title  # the formula replaced by the text
    assert "ไม่รับสูตร" in rows[1][MEASURES.col("system_notes")]
    with new_session(gapp) as s:
        [entry] = s.scalars(select(AuditLog).where(AuditLog.action == "measure.edit")).all()
    assert entry.actor == "sheets:google" and entry.target == f"{FY}-M01"
    assert source_for(gapp).backlog() == 0


def test_a_rating_of_a_complaints_handling_in_line_reaches_the_sheet(
    xapp: Flask, xlsx: Path, line: FakeLine
) -> None:
    for text in [
        "ร้องเรียน",
        "ถนน ทางเท้า สะพาน",
        "ถนนหน้าโรงเรียนเป็นหลุมลึก",
        "ข้าม",
        "ข้าม",
        "ใช้ชื่อ LINE",
        "ยืนยัน",
    ]:
        say(xapp, text, CITIZEN)
    number = "\n".join(line.last_texts()).split("เลขที่เรื่อง: ")[1].split()[0]
    cli(xapp, "complaint", "set-status", number, "resolved", "--note", "ซ่อมแล้ว")
    for text in [f"ประเมินเรื่อง {number}", "2 น้อย", "@ช้าไปหน่อย"]:
        say(xapp, text, CITIZEN)
    assert "ขอบคุณที่ประเมินการจัดการเรื่อง" in "\n".join(line.last_texts())
    sync(xapp)
    [rated] = table(xlsx, SATISFACTION.title)
    assert (rated["kind"], rated["case"], rated["handling"], rated["channel"]) == (
        "การจัดการเรื่องร้องเรียน",
        number,
        2,
        "LINE",
    )
    assert rated["comment"] == "@ช้าไปหน่อย" and rated["process"] == ""
    assert source_for(xapp).backlog() == 0


def test_the_background_sync_pulls_measure_edits_on_its_own(
    xapp: Flask, xlsx: Path, tmp_path: Path
) -> None:
    from bot.mirror.sync import background_job

    import_seed(xapp, tmp_path)
    xapp.config.update(SHEETS_SYNC_SECONDS=0.05, SHEETS_PULL_SECONDS=0.2)
    job = background_job(xapp)
    assert job is not None

    def wait(until: Callable[[], bool]) -> None:
        deadline = time.monotonic() + 15
        while not until() and time.monotonic() < deadline:
            time.sleep(0.05)
            job()
        assert until()

    try:
        job()  # what the BackgroundWorker calls on each tick
        wait(
            lambda: (
                source_for(xapp).backlog() == 0
                and xlsx.exists()
                and len(table(xlsx, MEASURES.title)) == SEED_001_MEASURES
            )
        )
        edit_cells(xlsx, MEASURES.title, {(2, "unit"): "สำนักปลัด งานนิติการ"})
        wait(lambda: measure_row(xapp, 1).unit == "สำนักปลัด งานนิติการ")
        wait(lambda: source_for(xapp).backlog() == 0)
    finally:
        xapp.extensions["prongsai_sheets_thread"].stop()
        xapp.extensions["prongsai_sheets_thread"].join(5)
    assert xapp.test_client().get("/healthz").get_json()["outbox_backlog"] == 0


def test_a_file_caught_halfway_through_a_save_is_read_again_later(
    xapp: Flask, xlsx: Path, tmp_path: Path
) -> None:
    from sheets.quota import Backoff
    from sheets.sync import Syncer
    from sheets.xlsx import XlsxBackend

    import_seed(xapp, tmp_path)
    sync(xapp)
    whole = xlsx.read_bytes()
    xlsx.write_bytes(whole[: len(whole) // 2])  # what a reader sees mid-save
    report_progress_by_chat(xapp, "มาตรการ ๑ ๒๐% เริ่มจัดทำคู่มือ")
    syncer = Syncer(
        source_for(xapp), XlsxBackend(xlsx), backoff=Backoff(base=0.01, cap=0.02, max_tries=2)
    )
    result = syncer.drain()
    assert "is being saved" in result.error and result.pending == 1  # waiting, not lost
    xlsx.write_bytes(whole)  # the save completes
    assert syncer.drain().ok
    assert len(table(xlsx, PROGRESS.title)) == 1
    assert table(xlsx, MEASURES.title)[0]["percent"] == 20
