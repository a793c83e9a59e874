"""The office side: accounts (admin, staff), logging in, and the audit log."""

from __future__ import annotations

import re
from datetime import datetime

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from bot.admin.auth import hash_password
from bot.db import new_session
from bot.db.accounts.tables import AuditLog, User
from tests.support.settings import ADMIN_PASSWORD

PASSWORD = "a-long-password-1"  # every account's but the first admin's (ADMIN_PASSWORD)


def add_user(
    app: Flask, username: str, role: str, unit: str = "", line_user_id: str | None = None
) -> None:
    with new_session(app) as s:
        s.add(
            User(
                username=username,
                display_name=username,
                password_hash=hash_password(PASSWORD, app),
                role=role,
                unit=unit,
                line_user_id=line_user_id,
                created_at=datetime(2025, 1, 1),
            )
        )
        s.commit()


def add_staff(
    app: Flask, name: str = "สมหญิง ใจดี", unit: str = "สำนักปลัด", username: str = "somying"
) -> str:
    """`flask staff add`: the staff account, and the code that links it to LINE."""
    r = app.test_cli_runner().invoke(
        args=["staff", "add", name, "--unit", unit, "--username", username]
    )
    assert r.exit_code == 0, r.output
    m = re.search(r"ลงทะเบียน ([A-Z0-9]{8})", r.output)
    assert m, r.output
    return m.group(1)


def login(client: FlaskClient, username: str, password: str):  # type: ignore[no-untyped-def]
    return client.post("/admin/login", data={"username": username, "password": password})


def client_for(app: Flask, username: str) -> FlaskClient:
    """A client logged in as `username` (the app must not check CSRF tokens)."""
    c = app.test_client()
    password = ADMIN_PASSWORD if username == "admin" else PASSWORD
    r = login(c, username, password)
    assert r.status_code == 302, r.get_data(as_text=True)
    return c


def audit_rows(app: Flask) -> list[tuple[str, str, str, str]]:
    with new_session(app) as s:
        return [(a.actor, a.action, a.target, a.detail) for a in s.scalars(select(AuditLog))]
