"""The webhook benchmark on PostgreSQL with separate worker processes, next to SQLite with
everything in one process, and a bare Flask endpoint, all in the same run.

Reports acknowledgement throughput (as a ratio of the bare endpoint's) and p99, and how long
the workers took to process everything after the burst.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import psycopg

from tests.bench import load
from tests.bench.support import RESULTS, signed_bodies, start_bare
from tests.support.line import CHANNEL_SECRET
from tests.support.servers import ROOT, start_server

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "6000"))
PG = os.environ.get("TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:55432/postgres")
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))


def pending(url: str) -> int:
    with urllib.request.urlopen(url + "/healthz", timeout=10) as r:
        return json.loads(r.read())["line_events_pending"]


def drain_seconds(url: str, started: float, timeout: float = 600) -> float:
    while pending(url) and time.monotonic() - started < timeout:
        time.sleep(0.25)
    return time.monotonic() - started


def run_setup(tmp: Path, env: dict[str, str], workers: int, bodies: list) -> dict:  # type: ignore[type-arg]
    tmp.mkdir(parents=True, exist_ok=True)
    proc, srv = start_server(tmp, env, cheap_hashing=False)
    extra = [
        subprocess.Popen(
            [str(Path(sys.executable).parent / "flask"), "--app", "bot", "worker"],
            env=srv.env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(workers)
    ]
    try:
        load.run(srv.url + "/callback", signed_bodies(300))  # warm-up
        drain_seconds(srv.url, time.monotonic())
        t0 = time.monotonic()
        result = load.run(srv.url + "/callback", bodies)
        result["processed_all_after_s"] = drain_seconds(srv.url, t0)
    finally:
        for w in extra:
            w.terminate()
        proc.terminate()
        proc.wait(10)
    return result


def test_webhook_on_postgresql_with_worker_processes(tmp_path: Path) -> None:
    name = f"prongsai_bench_{uuid.uuid4().hex[:8]}"
    admin = PG.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    bodies = signed_bodies(REQUESTS)
    try:
        bare_proc, bare_url = start_bare()
        try:
            load.run(bare_url + "/callback", bodies[:500])
            bare = load.run(bare_url + "/callback", bodies)
        finally:
            bare_proc.terminate()
            bare_proc.wait(10)
        common = {"LINE_CHANNEL_SECRET": CHANNEL_SECRET, "PRIVACY_NOTICE_REQUIRED": "0"}
        sqlite = run_setup(tmp_path / "sqlite", common, 0, bodies)
        pg_env = {
            **common,
            "DATABASE_URL": PG.rsplit("/", 1)[0] + "/" + name,
            "BACKGROUND_WORKERS": "0",
        }
        pg = run_setup(tmp_path / "pg", pg_env, WORKERS, bodies)
    finally:
        with psycopg.connect(admin, autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    report = {
        "requests": REQUESTS,
        "bare": bare,
        "sqlite_one_process": {
            **sqlite,
            "throughput_ratio": sqlite["throughput"] / bare["throughput"],
        },
        f"postgresql_{WORKERS}_workers": {
            **pg,
            "throughput_ratio": pg["throughput"] / bare["throughput"],
        },
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "webhook-pg.json").write_text(json.dumps(report, indent=2))
    print("\nwebhook on PostgreSQL vs SQLite:", json.dumps(report, indent=2))
    assert sqlite["errors"] == 0 and pg["errors"] == 0
