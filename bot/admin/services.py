"""/admin/services: the services citizens rate (list, add, edit, CSV import), each one's
results for the fiscal year, and its QR poster (PNG and a printable page)."""

from __future__ import annotations

import base64
import io

from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from werkzeug.wrappers import Response as WzResponse

from bot.admin import nav
from bot.admin.auth import audit, roles_required
from bot.admin.dashboard import chosen_year
from bot.db import store
from bot.db.office.store import unit_names
from handlers.satisfaction import stats
from handlers.satisfaction.services import Service, parse_csv, validate
from handlers.satisfaction.survey import BAND_RANGES

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
    problems += [f"ไม่รู้จักหน่วยงาน “{u}”" for u in sorted({s.unit for s in services} - {"", *units})]
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
    """The address the QR code opens; PUBLIC_BASE_URL when the app sits behind a proxy."""
    base = current_app.config.get("PUBLIC_BASE_URL", "")
    if base:
        return f"{base}{url_for('feedback.form', service=code)}"
    return url_for("feedback.form", service=code, _external=True)


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
    resp = Response(qr_png(feedback_url(service.code)), mimetype="image/png")
    if request.args.get("download") == "1":
        resp.headers["Content-Disposition"] = f'attachment; filename="qr-{service.code}.png"'
    return resp


@bp.get("/<code>/poster")
@roles_required(*READERS)
def poster(code: str) -> str:
    service = _service_or_404(code)
    url = feedback_url(service.code)
    image = base64.b64encode(qr_png(url)).decode("ascii")
    return render_template("admin/service_poster.html", service=service, url=url, image=image)
