"""Logging in to the admin side: the first admin, wrong passwords, throttling, roles."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.security import generate_password_hash

from bot.db import new_session
from bot.db.accounts.tables import User
from tests.support.admin import login
from tests.support.settings import ADMIN_PASSWORD


def test_admin_pages_need_a_login(client: FlaskClient) -> None:
    r = client.get("/admin/")
    assert r.status_code == 302 and "/admin/login" in r.headers["Location"]


def test_first_admin_logs_in_with_admin_password(web_client: FlaskClient) -> None:
    r = login(web_client, "admin", ADMIN_PASSWORD)
    assert r.status_code == 302
    page = web_client.get("/admin/").get_data(as_text=True)
    assert "ผู้ดูแลระบบ" in page


def test_wrong_password_is_refused_in_thai(web_client: FlaskClient) -> None:
    r = login(web_client, "admin", "wrong")
    assert r.status_code == 401
    assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in r.get_data(as_text=True)
    assert web_client.get("/admin/").status_code == 302


def test_repeated_failures_are_throttled_even_with_the_right_password(
    web_client: FlaskClient,
) -> None:
    for _ in range(5):
        login(web_client, "admin", "guess")
    r = login(web_client, "admin", ADMIN_PASSWORD)
    assert r.status_code == 401
    assert "รอ 15 นาที" in r.get_data(as_text=True)


def test_login_form_needs_its_csrf_token(app: Flask) -> None:
    r = app.test_client().post(
        "/admin/login", data={"username": "admin", "password": ADMIN_PASSWORD}
    )
    assert r.status_code in (400, 401)
    assert app.test_client().get("/admin/").status_code == 302


def test_login_never_redirects_to_another_site(web_client: FlaskClient) -> None:
    r = web_client.post(
        "/admin/login?next=//evil.example/x", data={"username": "admin", "password": ADMIN_PASSWORD}
    )
    assert r.headers["Location"] == "/admin/"


def test_a_password_hashed_with_another_method_still_logs_in(web: Flask) -> None:
    # Accounts created before PASSWORD_HASH_METHOD changed keep the method in their hash.
    assert web.config["PASSWORD_HASH_METHOD"] != "scrypt"
    with new_session(web) as s:
        admin = s.scalars(select(User).where(User.username == "admin")).one()
        admin.password_hash = generate_password_hash(ADMIN_PASSWORD)  # werkzeug's scrypt
        s.commit()
    client = web.test_client()
    assert login(client, "admin", "wrong").status_code == 401
    assert login(client, "admin", ADMIN_PASSWORD).status_code == 302
    assert "ผู้ดูแลระบบ" in client.get("/admin/").get_data(as_text=True)
