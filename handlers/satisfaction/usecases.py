"""Rating a service and rating how a complaint was handled."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta

from handlers.clock import BANGKOK, local_date
from handlers.complaints.domain import CLOSED_STATUSES, Complaint
from handlers.complaints.policy import is_sealed
from handlers.complaints.usecases import track
from handlers.ports import Store
from handlers.satisfaction.model import Kind, Rating
from handlers.satisfaction.ports import SatisfactionStore
from handlers.satisfaction.survey import (
    DIMENSION_CODES,
    HANDLING,
    MAX_COMMENT,
    RESPONDENT_FIELDS,
    SCALE,
)
from handlers.shared import Channel, DomainError


@dataclass
class RatingDraft:
    service_code: str = ""
    scores: dict[str, int] = field(default_factory=dict)
    comment: str = ""
    gender: str = ""
    age_band: str = ""
    occupation: str = ""


def respondent_key(kind: str, identity: str, secret: str = "") -> str:
    """A one-way key for a respondent (a LINE user, a browser, an address)."""
    return hashlib.sha256(f"{secret}|{kind}|{identity}".encode()).hexdigest()[:32]


def day_bounds(now: datetime) -> tuple[datetime, datetime]:
    """The Bangkok calendar day `now` falls in, as UTC instants [start, end)."""
    day = local_date(now)
    start = datetime.combine(day, time(), BANGKOK).astimezone(UTC)
    return start, start + timedelta(days=1)


def rated_today(
    ratings: SatisfactionStore, key: str, service_code: str, now: datetime, per_day: int = 1
) -> bool:
    """Whether `key` has used up its ratings of this service today (Bangkok day)."""
    start, end = day_bounds(now)
    return bool(key) and ratings.count_ratings(key, service_code, start, end) >= per_day


def validate(ratings: SatisfactionStore, draft: RatingDraft) -> list[str]:
    """Problems with a draft, in Thai; empty when it can be saved."""
    problems = []
    service = ratings.get_service(draft.service_code)
    if service is None or not service.active:
        problems.append("กรุณาเลือกงานบริการที่ได้รับ")
    for code in DIMENSION_CODES:
        if draft.scores.get(code) not in SCALE:
            problems.append("กรุณาให้คะแนนทุกข้อ (1–5)")
            break
    if len(draft.comment.strip()) > MAX_COMMENT:
        problems.append(f"ข้อเสนอแนะยาวเกิน {MAX_COMMENT} ตัวอักษร")
    for name, (label, options) in RESPONDENT_FIELDS.items():
        value = getattr(draft, name)
        if value and value not in options:
            problems.append(f"{label}: ตัวเลือกไม่ถูกต้อง")
    return problems


def rate_service(
    ratings: SatisfactionStore,
    draft: RatingDraft,
    channel: Channel,
    now: datetime,
    respondent: str = "",
    per_day: int = 1,
) -> Rating:
    """Keep one service rating: at most `per_day` per respondent key, service and day (one
    for a LINE user; a web address shared by many phones is allowed more)."""
    problems = validate(ratings, draft)
    if problems:
        raise DomainError(" / ".join(dict.fromkeys(problems)))
    if rated_today(ratings, respondent, draft.service_code, now, per_day):
        if per_day > 1:
            raise DomainError("มีการส่งแบบประเมินงานนี้จากเครือข่ายของท่านครบจำนวนของวันนี้แล้ว ขอบคุณครับ")
        raise DomainError("ท่านประเมินงานบริการนี้ไปแล้ววันนี้ ขอบคุณครับ")
    rating = Rating(
        kind=Kind.SERVICE,
        scores={code: int(draft.scores[code]) for code in DIMENSION_CODES},
        channel=channel,
        created_at=now,
        service_code=draft.service_code,
        comment=draft.comment.strip(),
        gender=draft.gender,
        age_band=draft.age_band,
        occupation=draft.occupation,
        respondent_key=respondent,
    )
    rating.id = ratings.add_rating(rating)
    # Mirrored to the spreadsheet's ความพึงพอใจ tab; committed with the rating.
    ratings.add_outbox("satisfaction", str(rating.id), now)
    return rating


def may_rate_case(
    store: Store, ratings: SatisfactionStore, case_number: str, line_user_id: str
) -> str:
    """Why this user cannot rate this case's handling (Thai), or "" when they can.

    Only the complainant linked to the case may rate it, once, after it is closed; a
    sealed (corruption) report is never linked to anyone, and its handling is never rated.
    """
    complaint = store.get_complaint(case_number)
    if (
        complaint is None
        or is_sealed(complaint.category)
        or not line_user_id
        or complaint.line_user_id != line_user_id
    ):
        return f"ไม่พบเรื่องเลขที่ {case_number} ในบัญชีของท่าน"
    return _closed_and_unrated(complaint, ratings)


def rate_complaint_handling(
    store: Store,
    ratings: SatisfactionStore,
    case_number: str,
    line_user_id: str,
    score: int,
    comment: str,
    channel: Channel,
    now: datetime,
) -> Rating:
    problem = may_rate_case(store, ratings, case_number, line_user_id)
    if problem:
        raise DomainError(problem)
    return _record_handling(
        ratings, case_number, respondent_key("line", line_user_id), score, comment, channel, now
    )


def may_rate_case_with_code(
    store: Store, ratings: SatisfactionStore, case_number: str, code: str
) -> str:
    """The same rule for a citizen who proves the case is theirs with its tracking code (web)."""
    complaint = track(store, case_number, code)
    if complaint is None or is_sealed(complaint.category):
        return f"ไม่พบเรื่องเลขที่ {case_number} หรือรหัสติดตามไม่ถูกต้อง"
    return _closed_and_unrated(complaint, ratings)


def _closed_and_unrated(complaint: Complaint, ratings: SatisfactionStore) -> str:
    """A case's handling is rated once, after it is closed."""
    if complaint.status not in CLOSED_STATUSES:
        return f"เรื่อง {complaint.case_number} ยังดำเนินการไม่เสร็จ ประเมินได้เมื่อแจ้งผลแล้วครับ"
    if ratings.rating_for_case(complaint.case_number) is not None:
        return f"เรื่อง {complaint.case_number} ได้รับการประเมินแล้ว ขอบคุณครับ"
    return ""


def rate_complaint_handling_with_code(
    store: Store,
    ratings: SatisfactionStore,
    case_number: str,
    code: str,
    score: int,
    comment: str,
    now: datetime,
) -> Rating:
    problem = may_rate_case_with_code(store, ratings, case_number, code)
    if problem:
        raise DomainError(problem)
    return _record_handling(
        ratings, case_number, respondent_key("case", case_number), score, comment, Channel.WEB, now
    )


def _record_handling(
    ratings: SatisfactionStore,
    case_number: str,
    key: str,
    score: int,
    comment: str,
    channel: Channel,
    now: datetime,
) -> Rating:
    if score not in SCALE:
        raise DomainError("กรุณาให้คะแนน 1–5")
    rating = Rating(
        kind=Kind.COMPLAINT,
        scores={HANDLING: score},
        channel=channel,
        created_at=now,
        case_number=case_number,
        comment=comment.strip()[:MAX_COMMENT],
        respondent_key=key,
    )
    rating.id = ratings.add_rating(rating)
    # Mirrored to the spreadsheet's ความพึงพอใจ tab; committed with the rating.
    ratings.add_outbox("satisfaction", str(rating.id), now)
    return rating
