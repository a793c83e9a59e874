"""Case numbers stay sequential and unique when many complaints arrive at once."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime

from flask import Flask

from bot.db import new_session
from bot.db.store import SqlStore
from handlers.complaints.usecases import ComplaintDraft, file_complaint
from handlers.shared import Channel


def test_concurrent_filings_get_distinct_consecutive_numbers(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app()
    numbers: list[str] = []
    lock = threading.Lock()
    now = datetime(2026, 11, 22, 3, 0, tzinfo=UTC)

    def file_many() -> None:
        for _ in range(10):
            with new_session(app) as s:
                store = SqlStore(s)
                draft = ComplaintDraft(category="road", details="ถนนชำรุดเป็นหลุมลึก")
                filed = file_complaint(store, draft, Channel.WEB, now)
                store.commit()
            with lock:
                numbers.append(filed.complaint.case_number)

    threads = [threading.Thread(target=file_many) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(numbers) == [f"2570-{i:06d}" for i in range(1, 81)]


def test_numbering_restarts_each_fiscal_year(make_app: Callable[..., Flask]) -> None:
    app = make_app()
    got = []
    # 30 Sep 2026 23:30 and 1 Oct 2026 00:30 Bangkok time: FY 2569, then FY 2570.
    for when in (
        datetime(2026, 9, 30, 16, 30, tzinfo=UTC),
        datetime(2026, 9, 30, 17, 30, tzinfo=UTC),
    ):
        with new_session(app) as s:
            store = SqlStore(s)
            draft = ComplaintDraft(category="waste", details="ขยะล้นถังหน้าตลาด")
            got.append(file_complaint(store, draft, Channel.WEB, when).complaint.case_number)
            store.commit()
    assert got == ["2569-000001", "2570-000001"]
