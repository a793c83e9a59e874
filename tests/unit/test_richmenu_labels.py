"""The rich menu's tiles: long Thai labels go on two lines split between words (never inside
a word, never a line starting with '/'), short ones stay on one, and every tile of a menu is
set in one size that all its labels fit."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from bot.line.richmenu import _fit, _lines, _size, cells, menu, menu_image


def test_long_labels_split_between_words_and_short_ones_stay_whole() -> None:
    assert _lines("สรุป") == [("สรุป",)]
    two = _lines("รายงานความคืบหน้า")[1]
    assert two == ("รายงาน", "ความคืบหน้า")
    assert _lines("ร้องเรียน/ร้องทุกข์")[1] == ("ร้องเรียน/", "ร้องทุกข์")


def test_every_staff_tile_fits_its_labels_at_the_menus_one_size() -> None:
    _, _, labels, _ = menu("staff")
    draw = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    tiles = list(zip(cells(len(labels)), labels, strict=True))
    size = min(_size(draw, label, w - 120, h - 80) for (_, _, w, h), label in tiles)
    assert size >= 60  # readable on a phone, not the 40 px floor
    for (_, _, w, h), label in tiles:
        lines = _fit(draw, label, size, w - 120, h - 80)
        assert lines is not None and "".join(lines) == label
    assert Image.open(io.BytesIO(menu_image("staff"))).size[0] == 2500
