"""Monthly service counts entered in chat (`flask chat --staff`), read back from the database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from flask import Flask

from bot.db import new_session
from bot.db.store import SqlStore
from tests.support.admin import add_staff
from tests.support.cli import cli
from tests.support.clock import utc

NOW = utc(2026, 11, 20, 3)  # 20 November 2569 in Bangkok


@pytest.fixture
def app(make_app: Callable[..., Flask], monkeypatch: pytest.MonkeyPatch) -> Flask:
    monkeypatch.setattr("bot.services.utcnow", lambda: NOW)
    app = make_app()
    add_staff(app)
    return app


def chat(app: Flask, *lines: str, staff: bool = True) -> str:
    args = ("chat", "--staff", "somying") if staff else ("chat",)
    return cli(app, *args, input="\n".join([*lines, "/quit"]) + "\n")


def saved(app: Flask) -> list[tuple[str, date, int]]:
    with new_session(app) as s:
        counts = SqlStore(s).service_counts.counts_between(date(2026, 10, 1), date(2026, 11, 1))
    return [(c.service_code, c.month, c.count) for c in counts]


def test_a_count_is_entered_step_by_step_and_re_entry_replaces_it(app: Flask) -> None:
    out = chat(app, "สถิติบริการ", "งานทะเบียนราษฎร", "พฤศจิกายน 2569", "95")
    assert "[งานทะเบียนราษฎร]" in out  # the active services are offered as buttons
    assert "[พฤศจิกายน 2569] [ตุลาคม 2569]" in out  # this month and the last
    assert "จำนวนผู้รับบริการ: 95 ราย" in out
    assert saved(app) == []  # nothing is recorded before the confirmation

    out = chat(app, "สถิติบริการ", "reg", "พ.ย. ๒๕๖๙", "-3", "สิบ", "๑,๒๐๐", "ยืนยัน")
    assert "จำนวนผู้รับบริการต้องไม่ติดลบ" in out
    assert "จำนวนผู้รับบริการ “สิบ” ไม่ถูกต้อง" in out
    assert "บันทึกแล้ว: งานทะเบียนราษฎร เดือนพฤศจิกายน 2569 จำนวน 1,200 ราย ขอบคุณครับ" in out
    assert saved(app) == [("reg", date(2026, 11, 1), 1200)]

    out = chat(app, "สถิติบริการ", "งานทะเบียนราษฎร", "พฤศจิกายน 2569", "95", "ยืนยัน")
    assert "(แทนค่าเดิม 1,200 ราย)" in out.split("กด “ยืนยัน”")[0]  # told before confirming
    assert "จำนวน 95 ราย (แทนค่าเดิม 1,200 ราย)" in out
    assert saved(app) == [("reg", date(2026, 11, 1), 95)]


def test_a_month_not_yet_begun_is_asked_again(app: Flask) -> None:
    out = chat(app, "สถิติบริการ", "tax", "ธันวาคม 2569", "ตุลาคม 2569", "40", "ยืนยัน")
    assert "เดือนธันวาคม 2569ยังมาไม่ถึง" in out
    assert saved(app) == [("tax", date(2026, 10, 1), 40)]


def test_a_citizen_is_refused(app: Flask) -> None:
    out = chat(app, "สถิติบริการ", staff=False)
    assert "คำสั่งนี้สำหรับเจ้าหน้าที่" in out
