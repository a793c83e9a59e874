"""What every feature of the core shares: the channels entries arrive by (with their Thai
names), and domain errors."""

from __future__ import annotations

from enum import StrEnum


class Channel(StrEnum):
    LINE = "line"
    WEB = "web"
    CHAT = "chat"


# What pages, the spreadsheet and reports call each channel.
CHANNEL_TH: dict[Channel, str] = {
    Channel.LINE: "LINE",
    Channel.WEB: "เว็บไซต์",
    Channel.CHAT: "ทดสอบ",  # the developers' chat command, never a citizen
}


def channel_label(value: str) -> str:
    """The Thai name of a channel or its stored value; an unknown value is shown as it is."""
    try:
        return CHANNEL_TH[Channel(value)]
    except ValueError:
        return str(value)


class DomainError(Exception):
    """A rule of the office was broken; the message is Thai and safe to show."""
