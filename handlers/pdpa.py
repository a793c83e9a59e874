"""PDPA rules: who a request is about, and what is kept when personal data is removed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from handlers.complaints.domain import find_case_number
from handlers.complaints.usecases import clean_phone

# What replaces a citizen's own words once they are erased; the case's category, unit,
# status and dates stay, so the office's statistics do not change.
ERASED = "[ลบข้อมูลส่วนบุคคลแล้ว]"

# Raw LINE events (message texts) are only needed to process and deduplicate them.
EVENT_RETENTION_DAYS = 30

LINE_USER = re.compile(r"^U[0-9a-f]{32}$")


@dataclass(frozen=True)
class Subject:
    """Whom a PDPA request is about: a LINE user, a phone number, or one case."""

    kind: Literal["line", "phone", "case"]
    value: str


def identify(text: str) -> Subject | None:
    t = text.strip()
    if LINE_USER.match(t) or t.startswith("chat:"):
        return Subject("line", t)
    case = find_case_number(t)
    if case:
        return Subject("case", case)
    phone = clean_phone(t)
    if phone:
        return Subject("phone", phone)
    return None
