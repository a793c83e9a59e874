"""The year's ITA catalogue on an admin page: copy a year, edit codes, titles, kinds and
windows of the office's copy (every change in the audit log), or go back to the shipped one."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from bot.admin.auth import audit, roles_required
from bot.admin.dashboard import chosen_year
from bot.db import store
from bot.db.ita.store import catalogue_for, copy_year, drop_copy, known_years, update_item
from handlers.clock import local_date, utcnow
from handlers.ita.catalogue import KINDS, Catalogue, CatalogueError, Item
from handlers.ita.windows import LABELS
from handlers.thai.dates import fiscal_year, parse_be_year

bp = Blueprint("ita_admin", __name__, url_prefix="/admin/ita")
READERS = ("admin", "executive", "integrity")


def chosen_catalogue() -> tuple[int, Catalogue, str]:
    """The year asked for and its catalogue; the current year's when it has none."""
    fy, problem = chosen_year()
    s = store().session
    try:
        return fy, catalogue_for(s, fy), problem
    except CatalogueError:
        current = fiscal_year(local_date(utcnow()))
        first = min(known_years(s))
        problem = f"ไม่มีบัญชีรายการ ITA ของปี {fy} (ปีแรกที่มีคือ {first}) แสดงปี {current} แทน"
        return current, catalogue_for(s, current), problem


@bp.get("")
@roles_required(*READERS)
def year() -> str:
    fy, catalogue, problem = chosen_catalogue()
    s = store().session
    current = fiscal_year(local_date(utcnow()))
    return render_template(
        "admin/ita.html",
        fy=fy,
        problem=problem,
        catalogue=catalogue,
        years=sorted(set(known_years(s)) | {current, current + 1}, reverse=True),
        kinds=KINDS,
        windows=LABELS,
    )


def _back(year: int) -> Response:
    return redirect(url_for("ita_admin.year", year=year))


@bp.post("/copy")
@roles_required("admin")
def copy() -> Response:
    source = parse_be_year(request.form.get("source") or "")
    target = parse_be_year(request.form.get("target") or "")
    current = fiscal_year(local_date(utcnow()))
    if source is None or target is None or not 2560 <= target <= current + 1:
        flash("กรุณาระบุปีต้นทางและปีปลายทางเป็นปี พ.ศ. ที่ถูกต้อง", "error")
        return _back(current)
    try:
        made = copy_year(store().session, source, target, utcnow())
    except CatalogueError:
        store().rollback()
        flash(f"ไม่มีบัญชีรายการ ITA ของปี {source} ให้คัดลอก", "error")
        return _back(current)
    audit("ita.copy", str(target), f"คัดลอกจากบัญชีรายการปี {source} ({len(made.items)} รายการ)")
    store().commit()
    flash(f"คัดลอกบัญชีรายการปี {source} เป็นบัญชีของหน่วยงานปี {target} แล้ว", "ok")
    return _back(target)


@bp.post("/<int:year>/reset")
@roles_required("admin")
def reset(year: int) -> Response:
    drop_copy(store().session, year)
    audit("ita.reset", str(year), "กลับไปใช้บัญชีรายการมาตรฐาน")
    store().commit()
    flash(f"ปี {year} กลับไปใช้บัญชีรายการมาตรฐานแล้ว", "ok")
    return _back(year)


@bp.post("/<int:year>/items/<code>")
@roles_required("admin")
def edit(year: int, code: str) -> Response:
    f = request.form
    try:
        before, after = update_item(
            store().session,
            year,
            code,
            new_code=f.get("code") or "",
            title=" ".join((f.get("title") or "").split()),
            kind=f.get("kind") or "",
            window=f.get("window") or "",
            now=utcnow(),
        )
    except KeyError:
        store().rollback()
        flash("ไม่พบรายการนี้ในบัญชีของหน่วยงาน (คัดลอกบัญชีรายการของปีก่อนแก้ไข)", "error")
        return _back(year)
    except CatalogueError as e:
        store().rollback()
        flash(f"แก้ไขรายการ {code} ไม่ได้: {_thai(e)}", "error")
        return _back(year)
    changes = _changes(before, after)
    if changes:
        audit("ita.edit", f"{year} {before.code}", "; ".join(changes))
    store().commit()
    flash(f"บันทึกรายการ {after.code} แล้ว" if changes else "ไม่มีการเปลี่ยนแปลง", "ok")
    return _back(year)


def _changes(before: Item, after: Item) -> list[str]:
    fields = (("code", "รหัส"), ("title", "ชื่อ"), ("kind", "ชนิดหลักฐาน"), ("window", "ช่วงข้อมูล"))
    return [
        f"{label}: {getattr(before, name) or '-'} → {getattr(after, name) or '-'}"
        for name, label in fields
        if getattr(before, name) != getattr(after, name)
    ]


def _thai(e: CatalogueError) -> str:
    text = str(e)
    if "not canonical" in text:
        return "รหัสต้องเป็นรูปแบบ o12, i3 หรือ e15"
    if "already used" in text:
        return "รหัสนี้มีอยู่แล้วในปีนี้"
    if "title is empty" in text:
        return "กรุณากรอกชื่อรายการ"
    if "belongs to" in text:
        return "รหัสต้องอยู่ในเครื่องมือเดิม (o สำหรับ OIT)"
    return "ชนิดหลักฐานหรือช่วงข้อมูลไม่ถูกต้อง"
