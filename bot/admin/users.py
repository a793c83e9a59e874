"""Office accounts: add users with a role and unit, reset passwords, deactivate, API tokens.
Every change is audit-logged."""

from __future__ import annotations

import secrets

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_user
from sqlalchemy import func, select, update
from werkzeug.wrappers import Response

from bot.admin.auth import audit, end_sessions, hash_password, roles_required
from bot.admin.dashboard import new_api_token
from bot.db import store
from bot.db.accounts.tables import ROLE_TH, ApiToken, User
from bot.db.office.store import unit_names
from bot.line.richmenu import staff_menu_id
from bot.services import services
from handlers.accounts import REFUSAL, may_manage, new_account_problems, touches_integrity
from handlers.clock import utcnow
from handlers.complaints.policy import ROLES

bp = Blueprint("users", __name__, url_prefix="/admin/users")

MIN_PASSWORD = 10


def _back() -> Response:
    return redirect(url_for("users.index"))


def _active_admins() -> int:
    return (
        store().session.scalar(
            select(func.count())
            .select_from(User)
            .where(User.role == "admin", User.active.is_(True))
        )
        or 0
    )


@bp.get("")
@roles_required("admin", "integrity")
def index() -> str:
    s = store().session
    users = list(s.scalars(select(User).order_by(User.active.desc(), User.role, User.username)))
    tokens = {
        uid: n
        for uid, n in s.execute(
            select(ApiToken.user_id, func.count())
            .where(ApiToken.revoked.is_(False))
            .group_by(ApiToken.user_id)
        )
    }
    return render_template(
        "admin/users.html",
        users=users,
        tokens=tokens,
        roles=[r for r in ROLES if may_manage(current_user.role, r)],
        role_th=ROLE_TH,
        units=unit_names(s),
        shown=request.args.get("shown", ""),
    )


@bp.post("")
@roles_required("admin", "integrity")
def add() -> Response | str:
    s = store().session
    username = (request.form.get("username") or "").strip().lower()
    role = request.form.get("role", "")
    unit = (request.form.get("unit") or "").strip()
    password = request.form.get("password") or ""
    taken = s.scalars(select(User).where(User.username == username)).first() is not None
    problems = new_account_problems(username, taken, role, unit, unit_names(s), ROLES)
    if role in ROLES and not may_manage(current_user.role, role):
        problems.append(REFUSAL)
    if password and len(password) < MIN_PASSWORD:
        problems.append(f"รหัสผ่านต้องยาวอย่างน้อย {MIN_PASSWORD} ตัวอักษร")
    if problems:
        for p in problems:
            flash(p, "error")
        return _back()
    generated = "" if password else secrets.token_urlsafe(12)
    s.add(
        User(
            username=username,
            display_name=(request.form.get("display_name") or "").strip()[:200],
            password_hash=hash_password(password or generated),
            role=role,
            unit=unit if unit in unit_names(s) else "",
            created_at=utcnow(),
        )
    )
    audit("user.add", username, f"{role} {unit}".strip())
    _tell_integrity_officers("add", username, role)
    store().commit()
    msg = f"เพิ่มผู้ใช้ {username} แล้ว"
    if generated:
        msg += f" · รหัสผ่านเริ่มต้น (แสดงครั้งเดียว): {generated}"
    flash(msg, "ok")
    return _back()


def _user(user_id: int) -> User | None:
    u = store().session.get(User, user_id)
    if u is None:
        flash("ไม่พบผู้ใช้นี้", "error")
    return u


def _managed(user_id: int, new_role: str | None = None) -> User | None:
    """The account, when the logged-in user may manage it (and give it `new_role`)."""
    u = _user(user_id)
    if u is not None and not may_manage(current_user.role, u.role, new_role):
        flash(REFUSAL, "error")
        return None
    return u


def _tell_integrity_officers(change: str, username: str, role: str) -> None:
    """Changes to integrity accounts are listed on every integrity officer's home page."""
    if touches_integrity(role) or change in ("grant", "revoke"):
        audit(f"integrity.{change}", username, role)


@bp.post("/<int:user_id>/password")
@roles_required("admin", "integrity")
def reset_password(user_id: int) -> Response:
    u = _managed(user_id)
    if u is None:
        return _back()
    password = request.form.get("password") or ""
    if password and len(password) < MIN_PASSWORD:
        flash(f"รหัสผ่านต้องยาวอย่างน้อย {MIN_PASSWORD} ตัวอักษร", "error")
        return _back()
    generated = "" if password else secrets.token_urlsafe(12)
    u.password_hash = hash_password(password or generated)
    end_sessions(u)  # whoever knew the old password is logged out too
    audit("user.reset_password", u.username)
    _tell_integrity_officers("reset_password", u.username, u.role)
    store().commit()
    if u.id == current_user.id:
        # One's own new password: the other devices are logged out, this browser stays in.
        store().session.refresh(u)
        login_user(u)
    flash(
        f"ตั้งรหัสผ่านใหม่ของ {u.username} แล้ว"
        + (f" · รหัสผ่านใหม่ (แสดงครั้งเดียว): {generated}" if generated else ""),
        "ok",
    )
    return _back()


@bp.post("/<int:user_id>/edit")
@roles_required("admin", "integrity")
def edit(user_id: int) -> Response:
    role = request.form.get("role", "")
    u = _managed(user_id, role)
    if u is None:
        return _back()
    unit = (request.form.get("unit") or "").strip()
    if role not in ROLES:
        flash("บทบาทไม่ถูกต้อง", "error")
        return _back()
    if u.role == "admin" and role != "admin" and u.active and _active_admins() <= 1:
        flash("ต้องมีผู้ดูแลระบบที่ใช้งานได้อย่างน้อยหนึ่งคน", "error")
        return _back()
    units = unit_names(store().session)
    if role == "staff" and unit not in units:
        flash("เจ้าหน้าที่หน่วยงานต้องระบุหน่วยงาน", "error")
        return _back()
    unit = unit if unit in units else ""  # as when adding: only the office's units are kept
    old_role, before = u.role, f"{u.role} {u.unit}".strip()
    u.role, u.unit = role, unit
    u.display_name = (request.form.get("display_name") or u.display_name).strip()[:200]
    audit("user.edit", u.username, f"{before} → {role} {unit}".strip())
    if old_role != role and touches_integrity(old_role, role):
        _tell_integrity_officers("grant" if role == "integrity" else "revoke", u.username, role)
    store().commit()
    flash(f"บันทึกข้อมูลของ {u.username} แล้ว", "ok")
    return _back()


@bp.post("/<int:user_id>/active")
@roles_required("admin", "integrity")
def set_active(user_id: int) -> Response:
    u = _managed(user_id)
    if u is None:
        return _back()
    active = request.form.get("active") == "1"
    if not active and u.id == current_user.id:
        flash("ปิดการใช้งานบัญชีของตัวเองไม่ได้", "error")
        return _back()
    if not active and u.role == "admin" and u.active and _active_admins() <= 1:
        flash("ต้องมีผู้ดูแลระบบที่ใช้งานได้อย่างน้อยหนึ่งคน", "error")
        return _back()
    u.active = active
    if not active:
        # Ended for good: reactivating the account later does not revive these sessions.
        end_sessions(u)
        # A deactivated account's API tokens stop working with it.
        store().session.execute(
            update(ApiToken).where(ApiToken.user_id == u.id).values(revoked=True)
        )
    audit("user.activate" if active else "user.deactivate", u.username)
    _tell_integrity_officers("activate" if active else "deactivate", u.username, u.role)
    store().commit()
    _match_rich_menu(u)
    flash(f"{'เปิด' if active else 'ปิด'}การใช้งาน {u.username} แล้ว", "ok")
    return _back()


def _match_rich_menu(u: User) -> None:
    """A deactivated account's LINE shows the citizens' menu again, a reactivated one the
    staff menu: the buttons follow what the bot will now answer. After the commit, and a
    LINE failure (logged by the client) never undoes the change."""
    client = services(current_app).line
    menu_id = staff_menu_id(current_app.instance_path)
    if client is None or menu_id is None or not u.line_user_id:
        return
    if u.active:
        client.link_rich_menu(u.line_user_id, menu_id)
    else:
        client.unlink_rich_menu(u.line_user_id)


@bp.post("/<int:user_id>/token")
@roles_required("admin")
def token(user_id: int) -> Response:
    u = _user(user_id)
    if u is None or not u.active:
        return _back()
    if request.form.get("revoke") == "1":
        store().session.execute(
            update(ApiToken).where(ApiToken.user_id == u.id).values(revoked=True)
        )
        audit("api_token.revoke", u.username)
        store().commit()
        flash(f"ยกเลิกโทเค็น API ของ {u.username} แล้ว", "ok")
        return _back()
    value, digest = new_api_token()
    store().session.add(
        ApiToken(
            user_id=u.id,
            token_hash=digest,
            label=(request.form.get("label") or "")[:100],
            created_at=utcnow(),
        )
    )
    audit("api_token.create", u.username)
    store().commit()
    flash(
        f"โทเค็น API ของ {u.username} (แสดงครั้งเดียว เก็บไว้ให้ดี): {value} "
        "ใช้กับ GET /api/summary ในส่วนหัว Authorization: Bearer <โทเค็น>",
        "ok",
    )
    return _back()
