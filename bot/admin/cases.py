"""The complaint queue and the case page: filters, photos, history, assignment, status
changes (the citizen is told), the printable result letter, and sealed corruption cases."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_from_directory,
    session,
    url_for,
)
from werkzeug.wrappers import Response

from bot.admin.auth import audit, roles_required, viewer
from bot.admin.casemap import page_map, queue_map
from bot.db import store
from bot.db.accounts.tables import ROLE_TH
from bot.db.complaints import queries, receipts
from bot.db.office.store import unit_names
from bot.settings import office_settings, public_url
from handlers.clock import local_date, utcnow
from handlers.complaints import categories
from handlers.complaints.domain import TRANSITIONS, Complaint, Location, Status
from handlers.complaints.due import overdue_before
from handlers.complaints.handling import (
    assign_unit,
    change_status,
    closing_needs_note,
    get_for,
    reopen,
)
from handlers.complaints.letter import result_letter
from handlers.complaints.policy import (
    FILING_ROLES,
    ROLES,
    case_view,
    is_sealed,
    may_assign,
    may_change_status,
    may_see_content,
)
from handlers.complaints.queue import PAGE_SIZE, parse_filter
from handlers.complaints.received import (
    STAFF_CHANNELS,
    file_received,
    parse_received,
    staff_channel,
)
from handlers.complaints.usecases import ComplaintDraft
from handlers.shared import Channel, DomainError, last_page

bp = Blueprint("cases", __name__, url_prefix="/admin/cases")


def _load(case_number: str) -> Complaint:
    try:
        return get_for(store(), viewer(), case_number)
    except DomainError:
        abort(404)


def _record_if_sealed(c: Complaint, what: str) -> None:
    """Every opening of a sealed case is kept, whoever opened it and whatever they saw."""
    if is_sealed(c.category):
        v = viewer()
        queries.record_sealed_access(
            store().session,
            c.case_number,
            v.username,
            v.role,
            what,
            v.role == "integrity",
            utcnow(),
        )
        store().commit()


@bp.get("")
@roles_required(*ROLES)
def queue() -> str:
    v = viewer()
    f, problems = parse_filter(request.args, v)
    now = utcnow()
    rows, total = queries.queue(store().session, f, overdue_before(now))
    pages = last_page(total, PAGE_SIZE)
    if f.page > pages:  # a page past the end (typed, or the queue shrank): show the last
        f = replace(f, page=pages)
        rows, total = queries.queue(store().session, f, overdue_before(now))
    units = unit_names(store().session)
    return render_template(
        "admin/cases.html",
        cases=[case_view(v, c, now) for c in rows],
        total=total,
        f=f,
        problems=problems,
        pages=pages,
        statuses=list(Status),
        categories=categories.by_code().values(),
        channels=list(Channel),
        units=units,
        staff_unit=v.unit if v.role == "staff" else "",
        casemap=queue_map(),
    )


@bp.route("/new", methods=["GET", "POST"])
@roles_required(*FILING_ROLES)
def new() -> str | tuple[str, int] | Response:
    """Record a complaint a citizen brought to the counter, phoned in, wrote or sent by
    Facebook; then the printable receipt, the only place its tracking code is shown."""
    now = utcnow()
    form = request.form
    error = ""
    if request.method == "POST":
        try:
            door = staff_channel(form.get("channel", ""))
            received = form.get("received", "").strip()
            day = parse_received(received) if received else local_date(now)
            location = form.get("location", "").strip()
            draft = ComplaintDraft(
                category=form.get("category", ""),
                details=form.get("details", ""),
                location=Location(address=location[:300]) if location else None,
                contact_name=form.get("contact_name", "")[:200],
                phone=form.get("phone", ""),
            )
            filed = file_received(store(), draft, door, day, now)
            number = filed.complaint.case_number
            token = receipts.put(store().session, number, filed.secret_code, now)
            # The door and the day only: the content may be a sealed report's.
            audit("complaint.received", number, f"{door.value} {day.isoformat()}")
            store().commit()
        except DomainError as e:
            store().rollback()
            error = str(e)
        else:
            session["admin_receipt"] = token
            return redirect(url_for("cases.receipt", case_number=number))
    page = render_template(
        "admin/case_new.html",
        form=form,
        error=error,
        channels=STAFF_CHANNELS,
        categories=categories.by_code().values(),
        today=local_date(now).isoformat(),
    )
    return (page, 400) if error else page


@bp.get("/<case_number>/receipt")
@roles_required(*FILING_ROLES)
def receipt(case_number: str) -> Response:
    """The slip given to the citizen. The tracking code shows on the first view after filing
    only (kept in filing_receipts and deleted as it is read); later views reprint the rest."""
    token = session.pop("admin_receipt", None)
    shown = receipts.take(store().session, token, utcnow()) if isinstance(token, str) else None
    code = shown[1] if shown is not None and shown[0] == case_number.strip().upper() else ""
    # The filer may not be able to list the case later (another unit's): the receipt's
    # token proves they filed it. Without it the usual rule applies.
    found = store().get_complaint(case_number.strip().upper()) if code else None
    c = found or _load(case_number)
    _record_if_sealed(c, "receipt")
    track_url = public_url("citizen.track_page")
    resp = current_app.make_response(
        render_template(
            "admin/receipt.html",
            c=c,
            code=code,
            received=local_date(c.created_at),
            track_url=track_url,
        )
    )
    resp.headers["Cache-Control"] = "private, no-store"
    return resp


@bp.get("/<case_number>")
@roles_required(*ROLES)
def case(case_number: str) -> str:
    c = _load(case_number)
    v = viewer()
    _record_if_sealed(c, "page")
    view = case_view(v, c, utcnow())
    accesses = (
        queries.sealed_accesses(store().session, c.case_number)
        if view.sealed and v.role == "integrity"
        else []
    )
    return render_template(
        "admin/case.html",
        c=view,
        next_statuses=sorted(TRANSITIONS[c.status], key=list(Status).index),
        can_change=may_change_status(v, c),
        can_assign=may_assign(v, c),
        units=unit_names(store().session),
        accesses=accesses,
        role_th=ROLE_TH,
        casemap=_pin_map(view.location, c.status),
    )


def _pin_map(loc: Location | None, status: Status) -> dict[str, object] | None:
    """The case's own pin (its location is None when the viewer may not see it)."""
    if loc is None or loc.latitude is None or loc.longitude is None:
        return None
    return page_map(pin=(loc.latitude, loc.longitude), status=status)


@bp.get("/<case_number>/photo/<int:index>")
@roles_required(*ROLES)
def photo(case_number: str, index: int) -> Response:
    c = _load(case_number)
    if not may_see_content(viewer(), c):
        _record_if_sealed(c, "photo")
        abort(403)
    if not 0 <= index < len(c.photos):
        abort(404)
    _record_if_sealed(c, "photo")
    folder = Path(current_app.config["UPLOAD_FOLDER"])
    name = c.photos[index]
    # Stored names are random hex: anything with a path part (either slash, "..") is refused.
    if (
        os.path.basename(name) != name
        or "\\" in name
        or name.startswith(".")
        or not (folder / name).is_file()
    ):
        abort(404)
    resp = send_from_directory(folder, name, max_age=0)
    resp.headers["Cache-Control"] = "private, no-store"
    return resp


@bp.post("/<case_number>/status")
@roles_required("admin", "integrity", "staff")
def set_status(case_number: str) -> str | Response:
    c = _load(case_number)
    status = request.form.get("status", "")
    note = request.form.get("note", "")
    try:
        closing_needs_note(status, note)
    except DomainError as e:
        flash(str(e), "error")
        return redirect(url_for("cases.case", case_number=c.case_number))
    closing = next((s for s in Status if s.value == status and s.closed), None)
    if closing is not None and request.form.get("confirm") != "yes":
        # Closing cannot be undone by the same form: a second page shows what the citizen
        # will read and asks again (no script: the CSP allows none inline).
        if not may_change_status(viewer(), c):
            abort(403)
        return render_template("admin/case_confirm.html", c=c, status=closing, note=note.strip())
    try:
        changed = change_status(
            store(),
            viewer(),
            c.case_number,
            status,
            note,
            utcnow(),
        )
    except DomainError as e:
        store().rollback()
        flash(str(e), "error")
        return redirect(url_for("cases.case", case_number=c.case_number))
    # A sealed case's note is content: the audit log keeps only the change itself.
    detail = (
        changed.status.value
        if is_sealed(c.category)
        else f"{changed.status.value}: {request.form.get('note', '')[:200]}"
    )
    audit("complaint.status", c.case_number, detail)
    store().commit()
    _wake_notices()
    told = (
        "แจ้งผู้ร้องทาง LINE แล้ว (หรือจะแจ้งเมื่อผู้ร้องส่งข้อความครั้งถัดไป)"
        if changed.line_user_id
        else "ผู้ร้องไม่ได้แจ้งทาง LINE: แจ้งผลด้วยหนังสือแจ้งผล"
    )
    flash(f"เปลี่ยนสถานะเป็น “{changed.status.thai}” แล้ว · {told}", "ok")
    return redirect(url_for("cases.case", case_number=c.case_number))


@bp.post("/<case_number>/reopen")
@roles_required("admin", "integrity", "staff")
def reopen_case(case_number: str) -> Response:
    c = _load(case_number)
    reason = request.form.get("reason", "")
    try:
        changed = reopen(store(), viewer(), c.case_number, reason, utcnow())
    except DomainError as e:
        store().rollback()
        flash(str(e), "error")
        return redirect(url_for("cases.case", case_number=c.case_number))
    detail = "" if is_sealed(c.category) else reason.strip()[:200]
    audit("complaint.reopen", c.case_number, detail)
    store().commit()
    _wake_notices()
    told = (
        "แจ้งผู้ร้องทาง LINE แล้ว (หรือจะแจ้งเมื่อผู้ร้องส่งข้อความครั้งถัดไป)"
        if changed.line_user_id
        else "ผู้ร้องเห็นได้ที่หน้าติดตามเรื่อง"
    )
    flash(f"เปิดเรื่องอีกครั้งแล้ว สถานะ “{changed.status.thai}” · {told}", "ok")
    return redirect(url_for("cases.case", case_number=c.case_number))


@bp.post("/<case_number>/assign")
@roles_required("admin", "integrity")
def assign(case_number: str) -> Response:
    c = _load(case_number)
    try:
        assign_unit(
            store(),
            viewer(),
            c.case_number,
            request.form.get("unit", ""),
            unit_names(store().session),
            utcnow(),
        )
    except DomainError as e:
        store().rollback()
        flash(str(e), "error")
        return redirect(url_for("cases.case", case_number=c.case_number))
    unit = request.form.get("unit", "").strip()
    audit("complaint.assign", c.case_number, "" if is_sealed(c.category) else unit)
    store().commit()
    flash(f"มอบหมายให้ {unit} แล้ว", "ok")
    return redirect(url_for("cases.case", case_number=c.case_number))


@bp.get("/<case_number>/letter")
@roles_required("admin", "integrity", "staff", "executive")
def letter(case_number: str) -> str:
    c = _load(case_number)
    v = viewer()
    if not may_see_content(v, c):
        _record_if_sealed(c, "letter")
        abort(403)
    _record_if_sealed(c, "letter")
    view = case_view(v, c, utcnow())
    outcome = next((h for h in reversed(view.history) if h.status == c.status and h.note), None)
    letter = result_letter(
        office_settings(),
        case_number=view.case_number,
        filed_on=local_date(view.created_at),
        category_th=view.category_th,
        details=view.details,
        status=view.status,
        note=outcome.note if outcome else "",
        contact_name=view.contact_name,
        anonymous=view.anonymous,
        unit=view.unit,
        today=local_date(utcnow()),
        track_url=public_url("citizen.track_page"),
    )
    return render_template("admin/letter.html", c=view, letter=letter)


def _wake_notices() -> None:
    """The background worker pushes the citizen's notice now rather than at its next tick."""
    wake = current_app.extensions.get("prongsai_wake")
    if wake is not None:
        wake.set()
