"""Security headers on every response; control characters out of every request value."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask import Flask, Request, Response
from werkzeug.datastructures import ImmutableMultiDict, iter_multi_items

from handlers.thai.normalize import strip_controls

# Pages load only their own scripts; images may be inline data (QR codes, charts).
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)


class _CleanValues(ImmutableMultiDict):
    """Query and form values without control characters: nobody types a NUL or an escape
    code, spreadsheets and terminals misread them, and PostgreSQL refuses NUL in text, so
    every page (citizen forms, admin filters) sees the text as it will be kept."""

    def __init__(self, mapping: Any = None) -> None:
        items: Iterable[tuple[Any, Any]] = iter_multi_items(mapping) if mapping else ()
        super().__init__([(k, strip_controls(v) if isinstance(v, str) else v) for k, v in items])


class CleanRequest(Request):
    parameter_storage_class = _CleanValues


def init_app(app: Flask) -> None:
    app.request_class = CleanRequest
    app.extensions["prongsai_csp"] = CSP

    @app.after_request
    def _headers(response: Response) -> Response:
        h = response.headers
        h.setdefault("X-Content-Type-Options", "nosniff")
        h.setdefault("Referrer-Policy", "same-origin")
        h.setdefault("Content-Security-Policy", CSP)
        # A page that names the sites allowed to frame it (/ita with EMBED_ORIGINS) must not
        # be denied by the older header, which cannot name them.
        if "frame-ancestors 'none'" in h["Content-Security-Policy"]:
            h.setdefault("X-Frame-Options", "DENY")
        if app.config.get("SESSION_COOKIE_SECURE"):
            h.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response
