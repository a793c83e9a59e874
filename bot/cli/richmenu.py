"""`flask --app bot richmenu setup`: put the citizens' and the staff rich menus on LINE."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import AppGroup
from sqlalchemy import select

from bot.db import new_session
from bot.db.accounts.tables import User
from bot.line.richmenu import setup_menus
from bot.services import services

group = AppGroup("richmenu", help="LINE rich menus (the buttons under the chat).")


@group.command("setup")
def setup() -> None:
    """Create both menus, make the citizens' the default and give linked staff theirs."""
    app: Flask = current_app._get_current_object()  # type: ignore[attr-defined]
    client = services(app).line
    if client is None:
        click.echo("ยังไม่ได้ตั้งค่า LINE_CHANNEL_ACCESS_TOKEN จึงสร้างริชเมนูไม่ได้", err=True)
        raise SystemExit(1)
    try:
        ids = setup_menus(client, app.instance_path)
    except Exception as e:  # the LINE API refused: say so plainly rather than a traceback
        click.echo(f"สร้างริชเมนูไม่สำเร็จ ({type(e).__name__}: {str(e)[:200]})", err=True)
        raise SystemExit(1) from None
    # Staff who linked before the menus existed get theirs now.
    with new_session(app) as s:
        linked = s.scalars(
            select(User.line_user_id).where(User.line_user_id.is_not(None), User.active)
        ).all()
    given = sum(client.link_rich_menu(user_id, ids["staff"]) for user_id in linked if user_id)
    click.echo(f"ริชเมนูประชาชน: {ids['citizen']} (ค่าเริ่มต้น)")
    click.echo(f"ริชเมนูเจ้าหน้าที่: {ids['staff']} (ผูกกับเจ้าหน้าที่ {given} คน)")
