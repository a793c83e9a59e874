"""`flask --app bot init-db`: create or migrate the database, and the first admin."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from bot import db, offices
from bot.admin.auth import ensure_first_admin
from bot.db.accounts.tables import User


@click.command("init-db")
@click.option(
    "--address",
    default="",
    help="Where the app is served (http://127.0.0.1:8000): prints the admin login address.",
)
@with_appcontext
def init_db(address: str) -> None:
    """Create or migrate the database to the newest schema (every office's, when
    OFFICES_FILE lists several and OFFICE does not pick one), and the first admin account."""
    address = address.strip().rstrip("/")
    path = current_app.config["OFFICES_FILE"]
    if path and not current_app.config.get("OFFICE_CODE"):
        create_app = current_app.extensions["prongsai_factory"]
        for code in offices.load(path):
            app = create_app({"BACKGROUND_WORKERS": False}, office=code)
            # Each office is served under /o/<code>/ (bot/offices.py).
            _init(app, label=f"[{code}] ", address=f"{address}/o/{code}" if address else "")
            app.extensions["db_engine"].dispose()
        return
    _init(current_app._get_current_object(), address=address)  # type: ignore[attr-defined]


def _init(app: Flask, label: str = "", address: str = "") -> None:
    for revision in db.upgrade(app):
        click.echo(f"{label}Repaired: revision {revision} had been applied while still empty")
    click.echo(f"{label}Database ready: {_safe_url(app.config['DATABASE_URL'])}")
    existed = _has_admin(app)
    generated = ensure_first_admin(app)
    if address:
        click.echo(f"{label}Admin login: {address}/admin/login")
    if existed:
        click.echo(
            f"{label}First admin account: already exists (username 'admin'; its password is "
            "unchanged; `flask --app bot users reset-password admin` gives it a new one)"
        )
    elif generated:
        click.echo(
            f"{label}Created the first admin account: username 'admin', password "
            f"'{generated}' (shown once; set ADMIN_PASSWORD before init-db to choose it)"
        )
    else:
        click.echo(
            f"{label}Created the first admin account: username 'admin', password: the "
            "ADMIN_PASSWORD setting (environment or .env)"
        )


def _has_admin(app: Flask) -> bool:
    with db.new_session(app) as s:
        return s.scalar(select(User.id).where(User.username == "admin")) is not None


def _safe_url(url: str) -> str:
    # Never print a password that DATABASE_URL may carry.
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url
