"""Per-address rate limits on what citizens can submit (Flask-Limiter)."""

from __future__ import annotations

from flask import current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

limiter = Limiter(get_remote_address, storage_uri="memory://", headers_enabled=True)


def forms_limit() -> str:
    return current_app.config["RATE_LIMIT_FORMS"]


def track_limit() -> str:
    return current_app.config["RATE_LIMIT_TRACK"]
