"""Wires the office-side pages (complaint queue, dashboard, summary API, users, units and
categories, audit log, reports) into the app."""

from __future__ import annotations

import time

from flask import Flask, current_app, g, request
from flask_login import current_user

from bot.admin import nav
from bot.admin.auth import current_role
from bot.db import store
from handlers import categories
from handlers.cases.policy import Viewer

OVERRIDES_TTL_SECONDS = 30.0
_loaded_at = 0.0


def viewer() -> Viewer:
    """The logged-in account as the core's policy sees it."""
    return Viewer(
        role=current_role(),
        unit=getattr(current_user, "unit", "") or "",
        username=getattr(current_user, "username", "") or "",
    )


def refresh_category_overrides(force: bool = False) -> None:
    """Category names and default units edited by an admin, at most 30 s old in any process."""
    global _loaded_at
    if current_app.config.get("OFFICE_CODE"):
        # The core keeps overrides process-wide; with several offices in one process one
        # office's names must not show in another's, so they stay those of categories.csv.
        return
    if not force and time.monotonic() - _loaded_at < OVERRIDES_TTL_SECONDS:
        return
    from bot.store_cases import category_overrides

    try:
        categories.set_overrides(category_overrides(store().session))
    except Exception:  # the table is missing before init-db; the CSV values stand
        store().rollback()
        return
    _loaded_at = time.monotonic()


def init_app(app: Flask) -> None:
    from bot.admin import audit_page, cases, catalog, dashboard, reports_page, users

    for bp in (cases.bp, dashboard.api, users.bp, catalog.bp, audit_page.bp, reports_page.bp):
        app.register_blueprint(bp)
    nav.add("เรื่องร้องเรียน", "cases.queue", ("admin", "executive", "integrity", "staff"), 10)
    nav.add("รายงาน", "reports.index", ("admin", "executive", "integrity"), 60)
    nav.add("ผู้ใช้", "users.index", ("admin",), 80)
    nav.add("หน่วยงานและประเภท", "catalog.index", ("admin",), 85)
    nav.add("บันทึกการเปลี่ยนแปลง", "audit.index", ("admin",), 90)

    app.add_template_filter(_thaiday, "thaiday")

    @app.before_request
    def _overrides() -> None:
        if request.blueprint in ("line", "health", "static"):
            return  # the LINE acknowledgement stays as light as possible
        if "overrides_checked" not in g:
            g.overrides_checked = True
            refresh_category_overrides()


def _thaiday(d: object) -> str:
    """A date (or a time, in Bangkok) as Thai people write it: 4 มกราคม 2568."""
    from datetime import date, datetime

    from handlers.clock import local
    from handlers.thai.dates import format_thai_date

    if isinstance(d, datetime):
        return format_thai_date(local(d).date())
    return format_thai_date(d) if isinstance(d, date) else ""
