"""What the complaint map shows one viewer: pins for cases with a point, and a list of the
cases placed only in words (หมู่ที่ 4, หน้าวัด…), which no map can pin."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from handlers.complaints.domain import Complaint, Status
from handlers.complaints.policy import Viewer, case_view


@dataclass(frozen=True)
class Pin:
    case_number: str
    status: Status
    category_th: str
    lat: float
    lng: float
    place: str  # the words given with the point, if any
    overdue: bool


@dataclass(frozen=True)
class Placed:
    """A case located only by a description."""

    case_number: str
    status: Status
    category_th: str
    place: str
    overdue: bool


@dataclass(frozen=True)
class MapView:
    pins: tuple[Pin, ...]
    text_only: tuple[Placed, ...]


def _valid(lat: float, lng: float) -> bool:
    return -90 <= lat <= 90 and -180 <= lng <= 180


def map_view(viewer: Viewer, complaints: Iterable[Complaint], now: datetime) -> MapView:
    """Cases whose content the viewer may see (the policy's rule, as on the case page), each
    once: pinned when it has a usable point, listed when it has only words."""
    pins: list[Pin] = []
    listed: list[Placed] = []
    for c in complaints:
        v = case_view(viewer, c, now)
        loc = v.location
        if not v.content_visible or loc is None:
            continue
        place = loc.address.strip()
        lat, lng = loc.latitude, loc.longitude
        if lat is not None and lng is not None and _valid(lat, lng):
            pins.append(Pin(v.case_number, v.status, v.category_th, lat, lng, place, v.overdue))
        elif place:
            listed.append(Placed(v.case_number, v.status, v.category_th, place, v.overdue))
    return MapView(tuple(pins), tuple(listed))
