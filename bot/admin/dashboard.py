"""The admin home: the fiscal year at a glance (measures, complaints, satisfaction), and
GET /api/summary, the same object as `flask --app bot summary --json`."""

from __future__ import annotations

import hashlib
import hmac
from datetime import date, timedelta
from typing import Any

from flask import Blueprint, current_app, jsonify, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response

from bot.admin.casemap import page_map
from bot.admin.charts import columns, hbars
from bot.db import store
from bot.db.accounts.tables import ROLE_TH, ApiToken, AuditLog, User
from handlers.clock import local_date, utcnow
from handlers.complaints import categories
from handlers.complaints.domain import Status
from handlers.summaries import summary as make_summary
from handlers.thai.dates import MONTHS_SHORT, fiscal_year, parse_be_year

api = Blueprint("api", __name__, url_prefix="/api")


def chosen_year() -> tuple[int, str]:
    """The fiscal year asked for (?year=2568, Thai digits too), else the current one."""
    current = fiscal_year(local_date(utcnow()))
    raw = (request.args.get("year") or "").strip()
    if not raw:
        return current, ""
    year = parse_be_year(raw)
    if year is None or not 2500 <= year <= current + 1:
        return current, f"ปีงบประมาณ “{raw}” ไม่ถูกต้อง แสดงปี {current} แทน"
    return year, ""


def year_summary(fy: int) -> dict[str, Any]:
    return make_summary(store(), fy)


# --- the dashboard ------------------------------------------------------------------------


def render_home() -> str:
    fy, problem = chosen_year()
    data = year_summary(fy)
    c = data["complaints"]
    status_items = [(s.thai, c["by_status"].get(s.value, 0)) for s in Status]
    cats = categories.by_code()
    cat_items = sorted(
        ((cats[k].name_th if k in cats else k, v) for k, v in c["by_category"].items()),
        key=lambda kv: -kv[1],
    )
    month_items = [(MONTHS_SHORT[int(k[5:7]) - 1], v) for k, v in c.get("by_month", {}).items()]
    sat = data.get("satisfaction") or {}
    sat_trend = _satisfaction_trend(sat)
    sat_services = [
        (s.get("name") or code, s.get("mean") or 0)
        for code, s in (sat.get("by_service") or {}).items()
        if s.get("responses")
    ]
    return render_template(
        "admin/dashboard.html",
        fy=fy,
        problem=problem,
        data=data,
        c=c,
        sat=sat,
        measures=data.get("measures") or {},
        measure_rows=_measure_rows(fy),
        role_th=ROLE_TH.get(current_user.role, ""),
        chart_status=hbars(status_items, "เรื่องร้องเรียนตามสถานะ", " เรื่อง"),
        chart_category=hbars(cat_items, "เรื่องร้องเรียนตามประเภท", " เรื่อง"),
        chart_month=columns(month_items, f"เรื่องร้องเรียนรายเดือน ปีงบประมาณ พ.ศ. {fy}"),
        chart_sat_trend=columns(sat_trend, "ความพึงพอใจเฉลี่ยรายเดือน (เต็ม 5)", max_value=5)
        if sat_trend
        else None,
        chart_sat_service=hbars(sat_services, "ความพึงพอใจเฉลี่ยตามงานบริการ (เต็ม 5)")
        if sat_services
        else None,
        years=list(range(fiscal_year(local_date(utcnow())), 2565, -1)),
        integrity_changes=_integrity_changes() if current_user.role == "integrity" else [],
        integrity_change_th=INTEGRITY_CHANGE_TH,
        login_alerts=_login_alerts(),
        casemap=page_map(url_for("casemap.points", year=fy)),
    )


INTEGRITY_CHANGE_TH = {
    "integrity.add": "เพิ่มบัญชี",
    "integrity.grant": "ให้บทบาทผู้รับผิดชอบเรื่องทุจริต",
    "integrity.revoke": "ถอนบทบาทผู้รับผิดชอบเรื่องทุจริต",
    "integrity.reset_password": "ตั้งรหัสผ่านใหม่",
    "integrity.activate": "เปิดการใช้งาน",
    "integrity.deactivate": "ปิดการใช้งาน",
}


def _integrity_changes(limit: int = 20) -> list[AuditLog]:
    """Who added, reset, granted or revoked an integrity account: every integrity officer
    sees it, so no one can quietly give themselves the sealed reports."""
    return list(
        store().session.scalars(
            select(AuditLog)
            .where(AuditLog.action.like("integrity.%"))
            .order_by(AuditLog.id.desc())
            .limit(limit)
        )
    )


LOGIN_ALERT_DAYS = 3


def _login_alerts() -> list[AuditLog]:
    """Accounts under a flood of wrong passwords lately (raised by auth.authenticate), for
    admins: no account is locked for it, so a person has to look."""
    if current_user.role != "admin":
        return []
    since = utcnow() - timedelta(days=LOGIN_ALERT_DAYS)
    return list(
        store().session.scalars(
            select(AuditLog)
            .where(AuditLog.action == "login.alert", AuditLog.at >= since)
            .order_by(AuditLog.id.desc())
            .limit(20)
        )
    )


def _satisfaction_trend(sat: dict[str, Any]) -> list[tuple[str, float]]:
    """Monthly mean scores when the satisfaction section provides them ({"2025-01": mean})."""
    by_month = sat.get("by_month") or {}
    out = []
    for k, v in by_month.items():
        mean = v.get("mean") if isinstance(v, dict) else v
        if isinstance(mean, int | float) and len(k) >= 7:
            out.append((MONTHS_SHORT[int(k[5:7]) - 1], float(mean)))
    return out


def _measure_rows(fy: int) -> list[dict[str, Any]]:
    """Every measure of the year with its progress, unit and overdue flag."""
    try:
        from bot.db.measures.store import SqlMeasureStore
    except ImportError:  # the measure register is not part of this deployment
        return []
    today: date = local_date(utcnow())
    rows = []
    for m in SqlMeasureStore(store().session).measures_of_year(fy):
        rows.append(
            {
                "no": m.no,
                "title": m.short_title,
                "unit": m.unit,
                "period": m.period_text,
                "percent": m.percent,
                "status": m.status.thai,
                "overdue": m.is_overdue(today),
            }
        )
    return rows


# --- the API ------------------------------------------------------------------------------


def _token_ok(header: str) -> bool:
    """A Bearer token: the deployment's API_TOKEN, or an active user's personal token."""
    if not header.lower().startswith("bearer "):
        return False
    token = header[7:].strip()
    if not token:
        return False
    # From the app's config only: with several offices each has its own (or none).
    shared = current_app.config.get("API_TOKEN", "")
    if shared and hmac.compare_digest(token.encode(), shared.encode()):
        return True
    digest = hashlib.sha256(token.encode()).hexdigest()
    s = store().session
    found = s.execute(
        select(ApiToken, User)
        .join(User, User.id == ApiToken.user_id)
        .where(ApiToken.token_hash == digest, ApiToken.revoked.is_(False), User.active.is_(True))
    ).first()
    if found is None:
        return False
    found[0].last_used_at = utcnow()
    s.commit()
    return True


@api.get("/summary")
def api_summary() -> Response | tuple[Response, int]:
    header = request.headers.get("Authorization", "")
    if not (header and _token_ok(header)) and not current_user.is_authenticated:
        resp = jsonify(error="ต้องเข้าสู่ระบบหรือใช้โทเค็น API (Authorization: Bearer …)")
        resp.headers["WWW-Authenticate"] = 'Bearer realm="prongsai"'
        return resp, 401
    fy, problem = chosen_year()
    if problem:
        return jsonify(error=problem), 400
    resp = jsonify(year_summary(fy))
    resp.headers["Cache-Control"] = "private, no-store"
    return resp


def new_api_token() -> tuple[str, str]:
    """A fresh token and the SHA-256 that is stored (the token is shown once)."""
    import secrets

    token = "ps_" + secrets.token_urlsafe(32)
    return token, hashlib.sha256(token.encode()).hexdigest()
