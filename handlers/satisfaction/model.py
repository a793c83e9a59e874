"""One filled survey: a service rating, or a rating of how a complaint was handled."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from handlers.shared import Channel


class Kind(StrEnum):
    SERVICE = "service"
    COMPLAINT = "complaint"  # how a complaint was handled; linked to its case


@dataclass
class Rating:
    kind: Kind
    scores: dict[str, int]  # dimension code → 1..5
    channel: Channel
    created_at: datetime
    service_code: str = ""  # empty for complaint-handling ratings
    case_number: str = ""  # set for complaint-handling ratings
    comment: str = ""
    gender: str = ""
    age_band: str = ""
    occupation: str = ""
    # Who answered, kept only as a one-way hash: enough for "once a day", nothing more.
    respondent_key: str = ""
    id: int | None = field(default=None, compare=False)
