"""Security headers on every response; control characters out of every request value."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, Request, Response
from werkzeug.datastructures import ImmutableMultiDict, iter_multi_items

from handlers.thai.normalize import strip_controls

# Pages load only their own scripts; images may be inline data (QR codes, charts).
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)

IMG_SRC = "img-src 'self' data:"


def tile_source(template: str) -> str:
    """The CSP source that lets a page load map tiles from a tile address template such as
    https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png: a placeholder in the host and the labels
    left of it become one wildcard (CSP allows no other). "" for an address that is not an
    http(s) host, or one that would allow every host."""
    try:
        parts = urlsplit(template.strip())
        port = parts.port
    except ValueError:
        return ""
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host:
        return ""
    labels = host.split(".")
    last = max((i for i, label in enumerate(labels) if "{" in label or "}" in label), default=-1)
    if last >= 0:
        labels = ["*", *labels[last + 1 :]]
    if (len(labels) < 2 and labels[0] == "*") or any(c in host for c in " ;'\""):
        return ""
    return f"{parts.scheme}://{'.'.join(labels)}" + (f":{port}" if port else "")


def with_images_from(csp: str, source: str) -> str:
    """The policy with one more image source (a map page's tile server)."""
    return csp.replace(IMG_SRC, f"{IMG_SRC} {source}", 1) if source else csp


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
