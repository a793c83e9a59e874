"""Several workers draining the LINE inbox at once: every event once, each user's in order."""

from __future__ import annotations

import threading
from collections.abc import Callable

from flask import Flask
from sqlalchemy import select

from bot.db import new_session
from bot.db.complaints.tables import ComplaintRow
from bot.db.line.tables import LineEvent
from tests.support.line import CHANNEL_SECRET, post, text_event, webhook_body

STEPS = ["ร้องเรียน", "ขยะ ความสะอาด", None, "ข้าม", "ข้าม", "ไม่ระบุตัวตน", "ยืนยัน"]


def test_parallel_workers_process_each_event_once_and_in_order(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app(LINE_CHANNEL_SECRET=CHANNEL_SECRET)
    users = [f"U{i:032x}" for i in range(12)]
    # Interleave users the way a busy webhook would deliver them.
    for step in STEPS:
        events = [text_event(step or f"ขยะไม่มีคนเก็บหน้าบ้าน {u[-4:]}", u) for u in users]
        assert post(app, webhook_body(*events)).status_code == 200

    processor = app.extensions["prongsai_processor"]
    counts: list[int] = []
    lock = threading.Lock()

    def drain() -> None:
        n = 0
        while True:
            got = processor.process_pending(limit=5)
            if not got:
                break
            n += got
        with lock:
            counts.append(n)

    workers = [threading.Thread(target=drain) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()

    assert sum(counts) == len(users) * len(STEPS)
    with new_session(app) as s:
        assert set(s.scalars(select(LineEvent.status))) == {"done"}
        complaints = s.scalars(select(ComplaintRow)).all()
    assert len(complaints) == len(users)
    assert sorted(c.details[-4:] for c in complaints) == sorted(u[-4:] for u in users)
    numbers = sorted(c.case_number for c in complaints)
    assert numbers == [f"{numbers[0][:4]}-{n:06d}" for n in range(1, len(users) + 1)]
