"""The office's entities: complaints, their statuses and history. Plain Python, no I/O."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from handlers.shared import Channel, DomainError

# Citizens must be told the outcome within 15 days (the office's complaint guideline).
RESPONSE_DAYS = 15

# A case number as people type it: an optional letter, the Buddhist-era year and six digits,
# spaces or any dash or slash between them (Thai digits are converted first).
CASE_NUMBER_RE = re.compile(r"(?<![0-9A-Za-z])([A-Za-z]?)\s*(2[5-6]\d\d)\s*[-–—/]\s*(\d{6})(?!\d)")


class Status(StrEnum):
    RECEIVED = "received"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    REJECTED = "rejected"
    FORWARDED = "forwarded"

    @property
    def thai(self) -> str:
        return STATUS_TH[self]

    @property
    def closed(self) -> bool:
        return self in CLOSED_STATUSES


# The outcome has been given: no longer due, counted as closed, may be rated.
CLOSED_STATUSES: frozenset[Status] = frozenset({Status.RESOLVED, Status.REJECTED})
OPEN_STATUSES: frozenset[Status] = frozenset(Status) - CLOSED_STATUSES

STATUS_TH: dict[Status, str] = {
    Status.RECEIVED: "รับเรื่องแล้ว",
    Status.IN_PROGRESS: "กำลังดำเนินการ",
    Status.RESOLVED: "ดำเนินการแล้วเสร็จ",
    Status.REJECTED: "ไม่รับไว้พิจารณา",
    Status.FORWARDED: "ส่งต่อหน่วยงานอื่น",
}

# The history note of a reopening starts with this; the reason follows.
REOPEN_PREFIX = "เปิดเรื่องอีกครั้ง: "

# received → in_progress → resolved | rejected | forwarded; a forwarded case may come back.
TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.RECEIVED: frozenset(
        {Status.IN_PROGRESS, Status.RESOLVED, Status.REJECTED, Status.FORWARDED}
    ),
    Status.IN_PROGRESS: frozenset({Status.RESOLVED, Status.REJECTED, Status.FORWARDED}),
    Status.FORWARDED: frozenset({Status.IN_PROGRESS, Status.RESOLVED, Status.REJECTED}),
    Status.RESOLVED: frozenset(),
    Status.REJECTED: frozenset(),
}


@dataclass(frozen=True)
class Category:
    code: str
    name_th: str
    name_en: str
    default_unit: str
    traffy_labels: tuple[str, ...]
    restricted: bool


@dataclass(frozen=True)
class Location:
    latitude: float | None = None
    longitude: float | None = None
    address: str = ""

    @property
    def map_url(self) -> str | None:
        if self.latitude is None or self.longitude is None:
            return None
        return f"https://www.google.com/maps?q={self.latitude},{self.longitude}"

    def describe(self) -> str:
        if self.address:
            return self.address
        if self.latitude is not None:
            return f"{self.latitude:.5f}, {self.longitude:.5f}"
        return ""


@dataclass
class StatusChange:
    status: Status
    note: str
    at: datetime
    actor: str = ""


@dataclass
class Complaint:
    case_number: str
    fiscal_year: int
    category: str
    details: str
    channel: Channel
    created_at: datetime
    status: Status = Status.RECEIVED
    unit: str = ""
    photos: list[str] = field(default_factory=list)
    location: Location | None = None
    line_user_id: str | None = None
    contact_name: str = ""
    phone: str = ""
    anonymous: bool = False
    secret_hash: str = ""
    updated_at: datetime | None = None
    history: list[StatusChange] = field(default_factory=list)

    @property
    def due_at(self) -> datetime:
        return self.created_at + timedelta(days=RESPONSE_DAYS)

    def is_overdue(self, now: datetime) -> bool:
        return not self.status.closed and now > self.due_at

    def change_status(self, new: Status, note: str, at: datetime, actor: str = "") -> StatusChange:
        if new == self.status:
            raise DomainError(f"เรื่อง {self.case_number} อยู่ในสถานะ “{new.thai}” อยู่แล้ว")
        if new not in TRANSITIONS[self.status]:
            raise DomainError(f"เปลี่ยนสถานะจาก “{self.status.thai}” เป็น “{new.thai}” ไม่ได้")
        change = StatusChange(status=new, note=note, at=at, actor=actor)
        self.status = new
        self.updated_at = at
        self.history.append(change)
        return change

    def reopen(self, reason: str, at: datetime, actor: str = "") -> StatusChange:
        """A closed case taken up again (a wrong closing, the problem came back): back to
        in progress, the reason kept in the history the citizen sees."""
        if not self.status.closed:
            raise DomainError(f"เรื่อง {self.case_number} ยังไม่ปิด ไม่ต้องเปิดเรื่องอีกครั้ง")
        change = StatusChange(
            status=Status.IN_PROGRESS, note=f"{REOPEN_PREFIX}{reason}", at=at, actor=actor
        )
        self.status = Status.IN_PROGRESS
        self.updated_at = at
        self.history.append(change)
        return change


def format_case_number(fiscal_year: int, seq: int) -> str:
    return f"{fiscal_year}-{seq:06d}"


def find_case_number(text: str) -> str | None:
    """The first case number anywhere in the text, in its canonical form (``2570-000123``,
    ``C2570-000123``); Thai digits included. Every channel reads case numbers with this."""
    from handlers.thai.digits import thai_to_arabic

    m = CASE_NUMBER_RE.search(thai_to_arabic(text))
    return f"{m.group(1).upper()}{m.group(2)}-{m.group(3)}" if m else None
