"""Admin pages of the measures: the register with progress, importing the office's own
document (with a preview), staff accounts with their LINE link codes, report downloads."""

from __future__ import annotations

import secrets
from pathlib import Path

from flask import (
    Blueprint,
    Flask,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from sqlalchemy import select
from werkzeug.wrappers import Response

from bot.admin import nav
from bot.admin.auth import audit, roles_required
from bot.db import store
from bot.db.accounts.staff import create_staff, issue_link_code
from bot.db.accounts.tables import User
from bot.db.office.store import unit_names
from bot.documents.tables import FORMATS, UnreadableFile, read_table_bytes, read_tables
from bot.reports.evidence import KIND_TITLES
from handlers.clock import local_date, utcnow
from handlers.complaints.policy import ROLES
from handlers.ita.catalogue import PLAN_INTEGRITY, PLANS
from handlers.measures.plans import ITEM_NOUNS
from handlers.measures.tables import NOTES_HEADING, parse_document, parse_tables
from handlers.measures.usecases import import_measures, working_year
from handlers.thai.dates import fiscal_year, format_thai_datetime, parse_be_year
from handlers.units import settle_units

bp = Blueprint("measures", __name__, url_prefix="/admin/measures")

# By kind: the year's catalogue gives each its code (o42/o43 in 2566) where it has one.
MEASURE_REPORTS = ("measures", "measure_results", "plan_progress", "plan_results")
PLAN_REPORTS = ("plan_progress", "plan_results")


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    nav.add("มาตรการ", "measures.index", ROLES, 20)
    nav.add("เจ้าหน้าที่ (LINE)", "measures.staff", ("admin",), 82)


def _year() -> int:
    raw = (request.values.get("year") or "").strip()
    year = parse_be_year(raw) if raw else None
    if year is not None and 2500 <= year <= 2700:
        return year
    today = local_date(utcnow())
    return working_year(store().measures, today) or fiscal_year(today)


def _plan() -> str:
    """The plan asked for (?plan=operating); the integrity measures otherwise."""
    plan = (request.values.get("plan") or "").strip()
    return plan if plan in PLANS else PLAN_INTEGRITY


@bp.get("")
@roles_required(*ROLES)
def index() -> str:
    fy, plan = _year(), _plan()
    part = store().measures
    measures = part.measures_of_year(fy, plan)
    today = local_date(utcnow())
    years = sorted(set(part.measure_years()) | {fiscal_year(today)}, reverse=True)
    return render_template(
        "admin/measures.html",
        fy=fy,
        plan=plan,
        plans=PLANS,
        noun=ITEM_NOUNS[plan],
        years=years,
        measures=measures,
        budgeted=any(m.budget is not None for m in measures),
        today=today,
        overdue={m.id for m in measures if m.is_overdue(today)},
        reports=MEASURE_REPORTS if plan == PLAN_INTEGRITY else PLAN_REPORTS,
        report_titles=KIND_TITLES,
        formats=("html", "docx", "xlsx"),
    )


@bp.get("/<int:measure_id>")
@roles_required(*ROLES)
def detail(measure_id: int) -> str:
    part = store().measures
    m = part.get_measure(measure_id)
    if m is None:
        abort(404)
    # Reported when, in Bangkok time as the staff member saw it (stored as UTC).
    updates = [
        (u, format_thai_datetime(u.created_at, short=True)) for u in part.progress_of(m.id or 0)
    ]
    return render_template(
        "admin/measure.html", m=m, plan_name=PLANS.get(m.plan, m.plan), updates=updates
    )


# --- import --------------------------------------------------------------------------------


def _upload_dir() -> Path:
    folder = Path(current_app.instance_path) / "measure_uploads"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _import_page(fy: int, plan: str, **context: object) -> str:
    return render_template(
        "admin/measures_import.html",
        fy=fy,
        plan=plan,
        plans=PLANS,
        noun=ITEM_NOUNS[plan],
        **{"preview": None, **context},
    )


@bp.route("/import", methods=["GET", "POST"])
@roles_required("admin")
def upload() -> str | tuple[str, int] | Response:
    fy, plan = _year(), _plan()
    if request.method == "GET":
        return _import_page(fy, plan)
    token = request.form.get("token", "")
    if token:
        return _confirm(token, fy, plan)
    file = request.files.get("file")
    suffix = Path(file.filename or "").suffix.lower() if file else ""
    if file is None or not file.filename:
        flash("กรุณาเลือกไฟล์มาตรการ (.docx .xlsx หรือ .csv)", "error")
        return _import_page(fy, plan), 400
    if suffix not in FORMATS:
        flash("รองรับเฉพาะไฟล์ .docx .xlsx และ .csv", "error")
        return _import_page(fy, plan), 400
    data = file.read()
    try:
        document = parse_document(read_table_bytes(data, suffix), fy)
    except UnreadableFile as error:
        flash(str(error), "error")
        return _import_page(fy, plan), 400
    parsed = document.measures
    if not parsed:
        flash("ไม่พบตารางมาตรการในไฟล์นี้ (ต้องมีหัวตาราง เช่น มาตรการ/แนวทาง และ ระยะเวลา)", "error")
        return _import_page(fy, plan), 400
    # The upload waits under instance/ until the admin confirms the preview.
    token = secrets.token_hex(12)
    (_upload_dir() / f"{token}{suffix}").write_bytes(data)
    units = unit_names(store().session)
    unknown_units = settle_units([p.measure for p in parsed], units)
    result = import_measures(store().measures, parsed, utcnow(), dry_run=True, plan=plan)
    store().rollback()
    preview = [p.measure for p in parsed]
    return _import_page(
        fy,
        plan,
        preview=preview,
        budgeted=any(m.budget is not None for m in preview),
        notes=document.notes,
        notes_heading=NOTES_HEADING,
        result=result,
        token=token,
        filename=file.filename,
        unknown_units=unknown_units,
        units=units,
    )


def _confirm(token: str, fy: int, plan: str) -> Response:
    if not token.isalnum():
        abort(400)
    found = list(_upload_dir().glob(f"{token}.*"))
    if not found:
        flash("ไม่พบไฟล์ที่อัปโหลด กรุณาอัปโหลดใหม่", "error")
        return redirect(url_for("measures.upload", year=fy, plan=plan))
    path = found[0]
    parsed = parse_tables(read_tables(path), fy)
    chosen = {
        request.form.get(f"unit_text_{i}", ""): request.form.get(f"unit_choice_{i}", "")
        for i in range(100)
        if f"unit_text_{i}" in request.form
    }
    settle_units([p.measure for p in parsed], unit_names(store().session), chosen)
    result = import_measures(store().measures, parsed, utcnow(), plan=plan)
    audit(
        "measures.import",
        f"{fy} {plan}",
        f"เพิ่ม {len(result.created)} ปรับปรุง {len(result.updated)} คงเดิม {len(result.unchanged)}",
    )
    store().commit()
    path.unlink(missing_ok=True)
    flash(
        f"นำเข้า{PLANS[plan]} ปีงบประมาณ พ.ศ. {fy} แล้ว: เพิ่ม {len(result.created)} "
        f"ปรับปรุง {len(result.updated)} ไม่เปลี่ยนแปลง {len(result.unchanged)}",
        "ok",
    )
    return redirect(url_for("measures.index", year=fy, plan=plan))


# --- staff -------------------------------------------------------------------------------


@bp.get("/staff")
@roles_required("admin")
def staff() -> str:
    s = store().session
    users = list(
        s.scalars(select(User).where(User.role == "staff").order_by(User.unit, User.username))
    )
    return render_template("admin/measures_staff.html", users=users, units=unit_names(s))


@bp.post("/staff")
@roles_required("admin")
def staff_add() -> Response:
    name = request.form.get("name", "")
    unit = request.form.get("unit", "")
    username = request.form.get("username", "").strip() or None
    s = store().session
    try:
        user, code = create_staff(s, name, unit, username)
    except ValueError as error:
        flash(str(error), "error")
        return redirect(url_for("measures.staff"))
    audit("staff.add", user.username, user.unit)
    store().commit()
    _show_code(user, code)
    return redirect(url_for("measures.staff"))


def _show_code(user: User, code: str) -> None:
    flash(
        f"รหัสลงทะเบียนของ {user.display_name} (แสดงครั้งเดียว ใช้ได้ 72 ชั่วโมง): {code} "
        f"— ให้เจ้าหน้าที่พิมพ์ในไลน์ของหน่วยงานว่า “ลงทะเบียน {code}”",
        "ok",
    )


@bp.post("/staff/<int:user_id>/code")
@roles_required("admin")
def staff_code(user_id: int) -> Response:
    user = store().session.get(User, user_id)
    if user is None or not user.active:
        abort(404)
    code = issue_link_code(store().session, user)
    audit("staff.link_code", user.username)
    store().commit()
    _show_code(user, code)
    return redirect(url_for("measures.staff"))


@bp.post("/staff/<int:user_id>/unlink")
@roles_required("admin")
def staff_unlink(user_id: int) -> Response:
    user = store().session.get(User, user_id)
    if user is None:
        abort(404)
    user.line_user_id = None
    audit("staff.unlink", user.username)
    store().commit()
    flash(f"ยกเลิกการเชื่อม LINE ของ {user.display_name} แล้ว", "ok")
    return redirect(url_for("measures.staff"))


# --- reports -------------------------------------------------------------------------------


@bp.get("/report/<kind>.<fmt>")
@roles_required("admin", "executive", "integrity")
def report(kind: str, fmt: str) -> Response:
    from bot.admin.reports_page import report_response
    from bot.reports import MIME

    if kind not in MEASURE_REPORTS or fmt not in MIME:
        abort(404)
    plan = _plan()
    if plan != PLAN_INTEGRITY and kind not in PLAN_REPORTS:
        abort(404)
    return report_response(kind, _year(), fmt, plan)
