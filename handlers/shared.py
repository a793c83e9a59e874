"""What every feature of the core shares: the channels entries arrive by, and domain errors."""

from __future__ import annotations

from enum import StrEnum


class Channel(StrEnum):
    LINE = "line"
    WEB = "web"
    CHAT = "chat"


class DomainError(Exception):
    """A rule of the office was broken; the message is Thai and safe to show."""
