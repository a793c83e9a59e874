"""Uploaded photos on disk. A photo is written only once every photo of its submission has
passed the checks, and removed again when the entry that would reference it is refused; what
a crash still leaves behind is swept once nothing has referenced it for an hour."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.chat.tables import ConversationRow
from bot.db.complaints.tables import ComplaintRow
from bot.db.measures.tables import ProgressRow

log = logging.getLogger(__name__)

IMAGE_SIGNATURES = {b"\xff\xd8\xff": ".jpg", b"\x89PNG\r\n\x1a\n": ".png", b"GIF8": ".gif"}
ORPHAN_AGE_SECONDS = 3600


def image_extension(content: bytes) -> str | None:
    for magic, ext in IMAGE_SIGNATURES.items():
        if content.startswith(magic):
            return ext
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return ".webp"
    return None


def is_heic(content: bytes) -> bool:
    """An iPhone's HEIC/HEIF photo (an ISO media file of an image brand): a photo we cannot
    show, told apart from files that are no photo at all."""
    return content[4:8] == b"ftyp" and content[8:12] in {
        b"heic",
        b"heix",
        b"heim",
        b"heis",
        b"hevc",
        b"hevx",
        b"mif1",
        b"msf1",
    }


def check_photo(content: bytes, max_bytes: int) -> str | None:
    """Why this upload cannot be kept (Thai), or None when it is a photo within the size."""
    if len(content) > max_bytes:
        return f"รูปมีขนาดเกิน {max_bytes // (1024 * 1024)} MB"
    if image_extension(content) is None and is_heic(content):
        return "รูปแบบ HEIC (รูปจาก iPhone) ยังรับไม่ได้ (รับ JPG, PNG, GIF, WEBP)"
    if image_extension(content) is None:
        return "ไฟล์ที่ส่งมาไม่ใช่รูปภาพ (รับ JPG, PNG, GIF, WEBP)"
    return None


def save_photo(content: bytes, folder: str, max_bytes: int) -> tuple[str | None, str | None]:
    """Keep a checked photo under a random name: (name, None) or (None, Thai reason)."""
    problem = check_photo(content, max_bytes)
    if problem:
        return None, problem
    name = f"{uuid.uuid4().hex}{image_extension(content)}"
    Path(folder).mkdir(parents=True, exist_ok=True)
    (Path(folder) / name).write_bytes(content)
    return name, None


def photo_path(folder: str, name: str) -> Path:
    """Where a stored photo name lives: only its last part counts, so a name can never point
    outside the upload folder."""
    return Path(folder) / Path(name).name


def delete_photos(folder: str, names: Iterable[str]) -> None:
    for name in names:
        photo_path(folder, name).unlink(missing_ok=True)


def referenced(session: Session) -> set[str]:
    """Every photo name an entry or an open conversation still points at."""
    names: set[str] = set()
    for photos in session.scalars(select(ComplaintRow.photos)):
        names.update(photos or [])
    for photos in session.scalars(select(ProgressRow.photos)):
        names.update(photos or [])
    for state in session.scalars(select(ConversationRow.state)):
        names.update(_strings(state))
    return names


def sweep_orphans(session: Session, folder: str, now: float | None = None) -> list[str]:
    """Delete photos older than an hour that nothing references; the names deleted."""
    root = Path(folder)
    if not root.is_dir():
        return []
    cutoff = (time.time() if now is None else now) - ORPHAN_AGE_SECONDS
    old = [p for p in root.iterdir() if p.is_file() and p.stat().st_mtime < cutoff]
    if not old:
        return []
    keep = referenced(session)
    gone = [p.name for p in old if p.name not in keep]
    delete_photos(folder, gone)
    if gone:
        log.info("uploads: removed %d photos no entry references", len(gone))
    return gone


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
