"""A mirror workbook (or one of its tabs) deleted under the sync is rebuilt whole, in order,
and the rebuild is said: in the log, in `sync --status`, and to an admin on /healthz."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest
from flask import Flask

from bot.db import new_session
from bot.db.store import SqlStore
from bot.mirror.sync import source_for
from handlers.clock import utcnow
from handlers.complaints.usecases import ComplaintDraft, file_complaint
from handlers.satisfaction.model import Kind, Rating
from handlers.shared import Channel
from sheets.layout import COMPLAINTS, SATISFACTION
from tests.support.settings import ADMIN_PASSWORD


@pytest.fixture(autouse=True)
def _cheap_tracking_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("handlers.complaints.usecases.hash_code", lambda code: f"test${code}")


@pytest.fixture
def xlsx(tmp_path: Path) -> Path:
    return tmp_path / "mirror" / "prongsai.xlsx"


@pytest.fixture
def xapp(make_app: Callable[..., Flask], xlsx: Path) -> Flask:
    return make_app(SHEETS_BACKEND="xlsx", SHEETS_XLSX_PATH=str(xlsx), WTF_CSRF_ENABLED=False)


def complaints(app: Flask, n: int) -> list[str]:
    with new_session(app) as s:
        store = SqlStore(s)
        draft = ComplaintDraft(category="road", details="ถนนชำรุด", contact_name="สมศรี")
        cases = [
            file_complaint(store, draft, Channel.WEB, utcnow()).complaint.case_number
            for _ in range(n)
        ]
        store.commit()
    return cases


def ratings(app: Flask, n: int) -> None:
    dims = ("process", "staff", "facilities", "quality", "overall")
    with new_session(app) as s:
        part = SqlStore(s).satisfaction
        for _ in range(n):
            at = datetime(2025, 1, 10, 3, 0, tzinfo=UTC)
            rid = part.add_rating(
                Rating(Kind.SERVICE, dict.fromkeys(dims, 4), Channel.WEB, at, service_code="reg")
            )
            part.add_outbox("satisfaction", str(rid), at)
        s.commit()


def column_a(path: Path, title: str) -> list[str]:
    """Column A of a tab; empty while the tab does not exist (yet: a rebuild is under way)."""
    wb = openpyxl.load_workbook(path)
    if title not in wb.sheetnames:
        return []
    return [str(r[0]) for r in wb[title].iter_rows(min_row=2, max_col=1, values_only=True) if r[0]]


def sync(app: Flask, *args: str) -> str:
    r = app.test_cli_runner().invoke(args=["sync", *args])
    assert r.exit_code == 0, r.output
    return r.output


def admin_health(app: Flask) -> dict[str, object]:
    c = app.test_client()
    r = c.post("/admin/login", data={"username": "admin", "password": ADMIN_PASSWORD})
    assert r.status_code == 302
    body: dict[str, object] = c.get("/healthz").get_json()
    return body


def test_a_deleted_workbook_comes_back_whole_after_one_sync(
    xapp: Flask, xlsx: Path, caplog: pytest.LogCaptureFixture
) -> None:
    earlier = complaints(xapp, 3)
    ratings(xapp, 2)
    sync(xapp)
    assert column_a(xlsx, COMPLAINTS.title) == earlier
    assert admin_health(xapp).get("last_rebuild") is None  # a first sync is no rebuild
    xlsx.unlink()
    later = complaints(xapp, 1)
    with caplog.at_level(logging.WARNING, logger="sheets.sync"):
        sync(xapp)
    assert column_a(xlsx, COMPLAINTS.title) == earlier + later  # every entry, in order
    assert len(column_a(xlsx, SATISFACTION.title)) == 2
    assert any("rebuil" in r.getMessage() for r in caplog.records), caplog.text
    assert source_for(xapp).backlog() == 0
    status = sync(xapp, "--status")
    assert "rebuilt" in status and COMPLAINTS.title in status, status
    health = admin_health(xapp)
    assert health["status"] == "ok" and health["last_rebuild"]
    assert COMPLAINTS.title in str(health["last_rebuild_reason"])


def test_a_deleted_workbook_comes_back_even_with_nothing_new(xapp: Flask, xlsx: Path) -> None:
    earlier = complaints(xapp, 4)
    sync(xapp)
    xlsx.unlink()
    sync(xapp)
    assert column_a(xlsx, COMPLAINTS.title) == earlier


def test_a_deleted_tab_comes_back_and_the_others_are_not_duplicated(
    xapp: Flask, xlsx: Path
) -> None:
    earlier = complaints(xapp, 3)
    ratings(xapp, 2)
    sync(xapp)
    wb = openpyxl.load_workbook(xlsx)
    wb.remove(wb[COMPLAINTS.title])
    time.sleep(0.01)
    wb.save(xlsx)
    sync(xapp)
    assert column_a(xlsx, COMPLAINTS.title) == earlier
    assert len(column_a(xlsx, SATISFACTION.title)) == 2


def test_an_emptied_tab_found_at_start_is_rebuilt(xapp: Flask, xlsx: Path) -> None:
    """The file came back empty before the sync could queue its entries (a crash between
    the two, a restored blank copy): found when the sync next reads column A."""
    earlier = complaints(xapp, 3)
    sync(xapp)
    wb = openpyxl.load_workbook(xlsx)
    wb[COMPLAINTS.title].delete_rows(2, 10)
    time.sleep(0.01)
    wb.save(xlsx)
    later = complaints(xapp, 1)
    sync(xapp)
    assert column_a(xlsx, COMPLAINTS.title) == earlier + later


def test_the_running_sync_rebuilds_a_deleted_workbook(xapp: Flask, xlsx: Path) -> None:
    """The server's own background sync, with nothing new to write: its periodic pull
    finds the workbook gone."""
    from bot.mirror.sync import background_job

    xapp.config["SHEETS_SYNC_SECONDS"] = 0.05
    xapp.config["SHEETS_PULL_SECONDS"] = 0.2
    earlier = complaints(xapp, 3)
    job = background_job(xapp)
    assert job is not None
    try:
        job()
        deadline = time.monotonic() + 15
        while not (xlsx.exists() and column_a(xlsx, COMPLAINTS.title) == earlier):
            assert time.monotonic() < deadline
            time.sleep(0.05)
            job()
        time.sleep(1)  # the thread finishes its round (the summary) and idles
        xlsx.unlink()
        while not (xlsx.exists() and column_a(xlsx, COMPLAINTS.title) == earlier):
            assert time.monotonic() < deadline, "the workbook was not rebuilt"
            time.sleep(0.05)
            job()
    finally:
        xapp.extensions["prongsai_sheets_thread"].stop()
        xapp.extensions["prongsai_sheets_thread"].join(5)
