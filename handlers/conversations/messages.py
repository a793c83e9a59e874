"""What a conversation receives and answers, independent of LINE or any other channel."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

InboundKind = Literal["text", "postback", "image", "location", "sticker", "follow", "other"]


@dataclass(frozen=True)
class Inbound:
    user_id: str
    kind: InboundKind
    text: str = ""
    # A photo already saved by the adapter (path relative to the upload folder), or the
    # reason it could not be kept (too large, not an image, download failed).
    image_path: str | None = None
    image_error: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    address: str = ""
    display_name: str = ""


@dataclass(frozen=True)
class QuickReply:
    """A tappable choice: 'message' sends `text`; 'location' and 'camera' open pickers."""

    label: str
    text: str = ""
    kind: Literal["message", "location", "camera", "camera_roll"] = "message"


@dataclass(frozen=True)
class Reply:
    text: str
    quick_replies: tuple[QuickReply, ...] = ()
    # An optional rich card (LINE Flex contents); channels that cannot show it use `text`.
    flex: dict[str, Any] | None = field(default=None, compare=False)


LABEL_MAX = 20  # LINE's limit for a quick reply label


def short_label(text: str) -> str:
    """Whole words that fit LINE's label limit; the full text is still what gets sent."""
    if len(text) <= LABEL_MAX:
        return text
    label = ""
    for word in text.split():
        candidate = f"{label} {word}".strip()
        if len(candidate) > LABEL_MAX:
            break
        label = candidate
    if label:
        return label
    # Thai runs without spaces: cut between words, never inside one.
    from handlers.thai.tokenize import tokenize

    for word in tokenize(text):
        if len(label + word) > LABEL_MAX - 1:
            break
        label += word
    return (label or text[: LABEL_MAX - 1]) + "…"


def choices(*labels: str) -> tuple[QuickReply, ...]:
    return tuple(QuickReply(label=short_label(label), text=label) for label in labels)
