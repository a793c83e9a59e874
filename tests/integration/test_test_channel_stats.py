"""What developers type into the terminal chat (`flask chat`, channel "ทดสอบ") is a test,
not a door citizens use: the channel figures of `summary --json` leave it out, and the
published evidence (complaint statistics, satisfaction, participation) does not count it."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from flask import Flask

from bot.db import new_session
from bot.db.store import SqlStore
from bot.reports.complaints import build_complaints
from bot.reports.request import ReportRequest
from bot.reports.satisfaction import build_participation, build_satisfaction
from handlers.clock import local_date, utcnow
from handlers.reports.model import Report
from handlers.shared import Channel
from handlers.thai.dates import fiscal_year
from tests.support.cli import cli
from tests.support.complaints import file

FY = fiscal_year(local_date(utcnow()))


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app(WTF_CSRF_ENABLED=False, RATE_LIMIT_FORMS="1000/minute")


def rate_in_the_terminal(app: Flask) -> None:
    steps = ["ประเมินความพึงพอใจ", "งานประปา", "5", "4", "3", "4", "5", "ทดสอบระบบ", "ชาย", "ข้าม"]
    out = cli(app, "chat", "--user", "dev", input="\n".join([*steps, "/quit", ""]))
    assert "ขอบคุณที่ประเมินความพึงพอใจ" in out, out


def rate_on_the_web(app: Flask) -> None:
    dims = {f"dim_{d}": "4" for d in ("process", "staff", "facilities", "quality", "overall")}
    r = app.test_client().post(
        "/feedback?service=tax",
        data={"service": "tax", **dims, "comment": "ขอที่จอดรถเพิ่ม", "privacy_ack": "y"},
    )
    assert r.status_code == 302, r.get_data(as_text=True)


def build(app: Flask, builder: Callable[[ReportRequest], Report]) -> Report:
    with new_session(app) as s:
        return builder(ReportRequest(SqlStore(s), FY, utcnow()))


def test_terminal_chat_entries_are_left_out_of_channel_figures_and_evidence(app: Flask) -> None:
    now = utcnow()
    file(app, "road", now, channel=Channel.CHAT)  # a developer trying the bot
    file(app, "road", now, channel=Channel.CHAT)
    file(app, "road", now, channel=Channel.PHONE)
    file(app, "light", now, channel=Channel.WEB)
    rate_in_the_terminal(app)
    rate_on_the_web(app)
    cli(app, "survey", "add", "--service", "reg", "--scores", "5,5,4,4,5")

    data = json.loads(cli(app, "summary", "--json"))
    assert data["complaints"]["by_channel"] == {"phone": 1, "web": 1}
    assert data["satisfaction"]["by_channel"] == {"paper": 1, "web": 1}
    # The rows are still in the queue (an admin may delete them): the totals say so.
    assert data["complaints"]["total"] == 4 and data["satisfaction"]["responses"] == 3

    complaints = build(app, build_complaints)
    assert complaints.figures["total"] == 2
    assert complaints.figures["by_channel"] == {"line": 0, "web": 1, "phone": 1}
    channel_table = next(t for t in complaints.tables if "ช่องทาง" in t.title)
    assert channel_table.rows == [("LINE", "0"), ("เว็บไซต์", "1"), ("โทรศัพท์", "1"), ("รวม", "2")]
    assert not any("ทดสอบ" in cell for t in complaints.tables for row in t.rows for cell in row)

    satisfaction = build(app, build_satisfaction)
    assert satisfaction.figures["responses"] == 2
    assert satisfaction.figures["by_channel"] == {"paper": 1, "web": 1}
    assert not any("ทดสอบ" in cell for t in satisfaction.tables for row in t.rows for cell in row)

    participation = build(app, build_participation)
    assert participation.figures["suggestions"] == 1  # the web comment, not the test's
    assert participation.figures["by_channel"] == {"web": 1}
