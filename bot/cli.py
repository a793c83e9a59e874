"""`flask --app bot <command>`: the office's command line."""

from __future__ import annotations

import json
import sys

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext

from bot import cli_backup, cli_classify, cli_counters, cli_pdpa, cli_richmenu, db
from bot.admin.auth import ensure_first_admin
from bot.db import new_session
from bot.notify import push_pending_notices
from bot.services import services
from bot.store import SqlStore
from handlers.clock import local_date, utcnow
from handlers.complaints.usecases import set_status
from handlers.conversations import engine
from handlers.conversations.messages import Inbound, Reply
from handlers.conversations.session import Actor
from handlers.shared import Channel, DomainError
from handlers.summaries import summary as make_summary
from handlers.thai.dates import fiscal_year


def init_app(app: Flask) -> None:
    app.cli.add_command(init_db)
    app.cli.add_command(worker)
    app.cli.add_command(cli_backup.backup)
    app.cli.add_command(cli_backup.restore)
    app.cli.add_command(cli_pdpa.group)
    app.cli.add_command(chat)
    app.cli.add_command(summary)
    app.cli.add_command(complaint)
    app.cli.add_command(cli_classify.classify_cmd)
    app.cli.add_command(cli_richmenu.group)
    app.cli.add_command(cli_counters.recount)

    from bot import cli_measures

    cli_measures.init_app(app)


@click.command("init-db")
@with_appcontext
def init_db() -> None:
    """Create or migrate the database to the newest schema (every office's, when
    OFFICES_FILE lists several and OFFICE does not pick one)."""
    import os

    if os.environ.get("OFFICES_FILE") and not os.environ.get("OFFICE"):
        from bot import create_app, offices

        for code in offices.load(os.environ["OFFICES_FILE"]):
            app = create_app({"BACKGROUND_WORKERS": False}, office=code)
            _init(app, label=f"[{code}] ")
            app.extensions["db_engine"].dispose()
        return
    _init(current_app._get_current_object())


def _init(app: Flask, label: str = "") -> None:
    db.upgrade(app)
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


@click.command("worker")
@with_appcontext
def worker() -> None:
    """Process LINE events, push notices and sync the sheet until stopped (SIGTERM or Ctrl-C).

    For deployments that run the web server with BACKGROUND_WORKERS=0; several may run at
    once on PostgreSQL.
    """
    import signal

    from bot import background_jobs
    from bot.worker import BackgroundWorker

    app = current_app._get_current_object()
    w = BackgroundWorker(app.extensions["prongsai_wake"], background_jobs(app), interval=1.0)
    signal.signal(signal.SIGTERM, lambda *_: w.stop())
    click.echo("worker started")
    try:
        w.run()
    except KeyboardInterrupt:
        w.stop()
    click.echo("worker stopped")


@click.command("chat")
@with_appcontext
@click.option("--user", default="demo", help="A name for this chat user (keeps their cases apart).")
@click.option("--staff", default=None, help="Act as this staff account (username), e.g. to train.")
def chat(user: str, staff: str | None) -> None:
    """Talk to the bot in the terminal, as a LINE user would."""
    user_id = f"chat:{user}"
    if staff is not None:
        from bot.actors import actor_by_username

        with new_session() as s:
            found = actor_by_username(s, staff)
        if found is None:
            click.echo(f"ไม่พบบัญชีเจ้าหน้าที่ชื่อผู้ใช้ {staff}", err=True)
            sys.exit(1)
        _STAFF[user_id] = found
    click.echo("พิมพ์ข้อความเพื่อคุยกับระบบ (พิมพ์ /quit เพื่อออก, /location LAT LNG เพื่อส่งตำแหน่ง)")
    _show(_say(Inbound(user_id, "follow")))
    while True:
        try:
            line = input("คุณ> ")
        except (EOFError, KeyboardInterrupt):
            click.echo()
            break
        if line.strip() in ("/quit", "/exit"):
            break
        _show(_say(_parse_chat_line(user_id, user, line)))


def _parse_chat_line(user_id: str, user: str, line: str) -> Inbound:
    parts = line.split()
    if parts[:1] == ["/location"] and len(parts) >= 3:
        try:
            lat, lng = float(parts[1]), float(parts[2])
            return Inbound(
                user_id,
                "location",
                latitude=lat,
                longitude=lng,
                address=" ".join(parts[3:]),
                display_name=user,
            )
        except ValueError:
            pass
    if parts[:1] == ["/sticker"]:
        return Inbound(user_id, "sticker", display_name=user)
    return Inbound(user_id, "text", text=line, display_name=user)


# Chat users acting as a staff account (chat --staff); others are resolved like LINE users.
_STAFF: dict[str, Actor] = {}


def _say(msg: Inbound) -> list[Reply]:
    from bot.actors import resolve_actor

    with new_session() as s:
        store = SqlStore(s)
        ctx = services(current_app).context(store, Channel.CHAT)
        ctx.actor = _STAFF.get(msg.user_id) or resolve_actor(s, msg.user_id)
        replies = engine.handle(msg, ctx)
        store.commit()
    return replies


def _show(replies: list[Reply]) -> None:
    for r in replies:
        click.echo(f"บอท> {r.text}")
        if r.quick_replies:
            click.echo("      [" + "] [".join(q.label for q in r.quick_replies) + "]")


@click.command("summary")
@with_appcontext
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--year", type=int, default=None, help="Fiscal year (BE); default: the current one.")
def summary(as_json: bool, year: int | None) -> None:
    """Key figures of the fiscal year."""
    fy = year or fiscal_year(local_date(utcnow()))
    with new_session() as s:
        data = make_summary(SqlStore(s), fy)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False))
        return
    c = data["complaints"]
    click.echo(f"ปีงบประมาณ {fy}: เรื่องร้องเรียน {c['total']} เรื่อง")
    for k, v in c["by_status"].items():
        click.echo(f"  {k}: {v}")
    click.echo(f"  เกินกำหนด 15 วัน: {c.get('overdue', 0)}")
    click.echo(f"  มัธยฐานวันที่ใช้แก้ไข: {c.get('median_days_to_resolve')}")


@click.group("complaint", cls=AppGroup)
def complaint() -> None:
    """Work on complaints."""


@complaint.command("set-status")
@click.argument("case")
@click.argument("status")
@click.option("--note", default="", help="What was done; the citizen sees it.")
@click.option("--actor", default="cli", help="Who made the change (kept in the history).")
def set_status_cmd(case: str, status: str, note: str, actor: str) -> None:
    """Change a case's status (received, in_progress, resolved, rejected, forwarded)."""
    with new_session() as s:
        store = SqlStore(s)
        try:
            c = set_status(store, case, status, note, utcnow(), actor)
        except DomainError as e:
            store.rollback()
            click.echo(f"ไม่สำเร็จ: {e}", err=True)
            sys.exit(1)
        store.commit()
    pushed = push_pending_notices(current_app._get_current_object(), services(current_app).line)
    click.echo(f"{c.case_number}: {c.status.value} ({c.status.thai})")
    if c.line_user_id and pushed:
        click.echo("แจ้งผู้ร้องทาง LINE แล้ว")
    elif c.line_user_id:
        click.echo("ผู้ร้องจะเห็นการแจ้งเตือนเมื่อส่งข้อความครั้งถัดไป")
