"""Draft measures from a year's ITA analysis (/admin/ita/<year>/measures-draft): the measure
library's suggestions for the flagged items, or for items the admin picks by hand, which
the admin edits, rejects or adopts into the next fiscal year's integrity measures (o42).
Every change is in the audit log."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from bot.admin.auth import audit, roles_required
from bot.db import store
from bot.db.ita.store import catalogue_for
from bot.db.measure_drafts.analysis import flagged_by_issue
from handlers.clock import utcnow
from handlers.ita import drafts
from handlers.ita.catalogue import Catalogue, CatalogueError
from handlers.ita.library import ISSUE_TITLES
from handlers.shared import DomainError

bp = Blueprint("ita_drafts", __name__, url_prefix="/admin/ita")
READERS = ("admin", "executive", "integrity")


def _catalogue(year: int) -> Catalogue | None:
    try:
        return catalogue_for(store().session, year)
    except CatalogueError:
        return None


def _back(year: int) -> Response:
    return redirect(url_for("ita_drafts.page", year=year))


@bp.get("/<int:year>/measures-draft")
@roles_required(*READERS)
def page(year: int) -> str | Response:
    catalogue = _catalogue(year)
    if catalogue is None:
        flash(f"ไม่มีบัญชีรายการ ITA ของปี {year}", "error")
        return redirect(url_for("ita_admin.year"))
    s = store()
    found = s.measure_drafts.drafts_of_year(year)
    return render_template(
        "admin/ita_drafts.html",
        year=year,
        fy=drafts.register_year(year),
        flagged=flagged_by_issue(s, year),
        issues=ISSUE_TITLES,
        catalogue=catalogue,
        open_drafts=[d for d in found if d.status == drafts.DRAFT],
        adopted=[d for d in found if d.status == drafts.ADOPTED],
        rejected=[d for d in found if d.status == drafts.REJECTED],
        measures={m.id: m for m in s.measures.measures_of_year(drafts.register_year(year))},
    )


@bp.post("/<int:year>/measures-draft/suggest")
@roles_required("admin")
def make(year: int) -> Response:
    """Drafts for the flagged items of every issue, or (form fields issue, codes) for the
    items the admin picked."""
    catalogue = _catalogue(year)
    if catalogue is None:
        return redirect(url_for("ita_admin.year"))
    s = store()
    raw_issue = (request.form.get("issue") or "").strip()
    if raw_issue:
        if not raw_issue.isdigit() or int(raw_issue) not in ISSUE_TITLES:
            flash("กรุณาเลือกประเด็นที่ 1-7", "error")
            return _back(year)
        try:
            codes = drafts.read_codes(request.form.get("codes") or "", _codes(catalogue))
        except DomainError as e:
            flash(str(e), "error")
            return _back(year)
        wanted = {int(raw_issue): codes}
    else:
        wanted = flagged_by_issue(s, year)
        if not wanted:
            flash("ยังไม่มีข้อคำถามที่ต่ำกว่าเกณฑ์ของปีนี้ กรุณาเลือกประเด็นและข้อคำถามเอง", "error")
            return _back(year)
    made = drafts.draft_suggestions(s.measure_drafts, year, wanted, utcnow())
    if made:
        detail = "; ".join(f"ประเด็นที่ {d.issue_no}: {d.title}" for d in made)
        audit("ita.draft.suggest", str(year), detail)
    s.commit()
    flash(
        f"เพิ่มร่างมาตรการ {len(made)} รายการ" if made else "ข้อเสนอทั้งหมดมีร่างอยู่แล้ว",
        "ok",
    )
    return _back(year)


@bp.post("/<int:year>/measures-draft/<int:draft_id>")
@roles_required("admin")
def decide(year: int, draft_id: int) -> Response:
    """action=save keeps the edits; adopt keeps them and adopts; reject drops the draft
    (edits unsaved); restore brings a rejected one back."""
    catalogue = _catalogue(year)
    s = store()
    found = s.measure_drafts.get_draft(draft_id)
    if catalogue is None or found is None or found.year != year:
        flash("ไม่พบร่างมาตรการนี้", "error")
        return _back(year)
    action = request.form.get("action") or "save"
    actor = current_user.username
    try:
        if action == "restore":
            drafts.restore(s.measure_drafts, draft_id)
            audit("ita.draft.restore", f"{year} #{draft_id}", found.title)
            message = "นำร่างมาตรการกลับมาพิจารณาแล้ว"
        elif action == "reject":
            drafts.reject(s.measure_drafts, draft_id, actor, utcnow())
            audit("ita.draft.reject", f"{year} #{draft_id}", found.title)
            message = "ไม่ใช้ร่างมาตรการนี้แล้ว"
        else:
            edited = drafts.edit_draft(s.measure_drafts, draft_id, _values(), _codes(catalogue))
            if edited.edits:
                audit("ita.draft.edit", f"{year} #{draft_id}", "แก้ไข" + ", ".join(edited.edits))
            message = "บันทึกร่างมาตรการแล้ว" if edited.edits else "ไม่มีการเปลี่ยนแปลง"
            if action == "adopt":
                m = drafts.adopt(s.measure_drafts, s.measures, draft_id, actor, utcnow())
                audit(
                    "ita.draft.adopt",
                    f"{year} #{draft_id}",
                    f"มาตรการที่ {m.no} ปีงบประมาณ {m.fiscal_year}: {m.title}",
                )
                message = f"รับไปใช้เป็นมาตรการที่ {m.no} ของปีงบประมาณ พ.ศ. {m.fiscal_year} แล้ว"
    except DomainError as e:
        s.rollback()
        flash(str(e), "error")
        return _back(year)
    s.commit()
    flash(message, "ok")
    return _back(year)


def _values() -> dict[str, str]:
    fields = ("title", "steps", "unit", "period", "codes")
    return {f: request.form[f] for f in fields if f in request.form}


def _codes(catalogue: Catalogue) -> set[str]:
    return {i.code for i in catalogue.items}
