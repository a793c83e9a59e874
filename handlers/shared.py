"""What every feature of the core shares: the channels entries arrive by (with their Thai
names), and domain errors."""

from __future__ import annotations

from enum import StrEnum


class Channel(StrEnum):
    LINE = "line"
    WEB = "web"
    CHAT = "chat"
    # Doors staff record for citizens (step 11): the counter, the phone, a letter, the
    # office's Facebook page, anything else; and paper questionnaires keyed in.
    WALK_IN = "walk_in"
    PHONE = "phone"
    LETTER = "letter"
    FACEBOOK = "facebook"
    OTHER = "other"
    PAPER = "paper"


# What pages, the spreadsheet and reports call each channel.
CHANNEL_TH: dict[Channel, str] = {
    Channel.LINE: "LINE",
    Channel.WEB: "เว็บไซต์",
    Channel.CHAT: "ทดสอบ",  # the developers' chat command, never a citizen
    Channel.WALK_IN: "ยื่นด้วยตนเอง",
    Channel.PHONE: "โทรศัพท์",
    Channel.LETTER: "หนังสือ/จดหมาย",
    Channel.FACEBOOK: "Facebook",
    Channel.OTHER: "ช่องทางอื่น",
    Channel.PAPER: "แบบสอบถามกระดาษ",
}


def is_test_channel(value: str) -> bool:
    """Whether an entry came from the developers' terminal chat (`flask chat`): never a
    citizen, so channel figures and published evidence leave it out."""
    return str(value) == Channel.CHAT.value


def channel_label(value: str) -> str:
    """The Thai name of a channel or its stored value; an unknown value is shown as it is."""
    try:
        return CHANNEL_TH[Channel(value)]
    except ValueError:
        return str(value)


class DomainError(Exception):
    """A rule of the office was broken; the message is Thai and safe to show."""


# Past this a page number was typed by no one; the caller shows its last page instead, and
# OFFSET stays far inside every database's integer.
MAX_PAGE = 1_000_000


def page_number(raw: str | None) -> int:
    """A 1-based page number from a query string. Anything but a whole number (Thai digits
    count) is page 1; a huge one is MAX_PAGE, which the caller clamps to its last page."""
    text = (raw or "").strip()
    if not text.isdecimal():
        return 1
    if len(text) > len(str(MAX_PAGE)):  # int() of thousands of digits is slow, then refused
        return MAX_PAGE
    return max(1, min(int(text), MAX_PAGE))


def last_page(total: int, page_size: int) -> int:
    return max(1, (total + page_size - 1) // page_size)
