"""The complaint map: GET /admin/cases/map.json (the queue's filters and visibility, every
page of it) and what a page needs to draw the map. Tiles come from the office's setting
map_tile_url (MAP_TILE_URL until an admin saves one), which only the pages that draw a map
allow in their Content-Security-Policy."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, after_this_request, current_app, jsonify, request, url_for
from werkzeug.wrappers import Response

from bot.admin.auth import roles_required, viewer
from bot.db import store
from bot.db.complaints import queries
from bot.settings import office_settings
from bot.web.security import tile_source, with_images_from
from handlers.clock import utcnow
from handlers.complaints.domain import Complaint, Status
from handlers.complaints.due import overdue_before
from handlers.complaints.mapview import MapView, map_view
from handlers.complaints.policy import ROLES, is_sealed
from handlers.complaints.queue import parse_filter

bp = Blueprint("casemap", __name__, url_prefix="/admin/cases")

# Enough for a tambon's year; beyond it the newest are shown and the page says so.
MAP_LIMIT = 2000

# Pin colours by status (the legend shows the same), distinguishable for colour-blind staff
# by lightness as well as hue.
STATUS_COLOURS: dict[Status, str] = {
    Status.RECEIVED: "#d62728",
    Status.IN_PROGRESS: "#ff7f0e",
    Status.FORWARDED: "#7b4fa6",
    Status.RESOLVED: "#2ca02c",
    Status.REJECTED: "#6b6b6b",
}


@bp.get("/map.json")
@roles_required(*ROLES)
def points() -> Response:
    v = viewer()
    args = {k: val for k, val in request.args.items() if k != "page"}
    f, problems = parse_filter(args, v)
    now = utcnow()
    found = queries.located(store().session, f, overdue_before(now), MAP_LIMIT + 1)
    view = map_view(v, found[:MAP_LIMIT], now)
    _record_sealed_places(found[:MAP_LIMIT], view, v.username, v.role, now)

    def link(number: str) -> str:
        return url_for("cases.case", case_number=number)

    return jsonify(
        pins=[
            {
                "case_number": p.case_number,
                "status": p.status.value,
                "status_th": p.status.thai,
                "category": p.category_th,
                "lat": p.lat,
                "lng": p.lng,
                "place": p.place,
                "overdue": p.overdue,
                "url": link(p.case_number),
            }
            for p in view.pins
        ],
        text_only=[
            {
                "case_number": t.case_number,
                "status": t.status.value,
                "status_th": t.status.thai,
                "category": t.category_th,
                "place": t.place,
                "overdue": t.overdue,
                "url": link(t.case_number),
            }
            for t in view.text_only
        ],
        truncated=len(found) > MAP_LIMIT,
        problems=problems,
    )


def _record_sealed_places(
    found: list[Complaint], view: MapView, username: str, role: str, at: datetime
) -> None:
    """A sealed case's place is part of its content: each showing on the map is kept in its
    access log, as each opening of its page is."""
    shown = {p.case_number for p in view.pins} | {t.case_number for t in view.text_only}
    sealed = [c.case_number for c in found if is_sealed(c.category) and c.case_number in shown]
    for number in sealed:
        queries.record_sealed_access(
            store().session, number, username, role, "ตำแหน่งบนแผนที่", role == "integrity", at
        )
    if sealed:
        store().commit()


def _allow_tiles(response: Response) -> Response:
    source = tile_source(office_settings().map_tile_url)
    csp = current_app.extensions["prongsai_csp"]
    response.headers["Content-Security-Policy"] = with_images_from(csp, source)
    return response


def page_map(
    points_url: str = "", pin: tuple[float, float] | None = None, status: Status | None = None
) -> dict[str, Any]:
    """What templates/admin/_map.html needs: the tile address and credit, where to fetch the
    pins (a queue or dashboard) or the one pin (a case page), the legend. Lets this page's
    policy load tiles from the tile server."""
    after_this_request(_allow_tiles)
    settings = office_settings()
    tiles = settings.map_tile_url
    return {
        "tiles": tiles if tile_source(tiles) else "",
        "attribution": settings.map_tile_attribution,
        "points_url": points_url,
        "pin": pin,
        "pin_colour": STATUS_COLOURS[status] if status else STATUS_COLOURS[Status.RECEIVED],
        "legend": [(s.value, s.thai, STATUS_COLOURS[s]) for s in Status],
    }


def queue_map() -> dict[str, Any]:
    """The map of the queue's cases: the same query string, every page."""
    query = urlencode([(k, v) for k, v in request.args.items() if k != "page"])
    return page_map(url_for("casemap.points") + (f"?{query}" if query else ""))
