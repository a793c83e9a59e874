"""`flask --app bot chat`: talk to the bot in the terminal, as a LINE user would."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from bot.db import new_session
from bot.db.store import SqlStore
from bot.services import services
from bot.uploads.photos import save_photo
from handlers.conversations import engine
from handlers.conversations.messages import Inbound, QuickReply, Reply
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
    click.echo(
        "พิมพ์ข้อความเพื่อคุยกับระบบ (/quit ออก, /photo PATH ส่งรูป, /location LAT LNG [ที่อยู่] ส่งตำแหน่ง)"
    )
    _show(_say(Inbound(user_id, "follow")))
    # The user is addressed as the office addresses people: ท่าน, or by their staff role.
    prompt = f"{_ROLE_PROMPTS.get(_STAFF[user_id].role, 'เจ้าหน้าที่')}> " if staff else "ท่าน> "
    while True:
        try:
            line = input(prompt)
        except (EOFError, KeyboardInterrupt):
            click.echo()
            break
        if line.strip() in ("/quit", "/exit"):
            break
        try:
            msg = _parse_chat_line(user_id, user, line)
        except ChatLineError as e:
            click.echo(f"ระบบ> {e}")
            continue
        _show(_say(msg))


_ROLE_PROMPTS = {
    "staff": "เจ้าหน้าที่",
    "admin": "ผู้ดูแลระบบ",
    "executive": "ผู้บริหาร",
    "integrity": "เจ้าหน้าที่คุณธรรม",
}

USAGE = {
    "/photo": "/photo PATH เช่น /photo ~/รูป/ไฟดับ.jpg",
    "/location": "/location LAT LNG [ที่อยู่] เช่น /location 16.54 102.10 หน้าวัดโคกสูง",
}


class ChatLineError(ValueError):
    """A command typed in the terminal chat that cannot be sent; the message says why."""


def _parse_chat_line(user_id: str, user: str, line: str) -> Inbound:
    """What a terminal line sends: text, or a photo or location as a LINE user would."""
    parts = line.split()
    command = parts[0] if parts else ""
    if command == "/location":
        return _location(user_id, user, parts[1:])
    if command == "/photo":
        return _photo(user_id, user, line.strip()[len("/photo") :].strip())
    if command == "/sticker":
        return Inbound(user_id, "sticker", display_name=user)
    return Inbound(user_id, "text", text=line, display_name=user)


def _location(user_id: str, user: str, args: list[str]) -> Inbound:
    try:
        lat, lng = float(args[0]), float(args[1])
    except (IndexError, ValueError):
        raise ChatLineError(f"ส่งตำแหน่งไม่ได้ รูปแบบคือ {USAGE['/location']}") from None
    if not (-90 <= lat <= 90 and -180 <= lng <= 180):
        raise ChatLineError("ส่งตำแหน่งไม่ได้ ละติจูดต้องอยู่ระหว่าง -90 ถึง 90 และลองจิจูด -180 ถึง 180")
    return Inbound(
        user_id,
        "location",
        latitude=lat,
        longitude=lng,
        address=" ".join(args[2:]),
        display_name=user,
    )


def _photo(user_id: str, user: str, path: str) -> Inbound:
    """The file is kept exactly as a photo a LINE user sends (checked, stored under a new
    name in the upload folder); a file that is no photo reaches the chat as LINE's would."""
    if not path:
        raise ChatLineError(f"ส่งรูปไม่ได้ รูปแบบคือ {USAGE['/photo']}")
    file = Path(path).expanduser()
    try:
        content = file.read_bytes()
    except OSError:
        raise ChatLineError(f"ส่งรูปไม่ได้ ไม่พบหรือเปิดไฟล์ {file} ไม่ได้") from None
    c = current_app.config
    name, error = save_photo(content, c["UPLOAD_FOLDER"], c["MAX_PHOTO_BYTES"])
    return Inbound(user_id, "image", image_path=name, image_error=error, display_name=user)


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
            click.echo("      [" + "] [".join(_button(q) for q in r.quick_replies) + "]")


# What a terminal user types for the buttons that open LINE's pickers.
_PICKERS = {"location": "/location LAT LNG", "camera": "/photo PATH", "camera_roll": "/photo PATH"}


def _button(q: QuickReply) -> str:
    typed = _PICKERS.get(q.kind)
    return f"{q.label}: {typed}" if typed else q.label
