"""The year's ITA scores and their analysis on an admin page: import (file, paste or typed
table), the threshold, the analysis per issue with flagged items, and the paragraphs the
admin writes per issue plus the limitations (ข้อจำกัด). Every save is in the audit log."""

from __future__ import annotations

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response as BaseResponse

from bot.admin.auth import audit, roles_required
from bot.db import store
from bot.db.ita.scores_store import (
    LIMITATIONS,
    known_codes,
    replace_scores,
    save_text,
    set_threshold,
    template_rows,
    texts,
    year_analysis,
    year_scores,
)
from bot.documents.scores import SCORE_FORMATS, read_scores, template_csv, template_xlsx
from bot.documents.tables import UnreadableFile
from handlers.clock import local_date, utcnow
from handlers.ita.grouping import GroupingError
from handlers.ita.paragraphs import draft_paragraph
from handlers.ita.scores import Entry, ScoreSheet, check, entries_from_text, parse_score
from handlers.thai.dates import fiscal_year

bp = Blueprint("ita_scores", __name__, url_prefix="/admin/ita")
READERS = ("admin", "executive", "integrity")
TEXT_LIMIT = 20_000  # characters per paragraph: a page of analysis, not a dump


@bp.get("/scores")
@roles_required(*READERS)
def index() -> BaseResponse:
    return redirect(url_for("ita_scores.page", year=fiscal_year(local_date(utcnow()))))


@bp.get("/<int:year>/scores")
@roles_required(*READERS)
def page(year: int) -> str | tuple[str, int]:
    return _render(year)


def _render(
    year: int,
    pasted: str = "",
    errors: list[str] | None = None,
    typed: dict[str, str] | None = None,
) -> str | tuple[str, int]:
    s = store().session
    try:
        analysis = year_analysis(s, year)
    except GroupingError:
        return render_template("admin/ita_scores.html", year=year, analysis=None), 404
    saved = texts(s, year)
    drafts = {issue.no: draft_paragraph(issue, analysis) for issue in analysis.issues}
    scores = year_scores(s, year)
    body = render_template(
        "admin/ita_scores.html",
        year=year,
        analysis=analysis,
        saved=saved,
        drafts=drafts,
        limitations=saved.get(LIMITATIONS, ""),
        rows=template_rows(s, year),
        typed=typed or {c: f"{v:.2f}" for c, v in scores.items()},
        pasted=pasted,
        errors=errors or [],
        count=len(scores),
    )
    return (body, 400) if errors else body


def _back(year: int) -> BaseResponse:
    return redirect(url_for("ita_scores.page", year=year))


@bp.get("/<int:year>/scores/template.<fmt>")
@roles_required(*READERS)
def template(year: int, fmt: str) -> Response:
    rows = template_rows(store().session, year)
    if fmt == "csv":
        data, mime = template_csv(rows), "text/csv; charset=utf-8"
    elif fmt == "xlsx":
        data = template_xlsx(rows, year)
        mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        return Response("ไม่รองรับรูปแบบนี้", status=404)
    name = f"ita-scores-{year}.{fmt}"
    return Response(
        data, mimetype=mime, headers={"Content-Disposition": f"attachment; filename={name}"}
    )


@bp.post("/<int:year>/scores/upload")
@roles_required("admin")
def upload(year: int) -> BaseResponse | str | tuple[str, int]:
    f = request.files.get("file")
    name = (f.filename or "") if f else ""
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if f is None or not name:
        return _render(year, errors=["กรุณาเลือกไฟล์คะแนน (.csv .xlsx หรือ .txt)"])
    if suffix not in SCORE_FORMATS:
        return _render(year, errors=["รองรับเฉพาะไฟล์ .csv .xlsx และ .txt"])
    try:
        sheet = read_scores(f.read(), suffix, known_codes(store().session, year))
    except UnreadableFile as e:
        return _render(year, errors=[str(e)])
    return _save(year, sheet, f"ไฟล์ {name}")


@bp.post("/<int:year>/scores/paste")
@roles_required("admin")
def paste(year: int) -> BaseResponse | str | tuple[str, int]:
    text = request.form.get("text") or ""
    entries, problems = entries_from_text(text)
    sheet = check(entries, known_codes(store().session, year), problems)
    return _save(year, sheet, "ข้อความที่วาง", pasted=text)


@bp.post("/<int:year>/scores/table")
@roles_required("admin")
def table(year: int) -> BaseResponse | str | tuple[str, int]:
    codes = [code for code, _ in template_rows(store().session, year)]
    typed = {c: (request.form.get(f"score_{c}") or "").strip() for c in codes}
    entries = [Entry(n, c, v) for n, (c, v) in enumerate(typed.items(), start=1) if v]
    sheet = check(entries, codes)
    # Row numbers mean nothing on a typed table: name the item instead.
    messages = [f"{p.text.split()[0]}: {p.reason}" for p in sheet.problems]
    if messages:
        return _render(year, errors=["ยังไม่ได้บันทึกคะแนน:", *messages], typed=typed)
    return _save(year, sheet, "ตารางที่กรอก", typed=typed)


def _save(
    year: int, sheet: ScoreSheet, source: str, pasted: str = "", typed: dict[str, str] | None = None
) -> BaseResponse | str | tuple[str, int]:
    skip_unknown = request.form.get("skip_unknown") == "1"
    if sheet.problems or not sheet.scores or (sheet.unknown and not skip_unknown):
        return _render(year, pasted, ["ยังไม่ได้บันทึกคะแนน:", *sheet.messages()], typed)
    s = store().session
    replace_scores(s, year, sheet.scores, utcnow(), current_user.username)
    skipped = f" ข้ามรหัส {', '.join(e.code for e in sheet.unknown)}" if sheet.unknown else ""
    audit("ita.scores", str(year), f"นำเข้าคะแนน {len(sheet.scores)} ข้อ จาก{source}{skipped}")
    store().commit()
    flash(f"บันทึกคะแนน ITA ปี {year} แล้ว {len(sheet.scores)} ข้อ (แทนที่คะแนนเดิมของปีนี้){skipped}", "ok")
    return _back(year)


@bp.post("/<int:year>/scores/threshold")
@roles_required("admin")
def set_office_threshold(year: int) -> BaseResponse | str | tuple[str, int]:
    raw = request.form.get("threshold") or ""
    value, reason = parse_score(raw)
    if value is None:
        return _render(year, errors=[f"เกณฑ์ “{raw}” ใช้ไม่ได้: {reason}"])
    s = store().session
    before = set_threshold(s, value, utcnow(), current_user.username)
    if before != value:
        audit("ita.threshold", "", f"เกณฑ์คะแนน {before:.2f} → {value:.2f}")
    store().commit()
    flash(f"ตั้งเกณฑ์คะแนนเป็น {value:.2f} คะแนนแล้ว", "ok")
    return _back(year)


@bp.post("/<int:year>/scores/texts")
@roles_required("admin")
def save_texts(year: int) -> BaseResponse | str | tuple[str, int]:
    s = store().session
    fields = {n: f"issue_{n}" for n in range(1, 8)} | {LIMITATIONS: "limitations"}
    wanted = {n: (request.form.get(name) or "").strip() for n, name in fields.items()}
    too_long = [n for n, text in wanted.items() if len(text) > TEXT_LIMIT]
    if too_long:
        return _render(year, errors=[f"ข้อความยาวเกิน {TEXT_LIMIT:,} ตัวอักษร กรุณาตัดให้สั้นลง"])
    changed = []
    for n, text in wanted.items():
        if save_text(s, year, n, text, utcnow(), current_user.username):
            changed.append("ข้อจำกัด" if n == LIMITATIONS else f"ประเด็นที่ {n}")
    if changed:
        audit("ita.analysis_text", str(year), "แก้ไข " + ", ".join(changed))
    store().commit()
    flash("บันทึกการวิเคราะห์แล้ว" if changed else "ไม่มีการเปลี่ยนแปลง", "ok")
    return _back(year)
