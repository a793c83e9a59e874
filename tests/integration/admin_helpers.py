"""Helpers for the admin-side tests: office accounts, logging in, complaints at set times."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from bot.admin.auth import hash_password
from bot.db import new_session
from bot.db.accounts.tables import User
from bot.db.store import SqlStore
from handlers.complaints.domain import Location
from handlers.complaints.usecases import ComplaintDraft, file_complaint, set_status
from handlers.shared import Channel
from tests.conftest import ADMIN_PASSWORD

PASSWORD = "a-long-password-1"
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 200


def add_user(
    app: Flask, username: str, role: str, unit: str = "", line_user_id: str | None = None
) -> None:
    with new_session(app) as s:
        s.add(
            User(
                username=username,
                display_name=username,
                password_hash=hash_password(PASSWORD),
                role=role,
                unit=unit,
                line_user_id=line_user_id,
                created_at=datetime(2025, 1, 1),
            )
        )
        s.commit()


def client_for(app: Flask, username: str) -> FlaskClient:
    c = app.test_client()
    password = ADMIN_PASSWORD if username == "admin" else PASSWORD
    r = c.post("/admin/login", data={"username": username, "password": password})
    assert r.status_code == 302, r.get_data(as_text=True)
    return c


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
) -> str:
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
        case = file_complaint(store, draft, Channel.WEB, at).complaint.case_number
        for status, when, note in changes:
            set_status(store, case, status, note, when, "tester")
        store.commit()
    return case


def audit_rows(app: Flask) -> list[tuple[str, str, str, str]]:
    from bot.db.accounts.tables import AuditLog

    with new_session(app) as s:
        return [(a.actor, a.action, a.target, a.detail) for a in s.scalars(select(AuditLog))]
