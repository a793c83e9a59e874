"""`flask --app bot chat`: talk to the bot in the terminal, as a LINE user would."""

from __future__ import annotations

import sys

import click
from flask import current_app
from flask.cli import with_appcontext

from bot.db import new_session
from bot.db.store import SqlStore
from bot.services import services
from handlers.conversations import engine
from handlers.conversations.messages import Inbound, Reply
from handlers.conversations.session import Actor
from handlers.shared import Channel


@click.command("chat")
@with_appcontext
@click.option("--user", default="demo", help="A name for this chat user (keeps their cases apart).")
@click.option("--staff", default=None, help="Act as this staff account (username), e.g. to train.")
def chat(user: str, staff: str | None) -> None:
    """Talk to the bot in the terminal, as a LINE user would."""
    user_id = f"chat:{user}"
    # A run without --staff is a citizen again, even after a --staff run in this process.
    _STAFF.pop(user_id, None)
    if staff is not None:
        from bot.db.accounts.actors import actor_by_username

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
    from bot.db.accounts.actors import resolve_actor

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
