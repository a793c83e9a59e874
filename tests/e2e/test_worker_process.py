"""A larger deployment: the web server only acknowledges; separate worker processes do the rest."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.support.line import CHANNEL_SECRET, sign, text_event, webhook_body
from tests.support.servers import ROOT, start_server

pytestmark = pytest.mark.e2e


def post(url: str, body: str) -> int:
    req = urllib.request.Request(
        url + "/callback",
        data=body.encode(),
        method="POST",
        headers={"X-Line-Signature": sign(body), "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.status


def test_web_process_without_workers_and_two_worker_processes(tmp_path: Path) -> None:
    env = {
        "LINE_CHANNEL_SECRET": CHANNEL_SECRET,
        "BACKGROUND_WORKERS": "0",
        "PRIVACY_NOTICE_REQUIRED": "0",
    }
    proc, srv = start_server(tmp_path, env)
    workers: list[subprocess.Popen[bytes]] = []
    try:
        steps = ["ร้องเรียน", "น้ำประปา", "น้ำประปาไม่ไหลสองวันแล้ว", "ข้าม", "ข้าม", "ข้าม", "ยืนยัน"]
        users = [f"U{i:032x}" for i in range(5)]
        for step in steps:
            for u in users:
                assert post(srv.url, webhook_body(text_event(step, u))) == 200
        time.sleep(1.0)
        db = sqlite3.connect(tmp_path / "prongsai.db")
        pending = db.execute("SELECT count(*) FROM line_events WHERE status='pending'").fetchone()
        assert pending[0] == len(steps) * len(users)  # nobody processes in the web process

        flask = str(Path(sys.executable).parent / "flask")
        workers = [
            subprocess.Popen(
                [flask, "--app", "bot", "worker"],
                env=srv.env,
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
            )
            for _ in range(2)
        ]
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            left = db.execute("SELECT count(*) FROM line_events WHERE status='pending'").fetchone()
            if left[0] == 0:
                break
            time.sleep(0.3)
        assert db.execute("SELECT count(*) FROM complaints").fetchone()[0] == len(users)
    finally:
        for w in workers:
            w.terminate()
        proc.terminate()
        proc.wait(10)
    for w in workers:
        out, _ = w.communicate(timeout=15)
        assert w.returncode == 0, out.decode()
        assert b"worker stopped" in out
