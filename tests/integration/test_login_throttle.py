"""Login throttling: per account and address, and per address; atomic under concurrent
attempts; a flood against one account alerts the admins instead of locking the real user
out; unknown and known usernames cost the same hash check."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.security import check_password_hash

from bot.admin import auth
from bot.db import new_session
from bot.db.accounts.tables import AuditLog, User
from tests.support.admin import PASSWORD, add_user
from tests.support.settings import ADMIN_PASSWORD


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app(WTF_CSRF_ENABLED=False)


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every stored hash a login attempt was checked against."""
    seen: list[str] = []
    lock = threading.Lock()

    def counting(stored: str, password: str) -> bool:
        with lock:
            seen.append(stored)
        return check_password_hash(stored, password)

    monkeypatch.setattr(auth, "check_password_hash", counting)
    yield seen


def login(app: Flask, username: str, password: str, ip: str, client: FlaskClient | None = None):  # type: ignore[no-untyped-def]
    return (client or app.test_client()).post(
        "/admin/login",
        data={"username": username, "password": password},
        environ_base={"REMOTE_ADDR": ip},
    )


def alerts(app: Flask) -> list[AuditLog]:
    with new_session(app) as s:
        return list(s.scalars(select(AuditLog).where(AuditLog.action == "login.alert")))


def test_failures_for_an_unknown_username_do_not_lock_real_accounts(app: Flask) -> None:
    for _ in range(6):
        assert login(app, "no-such-user", "guess", "10.0.0.5").status_code == 401
    assert login(app, "admin", ADMIN_PASSWORD, "10.0.0.5").status_code == 302


def test_guessing_admin_from_one_address_does_not_lock_admin_elsewhere(app: Flask) -> None:
    for _ in range(5):
        login(app, "admin", "guess", "10.0.0.66")
    refused = login(app, "admin", ADMIN_PASSWORD, "10.0.0.66")
    assert refused.status_code == 401 and "รอ 15 นาที" in refused.get_data(as_text=True)
    assert login(app, "admin", ADMIN_PASSWORD, "10.0.0.7").status_code == 302


def test_one_address_trying_many_usernames_is_stopped(app: Flask, checks: list[str]) -> None:
    for i in range(auth.FAILURES_PER_ADDRESS):
        login(app, f"user{i}", "guess", "10.0.0.66")
    checked = len(checks)
    assert login(app, "someone-else", "guess", "10.0.0.66").status_code == 401
    assert login(app, "admin", ADMIN_PASSWORD, "10.0.0.66").status_code == 401
    assert len(checks) == checked  # refused before any password was looked at
    assert login(app, "admin", ADMIN_PASSWORD, "10.0.0.7").status_code == 302


def test_a_successful_login_clears_its_own_failures(app: Flask) -> None:
    for _ in range(4):
        login(app, "admin", "guess", "10.0.0.8")
    assert login(app, "admin", ADMIN_PASSWORD, "10.0.0.8").status_code == 302
    for _ in range(4):
        login(app, "admin", "guess", "10.0.0.8")
    assert login(app, "admin", ADMIN_PASSWORD, "10.0.0.8").status_code == 302


def test_concurrent_attempts_never_check_more_passwords_than_the_limit(
    app: Flask, checks: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = auth.check_password_hash

    def slower(stored: str, password: str) -> bool:
        threading.Event().wait(0.05)  # widen the gap between counting and recording
        return slow(stored, password)

    monkeypatch.setattr(auth, "check_password_hash", slower)
    attempts = 20
    start = threading.Barrier(attempts)
    statuses: list[int] = []

    def attempt() -> None:
        client = app.test_client()
        start.wait()
        statuses.append(login(app, "admin", "guess", "10.0.0.99", client).status_code)

    threads = [threading.Thread(target=attempt) for _ in range(attempts)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert statuses == [401] * attempts
    assert 1 <= len(checks) <= auth.FAILURES_PER_ACCOUNT_AT_ADDRESS
    assert login(app, "admin", ADMIN_PASSWORD, "10.0.0.99").status_code == 401


def test_a_flood_against_one_account_alerts_admins_but_the_user_still_logs_in(
    app: Flask,
) -> None:
    add_user(app, "somchai", "executive")
    per_address = auth.FAILURES_PER_ACCOUNT_AT_ADDRESS
    addresses = auth.ALERT_FAILURES_PER_ACCOUNT // per_address
    for a in range(addresses):
        for _ in range(per_address):
            assert login(app, "somchai", "guess", f"10.1.0.{a}").status_code == 401
    assert login(app, "somchai", "guess", "10.1.1.1").status_code == 401  # past the ceiling
    raised = alerts(app)
    assert len(raised) == 1 and raised[0].target == "somchai"  # once, not per failure
    # Not a lock: the real user, at an address of their own, gets in.
    somchai = app.test_client()
    assert login(app, "somchai", PASSWORD, "10.2.0.1", somchai).status_code == 302
    admin = app.test_client()
    assert login(app, "admin", ADMIN_PASSWORD, "10.2.0.2", admin).status_code == 302
    home = admin.get("/admin/").get_data(as_text=True)
    assert 'id="login-alerts"' in home and "somchai" in home
    assert 'id="login-alerts"' not in somchai.get("/admin/").get_data(as_text=True)


def test_unknown_and_known_usernames_cost_the_same_hash_check(
    app: Flask, checks: list[str]
) -> None:
    add_user(app, "retired", "admin")
    with new_session(app) as s:
        s.scalars(select(User).where(User.username == "retired")).one().active = False
        s.commit()
    login(app, "admin", "wrong", "10.0.0.1")
    login(app, "no-such-user", "wrong", "10.0.0.2")
    login(app, "retired", PASSWORD, "10.0.0.3")
    assert len(checks) == 3
    methods = {stored.split("$")[0] for stored in checks}
    assert methods == {auth.hash_password("x", app).split("$")[0]}  # the same method and cost
    assert login(app, "retired", PASSWORD, "10.0.0.3").status_code == 401
