"""The composition root: `create_app()` is the one place where things are wired."""

from __future__ import annotations

import logging
import os
import threading
from typing import Any

import click
from flask import Flask
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

from bot import config, db, offices
from bot.line.inbox import InboxWriter
from bot.line.processor import EventProcessor
from bot.services import build
from bot.web import security
from bot.web.limits import limiter
from bot.worker import StartOnFirstRequest, start_worker
from handlers import secrets_codes

csrf = CSRFProtect()


def create_app(test_config: dict[str, Any] | None = None, office: str | None = None) -> Flask:
    """The app of the deployment's single office, or of `office` (also from $OFFICE) when
    OFFICES_FILE lists several."""
    where = config.deployment(office)
    office = where.office
    app = Flask(
        __name__,
        instance_path=str(where.instance / "offices" / office if office else where.instance),
        template_folder=str(where.root / "templates"),
        static_folder=str(where.root / "static"),
    )
    os.makedirs(app.instance_path, exist_ok=True)
    app.config.from_mapping(config.from_env(app.instance_path))
    if office:
        app.config.from_mapping(_office_settings(office, where))
    if test_config:
        app.config.from_mapping(test_config)
    secrets_codes.configure(app.config["CODE_HASH_ITERATIONS"])  # the core reads no config
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("alembic").setLevel(logging.WARNING)

    db.init_app(app)
    csrf.init_app(app)
    security.init_app(app)
    limiter.init_app(app)

    from bot import admin
    from bot.db.office import categories as office_categories
    from bot.line import webhook
    from bot.web import citizen, errors, health, templating

    errors.init_app(app)
    templating.init_app(app)
    app.register_blueprint(citizen.bp)
    app.register_blueprint(health.bp)
    admin.init_app(app)
    office_categories.init_app(app)
    limiter.exempt(health.bp)
    # LINE's webhook is answered in front of Flask (signed by LINE: no CSRF; from LINE's own
    # servers: no per-address limit, per-user limits apply when events are processed).
    app.wsgi_app = webhook.Webhook(app, app.wsgi_app)  # type: ignore[method-assign]
    proxies = int(app.config.get("TRUSTED_PROXIES") or 0)
    if proxies > 0:
        # Outermost, so everything inside (limits, login throttling, ratings cap) sees the
        # citizen's address and scheme, taken only from the hops we trust.
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies
        )
    from bot.web import feedback, ita
    from bot.web import office as office_pages

    app.register_blueprint(feedback.bp)  # /feedback
    app.register_blueprint(office_pages.bp)  # /office/logo
    app.register_blueprint(ita.bp)  # /ita: public evidence pages

    from bot import cli

    # init-db builds each office's app with this factory (cli cannot import it: a cycle).
    app.extensions["prongsai_factory"] = create_app
    cli.init_app(app)

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


def _office_settings(office: str, where: config.Deployment) -> dict[str, Any]:
    path = where.offices_file
    if not path:
        raise RuntimeError("OFFICE is set but OFFICES_FILE is not")
    entries = offices.load(path)
    if office not in entries:
        raise RuntimeError(f"office {office!r} is not in {path}")
    return offices.settings_for(office, entries[office], where.instance)


def create_wsgi(test_config: dict[str, Any] | None = None) -> Any:
    """The server's entry point: one office by default, several when OFFICES_FILE is set."""
    path = config.deployment().offices_file
    if not path:
        return create_app(test_config)
    entries = offices.load(path)
    apps = {code: create_app(test_config, office=code) for code in entries}
    return offices.OfficeRouter(apps, {c: str(e.get("name", c)) for c, e in entries.items()})
