"""The per-channel counters behind `summary` (complaints.by_channel, satisfaction.by_channel)
move with every entry, in its own transaction, and always equal a full recount."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from flask import Flask
from sqlalchemy import select

from bot.db import channel_stats, new_session
from bot.db.complaints.tables import ComplaintRow
from handlers.shared import Channel
from tests.support.cli import cli
from tests.support.clock import utc
from tests.support.complaints import file

NOW = utc(2025, 2, 10, 3)  # FY 2568


@pytest.fixture
def app(make_app: Callable[..., Flask], monkeypatch: pytest.MonkeyPatch) -> Flask:
    monkeypatch.setattr("bot.cli.survey.utcnow", lambda: NOW)
    return make_app()


def _summary(app: Flask) -> dict[str, dict[str, object]]:
    return json.loads(cli(app, "summary", "--json", "--year", "2568"))


def _live_equals_recount(app: Flask) -> None:
    with new_session(app) as s:
        live = channel_stats.snapshot(s.connection())
        channel_stats.rebuild(s.connection())
        assert channel_stats.snapshot(s.connection()) == live
        s.rollback()


def test_counts_follow_filing_a_moved_year_and_a_deletion(app: Flask) -> None:
    file(app, "road", utc(2024, 11, 5, 3), channel=Channel.WEB)
    file(app, "light", utc(2024, 12, 5, 3), channel=Channel.WALK_IN)
    file(app, "road", utc(2025, 1, 5, 3), channel=Channel.WALK_IN)
    late = file(app, "road", utc(2025, 9, 29, 3), channel=Channel.PHONE)
    cli(app, "survey", "add", "--service", "reg", "--scores", "5,4,5,5,4")
    cli(app, "survey", "add", "--service", "reg", "--scores", "4,4,4,4,4", "--channel", "phone")
    data = _summary(app)
    assert data["complaints"]["by_channel"] == {"phone": 1, "walk_in": 2, "web": 1}
    assert data["satisfaction"]["by_channel"] == {"paper": 1, "phone": 1}
    _live_equals_recount(app)

    with new_session(app) as s:  # the phone complaint moves to FY 2569; a walk-in is erased
        moved = s.scalars(select(ComplaintRow).where(ComplaintRow.case_number == late)).one()
        moved.fiscal_year = 2569
        gone = s.scalars(select(ComplaintRow).where(ComplaintRow.channel == "walk_in")).first()
        s.delete(gone)
        s.commit()
    assert _summary(app)["complaints"]["by_channel"] == {"walk_in": 1, "web": 1}
    _live_equals_recount(app)


def test_recount_says_the_counters_were_right(app: Flask) -> None:
    file(app, "road", utc(2024, 11, 5, 3), channel=Channel.LETTER)
    out = cli(app, "recount")
    assert "ถูกต้องอยู่แล้ว" in out
