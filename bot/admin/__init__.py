"""The admin side: login, dashboard and management pages, behind roles."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

from bot.admin import views  # noqa: E402,F401  (routes register on bp)
