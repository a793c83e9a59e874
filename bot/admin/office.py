"""Wires the office-side pages (complaint queue, dashboard, summary API, users, units and
categories, audit log, reports) into the app."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from flask import Flask, current_app, g, request
from flask_login import current_user

from bot.admin import nav
from bot.admin.auth import current_role
from bot.db import store
from handlers.complaints import categories
from handlers.complaints.policy import ROLES, Viewer

OVERRIDES_TTL_SECONDS = 30.0


def viewer() -> Viewer:
    """The logged-in account as the core's policy sees it."""
    return Viewer(
        role=current_role(),
        unit=getattr(current_user, "unit", "") or "",
        username=getattr(current_user, "username", "") or "",
    )


def _overrides_of_this_office(force: bool = False) -> dict[str, tuple[str, str]]:
    """Category names and default units an admin of this app's office edited, from its
    database, at most 30 s old (kept per app: one app is one office)."""
    cache = current_app.extensions.setdefault("prongsai_category_overrides", [-1e18, {}])
    if force or time.monotonic() - cache[0] >= OVERRIDES_TTL_SECONDS:
        from bot.db.complaints.queries import category_overrides

        try:
            cache[1] = category_overrides(store().session)
        except Exception:  # the table is missing before init-db; the CSV values stand
            store().rollback()
            return cache[1]
        cache[0] = time.monotonic()
    return cache[1]


def refresh_category_overrides(force: bool = False) -> None:
    """Re-read this office's overrides now or when 30 s old; with one office per process,
    install them process-wide (CLI commands and other threads see them too)."""
    overrides = _overrides_of_this_office(force)
    if not current_app.config.get("OFFICE_CODE"):
        categories.set_overrides(overrides)


@contextmanager
def office_categories() -> Iterator[None]:
    """Run a block (a request, a batch of LINE events) with this office's category names
    and units in force; with several offices in one process, for this thread only."""
    if not current_app.config.get("OFFICE_CODE"):
        refresh_category_overrides()
        yield
        return
    with categories.office_overrides(_overrides_of_this_office()):
        yield


def init_app(app: Flask) -> None:
    from bot.admin import audit_page, cases, catalog, dashboard, reports_page, users

    for bp in (cases.bp, dashboard.api, users.bp, catalog.bp, audit_page.bp, reports_page.bp):
        app.register_blueprint(bp)
    nav.add("เรื่องร้องเรียน", "cases.queue", ROLES, 10)
    nav.add("รายงาน", "reports.index", ("admin", "executive", "integrity"), 60)
    nav.add("ผู้ใช้", "users.index", ("admin",), 80)
    nav.add("หน่วยงานและประเภท", "catalog.index", ("admin",), 85)
    nav.add("บันทึกการเปลี่ยนแปลง", "audit.index", ("admin",), 90)

    app.add_template_filter(_thaiday, "thaiday")

    @app.before_request
    def _overrides() -> None:
        if request.blueprint in ("line", "health", "static"):
            return  # the LINE acknowledgement stays as light as possible
        if "office_categories" not in g:
            g.office_categories = stack = ExitStack()
            stack.enter_context(office_categories())

    @app.teardown_request
    def _overrides_done(_exc: BaseException | None) -> None:
        stack = g.pop("office_categories", None)
        if stack is not None:
            stack.close()


def _thaiday(d: object) -> str:
    """A date (or a time, in Bangkok) as Thai people write it: 4 มกราคม 2568."""
    from datetime import date, datetime

    from handlers.clock import local
    from handlers.thai.dates import format_thai_date

    if isinstance(d, datetime):
        return format_thai_date(local(d).date())
    return format_thai_date(d) if isinstance(d, date) else ""
