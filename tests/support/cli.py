"""`flask --app bot …` commands run in-process against a test's app."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import Result
from flask import Flask


def invoke(app: Flask, *args: str, input: str | None = None) -> Result:
    """The command's result, whatever its exit code."""
    return app.test_cli_runner().invoke(args=list(args), input=input)


def cli(app: Flask, *args: str, input: str | None = None) -> str:
    """The output of a command that must succeed."""
    r = invoke(app, *args, input=input)
    assert r.exit_code == 0, r.output
    return r.output


def sync(app: Flask, *args: str) -> str:
    return cli(app, "sync", *args)


def report(app: Flask, kind: str, year: int, out: Path) -> bytes:
    """`flask report KIND --year YEAR --out OUT`: the file written."""
    cli(app, "report", kind, "--year", str(year), "--out", str(out))
    return out.read_bytes()


def summary_total(app: Flask, *args: str) -> int:
    """The complaint total of `flask summary --json`."""
    return json.loads(cli(app, "summary", "--json", *args))["complaints"]["total"]
