"""A Chat that drives the conversation engine the way the LINE adapter does (one transaction
per inbound message), and what the user reads and can tap in its replies."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from handlers.conversations.engine import handle
from handlers.conversations.messages import Inbound, InboundKind, Reply
from handlers.conversations.session import Actor, Context
from handlers.conversations.voice import Voice
from tests.fakes.fake_store import FakeStore


class Chat:
    """One LINE user talking to the core, as the adapter would drive it: one transaction
    per inbound message, committed after the replies are computed."""

    def __init__(
        self,
        store: FakeStore | None = None,
        *,
        user_id: str = "U-somchai",
        display_name: str = "สมชาย ใจดี",
        now: datetime,
        understand: Callable[[str], Any] | None = None,
        suggest: Callable[[str], list[tuple[str, float]]] | None = None,
        voice: Voice | None = None,
        actor: Actor | None = None,
    ) -> None:
        self.store = store or FakeStore()
        self.user_id = user_id
        self.display_name = display_name
        self.now = now
        self.understand = understand
        self.suggest = suggest
        self.voice = voice or Voice()
        self.actor = actor or Actor()

    def send(self, kind: InboundKind, text: str = "", **fields: Any) -> list[Reply]:
        msg = Inbound(
            user_id=self.user_id, kind=kind, text=text, display_name=self.display_name, **fields
        )
        ctx = Context(
            store=self.store,
            now=self.now,
            understand=self.understand,
            suggest=self.suggest,
            voice=self.voice,
            actor=self.actor,
        )
        replies = handle(msg, ctx)
        self.store.commit()
        return replies

    def say(self, text: str) -> list[Reply]:
        return self.send("text", text)

    def photo(self, path: str) -> list[Reply]:
        return self.send("image", image_path=path)

    def location(self, lat: float, lng: float, address: str = "") -> list[Reply]:
        return self.send("location", latitude=lat, longitude=lng, address=address)

    def sticker(self) -> list[Reply]:
        return self.send("sticker")

    def wait(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)

    @property
    def draft(self) -> dict[str, Any] | None:
        found = self.store.conversations.get(self.user_id)
        return found[0] if found else None


def text_of(replies: list[Reply]) -> str:
    """Everything the user reads, in order."""
    return "\n".join(r.text for r in replies)


def labels(replies: list[Reply]) -> list[str]:
    """The buttons under the last message (LINE shows only those)."""
    return [q.label for q in replies[-1].quick_replies] if replies else []


def sends(replies: list[Reply]) -> list[str]:
    """What tapping each button of the last message sends."""
    return [q.text for q in replies[-1].quick_replies] if replies else []
