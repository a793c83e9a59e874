"""Logging in, roles, throttling failed logins, the first admin."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any, TypeVar, cast

from flask import Flask, abort, current_app, request
from flask_login import LoginManager, current_user
from sqlalchemy import delete, func, or_, select
from werkzeug.security import check_password_hash, generate_password_hash

from bot.db import new_session, store
from bot.db.accounts.audit import record as record_audit
from bot.db.accounts.tables import LoginFailure, User
from bot.db.base import naive
from handlers.clock import utcnow
from handlers.complaints.policy import Viewer

login_manager = LoginManager()
login_manager.login_view = "admin.login"
login_manager.login_message = "กรุณาเข้าสู่ระบบก่อน"

MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)

F = TypeVar("F", bound=Callable[..., Any])


def init_app(app: Flask) -> None:
    login_manager.init_app(app)


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    try:
        user = store().session.get(User, int(user_id))
    except ValueError:
        return None
    return user if user is not None and user.active else None


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


def hash_password(password: str) -> str:
    return generate_password_hash(password)


def authenticate(username: str, password: str, ip: str) -> tuple[User | None, str]:
    """The user, or None and a Thai reason. Failures are counted per username and per address."""
    s = store().session
    now = naive(utcnow())
    recent = s.scalar(
        select(func.count())
        .select_from(LoginFailure)
        .where(
            LoginFailure.at > now - FAILURE_WINDOW,
            or_(LoginFailure.username == username, LoginFailure.ip == ip),
        )
    )
    if (recent or 0) >= MAX_FAILURES:
        return None, "เข้าสู่ระบบผิดหลายครั้งเกินไป กรุณารอ 15 นาทีแล้วลองใหม่"
    user = s.scalars(select(User).where(User.username == username)).first()
    ok = (
        user is not None
        and user.active
        and bool(user.password_hash)
        and check_password_hash(user.password_hash, password)
    )
    if not ok:
        s.add(LoginFailure(username=username[:80], ip=ip[:64], at=now))
        s.commit()
        return None, "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง"
    s.execute(delete(LoginFailure).where(LoginFailure.username == username))
    s.commit()
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
                password_hash=hash_password(password),
                role="admin",
                created_at=naive(utcnow()),
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
