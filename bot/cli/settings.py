"""`flask --app bot settings set KEY VALUE` / `settings show [--json]`: the office's settings
(name, kind, address, phone, logo, public address, the chat's particle…)."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click
from flask.cli import AppGroup

from bot.cli.errors import fail
from bot.db import store
from bot.db.accounts.audit import record
from bot.db.office.store import save_setting
from bot.settings import defaults, forget, office_settings, store_logo
from handlers.clock import utcnow
from handlers.office import KEYS, LABELS, clean

group = AppGroup("settings", help="The office's name, address, logo and other settings.")


@group.command("set")
@click.argument("key")
@click.argument("value")
def set_cmd(key: str, value: str) -> None:
    """Save one setting (logo: the path of a PNG or JPEG file; "" clears a value)."""
    try:
        if key == "logo" and value:
            path = Path(value)
            if not path.is_file():
                fail(f"ไม่พบไฟล์ {value}")
            value = store_logo(path.read_bytes())
        text = clean(key, value)
    except ValueError as error:
        fail(str(error))
    before = getattr(office_settings(), key)  # what was in force, saved or from the environment
    save_setting(store().session, key, text, "cli", utcnow())
    record(store().session, "cli", "settings.set", key, f"{before} → {text}", utcnow())
    store().commit()
    forget()
    shown = getattr(office_settings(), key)
    click.echo(f"บันทึก{LABELS[key][0]}แล้ว: {shown or '(ใช้ค่าเริ่มต้น)'}")


@group.command("show")
@click.option("--json", "as_json", is_flag=True, help="One JSON object, key -> value.")
def show_cmd(as_json: bool) -> None:
    """The settings in force (saved in the app, else from the environment)."""
    values = asdict(office_settings())
    if as_json:
        click.echo(json.dumps(values, ensure_ascii=False, indent=2))
        return
    env = asdict(defaults())
    for key in KEYS:
        origin = "" if values[key] == env[key] else " (ตั้งในระบบ)"
        click.echo(f"{key}\t{values[key]}{origin}\t# {LABELS[key][0]}")
