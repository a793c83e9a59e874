"""What the "received" page shows once after a web complaint: the case number and tracking
code, kept here between the form's POST and the page's GET instead of in the session cookie
(Flask's cookie is signed, not encrypted: anyone holding the phone could read it). The
cookie holds only a random token; the row is found by the token's hash and deleted as it is
read, and the code in it is sealed with the token, so the database alone never shows it."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import String, Table, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from bot.db.base import Base

# The page follows the POST at once; a receipt never collected is dropped after this.
KEEP = timedelta(minutes=30)


class FilingReceipt(Base):
    __tablename__ = "filing_receipts"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    case_number: Mapped[str] = mapped_column(String(20))
    sealed_code: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(index=True)


receipts = cast(Table, FilingReceipt.__table__)


def put(session: Session, case_number: str, code: str, now: datetime, token: str = "") -> str:
    """Keep a receipt (the caller commits, with the complaint); the token for the cookie.
    A token given by the caller (one per form, see bot/web/submission.py) makes a second
    filing of the same form fail on the primary key, with its complaint rolled back."""
    token = token or secrets.token_urlsafe(32)
    session.execute(delete(receipts).where(receipts.c.created_at < now - KEEP))
    session.add(
        FilingReceipt(
            token_hash=_hash(token),
            case_number=case_number,
            sealed_code=_seal(token, code.encode()).hex(),
            created_at=now,
        )
    )
    return token


def exists(session: Session, token: str, now: datetime) -> bool:
    """A receipt not yet collected nor expired is kept under `token`."""
    row = session.execute(
        select(receipts.c.created_at).where(receipts.c.token_hash == _hash(token))
    ).first()
    return row is not None and row.created_at >= now - KEEP


def take(session: Session, token: str, now: datetime) -> tuple[str, str] | None:
    """The case number and code of `token`, once: the row is deleted as it is read (one
    statement, so two requests with the same cookie cannot both get it). Commits."""
    row = session.execute(
        delete(receipts)
        .where(receipts.c.token_hash == _hash(token))
        .returning(receipts.c.case_number, receipts.c.sealed_code, receipts.c.created_at)
    ).first()
    session.commit()
    if row is None or row.created_at < now - KEEP:
        return None
    return row.case_number, _seal(token, bytes.fromhex(row.sealed_code)).decode()


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _seal(token: str, data: bytes) -> bytes:
    """XOR with a pad derived from the token (used once): sealing twice opens."""
    pad = hashlib.sha256(b"filing-receipt:" + token.encode()).digest()
    if len(data) > len(pad):
        raise ValueError("tracking code too long to seal")
    return bytes(a ^ b for a, b in zip(data, pad, strict=False))
