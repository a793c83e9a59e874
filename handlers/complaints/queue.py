"""The complaint queue's filters, read from a query string and checked."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from handlers.complaints import categories
from handlers.complaints.domain import Status
from handlers.complaints.policy import Viewer
from handlers.shared import Channel, page_number
from handlers.thai.dates import parse_be_year

PAGE_SIZE = 50


@dataclass(frozen=True)
class QueueFilter:
    status: str = ""
    category: str = ""
    unit: str = ""
    channel: str = ""
    overdue: bool = False
    fiscal_year: int = 0  # 0: every year
    page: int = 1
    # Set from the viewer, never from the query string.
    only_unit: str = ""
    hide_sealed_details: bool = True

    @property
    def offset(self) -> int:
        return (self.page - 1) * PAGE_SIZE


def parse_filter(args: Mapping[str, str], viewer: Viewer) -> tuple[QueueFilter, list[str]]:
    """The filter a viewer asked for, with Thai messages for values that make no sense."""
    problems: list[str] = []
    status = (args.get("status") or "").strip()
    if status and status not in {s.value for s in Status}:
        problems.append(f"ไม่รู้จักสถานะ “{status}”")
        status = ""
    category = (args.get("category") or "").strip()
    if category and categories.get(category) is None:
        problems.append(f"ไม่รู้จักประเภท “{category}”")
        category = ""
    channel = (args.get("channel") or "").strip()
    if channel and channel not in {c.value for c in Channel}:
        problems.append(f"ไม่รู้จักช่องทาง “{channel}”")
        channel = ""
    year_text = (args.get("year") or "").strip()
    fiscal_year = parse_be_year(year_text) if year_text else 0
    if fiscal_year is None:
        problems.append(f"ปีงบประมาณ “{year_text}” ไม่ถูกต้อง แสดงทุกปีแทน")
        fiscal_year = 0
    f = QueueFilter(
        status=status,
        category=category,
        unit=(args.get("unit") or "").strip()[:100],
        channel=channel,
        overdue=(args.get("overdue") or "") in ("1", "on", "true", "yes"),
        fiscal_year=fiscal_year,
        page=page_number(args.get("page")),
    )
    return scoped(f, viewer), problems


def scoped(f: QueueFilter, viewer: Viewer) -> QueueFilter:
    """Staff see only their unit; only the integrity officer may filter sealed cases by
    their hidden fields (unit, channel), or a filter would reveal them."""
    only_unit = (viewer.unit or "\x00no-unit") if viewer.role == "staff" else ""
    return replace(f, only_unit=only_unit, hide_sealed_details=viewer.role != "integrity")
