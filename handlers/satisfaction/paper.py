"""Questionnaires staff key in for citizens who never open LINE: paper forms handed out at
the counter (and ratings taken by phone or letter). They are kept by the same use case as
the web form (rate_service), so counters, the spreadsheet mirror and reports agree."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time

from handlers.clock import BANGKOK, local_date
from handlers.satisfaction.model import Rating
from handlers.satisfaction.ports import SatisfactionStore
from handlers.satisfaction.survey import DIMENSIONS, RESPONDENT_FIELDS, parse_score
from handlers.satisfaction.usecases import RatingDraft, rate_service
from handlers.shared import Channel, DomainError
from handlers.thai.digits import thai_to_arabic

# The doors a staff member records a rating for; LINE and the web form have their own.
STAFF_CHANNELS: tuple[Channel, ...] = (
    Channel.PAPER,
    Channel.WALK_IN,
    Channel.PHONE,
    Channel.LETTER,
    Channel.FACEBOOK,
    Channel.OTHER,
)


def score_problems(texts: Sequence[str]) -> tuple[dict[str, int], list[str]]:
    """The five dimension scores from what was typed (Thai digits too), and Thai problems."""
    scores: dict[str, int] = {}
    problems: list[str] = []
    if len(texts) != len(DIMENSIONS):
        return {}, [f"ต้องมีคะแนนครบ {len(DIMENSIONS)} ข้อ (พบ {len(texts)} ข้อ)"]
    for i, (d, text) in enumerate(zip(DIMENSIONS, texts, strict=True), start=1):
        score = parse_score(text)
        if score is None:
            shown = f" (กรอก “{text.strip()}”)" if text.strip() else ""
            problems.append(f"ข้อ {i} “{d.name_th}”: คะแนนต้องเป็น 1–5{shown}")
        else:
            scores[d.code] = score
    return scores, problems


def parse_scores(text: str) -> dict[str, int]:
    """ "5,4,5,5,4" (Thai digits, spaces allowed) as the five scores; DomainError in Thai."""
    parts = [p.strip() for p in thai_to_arabic(text).replace("،", ",").split(",")]
    if parts == [""]:
        parts = []
    scores, problems = score_problems(parts)
    if problems:
        raise DomainError(" / ".join(problems))
    return scores


def respondent_groups(values: Iterable[str]) -> dict[str, str]:
    """Respondent details from their answers ("หญิง", "60 ปีขึ้นไป", "เกษตรกร"), each matched
    to the question it answers; "gender=หญิง" names the question. DomainError in Thai."""
    found: dict[str, str] = {}
    for raw in values:
        value = " ".join(raw.split())
        if not value:
            continue
        name, _, answer = value.partition("=")
        fields = [name.strip()] if answer and name.strip() in RESPONDENT_FIELDS else None
        answer = answer.strip() if fields else value
        hits = [
            f
            for f, (_label, options) in RESPONDENT_FIELDS.items()
            if (fields is None or f in fields) and answer in options
        ]
        if not hits:
            choices = " / ".join(
                f"{label}: {', '.join(options)}" for label, options in RESPONDENT_FIELDS.values()
            )
            raise DomainError(f"ไม่รู้จักข้อมูลผู้ตอบ “{raw.strip()}” ตัวเลือกที่มี: {choices}")
        field = hits[0]
        if field in found and found[field] != answer:
            label = RESPONDENT_FIELDS[field][0]
            raise DomainError(f"ระบุ{label}มากกว่าหนึ่งค่า: “{found[field]}” และ “{answer}”")
        found[field] = answer
    return found


def answered_at(day: date | None, now: datetime) -> datetime:
    """When a keyed-in questionnaire counts: now, or midday (Bangkok) of the day written on it.
    A day still to come was mistyped."""
    today = local_date(now)
    if day is None or day == today:
        return now
    if day > today:
        raise DomainError(f"วันที่ {day.isoformat()} ยังมาไม่ถึง: บันทึกได้เฉพาะวันนี้หรือวันที่ผ่านมาแล้ว")
    return datetime.combine(day, time(12), BANGKOK).astimezone(UTC)


def record(
    ratings: SatisfactionStore,
    draft: RatingDraft,
    channel: Channel,
    now: datetime,
    day: date | None = None,
) -> Rating:
    """Keep one keyed-in questionnaire (the caller commits). A paper form carries no identity,
    so no once-a-day limit applies: each sheet handed in is one response."""
    if channel not in STAFF_CHANNELS:
        raise DomainError("ช่องทางนี้บันทึกโดยเจ้าหน้าที่ไม่ได้")
    return rate_service(ratings, draft, channel, answered_at(day, now))
