"""/office/logo: the office's logo, shown on every page (public, like the pages)."""

from __future__ import annotations

from flask import Blueprint, abort, send_from_directory
from werkzeug.wrappers import Response

from bot.settings import logo_folder, office_settings

bp = Blueprint("office", __name__)


@bp.get("/office/logo")
def logo() -> Response:
    name = office_settings().logo
    if not name or not (logo_folder() / name).is_file():
        abort(404)
    # The name changes with every upload, so a day of caching never shows an old logo.
    return send_from_directory(logo_folder(), name, max_age=86400)
