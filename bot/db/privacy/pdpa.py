"""PDPA requests on the database: export everything about a person, erase it, and the
automatic removal of personal data from closed cases after the retention period."""

from __future__ import annotations

import json
import logging
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, delete, or_, select, update
from sqlalchemy.orm import Session

from bot.db.chat.tables import ConversationRow, NoticeRow
from bot.db.complaints.tables import ComplaintRow
from bot.db.line.tables import LineEvent, LineUser
from bot.db.mirror import outbox
from bot.db.privacy.tables import PrivacyAck
from bot.db.satisfaction.tables import SatisfactionRow
from handlers.complaints.domain import CLOSED_STATUSES
from handlers.pdpa import ERASED, EVENT_RETENTION_DAYS, Subject
from handlers.satisfaction.usecases import respondent_key

log = logging.getLogger(__name__)


def _complaints(s: Session, subject: Subject) -> list[ComplaintRow]:
    col = {
        "line": ComplaintRow.line_user_id,
        "phone": ComplaintRow.phone,
        "case": ComplaintRow.case_number,
    }[subject.kind]
    return list(
        s.scalars(select(ComplaintRow).where(col == subject.value).order_by(ComplaintRow.id))
    )


def _ratings(s: Session, subject: Subject, cases: list[str]) -> list[SatisfactionRow]:
    conds = []
    if subject.kind == "line":
        conds.append(SatisfactionRow.respondent_key == respondent_key("line", subject.value))
    if cases:
        conds.append(SatisfactionRow.case_number.in_(cases))
    if not conds:
        return []
    return list(s.scalars(select(SatisfactionRow).where(or_(*conds)).order_by(SatisfactionRow.id)))


def export(s: Session, subject: Subject) -> dict[str, Any]:
    """Everything held about the subject, as plain JSON-ready data."""
    complaints = _complaints(s, subject)
    numbers = [c.case_number for c in complaints]
    out: dict[str, Any] = {
        "subject": {"kind": subject.kind, "value": subject.value},
        "complaints": [
            {
                "case_number": c.case_number,
                "category": c.category,
                "status": c.status,
                "details": c.details,
                "photos": c.photos,
                "location": {
                    "latitude": c.latitude,
                    "longitude": c.longitude,
                    "address": c.address,
                },
                "contact_name": c.contact_name,
                "phone": c.phone,
                "line_user_id": c.line_user_id,
                "anonymous": c.anonymous,
                "created_at": c.created_at.isoformat(),
                "history": [
                    {"status": h.status, "note": h.note, "at": h.at.isoformat()} for h in c.history
                ],
            }
            for c in complaints
        ],
        "ratings": [
            {
                "id": r.id,
                "service": r.service_code,
                "case_number": r.case_number,
                "scores": r.scores,
                "comment": r.comment,
                "gender": r.gender,
                "age_band": r.age_band,
                "occupation": r.occupation,
                "created_at": r.created_at.isoformat(),
            }
            for r in _ratings(s, subject, numbers)
        ],
    }
    if subject.kind == "line":
        uid = subject.value
        profile = s.get(LineUser, uid)
        out["line_profile"] = {"display_name": profile.display_name} if profile else None
        out["privacy_acknowledgements"] = [
            {"version": a.version, "at": a.at.isoformat()}
            for a in s.scalars(select(PrivacyAck).where(PrivacyAck.user_key == uid))
        ]
        conv = s.get(ConversationRow, uid)
        out["open_conversation"] = conv.state if conv else None
        out["notices"] = [
            {"text": n.text, "at": n.created_at.isoformat()}
            for n in s.scalars(select(NoticeRow).where(NoticeRow.line_user_id == uid))
        ]
        out["messages"] = [
            json.loads(e.payload)
            for e in s.scalars(select(LineEvent).where(LineEvent.user_id == uid))
        ]
    return out


def erase(s: Session, subject: Subject, now: datetime, upload_folder: str) -> dict[str, int]:
    """Remove the subject's personal data; counts and categories stay for the statistics.
    The caller commits."""
    complaints = _complaints(s, subject)
    ratings = _ratings(s, subject, [c.case_number for c in complaints])
    for c in complaints:
        anonymise_complaint(s, c, now, upload_folder)
    for r in ratings:
        r.comment = ""
        r.respondent_key = ""
        r.gender = r.age_band = r.occupation = ""
    counts = {"complaints": len(complaints), "ratings": len(ratings)}
    if subject.kind == "line":
        uid = subject.value
        result = s.execute(
            update(LineEvent).where(LineEvent.user_id == uid).values(payload="{}", user_id=None)
        )
        counts["messages"] = cast(CursorResult[Any], result).rowcount
        for model, col in (
            (LineUser, LineUser.user_id),
            (ConversationRow, ConversationRow.user_key),
            (NoticeRow, NoticeRow.line_user_id),
            (PrivacyAck, PrivacyAck.user_key),
        ):
            s.execute(delete(model).where(col == uid))
    return counts


def anonymise_complaint(s: Session, c: ComplaintRow, now: datetime, upload_folder: str) -> None:
    for name in c.photos or []:
        # Only plain names the app gave; never follow a path out of the upload folder.
        if "/" not in name and "\\" not in name and not name.startswith("."):
            (Path(upload_folder) / name).unlink(missing_ok=True)
    c.details = ERASED
    c.photos = []
    c.latitude = c.longitude = None
    c.address = ""
    c.contact_name = ""
    c.phone = ""
    c.line_user_id = None
    c.anonymous = True
    c.updated_at = now
    outbox.add(s, "complaint", c.case_number, now)


def purge_expired(s: Session, now: datetime, retention_days: int, upload_folder: str) -> int:
    """Closed cases past the retention period lose their personal data. The caller commits."""
    cutoff = now - timedelta(days=retention_days)
    rows = s.scalars(
        select(ComplaintRow).where(
            ComplaintRow.status.in_(sorted(s.value for s in CLOSED_STATUSES)),
            ComplaintRow.updated_at < cutoff,
            ComplaintRow.details != ERASED,
        )
    ).all()
    for c in rows:
        anonymise_complaint(s, c, now, upload_folder)
    s.execute(
        update(LineEvent)
        .where(
            LineEvent.status != "pending",
            LineEvent.received_at < now - timedelta(days=EVENT_RETENTION_DAYS),
            LineEvent.payload != "{}",
        )
        .values(payload="{}")
    )
    if rows:
        log.info("PDPA retention: removed personal data from %d closed cases", len(rows))
    return len(rows)
