"""Commands of the measures area: import-measures, staff, report."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from flask.cli import AppGroup, with_appcontext
from sqlalchemy import select

from bot.db import new_session
from bot.db.accounts.staff import LINK_CODE_HOURS, create_staff, issue_link_code
from bot.db.accounts.tables import User
from bot.db.office.store import unit_names
from bot.db.store import SqlStore
from bot.documents.tables import FORMATS, UnreadableFile, read_tables
from handlers.clock import utcnow
from handlers.ita.catalogue import PLAN_INTEGRITY, PLANS
from handlers.measures.plans import ITEM_NOUNS
from handlers.measures.tables import NOTES_HEADING, parse_document
from handlers.measures.usecases import import_measures
from handlers.units import settle_units


def check_year(year: int) -> int:
    if not 2500 <= year <= 2700:
        raise click.BadParameter("ระบุปีงบประมาณเป็นปี พ.ศ. เช่น 2568", param_hint="--year")
    return year


@click.command("import-measures")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--year", type=int, required=True, help="Fiscal year (BE) of the measures, e.g. 2568."
)
@click.option(
    "--plan",
    type=click.Choice(list(PLANS)),
    default=PLAN_INTEGRITY,
    show_default=True,
    help="Which plan the items belong to: the integrity measures (o42), the operating plan"
    " (แผนดำเนินงาน) or the anti-corruption plan.",
)
@click.option("--dry-run", is_flag=True, help="Read and show the measures; save nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the measures as JSON.")
@with_appcontext
def import_measures_cmd(file: str, year: int, plan: str, dry_run: bool, as_json: bool) -> None:
    """Import the items of one of the office's plans (the o42/o43 measures tables by
    default) from a CSV, XLSX or DOCX file; a budget column (งบประมาณ) is read too."""
    check_year(year)
    if Path(file).suffix.lower() not in FORMATS:
        click.echo("รองรับเฉพาะไฟล์ .csv .xlsx และ .docx", err=True)
        sys.exit(2)
    try:
        document = parse_document(read_tables(file), year)
    except UnreadableFile as error:
        click.echo(str(error), err=True)
        sys.exit(2)
    parsed = document.measures
    if not parsed:
        click.echo("ไม่พบตารางมาตรการในไฟล์นี้ (ต้องมีหัวตาราง เช่น มาตรการ/แนวทาง และ ระยะเวลา)", err=True)
        sys.exit(1)
    with new_session() as s:
        store = SqlStore(s)
        unknown_units = settle_units([p.measure for p in parsed], unit_names(s))
        result = import_measures(store.measures, parsed, utcnow(), dry_run=dry_run, plan=plan)
        if dry_run:
            store.rollback()
        else:
            store.commit()
    if as_json:
        out = {
            "measures": [p.as_json() for p in parsed],
            "notes": [n.as_json() for n in document.notes],
        }
        click.echo(json.dumps(out, ensure_ascii=False))
        return
    for p in parsed:
        m = p.measure
        flag = f"  ⚠ {'; '.join(m.warnings)}" if m.warnings else ""
        budget = f" | {m.budget:,} บาท" if m.budget is not None else ""
        click.echo(
            f"{m.no}. {m.short_title} | {m.unit or '-'} | {m.period_text or '-'}{budget}{flag}"
        )
    if document.notes:
        click.echo(f"{NOTES_HEADING}:")
        for note in document.notes:
            click.echo(f"- {note.text}")
    for text in unknown_units:
        click.echo(
            f"⚠ ผู้รับผิดชอบ “{text}” ไม่ตรงกับส่วนราชการใดในรายชื่อ: เจ้าหน้าที่จะไม่เห็นรายการนี้ "
            "(เพิ่มหน่วยงานที่หน้าตั้งค่าหน่วยงาน หรือแก้ชื่อในไฟล์)"
        )
    verb = "จะ" if dry_run else ""
    click.echo(
        f"{PLANS[plan]} ปีงบประมาณ พ.ศ. {year}: พบ {len(parsed)} {ITEM_NOUNS[plan]} — "
        f"{verb}เพิ่ม {len(result.created)} "
        f"{verb}ปรับปรุง {len(result.updated)} ไม่เปลี่ยนแปลง {len(result.unchanged)}"
        + (" (ทดลอง ไม่ได้บันทึก)" if dry_run else "")
    )


# --- staff accounts ----------------------------------------------------------------------


@click.group("staff", cls=AppGroup)
def staff() -> None:
    """Staff accounts and their one-time LINE link codes."""


def _print_code(user: User, code: str) -> None:
    click.echo(
        f"บัญชีเจ้าหน้าที่: {user.display_name} (ชื่อผู้ใช้ {user.username}) หน่วยงาน {user.unit or '-'}"
    )
    click.echo(f"รหัสลงทะเบียน (ใช้ได้ครั้งเดียว ภายใน {LINK_CODE_HOURS} ชั่วโมง): {code}")
    click.echo(f"ให้เจ้าหน้าที่พิมพ์ในไลน์ของสำนักงาน: ลงทะเบียน {code}")


@staff.command("add")
@click.argument("name")
@click.option("--unit", required=True, help="The unit (ส่วนราชการ), e.g. สำนักปลัด.")
@click.option("--username", default=None, help="Login name; default: NAME.")
def staff_add(name: str, unit: str, username: str | None) -> None:
    """Create a staff account and print its one-time LINE link code."""
    with new_session() as s:
        try:
            user, code = create_staff(s, name, unit, username)
        except ValueError as error:
            click.echo(str(error), err=True)
            sys.exit(1)
        s.commit()
        _print_code(user, code)


@staff.command("code")
@click.argument("username")
def staff_code(username: str) -> None:
    """Issue a new link code for an existing account (the old one stops working)."""
    with new_session() as s:
        user = s.scalars(select(User).where(User.username == username)).first()
        if user is None:
            click.echo(f"ไม่พบบัญชี {username}", err=True)
            sys.exit(1)
        code = issue_link_code(s, user)
        s.commit()
        _print_code(user, code)


@staff.command("unlink")
@click.argument("username")
def staff_unlink(username: str) -> None:
    """Detach the LINE account linked to this staff account."""
    with new_session() as s:
        user = s.scalars(select(User).where(User.username == username)).first()
        if user is None:
            click.echo(f"ไม่พบบัญชี {username}", err=True)
            sys.exit(1)
        user.line_user_id = None
        s.commit()
    click.echo(f"ยกเลิกการเชื่อม LINE ของ {username} แล้ว")


@staff.command("list")
def staff_list() -> None:
    """Staff accounts, their units and whether LINE is linked."""
    with new_session() as s:
        for u in s.scalars(select(User).order_by(User.unit, User.username)):
            linked = "เชื่อม LINE แล้ว" if u.line_user_id else "ยังไม่เชื่อม LINE"
            click.echo(f"{u.username}\t{u.display_name}\t{u.role}\t{u.unit or '-'}\t{linked}")
