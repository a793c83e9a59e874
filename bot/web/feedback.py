"""/feedback: the satisfaction form a citizen reaches by scanning the QR code at a counter."""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, request, session, url_for
from werkzeug.wrappers import Response

from bot.db import store
from bot.web.feedback_form import FeedbackForm
from bot.web.limits import forms_limit, limiter
from handlers import privacy
from handlers.clock import local_date, utcnow
from handlers.satisfaction.usecases import RatingDraft, rate_service, respondent_key
from handlers.shared import Channel, DomainError

bp = Blueprint("feedback", __name__)

# Many phones can share one public address (mobile networks, the office's Wi-Fi): the
# per-address limit is generous; the signed cookie keeps one browser to once a day.
COOKIE_KEY = "rated"


@bp.route("/feedback", methods=["GET", "POST"])
@limiter.limit(forms_limit, methods=["POST"])
def form() -> str | Response | tuple[str, int]:
    ratings = store().satisfaction
    services = ratings.services()
    form = FeedbackForm(services=services)
    wanted = request.args.get("service", "").strip().lower()
    chosen = ratings.get_service(wanted) if wanted else None
    unknown = bool(wanted) and (chosen is None or not chosen.active)
    if not form.is_submitted() and chosen is not None and not unknown:
        form.service.data = chosen.code
    error = ""
    if form.validate_on_submit():
        code = form.service.data or ""
        if code in _rated_today():
            # Sent twice (a double tap, the back button): the first rating stands; a thank-you
            # saying so, not an error.
            service = ratings.get_service(code)
            return render_template("feedback_thanks.html", service=service, already=True)
        else:
            try:
                now = utcnow()
                rating = rate_service(
                    ratings,
                    _draft(form),
                    Channel.WEB,
                    now,
                    _address_key(),
                    current_app.config["RATINGS_PER_ADDRESS_DAILY"],
                )
                # The acknowledgement is kept with the rating, as for a web complaint.
                store().record_privacy_ack(f"web-rating:{rating.id}", privacy.VERSION, "web", now)
                store().commit()
            except DomainError as e:
                store().rollback()
                error = str(e)
            else:
                _remember(code)
                return redirect(url_for("feedback.thanks", service=code))
    page = render_template(
        "feedback.html",
        form=form,
        chosen=None if unknown else chosen,
        unknown=unknown,
        error=error,
    )
    status = 400 if form.is_submitted() else 404 if unknown else 200
    return page, status


@bp.get("/feedback/thanks")
def thanks() -> str:
    service = store().satisfaction.get_service(request.args.get("service", ""))
    return render_template("feedback_thanks.html", service=service)


def _draft(form: FeedbackForm) -> RatingDraft:
    return RatingDraft(
        service_code=form.service.data or "",
        scores=form.scores(),
        comment=form.comment.data or "",
        gender=form.gender.data or "",
        age_band=form.age_band.data or "",
        occupation=form.occupation.data or "",
    )


def _today() -> str:
    return local_date(utcnow()).isoformat()


def _rated_today() -> list[str]:
    """Services this browser rated today, from the signed session cookie."""
    kept = session.get(COOKIE_KEY) or {}
    return list(kept.get("codes", [])) if kept.get("day") == _today() else []


def _remember(code: str) -> None:
    session[COOKIE_KEY] = {"day": _today(), "codes": [*_rated_today(), code]}
    session.permanent = True


def _address_key() -> str:
    # Keyed with the app's secret: the stored key cannot be turned back into an address.
    return respondent_key("ip", request.remote_addr or "", current_app.config["SECRET_KEY"])
