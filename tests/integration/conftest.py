"""Fixtures for tests that talk to the app through LINE: a local fake LINE API, and an app
whose real line-bot-sdk clients are pointed at it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from pytest_httpserver import HTTPServer

from tests.conftest import ACCESS_TOKEN, CHANNEL_SECRET
from tests.fakes.fake_line import FakeLine


@pytest.fixture
def line(httpserver: HTTPServer) -> FakeLine:
    fake = FakeLine(httpserver)
    fake.install()
    return fake


def line_config(line: FakeLine) -> dict[str, object]:
    return {
        "LINE_CHANNEL_SECRET": CHANNEL_SECRET,
        "LINE_CHANNEL_ACCESS_TOKEN": ACCESS_TOKEN,
        "LINE_API_HOST": line.url,
        "LINE_DATA_API_HOST": line.url,
    }


@pytest.fixture
def line_app(make_app: Callable[..., Flask], line: FakeLine) -> Flask:
    return make_app(**line_config(line))
