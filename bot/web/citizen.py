"""Citizen pages: landing, complaint and corruption-report forms, tracking."""

from __future__ import annotations

from datetime import datetime

from flask import (
    Blueprint,
    current_app,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from sqlalchemy.exc import IntegrityError
from werkzeug.datastructures import FileStorage
from werkzeug.wrappers import Response

from bot.db import store
from bot.db.complaints import receipts
from bot.settings import office_settings
from bot.uploads.photos import check_photo, delete_photos, save_photo
from bot.web.kept_photos import kept_photos, sign_kept
from bot.web.limits import forms_limit, limiter, track_limit
from bot.web.submission import form_key, receipt_token
from handlers import privacy
from handlers.clock import local, utcnow
from handlers.complaints import categories
from handlers.complaints.domain import Complaint, Location, find_case_number
from handlers.complaints.usecases import MAX_PHOTOS, ComplaintDraft, file_complaint, track
from handlers.satisfaction.usecases import (
    may_rate_case_with_code,
    rate_complaint_handling_with_code,
)
from handlers.shared import Channel, DomainError
from handlers.thai.dates import format_thai_datetime

from .forms import ComplaintForm, TrackForm

bp = Blueprint("citizen", __name__)
PHOTO_ADVICE = "กรุณาเลือกรูปอื่น หรือส่งภาพหน้าจอของรูปนั้นแทน"
ALREADY_RATED = "ท่านประเมินการจัดการเรื่องนี้ไว้แล้ว ขอบคุณที่ร่วมประเมิน"


@bp.app_template_filter("thaidate")
def thaidate(dt: datetime | None) -> str:
    return format_thai_datetime(local(dt)) if dt else ""


@bp.get("/")
def index() -> str:
    return render_template("index.html")


@bp.get("/privacy")
def privacy_notice() -> str:
    office = office_settings().office_name
    return render_template(
        "privacy.html", summary=privacy.summary_for(office), version=privacy.VERSION
    )


@bp.route("/complaint", methods=["GET", "POST"])
@limiter.limit(forms_limit, methods=["POST"])
def complaint() -> str | tuple[str, int] | Response:
    return _complaint_form(corruption=False)


@bp.route("/corruption", methods=["GET", "POST"])
@limiter.limit(forms_limit, methods=["POST"])
def corruption() -> str | tuple[str, int] | Response:
    return _complaint_form(corruption=True)


def _complaint_form(corruption: bool) -> str | tuple[str, int] | Response:
    form = ComplaintForm(corruption=corruption)
    if not form.is_submitted() and corruption:
        form.anonymous.data = True
    error = None
    folder = current_app.config["UPLOAD_FOLDER"]
    if form.is_submitted() and form.anonymous.data:
        # Anonymous means no contact is kept, whatever the boxes still held (no script).
        form.contact_name.data, form.phone.data = "", ""
    key = form_key()
    token = receipt_token(key)
    if form.is_submitted() and receipts.exists(store().session, token, utcnow()):
        return _already_filed(token)
    valid = form.validate_on_submit()
    kept: list[str] = []
    new: list[str] = []
    if form.is_submitted():
        # Checked photos are kept at once, whatever else is wrong: a citizen who mistyped a
        # phone number does not have to find and attach them again.
        kept = kept_photos(request.form.get("kept_photos", ""), folder)
        if not form.photos.errors:
            before = len(kept)
            kept, problems = _keep_new_photos(form, kept, folder)
            new = kept[before:]
            form.photos.errors = [*form.photos.errors, *problems]
    if valid and not form.photos.errors:
        try:
            now = utcnow()
            filed = file_complaint(store(), _draft(form, kept), Channel.WEB, now)
            store().record_privacy_ack(
                f"web:{filed.complaint.case_number}", privacy.VERSION, "web", now
            )
            receipts.put(
                store().session, filed.complaint.case_number, filed.secret_code, now, token
            )
            store().commit()
        except IntegrityError:
            # The same form sent twice at once: the other request filed it first.
            store().rollback()
            delete_photos(folder, new)  # this request's copies; the kept ones are the case's
            if receipts.exists(store().session, token, utcnow()):
                return _already_filed(token)
            raise
        except DomainError as e:
            store().rollback()
            error = str(e)
        except BaseException:
            # Only what a committed entry references stays on disk.
            store().rollback()
            delete_photos(folder, kept)
            raise
        else:
            # Only an opaque token in the cookie (readable by anyone holding the phone).
            session["receipt"] = token
            return redirect(url_for("citizen.received"))
    status = 400 if form.is_submitted() else 200
    page = render_template(
        "complaint.html",
        form=form,
        corruption=corruption,
        error=error,
        privacy_summary=privacy.summary_for(office_settings().office_name),
        kept_token=sign_kept(kept) if kept else "",
        kept_count=len(kept),
        form_key=key,
    )
    return (page, status)


def _already_filed(token: str) -> Response:
    """The receipt of the complaint this form already filed, shown instead of a second one."""
    session["receipt"] = token
    return redirect(url_for("citizen.received"))


def _keep_new_photos(
    form: ComplaintForm, kept: list[str], folder: str
) -> tuple[list[str], list[str]]:
    """The photos kept so far plus this post's good ones, or the Thai problems with them."""
    contents, problems = _checked_photos(form.photos.data or [])
    if len(kept) + len(contents) > MAX_PHOTOS:
        return kept, [f"แนบรูปได้ไม่เกิน {MAX_PHOTOS} รูป (แนบไว้แล้ว {len(kept)} รูป)"]
    limit = current_app.config["MAX_PHOTO_BYTES"]
    saved = [name for c in contents if (name := save_photo(c, folder, limit)[0])]
    return kept + saved, problems


def _draft(form: ComplaintForm, photos: list[str]) -> ComplaintDraft:
    anonymous = bool(form.anonymous.data)
    return ComplaintDraft(
        category=form.category.data or "",
        details=form.details.data or "",
        photos=photos,
        location=Location(address=form.location.data.strip()) if form.location.data else None,
        contact_name=form.contact_name.data or "",
        phone=form.phone.data or "",
        anonymous=anonymous,
    )


def _checked_photos(files: list[FileStorage]) -> tuple[list[bytes], list[str]]:
    """Every upload's content, or the Thai problems; nothing is written to disk here."""
    contents, problems = [], []
    limit = current_app.config["MAX_PHOTO_BYTES"]
    for f in files:
        if not getattr(f, "filename", ""):
            continue
        content = f.read(limit + 1)
        problem = check_photo(content, limit)
        if problem:
            problems.append(f"{f.filename}: {problem} {PHOTO_ADVICE}")
        else:
            contents.append(content)
    return contents, problems


@bp.get("/complaint/received")
def received() -> str | Response:
    token = session.pop("receipt", None)
    shown = receipts.take(store().session, token, utcnow()) if isinstance(token, str) else None
    if shown is None:
        return redirect(url_for("citizen.track_page"))
    case, code = shown
    resp = make_response(render_template("received.html", case=case, code=code))
    resp.headers["Cache-Control"] = "no-store"  # the code must not stay in a cache either
    return resp


@bp.route("/track", methods=["GET", "POST"])
@limiter.limit(track_limit, methods=["POST"])
def track_page() -> str | tuple[str, int]:
    form = TrackForm()
    found, not_found = None, False
    if form.validate_on_submit():
        number = find_case_number(form.case_number.data or "") or ""
        found = track(store(), number, form.code.data or "")
        not_found = found is None
    return _track_page(form, found, not_found)


def _track_page(
    form: TrackForm, found: Complaint | None, not_found: bool, rated: str = "", error: str = ""
) -> str | tuple[str, int]:
    can_rate = False
    if found is not None and not rated:
        can_rate = not may_rate_case_with_code(
            store(), store().satisfaction, found.case_number, form.code.data or ""
        )
        if store().satisfaction.rating_for_case(found.case_number) is not None:
            rated = ALREADY_RATED
    page = render_template(
        "track.html",
        form=form,
        complaint=found,
        not_found=not_found,
        category=categories.get(found.category) if found else None,
        can_rate=can_rate,
        rated=rated,
        rate_error=error,
    )
    return (page, 404) if not_found else page


@bp.post("/track/rate")
@limiter.limit(track_limit)
def rate_handling() -> str | tuple[str, int]:
    """After a case is closed, its complainant rates how it was handled (1–5 and a comment)."""
    form = TrackForm()
    number = find_case_number(form.case_number.data or "") or ""
    code = form.code.data or ""
    found = track(store(), number, code) if form.validate_on_submit() else None
    if found is None:
        return _track_page(form, None, True)
    try:
        score = int(request.form.get("score", ""))
    except ValueError:
        score = 0
    comment = request.form.get("comment", "")[:1000]
    if store().satisfaction.rating_for_case(found.case_number) is not None:
        # Sent twice (a double tap, the back button): the first rating stands; not an error.
        return _track_page(form, found, False, rated=ALREADY_RATED)
    try:
        rate_complaint_handling_with_code(
            store(), store().satisfaction, number, code, score, comment, utcnow()
        )
        store().commit()
    except DomainError as e:
        store().rollback()
        return _track_page(form, found, False, error=str(e))
    return _track_page(form, found, False, rated="ขอบคุณที่ประเมินการจัดการเรื่องนี้")
