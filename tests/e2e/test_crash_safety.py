"""Kill the production server with SIGKILL in the middle of 2,000 signed events, restart it,
and check that every event LINE was told we received is processed exactly once."""

from __future__ import annotations

import http.client
import json
import signal
import sqlite3
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.support.line import CHANNEL_SECRET, sign, text_event, webhook_body
from tests.support.servers import start_server

pytestmark = pytest.mark.e2e

USERS = 286  # 7 messages each: 2,002 events
CLIENTS = 16
CONVERSATION = ["ร้องเรียน", "ถนน ทางเท้า สะพาน", None, "ข้าม", "ข้าม", "ใช้ชื่อ LINE", "ยืนยัน"]


def user_events(i: int) -> list[str]:
    user = f"U{i:032x}"
    texts = [t if t is not None else f"ถนนหน้าบ้านเลขที่ {i} เป็นหลุมลึก" for t in CONVERSATION]
    return [webhook_body(text_event(t, user)) for t in texts]


class Sender:
    """Posts each user's events in order, like LINE; remembers what was acknowledged."""

    def __init__(self) -> None:
        self.url = ""
        self.acked: set[str] = set()
        self.unacked: list[str] = []
        self.lock = threading.Lock()
        self.sent = 0

    def post(self, body: str) -> bool:
        u = urlparse(self.url)
        try:
            conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
            conn.request(
                "POST",
                "/callback",
                body=body.encode(),
                headers={"Content-Type": "application/json", "X-Line-Signature": sign(body)},
            )
            ok = conn.getresponse().status == 200
            conn.close()
        except OSError:
            ok = False
        with self.lock:
            self.sent += 1
            event_id = json.loads(body)["events"][0]["webhookEventId"]
            if ok:
                self.acked.add(event_id)
        return ok

    def run_users(self, users: list[int]) -> None:
        for i in users:
            events = user_events(i)
            for n, body in enumerate(events):
                if not self.post(body):
                    # LINE redelivers what was not acknowledged, in order, later.
                    with self.lock:
                        self.unacked.extend(events[n:])
                    break


def wait_until_processed(url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with urllib.request.urlopen(url + "/healthz", timeout=5) as r:
            if json.loads(r.read())["line_events_pending"] == 0:
                return
        time.sleep(0.5)
    raise AssertionError("events still pending")


def test_sigkill_mid_burst_loses_nothing_and_repeats_nothing(tmp_path: Path) -> None:
    env = {"LINE_CHANNEL_SECRET": CHANNEL_SECRET, "PRIVACY_NOTICE_REQUIRED": "0"}
    proc, srv = start_server(tmp_path, env)
    sender = Sender()
    sender.url = srv.url
    groups = [list(range(c, USERS, CLIENTS)) for c in range(CLIENTS)]
    threads = [threading.Thread(target=sender.run_users, args=(g,)) for g in groups]
    for t in threads:
        t.start()
    while sender.sent < 900:  # mid-burst
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    for t in threads:
        t.join()
    acked_before_kill = len(sender.acked)
    assert 0 < acked_before_kill < USERS * len(CONVERSATION)

    proc, srv = start_server(tmp_path, env)
    try:
        sender.url = srv.url
        redeliver, sender.unacked = sender.unacked, []
        # Redeliver per user in order (the list keeps each user's remaining events together).
        for body in redeliver:
            assert sender.post(body)
        wait_until_processed(srv.url)
    finally:
        proc.terminate()
        proc.wait(10)

    db = sqlite3.connect(tmp_path / "prongsai.db")
    events = dict(db.execute("SELECT webhook_event_id, status FROM line_events"))
    assert sender.acked <= set(events), "an acknowledged event was lost"
    assert set(events.values()) == {"done"}
    assert len(events) == USERS * len(CONVERSATION)
    complaints = db.execute("SELECT case_number, line_user_id, details FROM complaints").fetchall()
    numbers = sorted(c[0] for c in complaints)
    fy = numbers[0][:4]
    assert numbers == [f"{fy}-{n:06d}" for n in range(1, USERS + 1)], "a number skipped or reused"
    by_user = {c[1]: c[2] for c in complaints}
    assert len(by_user) == USERS, "some user got two complaints or none"
    for user, details in by_user.items():
        assert details == f"ถนนหน้าบ้านเลขที่ {int(user[1:], 16)} เป็นหลุมลึก"
    print(
        f"\ncrash test: {USERS * len(CONVERSATION)} events, {acked_before_kill} acknowledged "
        f"before SIGKILL, {len(redeliver)} redelivered, {len(events)} processed once, lost 0"
    )
