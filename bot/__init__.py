"""The Flask side: the app, its adapters, database, reports and command line."""

# `flask --app bot` finds `create_app` here; importing a module of `bot` builds nothing
# (the factory itself is bot/app.py).

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Flask


def create_app(test_config: dict[str, Any] | None = None, office: str | None = None) -> Flask:
    """The factory of bot/app.py, imported only when an app is wanted."""
    from bot.app import create_app as factory

    return factory(test_config, office)
