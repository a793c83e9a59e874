"""Every piece of evidence the office publishes for the chosen ITA year, in each format,
listed by the year's own catalogue codes."""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template, request

from bot.admin.auth import audit, roles_required
from bot.admin.dashboard import chosen_year
from bot.db import store
from handlers.clock import local_date, utcnow
from handlers.ita.windows import LABELS
from handlers.thai.dates import fiscal_year

bp = Blueprint("reports", __name__, url_prefix="/admin/reports")

READERS = ("admin", "executive", "integrity")


@bp.get("")
@roles_required(*READERS)
def index() -> str:
    from bot.admin.ita import chosen_catalogue
    from bot.reports import FORMATS
    from bot.reports.evidence import BUILDERS, KIND_TITLES, produces

    fy, catalogue, problem = chosen_catalogue()
    rows = [
        {
            "code": i.code,
            "label": f"{i.code.upper()} {i.title}",
            "window": LABELS[i.window],
            "ready": produces(i),
        }
        for i in catalogue.items
        if i.kind
    ]
    # Evidence offices publish although the year's list has no item for it (general
    # complaint statistics always; the satisfaction survey from 2567 on), by kind.
    rows += [
        {"code": k, "label": KIND_TITLES[k], "window": LABELS["current_fy_to_date"], "ready": True}
        for k in BUILDERS
        if not catalogue.by_kind(k)
    ]
    current = fiscal_year(local_date(utcnow()))
    return render_template(
        "admin/reports.html",
        rows=rows,
        fy=fy,
        problem=problem,
        formats=FORMATS,
        years=list(range(current + 1, 2563, -1)),
        catalogue=catalogue,
    )


@bp.get("/<code>.<fmt>")
@roles_required(*READERS)
def download(code: str, fmt: str) -> Response:
    from bot.reports import FORMATS

    if fmt not in FORMATS:
        abort(404)
    fy, problem = chosen_year()
    if problem:
        abort(400)
    return report_response(code, fy, fmt)


def report_response(code: str, fy: int, fmt: str, plan: str = "") -> Response:
    """Evidence built now, rendered, recorded in the audit log and sent as a download."""
    from bot.reports import MIME, file_name, office_address, office_name, render
    from bot.reports.evidence import EvidenceError, build

    thai = request.args.get("thai") == "1"
    try:
        report = build(
            store(),
            fy,
            code,
            utcnow(),
            office=office_name(),
            address=office_address(),
            thai_digits=thai,
            plan=plan,
        )
    except EvidenceError:
        abort(404)
    body = render(report, fmt)
    name = file_name(report.code or code, fy, fmt, thai)
    audit("report.download", name)
    store().commit()
    resp = Response(body, mimetype=MIME[fmt])
    if fmt != "html":
        resp.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return resp
