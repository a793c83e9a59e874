"""Sessions end when they should: a cookie copied before logout, a password reset or a
deactivation no longer opens the admin side; and the citizen's session cookie (signed, not
encrypted: anyone holding the phone can read it) never holds a case number or tracking code."""

from __future__ import annotations

import base64
import json
import re
import zlib
from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from bot.db import new_session
from bot.db.accounts.tables import User
from tests.support.admin import add_user, client_for


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    app = make_app(WTF_CSRF_ENABLED=False)
    add_user(app, "somchai", "executive")
    return app


def copy_of(app: Flask, client: FlaskClient) -> FlaskClient:
    """Another browser holding the same session cookie (copied, stolen, or backed up)."""
    cookie = client.get_cookie("session")
    assert cookie is not None
    other = app.test_client()
    other.set_cookie("session", cookie.value)
    return other


def opens_admin(client: FlaskClient) -> bool:
    return client.get("/admin/").status_code == 200


def user_id(app: Flask, username: str) -> int:
    with new_session(app) as s:
        return s.scalars(select(User.id).where(User.username == username)).one()


def test_a_cookie_copied_before_logout_no_longer_works(app: Flask) -> None:
    client = client_for(app, "somchai")
    copied = copy_of(app, client)
    elsewhere = client_for(app, "somchai")  # the same person on another device
    assert opens_admin(copied)
    client.post("/admin/logout")
    assert not opens_admin(client)
    assert not opens_admin(copied)
    assert not opens_admin(elsewhere)  # logging out ends every session of the account
    assert opens_admin(client_for(app, "somchai"))  # and a new login works


def test_a_password_reset_by_an_admin_ends_the_users_sessions(app: Flask) -> None:
    somchai = client_for(app, "somchai")
    admin = client_for(app, "admin")
    r = admin.post(f"/admin/users/{user_id(app, 'somchai')}/password", data={"password": ""})
    assert r.status_code == 302
    assert not opens_admin(somchai)
    assert opens_admin(admin)


def test_a_password_reset_on_the_command_line_ends_the_users_sessions(app: Flask) -> None:
    somchai = client_for(app, "somchai")
    result = app.test_cli_runner().invoke(args=["users", "reset-password", "somchai"])
    assert result.exit_code == 0, result.output
    assert not opens_admin(somchai)


def test_an_admin_changing_their_own_password_stays_in_here_only(app: Flask) -> None:
    admin = client_for(app, "admin")
    other_device = client_for(app, "admin")
    r = admin.post(f"/admin/users/{user_id(app, 'admin')}/password", data={"password": "x" * 12})
    assert r.status_code == 302
    assert opens_admin(admin)
    assert not opens_admin(other_device)


def test_deactivation_ends_sessions_for_good_even_after_reactivation(app: Flask) -> None:
    somchai = client_for(app, "somchai")
    copied = copy_of(app, somchai)
    admin = client_for(app, "admin")
    uid = user_id(app, "somchai")
    admin.post(f"/admin/users/{uid}/active", data={"active": "0"})
    assert not opens_admin(somchai)
    admin.post(f"/admin/users/{uid}/active", data={"active": "1"})
    assert not opens_admin(somchai) and not opens_admin(copied)
    assert opens_admin(client_for(app, "somchai"))


def readable(cookie: str) -> str:
    """What anyone can read from a Flask session cookie without the secret key."""
    payload = cookie.lstrip(".").split(".")[0]
    raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    if cookie.startswith("."):
        raw = zlib.decompress(raw)
    return json.dumps(json.loads(raw), ensure_ascii=False)


def test_the_session_cookie_holds_neither_case_number_nor_code(app: Flask) -> None:
    client = app.test_client()
    r = client.post(
        "/complaint",
        data={"category": "light", "details": "ไฟถนนดับหน้าวัดสามวันแล้ว", "privacy_ack": "y"},
    )
    assert r.status_code == 302
    cookie = client.get_cookie("session")
    assert cookie is not None
    shown = client.get(r.headers["Location"]).get_data(as_text=True)
    case = re.search(r'id="case-number">([^<]+)<', shown).group(1)  # type: ignore[union-attr]
    code = re.search(r'id="secret-code">([^<]+)<', shown).group(1)  # type: ignore[union-attr]
    text = readable(cookie.value)
    assert case not in text and code not in text
    assert case not in cookie.value and code not in cookie.value
    # Shown once: the page again (a back button, a copied cookie) shows nothing.
    again = client.get(r.headers["Location"])
    assert again.status_code == 302 and code not in again.get_data(as_text=True)
    replay = app.test_client()
    replay.set_cookie("session", cookie.value)
    assert code not in replay.get(r.headers["Location"]).get_data(as_text=True)
