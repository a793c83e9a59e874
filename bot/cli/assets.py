"""`flask --app bot assets add NAME --unit UNIT`, `assets list`, `assets head UNIT USERNAME`:
the asset register that staff borrow from (ยืม-คืนทรัพย์สินของราชการ)."""

from __future__ import annotations

import json

import click
from flask.cli import AppGroup
from sqlalchemy import select

from bot.cli.errors import fail
from bot.db import new_session
from bot.db.accounts.tables import User
from bot.db.office.store import unit_names
from bot.db.store import SqlStore
from handlers.assets.domain import Asset
from handlers.assets.usecases import AssetInvalid, add_asset
from handlers.clock import utcnow

group = AppGroup("assets", help="The office's assets that staff may borrow.")


def _json(a: Asset) -> dict[str, object]:
    return {"id": a.id, "name": a.name, "unit": a.unit, "code": a.code, "active": a.active}


@group.command("add")
@click.argument("name")
@click.option("--unit", required=True, help="The unit that keeps the asset and approves loans.")
@click.option("--code", default="", help="The office's asset number (เลขครุภัณฑ์).")
@click.option("--json", "as_json", is_flag=True, help="Print the asset as one JSON object.")
def add_cmd(name: str, unit: str, code: str, as_json: bool) -> None:
    """Register an asset."""
    with new_session() as s:
        store = SqlStore(s)
        try:
            asset = add_asset(store.assets, name, unit, code, unit_names(s))
        except AssetInvalid as problem:
            fail(str(problem))
        store.commit()
    if as_json:
        click.echo(json.dumps(_json(asset), ensure_ascii=False))
    else:
        click.echo(f"เพิ่มทรัพย์สินแล้ว: ลำดับที่ {asset.id} {asset.label}")


@group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON array.")
@click.option("--all", "everything", is_flag=True, help="Include assets no longer lent.")
def list_cmd(as_json: bool, everything: bool) -> None:
    """The asset register, by unit."""
    with new_session() as s:
        assets = SqlStore(s).assets.list_assets(include_inactive=everything)
    if as_json:
        click.echo(json.dumps([_json(a) for a in assets], ensure_ascii=False))
        return
    if not assets:
        click.echo("ยังไม่มีทรัพย์สินในทะเบียน")
    for a in assets:
        state = "" if a.active else " (งดให้ยืม)"
        click.echo(f"{a.id}\t{a.label}{state}")


@group.command("head")
@click.argument("unit")
@click.argument("username")
def head_cmd(unit: str, username: str) -> None:
    """Name the account that heads UNIT: it approves loans of the unit's assets."""
    with new_session() as s:
        units = unit_names(s)
        unit = " ".join(unit.split())
        if unit not in units:
            fail(f"ไม่รู้จักหน่วยงาน “{unit}” (หน่วยงานของสำนักงาน: {', '.join(units)})")
        user = s.scalars(select(User).where(User.username == username.strip())).first()
        if user is None or not user.active:
            fail(f"ไม่พบบัญชีผู้ใช้ {username} ที่ใช้งานอยู่")
        SqlStore(s).assets.set_unit_head(unit, user.id, utcnow())
        s.commit()
        name = user.display_name or user.username
    click.echo(f"กำหนดให้ {name} เป็นหัวหน้า{unit} ผู้อนุมัติการยืมทรัพย์สินของหน่วยงานแล้ว")
