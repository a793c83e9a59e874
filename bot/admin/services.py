"""/admin/services: the services citizens rate (list, add, edit, CSV import), each one's
results for the fiscal year, and its QR poster (PNG and a printable page)."""

from __future__ import annotations

import base64
import io
from datetime import date

from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user
from werkzeug.wrappers import Response as WzResponse

from bot.admin import nav
from bot.admin.auth import audit, roles_required
from bot.admin.dashboard import chosen_year
from bot.db import store
from bot.db.office.store import unit_names
from bot.settings import office_settings, public_url
from handlers.clock import local_date, utcnow
from handlers.reports.service_entry import (
    changed_cells,
    clear_count,
    cleared_cells,
    month_text,
    record_count,
)
from handlers.reports.service_stats import fiscal_months, month_key
from handlers.satisfaction import stats
from handlers.satisfaction.paper import record as paper_record
from handlers.satisfaction.paper import score_problems
from handlers.satisfaction.services import Service, parse_csv, validate
from handlers.satisfaction.survey import BAND_RANGES, DIMENSIONS, RESPONDENT_FIELDS, SCALE
from handlers.satisfaction.usecases import RatingDraft
from handlers.shared import Channel, DomainError
from handlers.thai.dates import fiscal_year, parse_be_year
from handlers.units import match_unit

bp = Blueprint("services", __name__, url_prefix="/admin/services")

EDITORS = ("admin",)
READERS = ("admin", "executive")
MAX_CSV_BYTES = 256 * 1024


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    nav.add("งานบริการและความพึงพอใจ", "services.index", READERS, 40)


@bp.get("")
@roles_required(*READERS)
def index() -> str:
    fy, problem = chosen_year()
    part = store().satisfaction
    services = part.services(include_inactive=True)
    period = stats.ReportPeriod.fiscal_year(fy)
    ratings = part.ratings_in(*period.utc_bounds())
    results = {r.code: r for r in stats.by_service(ratings, services, period)}
    return render_template(
        "admin/services.html",
        services=services,
        results=results,
        total=stats.overall(ratings, period),
        handling=stats.complaint_handling(ratings, period),
        fy=fy,
        problem=problem,
        bands=BAND_RANGES,
        units=unit_names(store().session),
    )


@bp.post("/save")
@roles_required(*EDITORS)
def save() -> WzResponse:
    f = request.form
    code = (f.get("code") or "").strip().lower()
    part = store().satisfaction
    existing = part.get_service(code)
    if f.get("new") and existing is not None:
        flash(f"มีรหัสบริการ {code} อยู่แล้ว", "error")
        return redirect(url_for("services.index"))
    service = Service(
        code=code,
        name=(f.get("name") or "").strip(),
        unit=(f.get("unit") or "").strip(),
        active=f.get("active") == "1",
        order=existing.order if existing else 0,
    )
    problems = validate(service)
    # A service's unit is one of the office's, or none; a unit it already had stays valid.
    if service.unit and service.unit not in (
        *unit_names(store().session),
        existing.unit if existing else "",
    ):
        problems.append(f"ไม่รู้จักหน่วยงาน “{service.unit}”")
    if problems:
        flash(" / ".join(problems), "error")
        return redirect(url_for("services.index"))
    part.save_service(service)
    audit("service.save", code, f"{service.name} ({'ใช้งาน' if service.active else 'ปิด'})")
    store().commit()
    flash(f"บันทึกงานบริการ {service.name} แล้ว", "ok")
    return redirect(url_for("services.index"))


@bp.post("/import")
@roles_required(*EDITORS)
def import_csv() -> WzResponse:
    upload = request.files.get("file")
    raw = upload.read(MAX_CSV_BYTES + 1) if upload else b""
    if not raw:
        flash("กรุณาเลือกไฟล์ CSV", "error")
        return redirect(url_for("services.index"))
    if len(raw) > MAX_CSV_BYTES:
        flash("ไฟล์ใหญ่เกิน 256 KB", "error")
        return redirect(url_for("services.index"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        flash("อ่านไฟล์ไม่ได้: กรุณาบันทึกเป็น CSV แบบ UTF-8", "error")
        return redirect(url_for("services.index"))
    services, problems = parse_csv(text)
    units = unit_names(store().session)
    for s in services:
        # The file's "กองช่างฯ" is the office's กองช่าง; a unit it does not have is refused
        # rather than made up (no measure or staff member would match it).
        s.unit = (match_unit(s.unit, units) or s.unit) if s.unit else ""
    problems += [
        f"ไม่รู้จักหน่วยงาน “{u}” (หน่วยงานที่มี: {', '.join(units)})"
        for u in sorted({s.unit for s in services} - {"", *units})
    ]
    if problems:
        # All or nothing: a half-imported list is harder to fix than a refused file.
        flash("ยังไม่ได้นำเข้า: " + " / ".join(problems[:10]), "error")
        return redirect(url_for("services.index"))
    part = store().satisfaction
    for s in services:
        part.save_service(s)
    audit("service.import", "", f"{len(services)} รายการ")
    store().commit()
    flash(f"นำเข้างานบริการ {len(services)} รายการแล้ว", "ok")
    return redirect(url_for("services.index"))


def feedback_url(code: str) -> str:
    """The address the QR code opens: the office's public address when set (bot/settings)."""
    return public_url("feedback.form", service=code)


def qr_png(data: str) -> bytes:
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M
    from qrcode.image.pil import PilImage

    qr = qrcode.QRCode(
        error_correction=ERROR_CORRECT_M, box_size=12, border=4, image_factory=PilImage
    )
    qr.add_data(data)
    qr.make(fit=True)
    out = io.BytesIO()
    qr.make_image(fill_color="black", back_color="white").save(out, format="PNG")
    return out.getvalue()


def _service_or_404(code: str) -> Service:
    service = store().satisfaction.get_service(code)
    if service is None:
        abort(404)
    return service


@bp.get("/<code>/qr.png")
@roles_required(*READERS)
def qr(code: str) -> Response:
    service = _service_or_404(code)
    problem = office_settings().public_url_problem
    if request.args.get("download") == "1" and problem:
        # A downloaded picture gets printed: refuse rather than hand out a code that fails.
        return Response(f"ยังดาวน์โหลดคิวอาร์โค้ดไม่ได้: {problem}", 409, mimetype="text/plain")
    resp = Response(qr_png(feedback_url(service.code)), mimetype="image/png")
    if request.args.get("download") == "1":
        resp.headers["Content-Disposition"] = f'attachment; filename="qr-{service.code}.png"'
    return resp


@bp.get("/<code>/poster")
@roles_required(*READERS)
def poster(code: str) -> str:
    service = _service_or_404(code)
    url = feedback_url(service.code)
    problem = office_settings().public_url_problem
    # While the address only works on this machine the poster says so instead of a QR code;
    # a marked sample (?preview=1) still lets the office try the form on this machine.
    preview = bool(problem) and request.args.get("preview") == "1"
    image = base64.b64encode(qr_png(url)).decode("ascii") if not problem or preview else ""
    return render_template(
        "admin/service_poster.html",
        service=service,
        url=url,
        image=image,
        problem=problem,
        preview=preview,
    )


# --- paper questionnaires -------------------------------------------------------------

SCORE_FIELDS = tuple(f"s{i}" for i in range(1, len(DIMENSIONS) + 1))


def _count_arg(raw: str | None) -> int:
    """How many were saved this sitting, carried in the address; anything odd is 0."""
    text = (raw or "").strip()
    return int(text) if text.isdecimal() and len(text) <= 6 else 0


def _day_arg(raw: str | None) -> date | None:
    try:
        return date.fromisoformat((raw or "").strip()) if raw else None
    except ValueError:
        return None


@bp.route("/<code>/paper", methods=["GET", "POST"])
@roles_required(*EDITORS)
def paper(code: str) -> str | WzResponse | tuple[str, int]:
    """Keying in paper questionnaires: one row per sheet, Enter saves it and clears the row."""
    service = _service_or_404(code)
    if request.method == "GET":
        return _paper_page(service, {}, [], _count_arg(request.args.get("saved")), "", [])
    f = request.form
    values = {name: (f.get(name) or "").strip()[:20] for name in SCORE_FIELDS}
    values |= {name: (f.get(name) or "").strip() for name in RESPONDENT_FIELDS}
    saved = _count_arg(f.get("saved"))
    day_text = (f.get("day") or "").strip()
    scores, problems = score_problems([values[name] for name in SCORE_FIELDS])
    bad = [SCORE_FIELDS[i] for i, d in enumerate(DIMENSIONS) if d.code not in scores]
    day = _day_arg(day_text)
    if day_text and day is None:
        problems.append("วันที่ในแบบสอบถามไม่ถูกต้อง")
    if not problems:
        draft = RatingDraft(
            service_code=service.code,
            scores=scores,
            **{name: values[name] for name in RESPONDENT_FIELDS},
        )
        try:
            rating = paper_record(store().satisfaction, draft, Channel.PAPER, utcnow(), day)
            audit("rating.paper", service.code, f"แบบสอบถามกระดาษ เลขที่ {rating.id}")
            store().commit()
        except DomainError as e:
            store().rollback()
            problems.append(str(e))
        else:
            return redirect(
                url_for("services.paper", code=service.code, saved=saved + 1, day=day_text or None)
            )
    page = _paper_page(service, values, problems, saved, day_text, bad)
    return page, 400


def _paper_page(
    service: Service,
    values: dict[str, str],
    problems: list[str],
    saved: int,
    day_text: str,
    bad: list[str],
) -> str:
    if not day_text and request.method == "GET":
        day = _day_arg(request.args.get("day"))
        day_text = day.isoformat() if day else ""
    return render_template(
        "admin/service_paper.html",
        service=service,
        dimensions=list(zip(SCORE_FIELDS, DIMENSIONS, strict=True)),
        respondent=RESPONDENT_FIELDS,
        values=values,
        problems=problems,
        saved=saved,
        day=day_text,
        today=local_date(utcnow()).isoformat(),
        # The cursor goes back to the first wrong score, or the first one for a new sheet.
        bad=bad,
        focus=bad[0] if bad else SCORE_FIELDS[0],
    )


@bp.get("/<code>/questionnaire")
@roles_required(*READERS)
def questionnaire(code: str) -> str:
    """The service's questionnaire on one A4 sheet, for citizens who do not use LINE."""
    from bot.reports import office_name

    service = _service_or_404(code)
    return render_template(
        "admin/service_questionnaire.html",
        service=service,
        office=office_name(),
        dimensions=DIMENSIONS,
        scale=SCALE,
        respondent=RESPONDENT_FIELDS,
    )


# --- monthly service counts (service statistics) ------------------------------------------


def _cell_name(code: str, month: date) -> str:
    return f"c-{code}-{month_key(month)}"


@bp.route("/counts", methods=["GET", "POST"])
@roles_required(*EDITORS)
def counts() -> str | WzResponse | tuple[str, int]:
    """The fiscal year's month-by-service grid of the people served, saved in one go."""
    if request.method == "POST":
        fy = parse_be_year((request.form.get("year") or "").strip()) or 0
        if fy not in range(2500, fiscal_year(local_date(utcnow())) + 2):
            abort(400)
        problem = ""
    else:
        fy, problem = chosen_year()
    services = store().satisfaction.services(include_inactive=True)
    months = fiscal_months(fy)
    recorded = {
        (c.service_code, c.month): c.count
        for c in store().service_counts.counts_between(months[0], months[-1])
    }
    # Inactive services only when they have a figure this year: nobody enters new ones.
    shown = [s for s in services if s.active or any(code == s.code for code, _ in recorded)]
    values = {_cell_name(c, m): f"{n:,}" for (c, m), n in recorded.items()}
    problems: dict[str, str] = {}
    today = local_date(utcnow())
    if request.method == "POST":
        # Only the cells the page sent: a cell missing from the form is left as it is.
        typed = {
            (s.code, m): (request.form.get(_cell_name(s.code, m)) or "")[:20]
            for s in shown
            for m in months
            if _cell_name(s.code, m) in request.form
        }
        changes, bad = changed_cells(typed, recorded, today)
        cleared = cleared_cells(typed, recorded)
        if not bad:
            by_code = {s.code: s for s in shown}
            for code, month in cleared:
                clear_count(store().service_counts, by_code[code], month, utcnow())
            for (code, month), n in changes.items():
                record_count(
                    store().service_counts,
                    by_code[code],
                    month,
                    n,
                    utcnow(),
                    today,
                    current_user.username,
                )
            if changes or cleared:
                audit("service_count.save", str(fy), _audit_detail(changes, cleared, recorded))
            store().commit()
            done = f"บันทึกสถิติการให้บริการแล้ว {len(changes)} ช่อง"
            if cleared:
                done += f" ลบตัวเลขที่ล้างออก {len(cleared)} ช่อง"
            flash(done, "ok")
            return redirect(url_for("services.counts", year=fy))
        values |= {_cell_name(c, m): text for (c, m), text in typed.items()}
        problems = {
            _cell_name(c, m): f"{by_name(shown, c)} เดือน{month_text(m)}: {why}"
            for (c, m), why in bad.items()
        }
    page = render_template(
        "admin/service_counts.html",
        fy=fy,
        problem=problem,
        services=shown,
        months=[(m, month_text(m), m > today) for m in months],
        cell=_cell_name,
        values=values,
        problems=problems,
    )
    return (page, 400) if problems else page


def _audit_detail(
    changes: dict[tuple[str, date], int],
    cleared: list[tuple[str, date]],
    recorded: dict[tuple[str, date], int],
) -> str:
    """ "reg 2024-10: 1,200, tax 2025-01: 40 → 55, tax 2025-02: 9 → ลบ": each cell saved, with
    the figure it replaced."""
    parts: dict[tuple[str, date], str] = {}
    for cell, n in changes.items():
        before = recorded.get(cell)
        parts[cell] = f"{n:,}" if before is None else f"{before:,} → {n:,}"
    for cell in cleared:
        parts[cell] = f"{recorded[cell]:,} → ลบ"
    return ", ".join(f"{code} {month_key(m)}: {parts[(code, m)]}" for code, m in sorted(parts))[
        :1000
    ]


def by_name(services: list[Service], code: str) -> str:
    return next((s.name for s in services if s.code == code), code)
