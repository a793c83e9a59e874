"""What every template may use from the core, so a page never restates one of its rules:
`{% if code is sealed %}` (the sealed-case rule) and `{{ channel|channel_th }}` (the Thai
name of a channel), `office_settings()` (the office's name, logo… of bot/settings.py)."""

from __future__ import annotations

from flask import Flask

from bot.settings import office_settings
from handlers.complaints.policy import is_sealed
from handlers.shared import channel_label


def init_app(app: Flask) -> None:
    app.jinja_env.tests["sealed"] = is_sealed
    app.jinja_env.filters["channel_th"] = channel_label
    # A function, so a page that shows none of the settings never reads them.
    app.jinja_env.globals["office_settings"] = office_settings
