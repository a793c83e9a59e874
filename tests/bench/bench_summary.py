"""GET /api/summary over 10,000, 100,000 and 1,000,000 complaints and as many satisfaction
entries in SQLite: p50 per size and how it grows. Target: p50 ≤ 300 ms at a million, growth
no worse than linear.

    PYTHAINLP_OFFLINE=1 .venv/bin/python -m tests.bench.bench_summary [SIZE ...]

Rows are bulk-inserted with SQLAlchemy Core (executemany) into a database migrated by the
app's own migrations, so the indexes are the ones production has. Each size is timed twice:
the complaints section alone (this work's SQL) and the whole /api/summary request.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

from sqlalchemy import insert, text  # noqa: E402

from bot import create_app, db  # noqa: E402
from bot.db import new_session  # noqa: E402
from bot.db.complaints.stats import month_of, rebuild_stats  # noqa: E402
from bot.db.complaints.tables import ComplaintRow  # noqa: E402
from bot.db.store import SqlStore  # noqa: E402
from handlers.complaints.due import days_to_close  # noqa: E402
from handlers.summaries import complaint_summary  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "tests" / "bench" / "results"
FY = 2568
START = datetime(2024, 9, 30, 17, tzinfo=UTC)  # 1 Oct 2024 00:00 in Bangkok
SPAN = 365 * 24 * 3600
CHUNK = 50_000
TOKEN = "bench-token-0123456789"
CATEGORIES = (
    "road",
    "light",
    "water",
    "supply",
    "waste",
    "nuisance",
    "green",
    "safety",
    "service",
    "other",
    "corruption",
)
CAT_WEIGHTS = (20, 15, 12, 5, 15, 8, 6, 6, 5, 6, 2)
STATUSES = ("resolved", "rejected", "in_progress", "received", "forwarded")
STATUS_WEIGHTS = (60, 10, 10, 15, 5)
UNITS = ("สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา", "กองสาธารณสุขและสิ่งแวดล้อม")


def naive(dt: datetime) -> datetime:
    return dt.astimezone(UTC).replace(tzinfo=None)


def complaint_rows(n: int, rnd: random.Random, offset: int) -> list[dict[str, Any]]:
    cats = rnd.choices(CATEGORIES, CAT_WEIGHTS, k=n)
    sts = rnd.choices(STATUSES, STATUS_WEIGHTS, k=n)
    rows = []
    for i in range(n):
        created = START + timedelta(seconds=rnd.randrange(SPAN))
        status = sts[i]
        closed = None
        days = None
        if status in ("resolved", "rejected"):
            closed = created + timedelta(hours=rnd.randrange(1, 24 * 30))
            days = days_to_close(created, closed)
        rows.append(
            {
                "case_number": f"{FY}-{offset + i + 1:07d}",
                "fiscal_year": FY,
                "category": cats[i],
                "details": "ไฟถนนดับหน้าวัด",
                "channel": "line" if i % 3 else "web",
                "status": status,
                "unit": UNITS[i % len(UNITS)],
                "photos": [],
                "address": "",
                "contact_name": "",
                "phone": "",
                "anonymous": False,
                "secret_hash": "x",
                "created_at": naive(created),
                "updated_at": naive(closed or created),
                "month": month_of(naive(created)),
                "closed_at": naive(closed) if closed else None,
                "resolve_days": days,
            }
        )
    return rows


def satisfaction_rows(n: int, rnd: random.Random, services: list[str]) -> list[dict[str, Any]]:
    rows = []
    for i in range(n):
        created = START + timedelta(seconds=rnd.randrange(SPAN))
        scores = {
            d: rnd.choice((3, 4, 4, 5, 5))
            for d in ("process", "staff", "facilities", "quality", "overall")
        }
        rows.append(
            {
                "kind": "service",
                "service_code": services[i % len(services)],
                "case_number": "",
                "scores": scores,
                "comment": "",
                "gender": "",
                "age_band": "",
                "occupation": "",
                "channel": "web",
                "respondent_key": f"k{i}",
                "created_at": naive(created),
            }
        )
    return rows


def build(size: int, folder: Path) -> Any:
    app = create_app(
        {
            "DATABASE_URL": f"sqlite:///{folder / f'bench-{size}.db'}",
            "BACKGROUND_WORKERS": False,
            "SHEETS_BACKEND": "off",
            "SECRET_KEY": "bench",
            "API_TOKEN": TOKEN,
            "ADMIN_PASSWORD": "bench-password-1",
        }
    )
    db.upgrade(app)
    rnd = random.Random(size)
    sat_model = _satisfaction_model()
    with new_session(app) as s:
        for start in range(0, size, CHUNK):
            n = min(CHUNK, size - start)
            s.execute(insert(ComplaintRow.__table__), complaint_rows(n, rnd, start))
            if sat_model is not None:
                table, services = sat_model
                codes = services(s) or ["registry", "tax", "building", "welfare"]
                s.execute(insert(table), satisfaction_rows(n, rnd, codes))
            s.commit()
        # Bulk rows bypass the ORM events that keep the counters: recount them once, exactly
        # as migration 0006 does for an existing database.
        rebuild_stats(s.connection())
        if sat_model is not None:
            from bot.db.satisfaction import counters as satisfaction_counters

            satisfaction_counters.rebuild(s.connection())
        from bot.db import channel_stats

        channel_stats.rebuild(s.connection())
        s.execute(text("ANALYZE"))
        s.commit()
    return app


def _satisfaction_model() -> tuple[Any, Any] | None:
    """The satisfaction table (issue 5), when this tree has it (BENCH_NO_SATISFACTION=1: not)."""
    if os.environ.get("BENCH_NO_SATISFACTION") == "1":
        return None
    try:
        from sqlalchemy import select

        from bot.db.satisfaction.tables import SatisfactionRow, ServiceRow
    except ImportError:
        return None

    def services(s: Any) -> list[str]:
        return list(s.scalars(select(ServiceRow.code)))

    return SatisfactionRow.__table__, services


def p50(samples: list[float]) -> float:
    return statistics.median(samples)


def time_it(fn: Any, runs: int) -> list[float]:
    fn()  # warm the page cache and the statement cache
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def run(size: int, folder: Path, runs: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    app = build(size, folder)
    built = time.perf_counter() - t0
    client = app.test_client()
    headers = {"Authorization": f"Bearer {TOKEN}"}

    def api() -> None:
        r = client.get(f"/api/summary?year={FY}", headers=headers)
        assert r.status_code == 200, r.data[:200]

    def complaints() -> None:
        with new_session(app) as s:
            data = complaint_summary(SqlStore(s), FY)
        assert data["total"] == size

    comp = time_it(complaints, runs)
    full = time_it(api, max(3, runs // 3) if size >= 1_000_000 else runs)
    app.extensions["db_engine"].dispose()
    return {
        "rows": size,
        "satisfaction_rows": size if _satisfaction_model() else 0,
        "build_seconds": round(built, 1),
        "complaints_p50_ms": round(p50(comp), 1),
        "api_summary_p50_ms": round(p50(full), 1),
        "api_summary_runs": len(full),
    }


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [10_000, 100_000, 1_000_000]
    runs = int(os.environ.get("BENCH_RUNS", "15"))
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PRONGSAI_INSTANCE"] = tmp
        for size in sizes:
            r = run(size, Path(tmp), runs)
            results.append(r)
            print(json.dumps(r, ensure_ascii=False), flush=True)
    for a, b in zip(results, results[1:], strict=False):
        k = b["rows"] / a["rows"]
        print(
            f"{a['rows']:,} → {b['rows']:,} (×{k:g}): complaints p50 ×"
            f"{b['complaints_p50_ms'] / a['complaints_p50_ms']:.1f}, /api/summary p50 ×"
            f"{b['api_summary_p50_ms'] / a['api_summary_p50_ms']:.1f}"
        )
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = "summary-complaints-only.json" if _satisfaction_model() is None else "summary.json"
    (RESULTS / name).write_text(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
