"""/admin/settings: the office's settings (name, kind, address, logo, public address, the
chat's particle, the letter's signer…) and its units. Admins only; every change audited
with its value before and after."""

from __future__ import annotations

from dataclasses import asdict

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from bot.admin.auth import audit, roles_required
from bot.db import store
from bot.db.office.categories import refresh_category_overrides
from bot.db.office.store import (
    add_unit,
    rename_unit,
    save_setting,
    set_unit_active,
    unit_rows,
)
from bot.settings import defaults, forget, office_settings, store_logo
from handlers.clock import utcnow
from handlers.office import KEYS, LABELS, OFFICE_TYPES, PARTICLES, clean

bp = Blueprint("office_settings", __name__, url_prefix="/admin/settings")

# Typed on the form; the logo is uploaded separately.
TYPED = tuple(k for k in KEYS if k != "logo")


def _back(anchor: str = "") -> Response:
    return redirect(url_for("office_settings.index") + anchor)


@bp.get("")
@roles_required("admin")
def index() -> str:
    return _page()


def _page(values: dict[str, str] | None = None, errors: dict[str, str] | None = None) -> str:
    current = asdict(office_settings())
    return render_template(
        "admin/settings.html",
        s=office_settings(),
        values={**current, **(values or {})},
        env=asdict(defaults()),
        errors=errors or {},
        labels=LABELS,
        office_types=OFFICE_TYPES,
        particles=PARTICLES,
        units=unit_rows(store().session),
    )


@bp.post("")
@roles_required("admin")
def save() -> str | tuple[str, int] | Response:
    current = asdict(office_settings())
    submitted = {k: request.form.get(k, "") for k in TYPED if k in request.form}
    cleaned: dict[str, str] = {}
    errors: dict[str, str] = {}
    for key, raw in submitted.items():
        if raw == current[key]:
            # Left as shown: nothing to check or save (an environment's value, such as an
            # http tile server on the office's network, need not meet the typed rules).
            continue
        try:
            cleaned[key] = clean(key, raw)
        except ValueError as error:
            errors[key] = str(error)
    if errors:
        # Nothing is saved: the form comes back as typed, each bad field with its reason.
        flash("ยังไม่ได้บันทึก: " + " / ".join(errors.values()), "error")
        return _page(submitted, errors), 400
    s, now = store().session, utcnow()
    changed = [k for k, v in cleaned.items() if v != current[k]]
    for key in changed:
        save_setting(s, key, cleaned[key], current_user.username, now)
        audit("settings.set", key, f"{current[key]} → {cleaned[key]}")
    store().commit()
    forget()
    if changed:
        flash("บันทึกแล้ว: " + ", ".join(LABELS[k][0] for k in changed), "ok")
    else:
        flash("ไม่มีค่าที่เปลี่ยนแปลง", "ok")
    return _back()


@bp.post("/logo")
@roles_required("admin")
def logo() -> Response:
    before = office_settings().logo
    if request.form.get("remove") == "1":
        name = ""
    else:
        file = request.files.get("logo")
        try:
            name = store_logo(file.read() if file is not None else b"")
        except ValueError as error:
            flash(str(error), "error")
            return _back("#logo")
    save_setting(store().session, "logo", name, current_user.username, utcnow())
    audit("settings.set", "logo", f"{before} → {name}")
    store().commit()
    forget()
    flash("นำตราสัญลักษณ์ออกแล้ว" if not name else "บันทึกตราสัญลักษณ์แล้ว", "ok")
    return _back("#logo")


@bp.post("/units")
@roles_required("admin")
def unit_add() -> Response:
    try:
        unit = add_unit(store().session, request.form.get("name", ""))
    except ValueError as error:
        store().rollback()
        flash(str(error), "error")
        return _back("#units")
    audit("unit.add", unit.name)
    store().commit()
    flash(f"เพิ่มหน่วยงาน {unit.name} แล้ว", "ok")
    return _back("#units")


@bp.post("/units/<int:unit_id>/rename")
@roles_required("admin")
def unit_rename(unit_id: int) -> Response:
    try:
        old, new = rename_unit(store().session, unit_id, request.form.get("name", ""))
    except ValueError as error:
        store().rollback()
        flash(str(error), "error")
        return _back("#units")
    if old != new:
        audit("unit.rename", new, f"{old} → {new}")
    store().commit()
    refresh_category_overrides(force=True)
    flash(f"เปลี่ยนชื่อหน่วยงาน {old} เป็น {new} แล้ว" if old != new else "ชื่อเดิม", "ok")
    return _back("#units")


@bp.post("/units/<int:unit_id>/active")
@roles_required("admin")
def unit_active(unit_id: int) -> Response:
    active = request.form.get("active") == "1"
    try:
        unit = set_unit_active(store().session, unit_id, active)
    except ValueError as error:
        store().rollback()
        flash(str(error), "error")
        return _back("#units")
    audit("unit.activate" if active else "unit.deactivate", unit.name)
    store().commit()
    flash(f"{'เปิด' if active else 'ปิด'}ใช้หน่วยงาน {unit.name} แล้ว", "ok")
    return _back("#units")
