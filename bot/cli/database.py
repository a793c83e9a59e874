"""`flask --app bot init-db`: create or migrate the database, and the first admin."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from bot import db, offices
from bot.admin.auth import ensure_first_admin


@click.command("init-db")
@with_appcontext
def init_db() -> None:
    """Create or migrate the database to the newest schema (every office's, when
    OFFICES_FILE lists several and OFFICE does not pick one)."""
    path = current_app.config["OFFICES_FILE"]
    if path and not current_app.config.get("OFFICE_CODE"):
        create_app = current_app.extensions["prongsai_factory"]
        for code in offices.load(path):
            app = create_app({"BACKGROUND_WORKERS": False}, office=code)
            _init(app, label=f"[{code}] ")
            app.extensions["db_engine"].dispose()
        return
    _init(current_app._get_current_object())  # type: ignore[attr-defined]


def _init(app: Flask, label: str = "") -> None:
    for revision in db.upgrade(app):
        click.echo(f"{label}Repaired: revision {revision} had been applied while still empty")
    click.echo(f"{label}Database ready: {_safe_url(app.config['DATABASE_URL'])}")
    generated = ensure_first_admin(app)
    if generated:
        click.echo(
            f"{label}Created the first admin account: username 'admin', password "
            f"'{generated}' (shown once; set ADMIN_PASSWORD before init-db to choose it)"
        )


def _safe_url(url: str) -> str:
    # Never print a password that DATABASE_URL may carry.
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url
