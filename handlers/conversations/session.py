"""The state of one user's open conversation and the contract of a conversation step."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from handlers.conversations.messages import Inbound, Reply
from handlers.conversations.voice import Voice
from handlers.ports import Store
from handlers.shared import Channel

# A draft nobody touched for this long is dropped: the citizen has moved on.
DRAFT_TTL_MINUTES = 30


class Understood(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def case_number(self) -> str | None: ...
    @property
    def category(self) -> str | None: ...


@dataclass
class Session:
    flow: str
    step: str
    data: dict[str, Any] = field(default_factory=dict)
    # What the buttons under the last question send: a typed answer is read against them.
    offered: list[str] = field(default_factory=list)
    # The intent that opened it: "คืนทรัพย์สิน" typed while borrowing (one flow) starts the
    # return, while "ยืมทรัพย์สิน" typed again only repeats the question.
    intent: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "flow": self.flow,
            "step": self.step,
            "data": self.data,
            "offered": self.offered,
            "intent": self.intent,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Session:
        return cls(
            flow=d["flow"],
            step=d["step"],
            data=dict(d.get("data") or {}),
            offered=[str(x) for x in d.get("offered") or []],
            intent=str(d.get("intent") or ""),
        )


@dataclass(frozen=True)
class Actor:
    """Who is talking: a citizen, or a linked staff member with a role and a unit."""

    role: str = "citizen"  # citizen | staff | admin | executive | integrity
    staff_id: int | None = None
    unit: str = ""
    name: str = ""

    @property
    def is_staff(self) -> bool:
        return self.role != "citizen"


@dataclass
class Context:
    store: Store
    now: datetime
    channel: Channel = Channel.LINE
    # Free-text understanding and category suggestions are injected so that the core's
    # tests need no model; the composition root wires the real ones.
    understand: Callable[[str], Understood] | None = None
    suggest: Callable[[str], list[tuple[str, float]]] | None = None
    actor: Actor = field(default_factory=Actor)
    # The deployment shows the privacy notice before personal data is collected (PDPA).
    require_privacy_ack: bool = False
    # How the office speaks: its particle and name (every reply passes through it once).
    voice: Voice = field(default_factory=Voice)


@dataclass
class Outcome:
    replies: list[Reply]
    session: Session | None  # None: the conversation is over


Step = Callable[[Session, Inbound, Context], Outcome]
# Starts a conversation for an intent; `text` is the free sentence that expressed it, if any.
Starter = Callable[[Context, Inbound, str], Outcome]
