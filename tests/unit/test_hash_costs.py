"""Hash costs come from configuration, and hashes stored under another cost keep checking."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from bot import create_app
from bot.admin.auth import hash_password
from handlers import secrets_codes
from handlers.secrets_codes import check_code, hash_code


def app_with(tmp_path: Path, **config: object) -> Flask:
    """An app that is only configured: no database is opened, no worker started."""
    url = f"sqlite:///{tmp_path / 'unused.db'}"
    return create_app({"DATABASE_URL": url, "BACKGROUND_WORKERS": False, **config})


def test_a_code_hashed_at_the_production_cost_checks_under_a_cheap_setting() -> None:
    secrets_codes.configure(60_000)
    stored = hash_code("ab3 k7q")
    assert stored.startswith("pbkdf2$60000$")
    secrets_codes.configure(1)
    assert check_code("AB3K7Q", stored)
    assert not check_code("AB3K7R", stored)
    cheap = hash_code("AB3K7Q")
    assert cheap.startswith("pbkdf2$1$")
    secrets_codes.configure(60_000)
    assert check_code("ab3k7q", cheap)


def test_code_cost_defaults_to_60000_and_create_app_hands_it_to_the_core(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("CODE_HASH_ITERATIONS", raising=False)
    assert app_with(tmp_path).config["CODE_HASH_ITERATIONS"] == 60_000
    assert hash_code("AB3K7Q").startswith("pbkdf2$60000$")
    monkeypatch.setenv("CODE_HASH_ITERATIONS", "7")
    app_with(tmp_path)
    assert hash_code("AB3K7Q").startswith("pbkdf2$7$")
    app_with(tmp_path, CODE_HASH_ITERATIONS=3)
    assert hash_code("AB3K7Q").startswith("pbkdf2$3$")


def test_passwords_are_hashed_with_the_apps_method(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("PASSWORD_HASH_METHOD", raising=False)
    production = app_with(tmp_path)
    assert production.config["PASSWORD_HASH_METHOD"] == "scrypt"  # werkzeug's default
    assert hash_password("a-long-password-1", production).startswith("scrypt:")
    cheap = app_with(tmp_path, PASSWORD_HASH_METHOD="pbkdf2:sha256:1")
    assert hash_password("a-long-password-1", cheap).startswith("pbkdf2:sha256:1$")
    with cheap.app_context():
        assert hash_password("a-long-password-1").startswith("pbkdf2:sha256:1$")
