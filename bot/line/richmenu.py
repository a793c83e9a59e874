"""LINE rich menus: the citizens' menu (every user's default) and the staff menu, linked to
each LINE user who is also an office account. Images are drawn here so no artwork is needed."""

from __future__ import annotations

import io
import json
import logging
import subprocess
from functools import cache
from pathlib import Path

from linebot.v3.messaging import (
    MessageAction,
    RichMenuArea,
    RichMenuBounds,
    RichMenuRequest,
    RichMenuSize,
)
from PIL import Image, ImageDraw, ImageFont

from bot.line.client import LineClient
from handlers.conversations import menu as citizen_words
from handlers.conversations import staff as staff_words
from handlers.conversations.summary import WORD as SUMMARY
from handlers.thai.tokenize import segment

log = logging.getLogger(__name__)

WIDTH = 2500
# LINE's two standard heights: half (up to two rows of tiles) and full (three or four).
HALF, FULL = 843, 1686
FILE_NAME = "richmenus.json"
TLWG = Path("/usr/share/fonts/truetype/tlwg")
THAI_FONTS = ("Garuda-Bold.ttf", "Loma-Bold.ttf", "Kinnari-Bold.ttf", "Garuda.ttf", "Loma.ttf")


def staff_labels() -> tuple[str, ...]:
    """The staff menu's starters: the staff quick-reply menu (one list serves both, so a
    starter added there appears here too), then the summary, which only the rich menu offers."""
    labels = [q.text for q in staff_words.STAFF_MENU]
    return tuple(dict.fromkeys([*labels, SUMMARY]))


KINDS = ("citizen", "staff")


def menu(kind: str) -> tuple[str, str, tuple[str, ...], str]:
    """(name, chat bar text, labels in reading order, background colour) of a menu; read
    when it is built, so the staff menu follows STAFF_MENU as it is then."""
    if kind == "citizen":
        labels = (
            citizen_words.COMPLAINT,
            citizen_words.CORRUPTION,
            citizen_words.SATISFACTION,
            citizen_words.TRACK,
        )
        return "prongsai-citizen", "เมนูบริการ", labels, "#1b7f5a"
    if kind == "staff":
        return "prongsai-staff", "เมนูงาน", staff_labels(), "#1f4e8c"
    raise KeyError(kind)


def height(count: int) -> int:
    return HALF if _rows(count) <= 2 else FULL


def _columns(count: int) -> int:
    return 2 if count <= 4 else 3 if count <= 9 else 4


def _rows(count: int) -> int:
    return -(-count // _columns(count))


def cells(count: int = 4) -> list[tuple[int, int, int, int]]:
    """`count` tappable tiles (x, y, width, height), left to right, top to bottom, tiling the
    whole menu: rows of two to four, the last row's tiles sharing its width."""
    columns, rows, total = _columns(count), _rows(count), height(count)
    out: list[tuple[int, int, int, int]] = []
    for r in range(rows):
        y, bottom = total * r // rows, total * (r + 1) // rows
        here = min(columns, count - r * columns)
        for c in range(here):
            x, right = WIDTH * c // here, WIDTH * (c + 1) // here
            out.append((x, y, right - x, bottom - y))
    return out


def menu_request(kind: str) -> RichMenuRequest:
    name, bar, labels, _ = menu(kind)
    areas = [
        RichMenuArea(
            bounds=RichMenuBounds(x=x, y=y, width=w, height=h),
            action=MessageAction(label=label[:20], text=label),
        )
        for (x, y, w, h), label in zip(cells(len(labels)), labels, strict=True)
    ]
    return RichMenuRequest(
        size=RichMenuSize(width=WIDTH, height=height(len(labels))),
        selected=kind == "citizen",
        name=name,
        chat_bar_text=bar,
        areas=areas,
    )


@cache
def thai_font_path() -> str | None:
    """A font that has Thai glyphs: fonts-thai-tlwg if installed, else what fontconfig picks."""
    for name in THAI_FONTS:
        if (TLWG / name).is_file():
            return str(TLWG / name)
    try:
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", ":lang=th:weight=bold"],
            capture_output=True,
            text=True,
            timeout=5,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return found if found and Path(found).is_file() else None


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = thai_font_path()
    if path:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            log.info("rich menu font %s unreadable; using the default font", path)
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow before 10.1 has no sized default font
        return ImageFont.load_default()


def _lines(label: str) -> list[tuple[str, ...]]:
    """The label on one line, or on two split between words as evenly as possible."""
    words = [w for w in segment(label) if w]
    if len(words) < 2:
        return [(label,)]
    splits = [("".join(words[:i]), "".join(words[i:])) for i in range(1, len(words))]
    # A line never starts with a slash or a closing mark ("ร้องเรียน/" then "ร้องทุกข์").
    splits = [p for p in splits if p[1][0] not in "/-)."] or splits
    return [(label,), min(splits, key=lambda p: abs(len(p[0]) - len(p[1])))]


def _fit(
    draw: ImageDraw.ImageDraw, label: str, size: int, width: int, height: int
) -> tuple[str, ...] | None:
    """The label's lines at `size` px within width x height, or None when it cannot fit."""
    font = _font(size)
    for lines in _lines(label):
        fits = all(draw.textlength(line, font=font) <= width for line in lines)
        if fits and len(lines) * size * 1.5 <= height:
            return lines
    return None


def _size(draw: ImageDraw.ImageDraw, label: str, width: int, height: int) -> int:
    """The largest size (120 px down to 40) at which the label fits its tile."""
    return next((n for n in range(120, 40, -10) if _fit(draw, label, n, width, height)), 40)


def menu_image(kind: str) -> bytes:
    """A PNG 2500 wide: coloured tiles with their Thai labels, matching the tap areas. Every
    label is set in one size (the largest all tiles can take), long ones on two lines."""
    _, _, labels, colour = menu(kind)
    image = Image.new("RGB", (WIDTH, height(len(labels))), "white")
    draw = ImageDraw.Draw(image)
    tiles = list(zip(cells(len(labels)), labels, strict=True))
    size = min(_size(draw, label, w - 120, h - 80) for (_, _, w, h), label in tiles)
    for (x, y, w, h), label in tiles:
        draw.rounded_rectangle((x + 12, y + 12, x + w - 12, y + h - 12), radius=40, fill=colour)
        lines = _fit(draw, label, size, w - 120, h - 80) or (label,)
        draw.multiline_text(
            (x + w / 2, y + h / 2),
            "\n".join(lines),
            font=_font(size),
            fill="white",
            anchor="mm",
            align="center",
            spacing=size // 3,
        )
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def stored_ids(instance_path: str) -> dict[str, str]:
    path = Path(instance_path) / FILE_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) else {}


def staff_menu_id(instance_path: str) -> str | None:
    return stored_ids(instance_path).get("staff")


def setup_menus(client: LineClient, instance_path: str) -> dict[str, str]:
    """Create both menus with their images, make the citizens' the default, remember the ids
    (in the instance folder, per office) and delete the menus an earlier setup made."""
    old = stored_ids(instance_path)
    # Built (and validated) before the first call, so a bad menu leaves nothing half made.
    built = {kind: (menu_request(kind), menu_image(kind)) for kind in KINDS}
    ids: dict[str, str] = {}
    for kind, (request, image) in built.items():
        rich_menu_id = client.messaging.create_rich_menu(
            request, _request_timeout=client.s.timeout
        ).rich_menu_id
        client.blob.set_rich_menu_image(
            rich_menu_id,
            body=image,
            _headers={"Content-Type": "image/png"},
            _request_timeout=client.s.timeout * 3,
        )
        ids[kind] = rich_menu_id
    client.messaging.set_default_rich_menu(ids["citizen"], _request_timeout=client.s.timeout)
    path = Path(instance_path) / FILE_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(ids, indent=2), encoding="utf-8")
    for rich_menu_id in set(old.values()) - set(ids.values()):
        try:
            client.messaging.delete_rich_menu(rich_menu_id, _request_timeout=client.s.timeout)
        except Exception as e:  # an old menu already gone is no reason to fail the setup
            log.info("old rich menu not deleted: %s", type(e).__name__)
    return ids
