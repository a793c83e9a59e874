"""Prongsai's Flask application: `create_app()` is the one place where things are wired."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from typing import Any

import click
from flask import Flask
from flask_wtf.csrf import CSRFProtect

from bot import config, db, security, sync
from bot.limits import limiter
from bot.line.inbox import InboxWriter
from bot.line.processor import EventProcessor
from bot.notify import push_pending_notices
from bot.services import build
from bot.worker import BackgroundWorker, StartOnFirstRequest, every

csrf = CSRFProtect()


def create_app(test_config: dict[str, Any] | None = None, office: str | None = None) -> Flask:
    """The app of the deployment's single office, or of `office` (also from $OFFICE) when
    OFFICES_FILE lists several."""
    os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    instance = os.environ.get("PRONGSAI_INSTANCE") or os.path.join(root, "instance")
    office = office or os.environ.get("OFFICE") or None
    app = Flask(
        __name__,
        instance_path=os.path.join(instance, "offices", office) if office else instance,
        template_folder=os.path.join(root, "templates"),
        static_folder=os.path.join(root, "static"),
    )
    os.makedirs(app.instance_path, exist_ok=True)
    app.config.from_mapping(config.from_env(app.instance_path))
    if office:
        app.config.from_mapping(_office_settings(office, instance))
    if test_config:
        app.config.from_mapping(test_config)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("alembic").setLevel(logging.WARNING)

    db.init_app(app)
    csrf.init_app(app)
    security.init_app(app)
    limiter.init_app(app)

    from bot import admin
    from bot.admin import auth, nav
    from bot.line import webhook
    from bot.web import citizen, errors, health

    errors.init_app(app)
    app.register_blueprint(citizen.bp)
    app.register_blueprint(health.bp)
    app.register_blueprint(admin.bp)
    auth.init_app(app)
    nav.init_app(app)
    limiter.exempt(health.bp)
    # LINE's webhook is answered in front of Flask (signed by LINE: no CSRF; from LINE's own
    # servers: no per-address limit, per-user limits apply when events are processed).
    app.wsgi_app = webhook.Webhook(app, app.wsgi_app)  # type: ignore[method-assign]
    from bot.admin import office

    office.init_app(app)  # complaint queue, dashboard, /api/summary, users, reports (issue 6)
    from bot.admin import measures as admin_measures

    admin_measures.init_app(app)  # measures, import, staff link codes, reports (issue 4)
    from bot.admin import services as admin_services
    from bot.web import feedback

    app.register_blueprint(feedback.bp)  # /feedback (issue 5)
    admin_services.init_app(app)  # services, QR posters, satisfaction results (issue 5)

    from bot import cli

    cli.init_app(app)
    sync.init_app(app)

    inbox = InboxWriter(app.extensions["db_sessions"], app.extensions["db_write_lock"])
    app.extensions["prongsai_inbox"] = inbox
    svc = build(app)
    app.extensions["prongsai"] = svc
    processor = EventProcessor(app, svc.line, svc.context)
    app.extensions["prongsai_processor"] = processor
    wake = threading.Event()
    app.extensions["prongsai_wake"] = wake
    if app.config["BACKGROUND_WORKERS"]:
        if click.get_current_context(silent=True) is None:
            start_worker(app)
        else:
            # Loaded by `flask <command>`: a one-off command (classify, summary, report…)
            # must not process LINE events or write the sheet behind the user's back, nor
            # touch a database it does not need. `flask run` starts them with its first request.
            app.wsgi_app = StartOnFirstRequest(app.wsgi_app, lambda: start_worker(app))  # type: ignore[method-assign]
    return app


def start_worker(app: Flask) -> None:
    """The in-process background thread: LINE events, notices, the sheet sync, PDPA purge."""
    worker = BackgroundWorker(app.extensions["prongsai_wake"], background_jobs(app))
    app.extensions["prongsai_worker"] = worker
    worker.start()


def _office_settings(office: str, instance: str) -> dict[str, Any]:
    from pathlib import Path

    from bot import offices

    path = os.environ.get("OFFICES_FILE")
    if not path:
        raise RuntimeError("OFFICE is set but OFFICES_FILE is not")
    entries = offices.load(path)
    if office not in entries:
        raise RuntimeError(f"office {office!r} is not in {path}")
    return offices.settings_for(office, entries[office], Path(instance))


def background_jobs(app: Flask) -> list[Callable[[], object]]:
    """What runs besides serving requests: in the web process by default, or in
    `flask --app bot worker` processes when BACKGROUND_WORKERS=0."""
    svc = app.extensions["prongsai"]
    processor = app.extensions["prongsai_processor"]
    inbox = app.extensions["prongsai_inbox"]
    jobs: list[Callable[[], object]] = [
        lambda: processor.process_pending(yield_to=inbox.busy),
        lambda: push_pending_notices(app, svc.line),
    ]
    sheets_job = sync.background_job(app)
    if sheets_job is not None:
        jobs.append(sheets_job)
    jobs.append(every(3600, lambda: purge_personal_data(app)))
    return jobs


def purge_personal_data(app: Flask) -> int:
    """PDPA retention: closed cases past the retention period lose their personal data."""
    from bot import pdpa
    from bot.db import new_session
    from handlers.clock import utcnow

    with db.write_lock(app), new_session(app) as s:
        n = pdpa.purge_expired(
            s, utcnow(), app.config["PDPA_RETENTION_DAYS"], app.config["UPLOAD_FOLDER"]
        )
        s.commit()
    return n
