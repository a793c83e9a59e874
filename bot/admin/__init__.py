"""The admin side: login, dashboard and management pages, behind roles."""

from __future__ import annotations

from typing import Any

from flask import Flask, request
from werkzeug.routing import IntegerConverter, Map
from werkzeug.wrappers import Response

from handlers.complaints.policy import FILING_ROLES, ROLES


class RowId(IntegerConverter):
    """`<int:…>` in admin URLs names a database row. A number past PostgreSQL's integer (and
    far past it, SQLite's) matches no row but made the query fail, a 500: now no route."""

    def __init__(self, map: Map, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", 2**31 - 1)
        super().__init__(map, *args, **kwargs)


def init_app(app: Flask) -> None:
    # Before the blueprints: a rule takes its converters when it is added.
    app.url_map.converters["int"] = RowId
    from bot.admin import (
        assets,
        audit_page,
        auth,
        casemap,
        cases,
        catalog,
        dashboard,
        gifts,
        ita,
        ita_drafts,
        ita_scores,
        measures,
        nav,
        reports_page,
        services,
        settings,
        users,
        views,
    )

    auth.init_app(app)
    nav.init_app(app)
    app.register_blueprint(views.bp)
    for bp in (
        cases.bp,
        casemap.bp,
        dashboard.api,
        users.bp,
        catalog.bp,
        audit_page.bp,
        reports_page.bp,
        ita.bp,
        ita_drafts.bp,
        ita_scores.bp,
        gifts.bp,
        assets.bp,
        settings.bp,
    ):
        app.register_blueprint(bp)
    measures.init_app(app)  # measures, import, staff link codes
    services.init_app(app)  # services, QR posters, satisfaction results
    nav.add("เรื่องร้องเรียน", "cases.queue", ROLES, 10)
    nav.add("บันทึกเรื่องที่รับ", "cases.new", FILING_ROLES, 12)
    nav.add("รายงาน", "reports.index", ("admin", "executive", "integrity"), 60)
    nav.add("บัญชีรายการ ITA", "ita_admin.year", ("admin", "executive", "integrity"), 65)
    nav.add("คะแนน ITA", "ita_scores.index", ("admin", "executive", "integrity"), 66)
    nav.add("ทะเบียนของขวัญ", "gifts.index", gifts.ROLES, 70)
    nav.add("ยืม-คืนทรัพย์สิน", "assets.index", assets.ROLES, 72)
    nav.add("ผู้ใช้", "users.index", ("admin", "integrity"), 80)
    nav.add("หน่วยงานและประเภท", "catalog.index", ("admin",), 85)
    nav.add("ตั้งค่าหน่วยงาน", "office_settings.index", ("admin",), 84)
    nav.add("บันทึกการเปลี่ยนแปลง", "audit.index", ("admin",), 90)

    app.add_template_filter(_thaiday, "thaiday")
    app.after_request(_no_store)


PRIVATE_PREFIXES = ("/admin/", "/api/")


def _no_store(response: Response) -> Response:
    """Nothing of the admin side stays in a browser's or a proxy's cache: its pages and
    downloads hold citizens' personal data, and a shared office computer keeps caches."""
    private = f"{request.path.rstrip('/')}/".startswith(PRIVATE_PREFIXES)
    if private and "no-store" not in response.headers.get("Cache-Control", ""):
        response.headers["Cache-Control"] = "private, no-store"
    return response


def _thaiday(d: object) -> str:
    """A date (or a time, in Bangkok) as Thai people write it: 4 มกราคม 2568."""
    from datetime import date, datetime

    from handlers.clock import local
    from handlers.thai.dates import format_thai_date

    if isinstance(d, datetime):
        return format_thai_date(local(d).date())
    return format_thai_date(d) if isinstance(d, date) else ""
