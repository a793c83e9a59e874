"""`ita import-scores`, `ita analyse` and `ita scores-template`: the office's ITA scores
and the yearly analysis of them (commands of the `ita` group, added in bot/cli/ita.py)."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path

import click
from flask.cli import with_appcontext

from bot.cli.errors import fail
from bot.cli.measures import check_year
from bot.db import new_session
from bot.db.ita.scores_store import (
    known_codes,
    replace_scores,
    template_rows,
    year_analysis,
)
from bot.documents.scores import SCORE_FORMATS, read_scores, template_csv, template_xlsx
from bot.documents.tables import UnreadableFile
from handlers.clock import utcnow
from handlers.ita.grouping import GroupingError
from handlers.ita.scores import ScoreSheet


@click.command("import-scores")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--year", type=int, required=True, help="ITA year (BE) the scores are of.")
@click.option(
    "--skip-unknown", is_flag=True, help="Save the known codes and leave out the unknown ones."
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@with_appcontext
def import_scores_cmd(file: str, year: int, skip_unknown: bool, as_json: bool) -> None:
    """Replace the year's scores with those of FILE: .csv/.xlsx rows `code,score` or .txt
    lines such as `e14 84.16` (Thai digits allowed). Nothing is saved while a line is bad
    or a code is not the year's (unless --skip-unknown)."""
    check_year(year)
    suffix = Path(file).suffix.lower()
    if suffix not in SCORE_FORMATS:
        fail("รองรับเฉพาะไฟล์ .csv .xlsx และ .txt")
    with new_session() as s:
        try:
            sheet = read_scores(Path(file).read_bytes(), suffix, known_codes(s, year))
        except UnreadableFile as e:
            fail(str(e))
        blocked = bool(sheet.problems) or not sheet.scores or (sheet.unknown and not skip_unknown)
        if blocked:
            if as_json:
                click.echo(json.dumps(_json(year, sheet, saved=False), ensure_ascii=False))
            fail("\n".join(["ยังไม่ได้บันทึกคะแนน:", *sheet.messages()]))
        replace_scores(s, year, sheet.scores, utcnow(), "cli")
        s.commit()
    if as_json:
        click.echo(json.dumps(_json(year, sheet, saved=True), ensure_ascii=False))
        return
    click.echo(f"บันทึกคะแนน ITA ปี {year} แล้ว {len(sheet.scores)} ข้อ (แทนที่คะแนนเดิมของปีนี้)")
    if sheet.unknown:
        click.echo("ข้ามรหัสที่ไม่มีในบัญชีรายการของปีนี้: " + ", ".join(e.code for e in sheet.unknown))


def _json(year: int, sheet: ScoreSheet, saved: bool) -> dict[str, object]:
    return {
        "year": year,
        "saved": saved,
        "scores": {code: float(score) for code, score in sheet.scores.items()},
        "unknown": [{"line": e.line, "code": e.code} for e in sheet.unknown],
        "problems": [{"line": p.line, "text": p.text, "reason": p.reason} for p in sheet.problems],
    }


@click.command("analyse")
@click.option("--year", type=int, required=True, help="ITA year (BE) to analyse.")
@click.option(
    "--threshold",
    type=str,
    default=None,
    help="Flag items scored below this (0-100); default: the office's setting (85).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@with_appcontext
def analyse_cmd(year: int, threshold: str | None, as_json: bool) -> None:
    """The year's scores by issue (1-7): flagged items and suggested measures."""
    check_year(year)
    chosen = _threshold(threshold) if threshold is not None else None
    with new_session() as s:
        try:
            analysis = year_analysis(s, year, chosen)
        except GroupingError:
            fail(f"ยังไม่มีการจัดกลุ่มประเด็นการวิเคราะห์ของปี {year}")
    if as_json:
        click.echo(json.dumps(analysis.as_json(), ensure_ascii=False))
        return
    if not analysis.scored:
        click.echo(f"ยังไม่มีคะแนน ITA ของปี {year} (นำเข้าด้วย ita import-scores)")
    click.echo(f"การวิเคราะห์ผลการประเมิน ITA ปี {year} (เกณฑ์ {analysis.threshold} คะแนน)")
    for issue in analysis.issues:
        flagged = ", ".join(f"{i.code} {i.score}" for i in issue.flagged) or "ไม่มีข้อที่ต่ำกว่าเกณฑ์"
        click.echo(f"ประเด็นที่ {issue.no} {issue.title}: {flagged}")
        for suggestion in issue.suggestions:
            codes = ", ".join(suggestion.for_codes)
            click.echo(f"  มาตรการที่เสนอ: {suggestion.title} ({codes})")


def _threshold(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = Decimal(-1)
    if not value.is_finite() or not 0 <= value <= 100:
        raise click.BadParameter("ระบุเกณฑ์เป็นตัวเลข 0 ถึง 100", param_hint="--threshold")
    return value


@click.command("scores-template")
@click.option("--year", type=int, required=True, help="ITA year (BE).")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help=".csv or .xlsx")
@with_appcontext
def scores_template_cmd(year: int, out: str) -> None:
    """A sheet with every code of the year and an empty score column, to fill and import."""
    check_year(year)
    suffix = Path(out).suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        fail("ระบุไฟล์ผลลัพธ์เป็น .csv หรือ .xlsx")
    with new_session() as s:
        rows = template_rows(s, year)
    if not rows:
        fail(f"ไม่มีบัญชีรายการ ITA ของปี {year}")
    data = template_csv(rows) if suffix == ".csv" else template_xlsx(rows, year)
    Path(out).write_bytes(data)
    click.echo(f"เขียนแบบฟอร์มคะแนน ITA ปี {year} ({len(rows)} ข้อ) ลงไฟล์ {out} แล้ว")


COMMANDS = (import_scores_cmd, analyse_cmd, scores_template_cmd)
