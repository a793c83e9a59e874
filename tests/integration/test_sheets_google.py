"""The Google Sheets mirror: the real gspread client against a local fake Sheets v4 server
over HTTP, with 429 bursts, 500s, timeouts and crashes, each proving exactly-once rows."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import delete, select

from bot.db import new_session
from bot.db.chat.tables import NoticeRow
from bot.db.complaints.tables import ComplaintRow, HistoryRow
from bot.db.mirror import outbox
from bot.db.mirror.tables import OutboxRow
from bot.mirror.source import SqlMirrorSource
from bot.mirror.sync import source_for
from handlers.clock import utcnow
from handlers.complaints.domain import Status
from sheets.google import GoogleBackend
from sheets.layout import COMPLAINTS, STATUS_CHOICES, TABS
from sheets.quota import Backoff, TokenBucket
from sheets.rows import SEALED_MARK
from sheets.sync import Syncer
from tests.fakes.crashing_source import CrashingSource
from tests.fakes.fake_sheets import FakeSheets, Fault
from tests.support.complaints import change, file_many
from tests.support.sheets import gclient, google_config

TAB = COMPLAINTS.title
STATUS_COL = COMPLAINTS.col("status")
NOTES_COL = COMPLAINTS.col("system_notes")


@pytest.fixture
def gapp(make_app: Callable[..., Flask], fake_sheets: FakeSheets) -> Flask:
    return make_app(**google_config(fake_sheets))


def make_syncer(
    app: Flask,
    fake_sheets: FakeSheets,
    timeout: float = 5.0,
    source: SqlMirrorSource | None = None,
    writes: TokenBucket | None = None,
    **kw: Any,
) -> Syncer:
    backend = GoogleBackend(
        gclient(fake_sheets, timeout),
        fake_sheets.spreadsheet_id,
        writes or TokenBucket(60),
        TokenBucket(60),
    )
    kw.setdefault("backoff", Backoff(base=0.01, cap=0.05, max_tries=8))
    return Syncer(source or source_for(app), backend, **kw)


def ids(fake_sheets: FakeSheets) -> list[str]:
    return [str(v) for v in fake_sheets.column(TAB)[1:] if v != ""]


def row_of(fake_sheets: FakeSheets, case: str) -> list[Any]:
    return next(r for r in fake_sheets.values(TAB) if r and r[0] == case)


def appends(fake_sheets: FakeSheets) -> int:
    return sum(1 for _, _, p in fake_sheets.log if p.endswith(":append"))


def backlog(app: Flask) -> int:
    return source_for(app).backlog()


# --- layout --------------------------------------------------------------------------------


def test_layout_tabs_headers_frozen_row_and_status_dropdown(
    gapp: Flask, fake_sheets: FakeSheets
) -> None:
    assert make_syncer(gapp, fake_sheets).drain().ok
    for tab in TABS:
        sheet = fake_sheets.sheets[tab.title]
        assert fake_sheets.values(tab.title)[0] == tab.headers
        assert sheet.frozen_rows == 1
    rule = fake_sheets.sheets[TAB].validations[0]
    assert rule["range"]["startColumnIndex"] == STATUS_COL and rule["range"]["startRowIndex"] == 1
    values = [v["userEnteredValue"] for v in rule["rule"]["condition"]["values"]]
    assert values == list(STATUS_CHOICES) and rule["rule"]["strict"]
    # A second process finds everything in place: no duplicate tabs, no error.
    before = len(fake_sheets.sheets)
    assert make_syncer(gapp, fake_sheets).drain().ok
    assert len(fake_sheets.sheets) == before == len(TABS) + 1  # plus Google's own Sheet1


def test_summary_tab_holds_the_figures(gapp: Flask, fake_sheets: FakeSheets) -> None:
    file_many(gapp, 3)
    file_many(gapp, 1, category="corruption")
    assert make_syncer(gapp, fake_sheets).drain().ok
    figures = {r[0]: r[2] for r in fake_sheets.values("สรุป")[1:] if r and r[0]}
    assert figures["complaints.total"] == 4
    assert figures["complaints.corruption"] == 1
    assert figures["complaints.by_status.received"] == 4


# --- drain: batched, ordered, RAW, sealed ----------------------------------------------------


def test_entries_are_appended_in_order_in_one_request_as_raw_text(
    gapp: Flask, fake_sheets: FakeSheets
) -> None:
    cases = file_many(gapp, 30, details='=HYPERLINK("http://evil","คลิก")')
    cases += file_many(gapp, 1, details="+66 โทรมาด้วย")
    cases += file_many(gapp, 1, details="@ทุกคน -ถนนพัง")
    result = make_syncer(gapp, fake_sheets).drain()
    assert result.ok and result.appended == 32 and result.pending == 0
    assert ids(fake_sheets) == cases
    assert appends(fake_sheets) == 1
    assert set(fake_sheets.value_input_options) == {"RAW"} and fake_sheets.formulas == []
    details = [r[COMPLAINTS.col("details")] for r in fake_sheets.values(TAB)[1:]]
    assert details[0] == '=HYPERLINK("http://evil","คลิก") 0'
    assert details[-2:] == ["+66 โทรมาด้วย 0", "@ทุกคน -ถนนพัง 0"]
    assert row_of(fake_sheets, cases[0])[COMPLAINTS.col("phone")] == "0812345678"


def test_corruption_rows_are_sealed_in_the_sheet(gapp: Flask, fake_sheets: FakeSheets) -> None:
    [case] = file_many(gapp, 1, category="corruption", details="นายกเรียกรับเงินค่าใบอนุญาต")
    make_syncer(gapp, fake_sheets).drain()
    row = row_of(fake_sheets, case)
    joined = json.dumps(fake_sheets.values(TAB), ensure_ascii=False)
    assert "นายก" not in joined and "สมศรี" not in joined and "0812345678" not in joined
    assert row[COMPLAINTS.col("details")] == SEALED_MARK
    assert row[STATUS_COL] == "รับเรื่องแล้ว"


def test_a_changed_entry_updates_its_row_found_by_id(gapp: Flask, fake_sheets: FakeSheets) -> None:
    cases = file_many(gapp, 5)
    syncer = make_syncer(gapp, fake_sheets)
    syncer.drain()
    change(gapp, cases[2], "in_progress")
    cases += file_many(gapp, 2)
    result = syncer.drain()
    assert (result.appended, result.updated) == (2, 1)
    assert ids(fake_sheets) == cases
    assert row_of(fake_sheets, cases[2])[STATUS_COL] == "กำลังดำเนินการ"


def test_rows_an_admin_sorted_are_still_updated_in_the_right_place(
    gapp: Flask, fake_sheets: FakeSheets
) -> None:
    cases = file_many(gapp, 6)
    syncer = make_syncer(gapp, fake_sheets)
    syncer.drain()
    sheet = fake_sheets.sheets[TAB]
    sheet.rows[1:] = list(reversed(sheet.rows[1:]))  # sorted newest first in the browser
    change(gapp, cases[1], "resolved")
    syncer.drain()
    assert sorted(ids(fake_sheets)) == cases
    assert row_of(fake_sheets, cases[1])[STATUS_COL] == "ดำเนินการแล้วเสร็จ"
    assert [r[STATUS_COL] for r in fake_sheets.values(TAB)[1:]].count("ดำเนินการแล้วเสร็จ") == 1


def test_an_erased_entry_keeps_only_its_id(gapp: Flask, fake_sheets: FakeSheets) -> None:
    cases = file_many(gapp, 2)
    syncer = make_syncer(gapp, fake_sheets)
    syncer.drain()
    with new_session(gapp) as s:  # what a PDPA erasure does to the database
        row = s.scalars(select(ComplaintRow).where(ComplaintRow.case_number == cases[0])).one()
        s.execute(delete(HistoryRow).where(HistoryRow.complaint_id == row.id))
        s.delete(row)
        outbox.add(s, "complaint", cases[0], utcnow())
        s.commit()
    syncer.drain()
    erased = row_of(fake_sheets, cases[0])
    assert erased[0] == cases[0] and "สมศรี" not in erased and "ลบข้อมูลแล้ว" in erased
    assert ids(fake_sheets) == cases


# --- faults ------------------------------------------------------------------------------------


def test_a_burst_of_429s_is_waited_out_and_nothing_is_dropped(
    gapp: Flask, fake_sheets: FakeSheets
) -> None:
    syncer = make_syncer(gapp, fake_sheets)
    assert syncer.drain().ok  # the layout exists; the faults hit the rows' writes
    cases = file_many(gapp, 12)
    fake_sheets.inject(Fault("write", status=429, retry_after=0.01), times=4)
    result = syncer.drain()
    assert result.ok and result.pending == 0
    assert ids(fake_sheets) == cases
    with new_session(gapp) as s:  # the failed attempts were counted while entries waited
        attempts = s.scalars(select(OutboxRow.attempts).order_by(OutboxRow.id)).all()
    assert attempts[0] == 4 and all(a == 4 for a in attempts)


def test_too_many_failures_leave_entries_pending_and_reported(
    gapp: Flask, fake_sheets: FakeSheets
) -> None:
    syncer = make_syncer(gapp, fake_sheets, backoff=Backoff(base=0.01, cap=0.02, max_tries=3))
    assert syncer.drain().ok  # the layout exists; the faults hit the rows' writes
    cases = file_many(gapp, 3)
    fake_sheets.inject(Fault("write", status=503), times=3)
    result = syncer.drain()
    assert not result.ok and "503" in result.error and result.pending == 3
    status = source_for(gapp).status()
    assert status.backlog == 3 and "503" in status.last_error
    assert ids(fake_sheets) == []
    assert syncer.drain().ok  # the next round mirrors them
    assert ids(fake_sheets) == cases
    assert source_for(gapp).status().last_error == ""


@pytest.mark.parametrize(
    "fault",
    [
        Fault("write", status=500, apply=True),  # Google wrote the rows, then said 500
        Fault("write", delay=1.0, apply=True),  # Google wrote the rows; the answer came too late
        Fault("write", status=502),  # nothing written
    ],
    ids=["500-after-write", "timeout-after-write", "502"],
)
def test_an_uncertain_append_never_duplicates_rows(
    gapp: Flask, fake_sheets: FakeSheets, fault: Fault
) -> None:
    syncer = make_syncer(gapp, fake_sheets, timeout=0.4)
    assert syncer.drain().ok  # the layout exists; the faults hit the rows' writes
    cases = file_many(gapp, 8)
    fake_sheets.inject(fault)
    result = syncer.drain()
    assert result.ok and result.pending == 0
    assert ids(fake_sheets) == cases


def test_a_failed_update_is_retried_in_place(gapp: Flask, fake_sheets: FakeSheets) -> None:
    cases = file_many(gapp, 3)
    syncer = make_syncer(gapp, fake_sheets, timeout=0.4)
    syncer.drain()
    change(gapp, cases[0], "rejected")
    fake_sheets.inject(Fault("write", delay=1.0, apply=True))
    assert syncer.drain().ok
    assert ids(fake_sheets) == cases
    assert row_of(fake_sheets, cases[0])[STATUS_COL] == "ไม่รับไว้พิจารณา"


def test_a_crash_between_googles_answer_and_the_commit_never_duplicates(
    gapp: Flask, fake_sheets: FakeSheets
) -> None:
    cases = file_many(gapp, 10)
    crashing = CrashingSource(gapp.extensions["db_sessions"], keeps_lease=True)
    with pytest.raises(SystemExit):
        # Long enough that a loaded machine never lets the lease lapse before the crash.
        make_syncer(gapp, fake_sheets, source=crashing, lease_seconds=3).drain()
    assert ids(fake_sheets) == cases  # the rows reached the sheet...
    assert backlog(gapp) == 10  # ...but the database does not know it
    change(gapp, cases[4], "in_progress")
    cases += file_many(gapp, 2)
    # The restarted process waits for the dead one's lease to expire, then reconciles.
    result = make_syncer(gapp, fake_sheets).drain(wait_for_lease=10)
    assert result.ok and result.pending == 0
    assert ids(fake_sheets) == cases
    assert (result.appended, result.updated) == (2, 10)
    assert row_of(fake_sheets, cases[4])[STATUS_COL] == "กำลังดำเนินการ"


def test_two_syncs_at_once_write_every_row_once_in_order(
    gapp: Flask, fake_sheets: FakeSheets
) -> None:
    cases = file_many(gapp, 300)
    a = make_syncer(gapp, fake_sheets, batch_rows=20)
    b = make_syncer(gapp, fake_sheets, batch_rows=20)
    results: list[Any] = []
    threads = [
        threading.Thread(target=lambda s=s: results.append(s.drain(wait_for_lease=30)))
        for s in (a, b)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r.ok for r in results)
    assert ids(fake_sheets) == cases


def test_a_sync_notices_another_process_wrote_meanwhile(
    gapp: Flask, fake_sheets: FakeSheets
) -> None:
    a = make_syncer(gapp, fake_sheets)
    b = make_syncer(gapp, fake_sheets)
    cases = file_many(gapp, 2)
    a.drain()  # a remembers column A
    cases += file_many(gapp, 1)
    b.drain()  # b appends the third entry; a's memory is now stale
    change(gapp, cases[2], "in_progress")
    assert a.drain().ok
    assert ids(fake_sheets) == cases  # updated in place, not appended again
    assert row_of(fake_sheets, cases[2])[STATUS_COL] == "กำลังดำเนินการ"


def test_a_busy_lease_is_reported_not_waited_forever(gapp: Flask, fake_sheets: FakeSheets) -> None:
    file_many(gapp, 1)
    source = source_for(gapp)
    assert source.acquire_lease("someone-else", 60) is not None
    result = make_syncer(gapp, fake_sheets).drain(wait_for_lease=0)
    assert result.busy and result.pending == 1 and TAB not in fake_sheets.sheets


def test_the_write_quota_is_kept_without_a_single_429(make_app: Callable[..., Flask]) -> None:
    fake_sheets = FakeSheets(write_quota=4, window=1.0)
    fake_sheets.start()
    try:
        app = make_app(SHEETS_BACKEND="google", SPREADSHEET_KEY=fake_sheets.spreadsheet_id)
        cases = file_many(app, 120)
        syncer = make_syncer(app, fake_sheets, batch_rows=10, writes=TokenBucket(4, window=1.0))
        result = syncer.drain()
        assert result.ok and ids(fake_sheets) == cases
        assert fake_sheets.throttled == 0
        assert (
            fake_sheets.writes >= 14
        )  # 12 appends, the layout, the summary: the quota was binding
    finally:
        fake_sheets.stop()


# --- edits flow back ---------------------------------------------------------------------------


def test_pull_applies_a_status_edit_through_the_use_case(
    gapp: Flask, fake_sheets: FakeSheets
) -> None:
    [case] = file_many(gapp, 1, line_user_id="U" + "b" * 32)
    syncer = make_syncer(gapp, fake_sheets)
    syncer.drain()
    fake_sheets.edit(TAB, f"{COMPLAINTS.letter('status')}2", "ดำเนินการแล้วเสร็จ")
    pulled = syncer.pull()
    assert (pulled.applied, pulled.rejected) == (1, 0)
    with new_session(gapp) as s:
        row = s.scalars(select(ComplaintRow).where(ComplaintRow.case_number == case)).one()
        assert row.status == Status.RESOLVED.value
        history = s.scalars(select(HistoryRow).where(HistoryRow.complaint_id == row.id)).all()
        assert [h.actor for h in history] == ["sheets:google"]
        notices = s.scalars(select(NoticeRow.text)).all()
        assert any("ดำเนินการแล้วเสร็จ" in n for n in notices)  # the citizen is told
    assert backlog(gapp) == 1  # the change goes back out like any other


def test_pull_refuses_invalid_edits_with_a_note_and_never_crashes(
    gapp: Flask, fake_sheets: FakeSheets
) -> None:
    cases = file_many(gapp, 3)
    change(gapp, cases[1], "resolved")
    syncer = make_syncer(gapp, fake_sheets)
    syncer.drain()
    letter = COMPLAINTS.letter("status")
    fake_sheets.edit(TAB, f"{letter}2", "=เสร็จแล้ว")  # not a status
    fake_sheets.edit(TAB, f"{letter}3", "กำลังดำเนินการ")  # resolved cannot go back
    fake_sheets.edit(TAB, f"{letter}4", "")  # cleared
    fake_sheets.edit(TAB, "A6", "9999-999999")  # a row that did not come from the system
    pulled = syncer.pull()
    assert (pulled.applied, pulled.rejected) == (0, 3)
    rows = fake_sheets.values(TAB)
    assert [r[STATUS_COL] for r in rows[1:4]] == [
        "รับเรื่องแล้ว",
        "ดำเนินการแล้วเสร็จ",
        "รับเรื่องแล้ว",
    ]  # the truth is put back
    assert "=เสร็จแล้ว" in rows[1][NOTES_COL]
    assert "เปลี่ยนสถานะจาก" in rows[2][NOTES_COL]
    assert "ไม่พบรหัสนี้ในระบบ" in rows[5][NOTES_COL]
    with new_session(gapp) as s:
        statuses = s.scalars(select(ComplaintRow.status).order_by(ComplaintRow.id)).all()
    assert statuses == ["received", "resolved", "received"]
    assert syncer.pull().rejected == 0  # reported once, not on every pull


def test_pull_leaves_rows_whose_changes_are_still_on_their_way(
    gapp: Flask, fake_sheets: FakeSheets
) -> None:
    [case] = file_many(gapp, 1)
    syncer = make_syncer(gapp, fake_sheets)
    syncer.drain()
    change(gapp, case, "in_progress")  # not mirrored yet: the sheet is stale, not edited
    pulled = syncer.pull()
    assert (pulled.applied, pulled.rejected) == (0, 0)
    with new_session(gapp) as s:
        assert s.scalars(select(ComplaintRow.status)).one() == "in_progress"


# --- command line and health -------------------------------------------------------------------


def test_cli_sync_status_pull_and_healthz(gapp: Flask, fake_sheets: FakeSheets) -> None:
    runner = gapp.test_cli_runner()
    cases = file_many(gapp, 3)
    r = runner.invoke(args=["sync", "--status"])
    assert r.exit_code == 0 and "outbox backlog (รอซิงก์): 3" in r.output
    assert "never" in r.output
    health = gapp.test_client().get("/healthz").get_json()
    assert health["outbox_backlog"] == 3 and health["last_sync"] is None
    r = runner.invoke(args=["sync"])
    assert r.exit_code == 0, r.output
    assert "3 rows added" in r.output and ids(fake_sheets) == cases
    r = runner.invoke(args=["sync", "--status"])
    assert "outbox backlog (รอซิงก์): 0" in r.output and "+07:00" in r.output
    health = gapp.test_client().get("/healthz").get_json()
    assert health["outbox_backlog"] == 0 and health["last_sync"].endswith("+07:00")
    assert "backend: google" in r.output  # /healthz names the backend to admins only
    fake_sheets.edit(TAB, f"{COMPLAINTS.letter('status')}3", "กำลังดำเนินการ")
    r = runner.invoke(args=["sync", "--pull"])
    assert r.exit_code == 0, r.output
    assert "1 applied" in r.output
    assert row_of(fake_sheets, cases[1])[STATUS_COL] == "กำลังดำเนินการ"
    assert ids(fake_sheets) == cases


def test_cli_sync_exits_nonzero_when_google_refuses(
    make_app: Callable[..., Flask], fake_sheets: FakeSheets
) -> None:
    app = make_app(
        SHEETS_BACKEND="google",
        SPREADSHEET_KEY="no-such-sheet",
        SHEETS_GSPREAD_CLIENT_FACTORY=lambda: gclient(fake_sheets),
    )
    file_many(app, 1)
    r = app.test_cli_runner().invoke(args=["sync"])
    assert r.exit_code == 1 and "404" in r.output
    assert backlog(app) == 1


def test_cli_sync_without_google_settings_says_what_is_missing(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app(SHEETS_BACKEND="google")
    r = app.test_cli_runner().invoke(args=["sync"])
    assert r.exit_code == 2 and "GOOGLE_SERVICE_ACCOUNT_FILE" in r.output


def test_rebuild_restores_deleted_rows_without_duplicating_the_rest(
    gapp: Flask, fake_sheets: FakeSheets
) -> None:
    cases = file_many(gapp, 4)
    runner = gapp.test_cli_runner()
    assert runner.invoke(args=["sync"]).exit_code == 0
    del fake_sheets.sheets[TAB].rows[2]  # an admin deleted the second entry's row
    r = runner.invoke(args=["sync", "--rebuild"])
    assert r.exit_code == 0, r.output
    assert "queued 4 entries" in r.output
    assert sorted(ids(fake_sheets)) == cases
