"""`flask --app bot <command>` runs the command only: the background threads that process
LINE events and write the sheet belong to a serving app (`make run`, gunicorn, `flask run`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import click
from flask import Flask

from handlers.classify import default_model_path

REPO = Path(__file__).resolve().parents[2]
FLASK = str(Path(sys.executable).parent / "flask")


def test_classify_on_the_command_line_runs_nothing_else(tmp_path: Path) -> None:
    """The real command, in its own process, with no configuration: the lines come in slowly
    (a person typing, a script feeding it), long enough for any background job to run."""
    instance = tmp_path / "instance"
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "PRONGSAI_INSTANCE": str(instance),  # keeps the test out of the developer's folder
        "PRONGSAI_CLASSIFIER_MODEL": str(default_model_path()),
    }
    proc = subprocess.Popen(
        [FLASK, "--app", "bot", "classify"],
        cwd=REPO,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(6)  # start-up, then past the background worker's first round (every 2 s)
    out, err = proc.communicate("ไฟถนนดับหน้าวัดสามวันแล้วครับ\nน้ำประปาไม่ไหล ๓ วันแล้ว\n", timeout=60)
    assert proc.returncode == 0, err
    assert [json.loads(line)["category"] for line in out.splitlines()] == ["light", "supply"]
    assert "Traceback" not in err and "ERROR" not in err, err
    assert not list(instance.rglob("*.db")), "a database was created for a classifier command"


def test_an_app_loaded_by_the_command_line_starts_its_threads_with_its_first_request(
    make_app: Callable[..., Flask],
) -> None:
    """`flask run` loads the app the same way as any `flask` command: the LINE worker starts
    when it serves, not before."""
    with click.Context(click.Command("run")):
        app = make_app(BACKGROUND_WORKERS=True)
    assert "prongsai_worker" not in app.extensions
    assert app.test_client().get("/healthz").status_code == 200
    worker = app.extensions["prongsai_worker"]
    assert worker.is_alive()
    app.test_client().get("/healthz")
    assert app.extensions["prongsai_worker"] is worker  # started once, not per request


def test_a_served_app_starts_its_threads_at_once(make_app: Callable[..., Flask]) -> None:
    """waitress and gunicorn call create_app() outside any command: stored events are
    processed after a restart without waiting for a request."""
    app = make_app(BACKGROUND_WORKERS=True)
    assert app.extensions["prongsai_worker"].is_alive()
