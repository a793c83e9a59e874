"""A refused web submission files nothing and never writes a bad photo; a good photo is kept
for the next post (the form says so), and photos nothing references are swept an hour on,
while those of entries and of open conversations stay."""

from __future__ import annotations

import io
import os
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from bot.db import new_session
from bot.db.chat.tables import ConversationRow
from bot.db.complaints.tables import ComplaintRow
from bot.worker import sweep_photos

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 500
NOT_AN_IMAGE = b"MZ\x90\x00 not an image"


def _client(make_app: Callable[..., Flask]) -> FlaskClient:
    return make_app(WTF_CSRF_ENABLED=False).test_client()


def _post(client: FlaskClient, details: str, *photos: tuple[bytes, str]) -> int:
    r = client.post(
        "/complaint",
        data={
            "category": "road",
            "details": details,
            "privacy_ack": "y",
            "photos": [(io.BytesIO(content), name) for content, name in photos],
        },
        content_type="multipart/form-data",
    )
    return r.status_code


def _uploads(app: Flask) -> list[str]:
    folder = Path(app.config["UPLOAD_FOLDER"])
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_a_bad_photo_is_never_written_and_the_good_one_waits_for_the_next_post(
    make_app: Callable[..., Flask],
) -> None:
    client = _client(make_app)
    status = _post(client, "ถนนเป็นหลุมใหญ่มาก", (JPEG, "road.jpg"), (NOT_AN_IMAGE, "x.jpg"))
    assert status == 400
    (kept,) = _uploads(client.application)  # the good photo only, kept for the next post
    assert Path(kept).suffix == ".jpg"
    with new_session(client.application) as s:
        assert s.scalars(select(ComplaintRow)).all() == []
    # Nothing came to reference it: an hour on, the sweep removes it.
    folder = Path(client.application.config["UPLOAD_FOLDER"])
    two_hours_ago = time.time() - 7200
    os.utime(folder / kept, (two_hours_ago, two_hours_ago))
    assert sweep_photos(client.application) == 1
    assert _uploads(client.application) == []


def test_a_complaint_refused_after_its_photos_were_read_files_nothing(
    make_app: Callable[..., Flask],
) -> None:
    client = _client(make_app)
    # Long enough for the form, too short once the use case trims it: refused by the core.
    status = _post(client, " " * 20 + "หลุม", (JPEG, "road.jpg"))
    assert status == 400
    with new_session(client.application) as s:
        assert s.scalars(select(ComplaintRow)).all() == []
    assert len(_uploads(client.application)) <= 1  # at most the photo kept for the next post


def test_orphans_older_than_an_hour_are_swept(make_app: Callable[..., Flask]) -> None:
    client = _client(make_app)
    app = client.application
    assert _post(client, "ถนนเป็นหลุมใหญ่มาก", (JPEG, "road.jpg")) == 302
    (kept,) = _uploads(app)
    folder = Path(app.config["UPLOAD_FOLDER"])
    for name in ("orphan.jpg", "fresh-orphan.jpg", "in-chat.jpg"):
        (folder / name).write_bytes(JPEG)
    with new_session(app) as s:  # a LINE user is still in the middle of a complaint
        s.add(
            ConversationRow(
                user_key="U" + "d" * 32,
                state={"flow": "complaint", "data": {"photos": ["in-chat.jpg"]}},
                updated_at=datetime(2026, 12, 1, 3, 0),
            )
        )
        s.commit()
    two_hours_ago = time.time() - 7200
    for name in (kept, "orphan.jpg", "in-chat.jpg"):
        os.utime(folder / name, (two_hours_ago, two_hours_ago))

    assert sweep_photos(app) == 1
    assert _uploads(app) == sorted([kept, "fresh-orphan.jpg", "in-chat.jpg"])
