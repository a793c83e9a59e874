"""Logging in to the admin side: the first admin, wrong passwords, throttling, roles."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.security import generate_password_hash

from bot.db import new_session
from bot.db.accounts.tables import User
from tests.conftest import ADMIN_PASSWORD


def login(client: FlaskClient, username: str, password: str):  # type: ignore[no-untyped-def]
    return client.post("/admin/login", data={"username": username, "password": password})


def csrf_off(make_app) -> FlaskClient:  # type: ignore[no-untyped-def]
    return make_app(WTF_CSRF_ENABLED=False).test_client()


def test_admin_pages_need_a_login(client: FlaskClient) -> None:
    r = client.get("/admin/")
    assert r.status_code == 302 and "/admin/login" in r.headers["Location"]


def test_first_admin_logs_in_with_admin_password(make_app) -> None:  # type: ignore[no-untyped-def]
    client = csrf_off(make_app)
    r = login(client, "admin", ADMIN_PASSWORD)
    assert r.status_code == 302
    page = client.get("/admin/").get_data(as_text=True)
    assert "ผู้ดูแลระบบ" in page


def test_wrong_password_is_refused_in_thai(make_app) -> None:  # type: ignore[no-untyped-def]
    client = csrf_off(make_app)
    r = login(client, "admin", "wrong")
    assert r.status_code == 401
    assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in r.get_data(as_text=True)
    assert client.get("/admin/").status_code == 302


def test_repeated_failures_are_throttled_even_with_the_right_password(make_app) -> None:  # type: ignore[no-untyped-def]
    client = csrf_off(make_app)
    for _ in range(5):
        login(client, "admin", "guess")
    r = login(client, "admin", ADMIN_PASSWORD)
    assert r.status_code == 401
    assert "รอ 15 นาที" in r.get_data(as_text=True)


def test_login_form_needs_its_csrf_token(app: Flask) -> None:
    r = app.test_client().post(
        "/admin/login", data={"username": "admin", "password": ADMIN_PASSWORD}
    )
    assert r.status_code in (400, 401)
    assert app.test_client().get("/admin/").status_code == 302


def test_login_never_redirects_to_another_site(make_app) -> None:  # type: ignore[no-untyped-def]
    client = csrf_off(make_app)
    r = client.post(
        "/admin/login?next=//evil.example/x", data={"username": "admin", "password": ADMIN_PASSWORD}
    )
    assert r.headers["Location"] == "/admin/"


def test_a_password_hashed_with_another_method_still_logs_in(make_app) -> None:  # type: ignore[no-untyped-def]
    # Accounts created before PASSWORD_HASH_METHOD changed keep the method in their hash.
    app = make_app(WTF_CSRF_ENABLED=False)
    assert app.config["PASSWORD_HASH_METHOD"] != "scrypt"
    with new_session(app) as s:
        admin = s.scalars(select(User).where(User.username == "admin")).one()
        admin.password_hash = generate_password_hash(ADMIN_PASSWORD)  # werkzeug's scrypt
        s.commit()
    client = app.test_client()
    assert login(client, "admin", "wrong").status_code == 401
    assert login(client, "admin", ADMIN_PASSWORD).status_code == 302
    assert "ผู้ดูแลระบบ" in client.get("/admin/").get_data(as_text=True)
