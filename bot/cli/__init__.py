"""`flask --app bot <command>`: the office's command line, one module per command group."""

from __future__ import annotations

from flask import Flask

from bot.cli import (
    assets,
    backup,
    chat,
    classify,
    complaints,
    counters,
    database,
    ita,
    measures,
    pdpa,
    richmenu,
    services,
    settings,
    summary,
    survey,
    sync,
    users,
    worker,
)


def init_app(app: Flask) -> None:
    for command in (
        database.init_db,
        worker.worker,
        backup.backup,
        backup.restore,
        pdpa.group,
        chat.chat,
        summary.summary,
        complaints.complaint,
        classify.classify_cmd,
        richmenu.group,
        counters.recount,
        sync.sync_cmd,
        measures.import_measures_cmd,
        measures.staff,
        ita.report_cmd,
        ita.group,
        users.users,
        services.group,
        survey.group,
        assets.group,
        settings.group,
    ):
        app.cli.add_command(command)
