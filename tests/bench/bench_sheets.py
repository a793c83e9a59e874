"""Benchmark: a burst of 10,000 entries mirrored to the fake Google Sheets with the write
quota enforced on a scaled-down window. Run with `make bench`.

Figures: write requests used (target: at most one per 200 rows), drain time as a fraction
of the quota-limited optimum (target: at least 0.9), duplicates (target: none).
"""

from __future__ import annotations

import math
import time
from pathlib import Path

import gspread
import pytest
from flask import Flask

from bot import create_app, db
from bot.db import new_session
from bot.db.store import SqlStore
from bot.mirror.sync import source_for
from handlers.clock import utcnow
from handlers.complaints.usecases import ComplaintDraft, file_complaint
from handlers.shared import Channel
from sheets.google import GoogleBackend
from sheets.layout import COMPLAINTS
from sheets.quota import Backoff, TokenBucket
from sheets.sync import Syncer
from tests.fakes.fake_sheets import FakeSheets

ENTRIES = 10_000
# Google: 60 writes a minute. Scaled down ten times in time and six in budget, so the quota
# binds for this burst (with Google's real budget the 23 requests it needs go in one minute).
WRITES_PER_WINDOW = 10
WINDOW_SECONDS = 6.0


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Flask:
    monkeypatch.setenv("PRONGSAI_INSTANCE", str(tmp_path / "instance"))
    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'bench.db'}",
            "BACKGROUND_WORKERS": False,
            "SHEETS_BACKEND": "google",
            # The tracking code's salted hash costs 25 ms an entry and is not what is measured.
            "CODE_HASH_ITERATIONS": 1,
        }
    )
    db.upgrade(app)
    return app


def burst(app: Flask, n: int) -> list[str]:
    cases = []
    with new_session(app) as s:
        store = SqlStore(s)
        for i in range(n):
            draft = ComplaintDraft(
                category=("road", "light", "waste", "corruption")[i % 4],
                details=f"=ไฟถนนดับ ท่อแตก ขยะล้น รายการที่ {i}",
                contact_name="สมศรี ใจดี",
                phone="0812345678",
            )
            cases.append(file_complaint(store, draft, Channel.LINE, utcnow()).complaint.case_number)
        store.commit()
    return cases


def optimum_seconds(requests: int, budget: int, window: float) -> float:
    """The least time `requests` writes can take when only `budget` fit in any window."""
    return math.floor((requests - 1) / budget) * window


def test_burst_of_10000_entries(app: Flask) -> None:
    t0 = time.monotonic()
    cases = burst(app, ENTRIES)
    made = time.monotonic() - t0

    fake = FakeSheets(
        write_quota=WRITES_PER_WINDOW, read_quota=WRITES_PER_WINDOW, window=WINDOW_SECONDS
    )
    fake.start()
    try:
        client = gspread.Client(None, fake.session())
        client.set_timeout(30)
        backend = GoogleBackend(
            client,
            fake.spreadsheet_id,
            TokenBucket(WRITES_PER_WINDOW, WINDOW_SECONDS),
            TokenBucket(WRITES_PER_WINDOW, WINDOW_SECONDS),
        )
        progress: list[int] = []
        syncer = Syncer(
            source_for(app),
            backend,
            batch_rows=app.config["SHEETS_BATCH_ROWS"],
            backoff=Backoff(base=0.5, cap=6.0),
            progress=lambda d, _t: progress.append(d),
        )
        t0 = time.monotonic()
        result = syncer.drain()
        took = time.monotonic() - t0
    finally:
        fake.stop()

    column_a = [v for v in fake.column(COMPLAINTS.title)[1:] if v]
    duplicates = len(column_a) - len(set(column_a))
    writes, reads = fake.writes, fake.reads
    optimum = optimum_seconds(writes, WRITES_PER_WINDOW, WINDOW_SECONDS)
    fraction = optimum / took if took else 1.0
    every = progress[0] if progress else 0
    report = {
        "entries": f"{ENTRIES:,} (filed in {made:.1f} s)",
        "quota": f"{WRITES_PER_WINDOW} writes / {WINDOW_SECONDS:g} s window (Google: 60 / 60 s)",
        "rows per append": str(app.config["SHEETS_BATCH_ROWS"]),
        "write requests": f"{writes} = 1 per {ENTRIES / writes:.0f} rows (target <= 1/200)",
        "read requests": str(reads),
        "429s received": str(fake.throttled),
        "drain time": f"{took:.2f} s",
        "quota-limited optimum": f"{optimum:.2f} s for {writes} writes",
        "fraction of optimum": f"{fraction:.3f} (target >= 0.9)",
        "duplicates": str(duplicates),
        "progress reports": f"{len(progress)} (every {every} rows)",
    }
    print("\n--- sheets bench: burst of 10,000 entries ---")
    for k, v in report.items():
        print(f"  {k:24} {v}")

    assert result.ok and result.pending == 0
    assert column_a == cases and duplicates == 0
    assert writes <= ENTRIES / 200
    assert fake.throttled == 0
    assert fraction >= 0.9
