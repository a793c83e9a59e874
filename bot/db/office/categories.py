"""The office's own category names and default units, in force for a request or a batch of
LINE events (read from its database, at most 30 s old)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from flask import Flask, current_app, g, request

from bot.db import store
from bot.db.office.store import category_overrides
from handlers.complaints import categories

OVERRIDES_TTL_SECONDS = 30.0


def _overrides_of_this_office(force: bool = False) -> dict[str, tuple[str, str]]:
    """Category names and default units an admin of this app's office edited, from its
    database, at most 30 s old (kept per app: one app is one office)."""
    cache = current_app.extensions.setdefault("prongsai_category_overrides", [-1e18, {}])
    if force or time.monotonic() - cache[0] >= OVERRIDES_TTL_SECONDS:
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
