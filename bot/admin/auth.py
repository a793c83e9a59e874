"""Logging in, roles, throttling failed logins, the first admin."""

from __future__ import annotations

import functools
import secrets
from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any, TypeVar, cast

from flask import Flask, abort, current_app, request
from flask_login import LoginManager, current_user
from sqlalchemy import select, update
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from bot.db import new_session, store, write_lock
from bot.db.accounts import throttle
from bot.db.accounts.audit import record as record_audit
from bot.db.accounts.tables import User
from handlers.clock import utcnow
from handlers.complaints.policy import Viewer

login_manager = LoginManager()
login_manager.login_view = "admin.login"
login_manager.login_message = "กรุณาเข้าสู่ระบบก่อน"

# A few typos are forgiven; more from one address, on one account or on many, wait.
FAILURES_PER_ACCOUNT_AT_ADDRESS = 5
FAILURES_PER_ADDRESS = 20  # an office's staff share one address: room for their typos
FAILURE_WINDOW = timedelta(minutes=15)
# Attempts on one account from all addresses: past this the admins are alerted (no lock).
ALERT_FAILURES_PER_ACCOUNT = 50
ALERT_WINDOW = timedelta(hours=1)

F = TypeVar("F", bound=Callable[..., Any])


def init_app(app: Flask) -> None:
    login_manager.init_app(app)


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    """The account of a session id "user:version" (User.get_id), while that version is the
    account's current one: older sessions have been ended."""
    user_id, _, version = session_id.partition(":")
    try:
        user = store().session.get(User, int(user_id))
        current = user is not None and user.session_version == int(version)
    except ValueError:
        return None
    return user if user is not None and current and user.active else None


def end_sessions(user: User, session: Session | None = None) -> None:
    """Every session of `user`, on every device, ends at its next request (the caller
    commits; the request's session unless another is given). One UPDATE, so two at once
    still both count."""
    (session or store().session).execute(
        update(User)
        .where(User.id == user.id)
        .values(session_version=User.session_version + 1)
        .execution_options(synchronize_session=False)
    )


def roles_required(*roles: str) -> Callable[[F], F]:
    """Only logged-in users with one of `roles` may enter; others get 403 (or the login page)."""

    def decorator(view: F) -> F:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return cast(F, wrapped)

    return decorator


def hash_password(password: str, app: Flask | None = None) -> str:
    """With the app's PASSWORD_HASH_METHOD (the stored hash names it for checking)."""
    return generate_password_hash(password, (app or current_app).config["PASSWORD_HASH_METHOD"])


@functools.cache
def _stand_in_hash(method: str) -> str:
    """A hash of no one's password, made like a real one: checked when the username is
    unknown, so an unknown name takes as long to refuse as a wrong password."""
    return generate_password_hash(secrets.token_urlsafe(16), method)


LOCKED = "ท่านเข้าสู่ระบบผิดหลายครั้งเกินไป กรุณารอ 15 นาทีแล้วลองใหม่"
WRONG = "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง"


def authenticate(username: str, password: str, ip: str) -> tuple[User | None, str]:
    """The user, or None and a Thai reason.

    Attempts are counted per account at an address and per address, before the password
    is checked, atomically (bot/db/accounts/throttle.py): a guesser locks only themselves,
    and twenty attempts at once check no more passwords than the limit allows. Attempts on
    one account from everywhere are counted too, but past ALERT_FAILURES_PER_ACCOUNT they
    only alert the admins (audit log, admin home): a lock there would let anyone keep the
    real user out."""
    s = store().session
    now = utcnow()
    username, ip = username[:80], ip[:64]
    user = s.scalars(select(User).where(User.username == username)).first()
    keys = [
        (f"ip|{ip}", FAILURE_WINDOW),
        (f"user-ip|{username}|{ip}", FAILURE_WINDOW),
        (f"user|{username}", ALERT_WINDOW),
    ]
    alert = None
    if user is not None:
        alert = (
            ALERT_FAILURES_PER_ACCOUNT,
            username,
            f"เข้าสู่ระบบผิด {ALERT_FAILURES_PER_ACCOUNT} ครั้งภายใน 1 ชั่วโมง "
            f"(ล่าสุดจาก {ip}) ระบบไม่ได้ระงับบัญชี",
        )
    per_address, per_pair, _ = throttle.count_attempt(s, write_lock(), keys, now, alert)
    if per_address > FAILURES_PER_ADDRESS or per_pair > FAILURES_PER_ACCOUNT_AT_ADDRESS:
        return None, LOCKED
    usable = user is not None and user.active and bool(user.password_hash)
    stored = (
        user.password_hash
        if user is not None and usable
        else _stand_in_hash(current_app.config["PASSWORD_HASH_METHOD"])
    )
    if not check_password_hash(stored, password) or not usable or user is None:
        return None, WRONG
    throttle.forgive(
        s,
        write_lock(),
        [(keys[0][0], False), (keys[1][0], True), (keys[2][0], False)],
        now - 2 * ALERT_WINDOW,
    )
    return user, ""


def audit(action: str, target: str = "", detail: str = "") -> None:
    """Record a change in the caller's transaction (the caller commits)."""
    actor = current_user.username if current_user.is_authenticated else "system"
    record_audit(store().session, actor, action, target, detail, utcnow())


def client_ip() -> str:
    return request.remote_addr or ""


def ensure_first_admin(app: Flask) -> str | None:
    """Create `admin` if missing. Returns a generated password when ADMIN_PASSWORD is unset."""
    with new_session(app) as s:
        if s.scalars(select(User).where(User.username == "admin")).first() is not None:
            return None
        password = app.config.get("ADMIN_PASSWORD") or ""
        generated = None
        if not password:
            generated = password = secrets.token_urlsafe(12)
        s.add(
            User(
                username="admin",
                display_name="ผู้ดูแลระบบ",
                password_hash=hash_password(password, app),
                role="admin",
                created_at=utcnow(),
            )
        )
        s.commit()
        return generated


def current_role() -> str:
    return getattr(current_user, "role", "") if current_user.is_authenticated else ""


_ = current_app  # re-exported for views that need the app


def viewer() -> Viewer:
    """The logged-in account as the core's policy sees it."""
    return Viewer(
        role=current_role(),
        unit=getattr(current_user, "unit", "") or "",
        username=getattr(current_user, "username", "") or "",
    )
