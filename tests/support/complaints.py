"""Complaints filed straight through the use cases (no conversation, no form), at set times."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from flask import Flask

from bot.db import new_session
from bot.db.store import SqlStore
from handlers.clock import utcnow
from handlers.complaints.domain import Location
from handlers.complaints.usecases import ComplaintDraft, file_complaint, set_status
from handlers.shared import Channel

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 200


def file(
    app: Flask,
    category: str,
    at: datetime,
    details: str = "ถนนหน้าบ้านเป็นหลุมลึก",
    changes: tuple[tuple[str, datetime, str], ...] = (),
    photo: bool = False,
    line_user_id: str | None = None,
    contact: str = "สมชาย ใจดี",
    phone: str = "0812345678",
    location: Location | None = None,
    channel: Channel = Channel.WEB,
) -> str:
    """One complaint filed (on the web unless told) at `at`, then each (status, when, note)
    change."""
    photos = []
    if photo:
        folder = Path(app.config["UPLOAD_FOLDER"])
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{category}-{at:%Y%m%d%H%M%S}.jpg"
        (folder / name).write_bytes(JPEG)
        photos.append(name)
    with new_session(app) as s:
        store = SqlStore(s)
        draft = ComplaintDraft(
            category=category,
            details=details,
            photos=photos,
            contact_name=contact,
            phone=phone,
            line_user_id=line_user_id,
            location=location,
        )
        case = file_complaint(store, draft, channel, at).complaint.case_number
        for status, when, note in changes:
            set_status(store, case, status, note, when, "tester")
        store.commit()
    return case


def file_many(
    app: Flask,
    n: int,
    category: str = "road",
    details: str = "ถนนชำรุดหน้าบ้าน",
    line_user_id: str | None = None,
) -> list[str]:
    """`n` complaints filed now in one transaction, numbered in their details."""
    cases = []
    with new_session(app) as s:
        store = SqlStore(s)
        for i in range(n):
            draft = ComplaintDraft(
                category=category,
                details=f"{details} {i}",
                contact_name="สมศรี",
                phone="0812345678",
                line_user_id=line_user_id,
            )
            cases.append(file_complaint(store, draft, Channel.WEB, utcnow()).complaint.case_number)
        store.commit()
    return cases


def change(app: Flask, case: str, status: str) -> None:
    """A status change now, by `test`."""
    with new_session(app) as s:
        store = SqlStore(s)
        set_status(store, case, status, "", utcnow(), "test")
        store.commit()
