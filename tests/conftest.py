"""Shared fixtures: a fresh app and database per test, a signed-webhook helper."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from bot import create_app
from bot.admin.auth import ensure_first_admin
from handlers import secrets_codes
from tests.support.databases import TemplateDatabase, TestDatabases

CHANNEL_SECRET = "test-channel-secret"
ACCESS_TOKEN = "test-access-token"
USER = "U" + "a" * 32
ADMIN_PASSWORD = "admin-test-password"
# Hashing is not under test: one round instead of scrypt and 60,000 PBKDF2 iterations.
CHEAP_HASHING = {"PASSWORD_HASH_METHOD": "pbkdf2:sha256:1", "CODE_HASH_ITERATIONS": "1"}


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test sees the developer's own configuration or instance folder."""
    for name in (
        "DATABASE_URL",
        "LINE_CHANNEL_SECRET",
        "LINE_CHANNEL_ACCESS_TOKEN",
        "LINE_API_HOST",
        "LINE_DATA_API_HOST",
        "SHEETS_BACKEND",
        "SHEETS_XLSX_PATH",
        "ADMIN_PASSWORD",
        "SECRET_KEY",
        "BACKGROUND_WORKERS",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PRONGSAI_INSTANCE", str(tmp_path / "instance"))
    monkeypatch.setenv("PYTHAINLP_OFFLINE", "1")
    for name, value in CHEAP_HASHING.items():
        monkeypatch.setenv(name, value)  # read by create_app, as in production
    # Tests of the core hash codes without an app; each test starts from the cheap cost.
    secrets_codes.configure(int(CHEAP_HASHING["CODE_HASH_ITERATIONS"]))


@pytest.fixture(scope="session")
def database_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TemplateDatabase]:
    """Migrated once per session (per xdist worker); make_app gives each test a copy."""
    template = TemplateDatabase(
        tmp_path_factory.mktemp("template"), os.environ.get("TEST_DATABASE_URL", "")
    )
    yield template
    template.drop()


@pytest.fixture
def make_app(tmp_path: Path, database_template: TemplateDatabase) -> Iterator[Callable[..., Flask]]:
    """Apps on the test's own database, a copy of the migrated template."""
    apps: list[Flask] = []

    def _make(**overrides: Any) -> Flask:
        config: dict[str, Any] = {
            "TESTING": True,
            "DATABASE_URL": databases.new(),
            "BACKGROUND_WORKERS": False,
            "UPLOAD_FOLDER": str(tmp_path / "uploads"),
            "SHEETS_BACKEND": "off",
            "SECRET_KEY": "test-secret",
            "ADMIN_PASSWORD": ADMIN_PASSWORD,
            "RATELIMIT_ENABLED": False,
            "PRIVACY_NOTICE_REQUIRED": False,
        }
        config.update(overrides)
        app = create_app(config)
        ensure_first_admin(app)
        apps.append(app)
        return app

    databases = TestDatabases(tmp_path, database_template)
    yield _make
    for app in apps:
        worker = app.extensions.get("prongsai_worker")
        if worker is not None:
            worker.stop()
            worker.join(timeout=5)
        app.extensions["db_engine"].dispose()
    databases.drop_all()


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def sign(body: str, secret: str = CHANNEL_SECRET) -> str:
    digest = hmac.new(secret.encode(), body.encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def text_event(text: str, user: str = USER, **extra: Any) -> dict[str, Any]:
    return message_event({"type": "text", "id": uuid.uuid4().hex[:16], "text": text}, user, **extra)


# Fields LINE sends with each message type (the SDK's models require them).
MESSAGE_FIELDS: dict[str, dict[str, Any]] = {
    "text": {"quoteToken": "q-token"},
    "image": {"quoteToken": "q-token", "contentProvider": {"type": "line"}},
    "sticker": {
        "quoteToken": "q-token",
        "packageId": "446",
        "stickerId": "1988",
        "stickerResourceType": "STATIC",
    },
    "location": {},
}


def message_event(message: dict[str, Any], user: str = USER, **extra: Any) -> dict[str, Any]:
    event = {
        "type": "message",
        "mode": "active",
        "timestamp": 1763780000000,
        "source": {"type": "user", "userId": user},
        "webhookEventId": "01" + uuid.uuid4().hex[:24].upper(),
        "deliveryContext": {"isRedelivery": False},
        "replyToken": uuid.uuid4().hex,
        "message": {**MESSAGE_FIELDS.get(message["type"], {}), **message},
    }
    event.update(extra)
    return event


def webhook_body(*events: dict[str, Any]) -> str:
    return json.dumps({"destination": "Ubot", "events": list(events)}, ensure_ascii=False)
