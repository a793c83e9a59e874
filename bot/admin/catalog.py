"""The office's units and its complaint categories (names and default units; the codes are
those of categories.csv and never change). Changes are audit-logged."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, select
from werkzeug.wrappers import Response

from bot.admin.auth import audit, roles_required
from bot.db import store
from bot.db.office.categories import refresh_category_overrides
from bot.db.office.store import unit_names
from bot.db.office.tables import CategoryOverride, Unit
from handlers.clock import utcnow
from handlers.complaints import categories

bp = Blueprint("catalog", __name__, url_prefix="/admin/catalog")


def _back() -> Response:
    return redirect(url_for("catalog.index"))


@bp.get("")
@roles_required("admin")
def index() -> str:
    s = store().session
    csv = {c.code: c for c in categories.load_categories()}
    return render_template(
        "admin/catalog.html",
        units=list(s.scalars(select(Unit).order_by(Unit.sort_order, Unit.id))),
        cats=list(categories.by_code().values()),
        csv=csv,
        active_units=unit_names(s),
    )


@bp.post("/units")
@roles_required("admin")
def add_unit() -> Response:
    s = store().session
    name = " ".join((request.form.get("name") or "").split())[:100]
    if len(name) < 2:
        flash("กรุณากรอกชื่อหน่วยงาน", "error")
        return _back()
    if s.scalars(select(Unit).where(Unit.name == name)).first() is not None:
        flash(f"มีหน่วยงาน {name} อยู่แล้ว", "error")
        return _back()
    order = (s.scalar(select(func.max(Unit.sort_order))) or 0) + 1
    s.add(Unit(name=name, active=True, sort_order=order))
    audit("unit.add", name)
    store().commit()
    flash(f"เพิ่มหน่วยงาน {name} แล้ว", "ok")
    return _back()


@bp.post("/units/<int:unit_id>")
@roles_required("admin")
def toggle_unit(unit_id: int) -> Response:
    u = store().session.get(Unit, unit_id)
    if u is None:
        flash("ไม่พบหน่วยงานนี้", "error")
        return _back()
    u.active = request.form.get("active") == "1"
    audit("unit.activate" if u.active else "unit.deactivate", u.name)
    store().commit()
    flash(f"{'เปิด' if u.active else 'ปิด'}ใช้หน่วยงาน {u.name} แล้ว", "ok")
    return _back()


@bp.post("/categories/<code>")
@roles_required("admin")
def edit_category(code: str) -> Response:
    base = {c.code: c for c in categories.load_categories()}.get(code)
    if base is None:
        flash("ไม่รู้จักประเภทนี้", "error")
        return _back()
    name = " ".join((request.form.get("name_th") or "").split())[:200]
    unit = (request.form.get("default_unit") or "").strip()
    if len(name) < 2:
        flash("กรุณากรอกชื่อประเภท", "error")
        return _back()
    if unit not in unit_names(store().session):
        flash("กรุณาเลือกหน่วยงานที่มีอยู่", "error")
        return _back()
    s = store().session
    row = s.get(CategoryOverride, code)
    if row is None:
        row = CategoryOverride(code=code, updated_at=utcnow())
        s.add(row)
    # Keep only what differs from categories.csv, so a later CSV update still shows through.
    row.name_th = "" if name == base.name_th else name
    row.default_unit = "" if unit == base.default_unit else unit
    row.updated_at = utcnow()
    row.updated_by = current_user.username
    audit("category.edit", code, f"{name} / {unit}")
    store().commit()
    refresh_category_overrides(force=True)
    flash(f"บันทึกประเภท {code} แล้ว", "ok")
    return _back()
