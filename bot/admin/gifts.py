"""The gift register for the integrity officer (and admin): the entries of a fiscal year,
and marking each reviewed with a note (audited)."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response as WzResponse

from bot.admin.auth import audit, roles_required
from bot.admin.dashboard import chosen_year
from bot.db import store
from handlers.clock import utcnow
from handlers.gifts.usecases import GiftInvalid, figures, month_name, review
from handlers.thai.dates import fiscal_year_bounds, format_thai_date

bp = Blueprint("gifts", __name__, url_prefix="/admin/gifts")
ROLES = ("admin", "integrity")


@bp.get("")
@roles_required(*ROLES)
def index() -> str:
    fy, problem = chosen_year()
    entries = store().gifts.gift_reports_between(*fiscal_year_bounds(fy))
    return render_template(
        "admin/gifts.html",
        gifts=[e for e in entries if e.is_gift],
        declared=[e for e in entries if not e.is_gift],
        totals=figures(entries),
        fy=fy,
        problem=problem,
        day=format_thai_date,
        month=month_name,
    )


@bp.post("/<int:report_id>/review")
@roles_required(*ROLES)
def mark_reviewed(report_id: int) -> WzResponse:
    note = request.form.get("note") or ""
    year = request.form.get("year") or ""
    try:
        done = review(store().gifts, report_id, current_user.username, note, utcnow())
    except GiftInvalid as problem:
        flash(str(problem), "error")
        return redirect(url_for("gifts.index", year=year or None))
    audit("gift.review", str(report_id), done.review_note)
    store().commit()
    flash("บันทึกผลการตรวจสอบแล้ว", "ok")
    return redirect(url_for("gifts.index", year=year or None))
