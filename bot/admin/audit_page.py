"""The audit log: every change made on the admin side, newest first (admins only)."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from sqlalchemy import func, select

from bot.admin.audit_text import ACTION_TH, audit_line
from bot.admin.auth import roles_required
from bot.db import store
from bot.db.accounts.tables import AuditLog
from handlers.shared import last_page, page_number

bp = Blueprint("audit", __name__, url_prefix="/admin/audit")
PAGE = 100


@bp.get("")
@roles_required("admin")
def index() -> str:
    s = store().session
    actor = (request.args.get("actor") or "").strip()
    action = (request.args.get("action") or "").strip()
    q = select(AuditLog)
    if actor:
        q = q.where(AuditLog.actor == actor)
    if action:
        q = q.where(AuditLog.action.startswith(action))
    total = s.scalar(select(func.count()).select_from(q.subquery())) or 0
    pages = last_page(total, PAGE)
    page = min(page_number(request.args.get("page")), pages)
    rows = list(s.scalars(q.order_by(AuditLog.id.desc()).limit(PAGE).offset((page - 1) * PAGE)))
    return render_template(
        "admin/audit.html",
        rows=[(r.at, r.actor, audit_line(r.action, r.target, r.detail)) for r in rows],
        actions=ACTION_TH,
        actor=actor,
        action=action,
        page=page,
        pages=pages,
        total=total,
    )
