"""Who may see and do what with a complaint.

Corruption reports (restricted categories) are sealed: only the integrity officer sees their
content, photos, location, reporter and notes. Everyone else, the plain admin included, sees
that the case exists with its number, status and dates. Unit staff see their unit's cases.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime

from handlers.complaints import categories
from handlers.complaints.domain import Category, Complaint, Location, Status
from handlers.complaints.due import due_date, is_overdue

ROLES = ("admin", "executive", "integrity", "staff")
# Who records a complaint a citizen brought to the counter, phoned in or wrote: those who
# handle complaints (the executive only looks).
FILING_ROLES = ("admin", "integrity", "staff")
SEALED_LABEL = "เรื่องร้องเรียนการทุจริต (ปิดผนึก)"


@dataclass(frozen=True)
class Viewer:
    """The person looking: an office account's role, unit and name."""

    role: str
    unit: str = ""
    username: str = ""


def is_sealed(category: str) -> bool:
    """The one rule: a case is sealed when its category is restricted in categories.csv.
    Everything below, and every page, report, sheet row and query, asks this."""
    c = categories.get(category)
    return bool(c and c.restricted)


def restricted_codes() -> tuple[str, ...]:
    """The codes `is_sealed` holds for: for questions about many cases at once (SQL, counts)."""
    return tuple(c.code for c in categories.load_categories() if is_sealed(c.code))


def sealed_categories() -> list[Category]:
    """The categories of the separate, protected channel (the corruption-report form and
    conversation file under the first of them)."""
    return [c for c in categories.by_code().values() if is_sealed(c.code)]


def public_categories() -> list[Category]:
    """Categories open to a general complaint (sealed ones have their own channel)."""
    return [c for c in categories.by_code().values() if not is_sealed(c.code)]


def may_list(viewer: Viewer, complaint: Complaint) -> bool:
    """Whether the case shows up in the viewer's queue at all."""
    if viewer.role == "staff":
        return bool(viewer.unit) and complaint.unit == viewer.unit
    return viewer.role in ROLES


def may_see_content(viewer: Viewer, complaint: Complaint) -> bool:
    if not may_list(viewer, complaint):
        return False
    if is_sealed(complaint.category):
        return viewer.role == "integrity"
    return True


def may_change_status(viewer: Viewer, complaint: Complaint) -> bool:
    if not may_list(viewer, complaint) or viewer.role == "executive":
        return False
    if is_sealed(complaint.category):
        return viewer.role == "integrity"
    return viewer.role in ("admin", "staff")


def may_assign(viewer: Viewer, complaint: Complaint) -> bool:
    if is_sealed(complaint.category):
        return viewer.role == "integrity"
    return viewer.role == "admin"


@dataclass(frozen=True)
class HistoryLine:
    status: Status
    at: datetime
    note: str = ""
    actor: str = ""


@dataclass(frozen=True)
class CaseView:
    """What one viewer may see of one complaint; withheld fields are empty."""

    case_number: str
    status: Status
    created_at: datetime
    updated_at: datetime | None
    due: date
    overdue: bool
    sealed: bool
    content_visible: bool
    category: str = ""
    category_th: str = ""
    unit: str = ""
    channel: str = ""
    details: str = ""
    photos: tuple[str, ...] = ()
    location: Location | None = None
    contact_name: str = ""
    phone: str = ""
    anonymous: bool = False
    has_line: bool = False
    history: tuple[HistoryLine, ...] = field(default_factory=tuple)


def case_view(viewer: Viewer, complaint: Complaint, now: datetime) -> CaseView:
    sealed = is_sealed(complaint.category)
    visible = may_see_content(viewer, complaint)
    base = CaseView(
        case_number=complaint.case_number,
        status=complaint.status,
        created_at=complaint.created_at,
        updated_at=complaint.updated_at,
        due=due_date(complaint.created_at),
        overdue=is_overdue(complaint, now),
        sealed=sealed,
        content_visible=visible,
    )
    if not visible:
        # Dates of each status change are not content; their notes and actors may be.
        history = tuple(HistoryLine(h.status, h.at) for h in complaint.history)
        label = SEALED_LABEL if sealed else ""
        return replace(base, category_th=label, history=history)
    cat = categories.get(complaint.category)
    return replace(
        base,
        category=complaint.category,
        category_th=(SEALED_LABEL + " · " if sealed else "")
        + (cat.name_th if cat else complaint.category),
        unit=complaint.unit,
        channel=complaint.channel.value,
        details=complaint.details,
        photos=tuple(complaint.photos),
        location=complaint.location,
        contact_name=complaint.contact_name,
        phone=complaint.phone,
        anonymous=complaint.anonymous,
        has_line=bool(complaint.line_user_id),
        history=tuple(HistoryLine(h.status, h.at, h.note, h.actor) for h in complaint.history),
    )
