"""/admin/assets: the asset register (admins add and retire assets) and its loans (a unit
head or an admin approves or refuses, the return is recorded). Every change is audited.
Staff see the loans of their unit only (borrowed by it, or of its assets)."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response as WzResponse

from bot.admin.auth import audit, roles_required
from bot.admin.dashboard import chosen_year
from bot.db import store
from bot.db.accounts.tables import User
from bot.db.office.store import unit_names
from handlers.assets.domain import Loan
from handlers.assets.ports import AssetStore
from handlers.assets.usecases import (
    AssetInvalid,
    Person,
    add_asset,
    decide,
    may_decide,
    may_return,
    record_return,
    set_active,
)
from handlers.clock import local_date, utcnow
from handlers.thai.dates import fiscal_year_bounds, format_thai_date

bp = Blueprint("assets", __name__, url_prefix="/admin/assets")
ROLES = ("admin", "staff")
# The loans list's filters: what each shows (as of today, Bangkok).
FILTERS = {
    "": "ทั้งหมดในปีงบประมาณ",
    "requested": "รออนุมัติ",
    "out": "อยู่ระหว่างยืม",
    "overdue": "เกินกำหนดคืน",
}


def _me() -> Person:
    u = current_user
    return Person(u.id, u.display_name or u.username, u.unit, u.role)


def _sees(me: Person, loan: Loan) -> bool:
    return me.role == "admin" or me.unit in (loan.unit, loan.asset_unit)


@bp.get("")
@roles_required(*ROLES)
def index() -> str:
    fy, problem = chosen_year()
    shown = request.args.get("show", "")
    shown = shown if shown in FILTERS else ""
    part, me, today = store().assets, _me(), local_date(utcnow())
    found = {x.id: x for x in part.loans_overlapping(*fiscal_year_bounds(fy))}
    found.update({x.id: x for x in part.open_loans()})
    loans = [x for x in found.values() if _sees(me, x)]
    if shown == "requested":
        loans = [x for x in loans if x.status == "requested"]
    elif shown == "out":
        loans = [x for x in loans if x.out(today)]
    elif shown == "overdue":
        loans = [x for x in loans if x.overdue(today)]
    loans.sort(key=lambda x: (x.start_on, x.id or 0), reverse=True)
    return render_template(
        "admin/assets.html",
        assets=part.list_assets(include_inactive=True),
        loans=loans,
        decides={
            x.id
            for x in loans
            if may_decide(part, me, x.asset_unit) and x.borrower_id != me.user_id
        },
        returns={x.id for x in loans if may_return(part, me, x, x.asset_unit)},
        units=unit_names(store().session),
        fy=fy,
        problem=problem,
        shown=shown,
        filters=FILTERS,
        today=today,
        day=format_thai_date,
        is_admin=me.role == "admin",
        heads=_heads(part, unit_names(store().session)),
        accounts=_accounts() if me.role == "admin" else [],
    )


def _accounts() -> list[User]:
    """The active office accounts an admin may name as a unit's head."""
    q = select(User).where(User.active.is_(True)).order_by(User.unit, User.display_name)
    return list(store().session.scalars(q))


def _heads(part: AssetStore, units: list[str]) -> list[tuple[str, str]]:
    """Each unit with its head's name ("" when the admins approve its loans)."""
    names = {u.id: u.display_name or u.username for u in store().session.scalars(select(User))}
    return [
        (unit, ", ".join(names.get(i, str(i)) for i in part.unit_heads(unit))) for unit in units
    ]


def _back() -> WzResponse:
    year, show = request.form.get("year") or None, request.form.get("show") or None
    return redirect(url_for("assets.index", year=year, show=show))


@bp.post("/add")
@roles_required("admin")
def add() -> WzResponse:
    f = request.form
    try:
        asset = add_asset(
            store().assets,
            f.get("name", ""),
            f.get("unit", ""),
            f.get("code", ""),
            unit_names(store().session),
        )
    except AssetInvalid as problem:
        flash(str(problem), "error")
        return _back()
    audit("asset.add", str(asset.id), asset.label)
    store().commit()
    flash(f"เพิ่ม{asset.label}ในทะเบียนแล้ว", "ok")
    return _back()


@bp.post("/heads")
@roles_required("admin")
def set_head() -> WzResponse:
    unit = " ".join(request.form.get("unit", "").split())
    user_id = request.form.get("user_id", "")
    user = store().session.get(User, int(user_id)) if user_id.isdigit() else None
    if unit not in unit_names(store().session):
        flash(f"ไม่รู้จักหน่วยงาน “{unit}” กรุณาเลือกจากรายการ", "error")
        return _back()
    if user is None or not user.active:
        flash("กรุณาเลือกบัญชีผู้ใช้ที่ใช้งานอยู่เป็นหัวหน้าหน่วยงาน", "error")
        return _back()
    name = user.display_name or user.username
    store().assets.set_unit_head(unit, user.id, utcnow())
    audit("asset.head_set", unit, f"{name} ({user.username})")
    store().commit()
    flash(f"กำหนดให้ {name} เป็นหัวหน้า{unit} ผู้อนุมัติการยืมทรัพย์สินของหน่วยงานแล้ว", "ok")
    return _back()


@bp.post("/heads/remove")
@roles_required("admin")
def remove_head() -> WzResponse:
    unit = request.form.get("unit", "")
    if not store().assets.remove_unit_head(unit):
        flash(f"{unit}ไม่มีหัวหน้าหน่วยงานที่กำหนดไว้", "error")
        return _back()
    audit("asset.head_remove", unit)
    store().commit()
    flash(f"ยกเลิกหัวหน้า{unit}แล้ว ผู้ดูแลระบบจะเป็นผู้อนุมัติการยืมทรัพย์สินของหน่วยงานนี้", "ok")
    return _back()


@bp.post("/<int:asset_id>/active")
@roles_required("admin")
def active(asset_id: int) -> WzResponse:
    on = request.form.get("active") == "1"
    try:
        asset = set_active(store().assets, asset_id, on)
    except AssetInvalid as problem:
        flash(str(problem), "error")
        return _back()
    audit("asset.activate" if on else "asset.deactivate", str(asset_id), asset.label)
    store().commit()
    flash(f"{'เปิดให้ยืม' if on else 'งดให้ยืม'}{asset.label}แล้ว", "ok")
    return _back()


@bp.post("/loans/<int:loan_id>/decide")
@roles_required(*ROLES)
def decide_loan(loan_id: int) -> WzResponse:
    approve = request.form.get("approve") == "1"
    s = store()
    try:
        loan = decide(s.assets, s, loan_id, _me(), approve, utcnow())
    except AssetInvalid as problem:
        flash(str(problem), "error")
        return _back()
    audit("asset_loan.approve" if approve else "asset_loan.reject", str(loan_id), loan.asset_label)
    s.commit()
    flash(f"บันทึกการ{'อนุมัติ' if approve else 'ไม่อนุมัติ'}คำขอยืมเลขที่ {loan_id} แล้ว", "ok")
    return _back()


@bp.post("/loans/<int:loan_id>/return")
@roles_required(*ROLES)
def return_loan(loan_id: int) -> WzResponse:
    s = store()
    try:
        loan = record_return(s.assets, s, loan_id, _me(), request.form.get("note", ""), utcnow())
    except AssetInvalid as problem:
        flash(str(problem), "error")
        return _back()
    audit("asset_loan.return", str(loan_id), loan.return_note)
    s.commit()
    flash(f"บันทึกการคืน{loan.asset_label}แล้ว", "ok")
    return _back()
