"""Fixtures of the integration tests: the fake LINE and Google Sheets servers, and apps whose
real clients (line-bot-sdk, gspread) talk to them; apps for web forms and the XLSX mirror."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
import time_machine
from flask import Flask
from flask.testing import FlaskClient
from pytest_httpserver import HTTPServer

from tests.fakes.fake_line import FakeLine
from tests.fakes.fake_sheets import FakeSheets
from tests.support.admin import client_for
from tests.support.line import line_config


@pytest.fixture
def line(httpserver: HTTPServer) -> FakeLine:
    fake = FakeLine(httpserver)
    fake.install()
    return fake


@pytest.fixture
def line_app(make_app: Callable[..., Flask], line: FakeLine) -> Flask:
    return make_app(**line_config(line))


@pytest.fixture
def fake_sheets() -> Iterator[FakeSheets]:
    f = FakeSheets()
    f.start()
    yield f
    f.stop()


@pytest.fixture
def xlsx(tmp_path: Path) -> Path:
    """Where the XLSX mirror is written."""
    return tmp_path / "mirror" / "prongsai.xlsx"


@pytest.fixture
def web(make_app: Callable[..., Flask]) -> Flask:
    """An app for posting forms as a browser would, without CSRF tokens."""
    return make_app(WTF_CSRF_ENABLED=False, RATE_LIMIT_FORMS="1000/minute")


@pytest.fixture
def web_client(web: Flask) -> FlaskClient:
    return web.test_client()


@pytest.fixture
def admin(web: Flask) -> FlaskClient:
    """A client of `web` logged in as the first admin."""
    return client_for(web, "admin")


@pytest.fixture
def clock() -> Iterator[Callable[[datetime], None]]:
    """Freeze time at a given instant (every later call moves it)."""
    travellers: list[time_machine.travel] = []

    def _at(when: datetime) -> None:
        if travellers:
            travellers.pop().stop()
        t = time_machine.travel(when, tick=False)
        t.start()
        travellers.append(t)

    yield _at
    for t in travellers:
        t.stop()
