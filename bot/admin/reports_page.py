"""Every report the office publishes, for the chosen fiscal year, in each format."""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template, request

from bot.admin.auth import audit, roles_required
from bot.admin.dashboard import chosen_year
from bot.db import store
from handlers.clock import local_date, utcnow
from handlers.thai.dates import fiscal_year

bp = Blueprint("reports", __name__, url_prefix="/admin/reports")

KINDS = ("o12", "o13", "o16", "o17", "o29", "o43")
PENDING_LABELS = {
    "o12": "o12 รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน",
    "o13": "o13 รายงานผลการดำเนินงานประจำปี",
    "o16": "o16 รายงานสถิติการให้บริการ",
    "o17": "o17 รายงานผลการสำรวจความพึงพอใจการให้บริการ",
    "o29": "o29 สถิติเรื่องร้องเรียน",
    "o43": "o43 รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
}
READERS = ("admin", "executive", "integrity")


@bp.get("")
@roles_required(*READERS)
def index() -> str:
    from bot.reports import FORMATS, REPORTS

    fy, problem = chosen_year()
    rows = [
        {
            "kind": k,
            "label": REPORTS[k].label if k in REPORTS else PENDING_LABELS[k],
            "ready": k in REPORTS,
        }
        for k in KINDS
    ]
    current = fiscal_year(local_date(utcnow()))
    return render_template(
        "admin/reports.html",
        rows=rows,
        fy=fy,
        problem=problem,
        formats=FORMATS,
        years=list(range(current, 2565, -1)),
    )


@bp.get("/<kind>.<fmt>")
@roles_required(*READERS)
def download(kind: str, fmt: str) -> Response:
    from bot.reports import FORMATS, REPORTS

    if kind not in REPORTS or fmt not in FORMATS:
        abort(404)
    fy, problem = chosen_year()
    if problem:
        abort(400)
    return report_response(kind, fy, fmt)


def report_response(kind: str, fy: int, fmt: str) -> Response:
    """A report built now, rendered, recorded in the audit log and sent as a download."""
    from bot.reports import MIME, REPORTS, office_name, render
    from bot.reports.request import ReportRequest

    thai = request.args.get("thai") == "1"
    report = REPORTS[kind].build(ReportRequest(store(), fy, utcnow(), thai, office_name()))
    body = render(report, fmt)
    audit("report.download", f"{kind}-{fy}.{fmt}")
    store().commit()
    resp = Response(body, mimetype=MIME[fmt])
    if fmt != "html":
        resp.headers["Content-Disposition"] = f'attachment; filename="{kind}-{fy}.{fmt}"'
    return resp
