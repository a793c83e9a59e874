"""The office's ITA evidence as public web pages: /ita, /ita/<year>, /ita/<year>/<code>.

The assessors refuse PDFs and Drive links: evidence must be shown on the office's website.
These pages are that website's evidence (or are framed by it, see EMBED_ORIGINS), built as
of the moment they are asked for. No login; they carry counts and the office's own work,
never a citizen's personal data or a sealed report's content.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, Response, abort, current_app, jsonify, render_template, send_file
from markupsafe import Markup

from bot.db import store
from bot.db.ita.store import catalogue_for, known_years
from bot.reports import FORMATS, MIME, file_name, office_address, office_name, render
from bot.reports.evidence import EvidenceError, Target, build_target, produces, resolve
from bot.reports.html import STYLE, render_body
from bot.web.limits import evidence_limit, limiter
from handlers.clock import local_date, utcnow
from handlers.ita.windows import LABELS
from handlers.reports.model import Report
from handlers.thai.dates import fiscal_year

bp = Blueprint("ita", __name__, url_prefix="/ita")
limiter.limit(evidence_limit)(bp)


@bp.after_request
def _frame_policy(response: Response) -> Response:
    """The office's own website may show these pages in a frame (EMBED_ORIGINS)."""
    origins = str(current_app.config.get("EMBED_ORIGINS") or "").split()
    if origins:
        csp = current_app.extensions["prongsai_csp"].replace(
            "frame-ancestors 'none'", "frame-ancestors 'self' " + " ".join(origins)
        )
        response.headers["Content-Security-Policy"] = csp
    # Figures change during the day; a few minutes of caching spares the server, not the truth.
    response.headers.setdefault("Cache-Control", "public, max-age=300")
    return response


def _current() -> int:
    return fiscal_year(local_date(utcnow()))


def _check_year(year: int) -> None:
    if not min(known_years(store().session)) <= year <= _current() + 1:
        abort(404)


@bp.get("")
def index() -> str:
    years = sorted(set(known_years(store().session)) | {_current()}, reverse=True)
    return render_template("ita/index.html", years=years, office=office_name())


@bp.get("/<int:year>")
def year(year: int) -> str:
    _check_year(year)
    catalogue = catalogue_for(store().session, year)
    rows = [
        {"item": i, "ready": produces(i), "window": LABELS[i.window]}
        for i in catalogue.items
        if i.instrument == "OIT"
    ]
    return render_template(
        "ita/year.html", year=year, catalogue=catalogue, rows=rows, office=office_name()
    )


def _target(year: int, code: str) -> Target:
    _check_year(year)
    try:
        target = resolve(store(), year, code, utcnow())
    except EvidenceError:
        abort(404)
    return target


def _build(target: Target) -> Report:
    try:
        return build_target(
            store(), target, utcnow(), office=office_name(), address=office_address()
        )
    except EvidenceError:
        abort(404)


@bp.get("/<int:year>/<code>")
def item(year: int, code: str) -> str:
    target = _target(year, code)
    report = _build(target)
    downloads = [
        (fmt.upper(), f"{target.code}.{fmt}", file_name(target.code, year, fmt)) for fmt in FORMATS
    ]
    return render_template(
        "ita/item.html",
        year=year,
        report=report,
        body=Markup(render_body(_with_photo_urls(report, year, target.code))),  # noqa: S704
        downloads=downloads,
        code=target.code,
        office=office_name(),
        style=Markup(STYLE),  # noqa: S704 - our own stylesheet text
    )


@bp.get("/<int:year>/<code>.json")
def figures(year: int, code: str) -> Response:
    target = _target(year, code)
    report = _build(target)
    w = target.window
    data: dict[str, Any] = {
        "year": year,
        "code": target.item.code if target.item else None,
        "kind": target.kind,
        "title": report.title,
        "office": report.office,
        "window": {
            "name": w.name,
            "fiscal_year": w.fiscal_year,
            "start": w.start.isoformat(),
            "end": w.end.isoformat(),
            "as_of": w.as_of.isoformat(),
        },
        **report.figures,
    }
    return jsonify(data)


@bp.get("/<int:year>/<code>.<fmt>")
def download(year: int, code: str, fmt: str) -> Response:
    if fmt not in FORMATS:
        abort(404)
    target = _target(year, code)
    report = _build(target)
    resp = Response(render(report, fmt), mimetype=MIME[fmt])
    if fmt != "html":
        name = file_name(target.code, year, fmt)
        resp.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return resp


@bp.get("/<int:year>/<code>/photos/<name>")
def photo(year: int, code: str, name: str) -> Response:
    """A photo the evidence shows (staff proof of work); nothing else is served here."""
    report = _build(_target(year, code))
    for image in report.images:
        if Path(image.path).name == name and Path(image.path).is_file():
            return send_file(image.path, max_age=3600)
    abort(404)


def _with_photo_urls(report: Report, year: int, code: str) -> Report:
    from dataclasses import replace

    from flask import url_for

    images = [
        replace(i, url=url_for("ita.photo", year=year, code=code, name=Path(i.path).name))
        for i in report.images
        if Path(i.path).is_file()
    ]
    return replace(report, images=images)
