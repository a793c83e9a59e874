"""Who is talking: a LINE (or chat) user linked to an office account is that staff member."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.accounts.tables import User
from handlers.conversations.session import Actor

CITIZEN = Actor()


def actor_of(user: User | None) -> Actor:
    if user is None or not user.active:
        return CITIZEN
    return Actor(
        role=user.role, staff_id=user.id, unit=user.unit, name=user.display_name or user.username
    )


def resolve_actor(session: Session, user_key: str) -> Actor:
    """The staff member linked to this LINE user id, else a citizen."""
    user = session.scalars(select(User).where(User.line_user_id == user_key)).first()
    return actor_of(user)


def actor_by_username(session: Session, username: str) -> Actor | None:
    """For `chat --staff USERNAME`: act as that account without linking LINE."""
    user = session.scalars(select(User).where(User.username == username)).first()
    return actor_of(user) if user is not None and user.active else None
