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


def evidence_limit() -> str:
    """Evidence pages are built when asked for (charts included): enough for an assessor
    or a whole office behind one address, not for a crawler rebuilding them non-stop."""
    return current_app.config["RATE_LIMIT_EVIDENCE"]
