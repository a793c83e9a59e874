"""`report CODE --year Y --out F` and the `ita` group: the year's catalogue and its pack."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from flask.cli import AppGroup, with_appcontext

from bot.cli.measures import check_year
from bot.db import new_session
from bot.db.ita.store import catalogue_for
from bot.db.store import SqlStore
from handlers.clock import local_date, utcnow
from handlers.ita.catalogue import PLANS
from handlers.ita.windows import LABELS
from handlers.thai.dates import fiscal_year

group = AppGroup("ita", help="The ITA year: its catalogue of items and its evidence pack.")


def _year(year: int | None) -> int:
    return check_year(year) if year else fiscal_year(local_date(utcnow()))


@click.command("report")
@click.argument("code")
@click.option("--year", type=int, default=None, help="ITA year (BE); default: the current one.")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False), help="File to write.")
@click.option("--thai-digits", is_flag=True, help="Write numbers with Thai digits (๐-๙).")
@click.option(
    "--plan",
    type=click.Choice(sorted(PLANS)),
    default=None,
    help="For plan_progress/plan_results asked for by kind: which plan (default operating).",
)
@with_appcontext
def report_cmd(code: str, year: int | None, out: str, thai_digits: bool, plan: str | None) -> None:
    """Write the evidence for a code of the year's catalogue (o43, O19 …) or a kind
    (complaints, corruption_complaints …) as .html, .docx or .xlsx (from the extension)."""
    from bot.reports import FORMATS, office_address, office_name, write
    from bot.reports.evidence import EvidenceError, build

    if Path(out).suffix.lower().lstrip(".") not in FORMATS:
        click.echo("ระบุไฟล์ผลลัพธ์เป็น .html .docx หรือ .xlsx", err=True)
        sys.exit(2)
    fy = _year(year)
    with new_session() as s:
        try:
            report = build(
                SqlStore(s),
                fy,
                code,
                utcnow(),
                office=office_name(),
                address=office_address(),
                thai_digits=thai_digits,
                plan=plan or "",
            )
        except EvidenceError as e:
            click.echo(str(e), err=True)
            sys.exit(2)
    write(report, out)
    label = f"{report.code} " if report.code else ""
    # Titles of yearly reports already end with their year ("… พ.ศ. 2566"): say it once.
    in_year = "" if str(fy) in report.title else f" ปี {fy}"
    click.echo(f"เขียน {label}{report.title}{in_year} ({report.as_of}) ลงไฟล์ {out} แล้ว")


@group.command("catalogue")
@click.option("--year", type=int, default=None, help="ITA year (BE); default: the current one.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@with_appcontext
def catalogue_cmd(year: int | None, as_json: bool) -> None:
    """The year's ITA items: code, title, the evidence kind Prongsai builds and its window."""
    fy = _year(year)
    with new_session() as s:
        catalogue = catalogue_for(s, fy)
    if as_json:
        click.echo(json.dumps(catalogue.to_json(), ensure_ascii=False))
        return
    if catalogue.source == "office":
        click.echo(f"บัญชีรายการ ITA ปี {fy} (ฉบับที่หน่วยงานแก้ไข จากบัญชีปี {catalogue.based_on})")
    elif catalogue.based_on != fy:
        click.echo(f"บัญชีรายการ ITA ปี {fy}: ยังไม่มีบัญชีของปีนี้ ใช้บัญชีปี {catalogue.based_on} แทน")
    else:
        click.echo(f"บัญชีรายการ ITA ปี {fy}")
    for i in catalogue.items:
        kind = f"{i.kind} · {LABELS[i.window]}" if i.kind else "หน่วยงานเผยแพร่เอง"
        click.echo(f"{i.code}\t{i.title}\t[{kind}]")


@group.command("pack")
@click.option("--year", type=int, default=None, help="ITA year (BE); default: the current one.")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False), help="A .zip file.")
@with_appcontext
def pack_cmd(year: int | None, out: str) -> None:
    """Every item Prongsai builds for the year, as HTML, DOCX and XLSX, with an index page."""
    from bot.reports import office_address, office_name
    from bot.reports.pack import write_pack

    if not out.lower().endswith(".zip"):
        click.echo("ระบุไฟล์ผลลัพธ์เป็น .zip", err=True)
        sys.exit(2)
    fy = _year(year)
    with new_session() as s:
        built, skipped = write_pack(
            SqlStore(s), fy, utcnow(), Path(out), office=office_name(), address=office_address()
        )
    click.echo(f"ชุดหลักฐาน ITA ปี {fy}: {len(built)} รายการ ลงไฟล์ {out} แล้ว")
    for code, why in skipped:
        click.echo(f"  ข้าม {code}: {why}")


# The scores and the yearly analysis live in their own module; they join this group.
from bot.cli.ita_scores import COMMANDS as _SCORE_COMMANDS  # noqa: E402

for _command in _SCORE_COMMANDS:
    group.add_command(_command)
