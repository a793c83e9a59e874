"""`make run` on a fresh instance (it runs `init-db --address …` first): the admin login
address is printed, and whether the first admin account was just created (with its password,
shown once) or already existed."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from flask import Flask

from bot.app import create_app

ADDRESS = "http://127.0.0.1:8123"


def fresh(tmp_path: Path, **settings: Any) -> Flask:
    return create_app(
        {
            "TESTING": True,
            "BACKGROUND_WORKERS": False,
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
            "SHEETS_BACKEND": "off",
            "SECRET_KEY": "test-secret",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.db'}",
            "ADMIN_PASSWORD": "",
            **settings,
        }
    )


def init_db(app: Flask) -> str:
    r = app.test_cli_runner().invoke(args=["init-db", "--address", ADDRESS + "/"])
    assert r.exit_code == 0, r.output
    return r.output


def test_a_fresh_instance_says_the_admin_was_created_and_a_second_start_that_it_exists(
    tmp_path: Path,
) -> None:
    app = fresh(tmp_path)
    first = init_db(app)
    assert f"Admin login: {ADDRESS}/admin/login" in first
    found = re.search(
        r"Created the first admin account: username 'admin', password '([^']+)'", first
    )
    assert found, first
    password = found[1]
    # The password printed is the one that opens the admin pages.
    r = app.test_client().post("/admin/login", data={"username": "admin", "password": password})
    assert r.status_code == 302 and r.headers["Location"].endswith("/admin/")

    again = init_db(fresh(tmp_path))
    assert f"Admin login: {ADDRESS}/admin/login" in again
    assert "First admin account: already exists" in again
    assert "Created" not in again and password not in again  # shown once only


def test_a_chosen_admin_password_is_named_not_printed(tmp_path: Path) -> None:
    out = init_db(fresh(tmp_path, ADMIN_PASSWORD="a-long-chosen-password"))
    assert "password: the ADMIN_PASSWORD setting" in out
    assert "a-long-chosen-password" not in out
