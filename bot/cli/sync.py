"""`flask --app bot sync [--pull|--status|--rebuild]`: mirror pending entries once, then exit."""

from __future__ import annotations

import sys
from typing import Any

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from bot.mirror.sync import SheetsConfigError, build_backend, build_syncer, source_for
from handlers.clock import local
from handlers.thai.dates import format_thai_datetime
from sheets.ports import SyncStatus
from sheets.sync import DrainResult, PullResult, drain_and_pull


def _when(dt: Any) -> str:
    if dt is None:
        return "ยังไม่เคย (never)"
    return f"{format_thai_datetime(local(dt))} ({local(dt).isoformat(timespec='seconds')})"


def status_lines(app: Flask, st: SyncStatus) -> list[str]:
    lines = [
        f"backend: {app.config.get('SHEETS_BACKEND', 'xlsx')}",
        f"outbox backlog (รอซิงก์): {st.backlog}",
        f"last sync (ซิงก์สำเร็จล่าสุด): {_when(st.last_success)}",
        f"last pull (ดึงการแก้ไขล่าสุด): {_when(st.last_pull)}",
    ]
    if st.last_error:
        lines.append(f"last error (ข้อผิดพลาดล่าสุด): {st.last_error} at {_when(st.last_error_at)}")
    if st.last_rebuild:
        lines.append(
            f"last rebuilt (สร้างตารางใหม่ล่าสุด): {_when(st.last_rebuild)}: {st.last_rebuild_reason}"
        )
    if st.lease_holder:
        lines.append(f"sync running in: {st.lease_holder}")
    return lines


@click.command("sync")
@with_appcontext
@click.option("--pull", is_flag=True, help="Also bring admins' edits from the sheet in.")
@click.option("--status", "show_status", is_flag=True, help="Print the backlog and last sync.")
@click.option(
    "--rebuild", is_flag=True, help="Re-mirror every entry (restores rows deleted from the sheet)."
)
@click.option(
    "--wait",
    default=60.0,
    show_default=True,
    help="Seconds to wait while another sync (e.g. the server's) is running.",
)
def sync_cmd(pull: bool, show_status: bool, rebuild: bool, wait: float) -> None:
    """Mirror every pending entry to the spreadsheet once, then exit."""
    app: Flask = current_app._get_current_object()  # type: ignore[attr-defined]
    source = source_for(app)
    if show_status:
        for line in status_lines(app, source.status()):
            click.echo(line)
        return
    if rebuild:
        n = source.requeue_all(reason="asked for with `sync --rebuild`")
        click.echo(f"queued {n} entries to mirror again")
    try:
        backend = build_backend(app)
    except SheetsConfigError as e:
        click.echo(f"ไม่สำเร็จ: {e}", err=True)
        sys.exit(2)
    if backend is None:
        click.echo("SHEETS_BACKEND=off: the spreadsheet mirror is off; nothing to do.")
        return
    total = source.backlog()
    bar: Any = None
    progress = None
    if total > 500:
        bar = click.progressbar(length=total, label="mirroring", file=sys.stderr)
        bar.__enter__()
        shown = [0]

        def progress(done: int, _total: int) -> None:
            bar.update(done - shown[0])
            shown[0] = done

    syncer = build_syncer(app, backend, progress=progress)
    assert syncer is not None
    try:
        drained, pulled = drain_and_pull(syncer, pull, wait_for_lease=wait)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    _report(drained, pulled)
    if not drained.ok or (pulled is not None and (pulled.error or pulled.busy)):
        sys.exit(1)


def _report(drained: DrainResult, pulled: PullResult | None) -> None:
    if drained.busy:
        click.echo("another sync is running and did not finish in time; try again later", err=True)
        return
    click.echo(
        f"mirrored {drained.outbox} outbox entries: {drained.appended} rows added, "
        f"{drained.updated} updated; {drained.pending} pending"
    )
    if drained.error:
        click.echo(f"stopped: {drained.error} (the entries stay pending)", err=True)
    if pulled is not None:
        click.echo(f"edits from the sheet: {pulled.applied} applied, {pulled.rejected} refused")
        for m in pulled.messages:
            click.echo(f"  {m}")
        if pulled.error:
            click.echo(f"pull stopped: {pulled.error}", err=True)
