"""`flask --app bot worker`: the background work in a process of its own."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import with_appcontext


@click.command("worker")
@with_appcontext
def worker() -> None:
    """Process LINE events, push notices and sync the sheet until stopped (SIGTERM or Ctrl-C).

    For deployments that run the web server with BACKGROUND_WORKERS=0; several may run at
    once on PostgreSQL.
    """
    import signal

    from bot.worker import BackgroundWorker, background_jobs

    app: Flask = current_app._get_current_object()  # type: ignore[attr-defined]
    w = BackgroundWorker(app.extensions["prongsai_wake"], background_jobs(app), interval=1.0)
    signal.signal(signal.SIGTERM, lambda *_: w.stop())
    click.echo("worker started")
    try:
        w.run()
    except KeyboardInterrupt:
        w.stop()
    click.echo("worker stopped")
