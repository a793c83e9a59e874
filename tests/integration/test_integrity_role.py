"""Only the server's command line or an integrity officer creates, resets or grants the
integrity role (the one that sees corruption reports); every such change is listed for
every integrity officer."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from bot.db import new_session
from bot.db.accounts.tables import User


@pytest.fixture
def office(make_app: Callable[..., Flask]) -> Flask:
    return make_app(WTF_CSRF_ENABLED=False)


def cli_add(app: Flask, username: str, role: str, unit: str = "") -> str:
    args = ["users", "add", username, "--role", role] + (["--unit", unit] if unit else [])
    out = app.test_cli_runner().invoke(args=args)
    assert out.exit_code == 0, out.output
    return re.search(r"\(แสดงครั้งเดียว\): ([\w-]+)", out.output).group(1)  # type: ignore[union-attr]


def logged_in(app: Flask, username: str, password: str) -> FlaskClient:
    client = app.test_client()
    r = client.post("/admin/login", data={"username": username, "password": password})
    assert r.status_code == 302, r.get_data(as_text=True)
    return client


def user(app: Flask, username: str) -> User | None:
    with new_session(app) as s:
        return s.scalars(select(User).where(User.username == username)).first()


def uid(app: Flask, username: str) -> int:
    found = user(app, username)
    assert found is not None
    return found.id


def test_an_admin_cannot_reach_the_integrity_role(office: Flask) -> None:
    admin = logged_in(office, "chief", cli_add(office, "chief", "admin"))
    cli_add(office, "somsak", "staff", "กองช่าง")
    officer_password = cli_add(office, "auditor", "integrity")

    page = admin.post(
        "/admin/users",
        data={"username": "mole", "role": "integrity", "password": "long-enough-pw"},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "ผู้รับผิดชอบเรื่องทุจริตเท่านั้น" in page and user(office, "mole") is None

    admin.post(f"/admin/users/{uid(office, 'somsak')}/edit", data={"role": "integrity"})
    admin.post(f"/admin/users/{uid(office, 'chief')}/edit", data={"role": "integrity"})
    assert (user(office, "somsak").role, user(office, "chief").role) == ("staff", "admin")  # type: ignore[union-attr]

    admin.post(f"/admin/users/{uid(office, 'auditor')}/password", data={"password": "taken-over-1"})
    admin.post(f"/admin/users/{uid(office, 'auditor')}/active", data={"active": "0"})
    assert user(office, "auditor").active  # type: ignore[union-attr]
    logged_in(office, "auditor", officer_password)  # the officer's password still works
    refused = office.test_client().post(
        "/admin/login", data={"username": "auditor", "password": "taken-over-1"}
    )
    assert refused.status_code != 302


def test_integrity_changes_are_shown_to_every_integrity_officer(office: Flask) -> None:
    first = logged_in(office, "auditor", cli_add(office, "auditor", "integrity"))
    cli_add(office, "second", "staff", "กองคลัง")
    r = first.post(f"/admin/users/{uid(office, 'second')}/edit", data={"role": "integrity"})
    assert r.status_code == 302
    assert user(office, "second").role == "integrity"  # type: ignore[union-attr]

    first.post(f"/admin/users/{uid(office, 'second')}/password", data={"password": ""})
    second_password = re.search(  # the new password is flashed once
        r"\(แสดงครั้งเดียว\): ([\w-]+)", first.get("/admin/users").get_data(as_text=True)
    ).group(1)  # type: ignore[union-attr]
    home = logged_in(office, "second", second_password).get("/admin/").get_data(as_text=True)

    assert "การเปลี่ยนแปลงบัญชีผู้รับผิดชอบเรื่องทุจริต" in home
    for change in ("เพิ่มบัญชี", "ให้บทบาทผู้รับผิดชอบเรื่องทุจริต", "ตั้งรหัสผ่านใหม่"):
        assert change in home
    # cli added auditor; auditor granted second the role, then reset second's password.
    rows = re.findall(
        r"<tr><td>[^<]*</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>", home
    )
    assert rows == [
        ("auditor", "ตั้งรหัสผ่านใหม่", "second"),
        ("auditor", "ให้บทบาทผู้รับผิดชอบเรื่องทุจริต", "second"),
        ("cli", "เพิ่มบัญชี", "auditor"),
    ]
