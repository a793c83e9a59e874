"""Rich menus: `richmenu setup` puts both menus on LINE, and staff get theirs when they link
their LINE account (and lose it when they unlink), through the real webhook and SDK."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask
from PIL import Image

from bot.db import new_session
from bot.db.accounts.tables import User
from handlers.conversations.messages import choices
from handlers.conversations.staff import STAFF_MENU
from tests.fakes.fake_line import FakeLine
from tests.support.admin import add_staff, client_for
from tests.support.line import line_config, say

STAFF_USER = "U" + "5" * 32
CITIZEN = "U" + "c" * 32


def setup(app: Flask) -> dict[str, str]:
    r = app.test_cli_runner().invoke(args=["richmenu", "setup"])
    assert r.exit_code == 0, r.output
    return json.loads((Path(app.instance_path) / "richmenus.json").read_text(encoding="utf-8"))


def menu_texts(menu: dict) -> list[str]:
    return [a["action"]["text"] for a in menu["areas"]]


def tiles_the_whole_menu(menu: dict) -> None:
    """LINE's rules, and every tap landing on a button: at most 20 areas inside the menu,
    none overlapping, together covering it; labels within 20 characters."""
    w, h = menu["size"]["width"], menu["size"]["height"]
    boxes = [a["bounds"] for a in menu["areas"]]
    assert 1 <= len(boxes) <= 20
    assert all(len(a["action"]["label"]) <= 20 for a in menu["areas"])
    for b in boxes:
        assert (
            b["x"] >= 0 and b["y"] >= 0 and b["x"] + b["width"] <= w and b["y"] + b["height"] <= h
        )
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart_x = a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
            apart_y = a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"]
            assert apart_x or apart_y
    assert sum(b["width"] * b["height"] for b in boxes) == w * h


def test_setup_creates_both_menus_with_images_and_makes_the_citizens_default(
    line_app: Flask, line: FakeLine
) -> None:
    line.install_rich_menus()
    ids = setup(line_app)
    assert set(ids) == {"citizen", "staff"} and len(line.rich_menus) == 2
    citizen, staff = line.rich_menus[ids["citizen"]], line.rich_menus[ids["staff"]]
    assert menu_texts(citizen) == [
        "ร้องเรียน/ร้องทุกข์",
        "แจ้งเบาะแสทุจริต",
        "ประเมินความพึงพอใจ",
        "ติดตามเรื่อง",
    ]
    # The staff menu offers what the staff quick replies offer (one list), and the summary.
    texts = menu_texts(staff)
    assert texts == [q.text for q in STAFF_MENU] + ["สรุป"]
    assert texts[:5] == ["รายงานความคืบหน้า", "งานของฉัน", "สถิติบริการ", "แจ้งรับของขวัญ", "ไม่มีการรับของขวัญ"]
    assert {"ร้องเรียน/ร้องทุกข์", "ติดตามเรื่อง"} <= set(texts)
    assert citizen["size"] == {"width": 2500, "height": 843}
    assert staff["size"] == {"width": 2500, "height": 1686}  # three rows of tiles
    for menu in (citizen, staff):
        tiles_the_whole_menu(menu)
    for rich_menu_id, menu in ((ids["citizen"], citizen), (ids["staff"], staff)):
        content_type, png = line.rich_menu_images[rich_menu_id]
        assert content_type == "image/png"
        image = Image.open(io.BytesIO(png))
        assert image.format == "PNG"
        assert image.size == (menu["size"]["width"], menu["size"]["height"])
    assert line.default_rich_menus == [ids["citizen"]]
    assert line.rich_menu_links == []

    # Running it again replaces the menus and deletes the old ones.
    again = setup(line_app)
    assert set(again.values()).isdisjoint(ids.values())
    assert sorted(line.deleted_rich_menus) == sorted(ids.values())
    assert line.default_rich_menus[-1] == again["citizen"]


def test_setup_without_a_line_token_says_so(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(LINE_CHANNEL_ACCESS_TOKEN="")
    r = app.test_cli_runner().invoke(args=["richmenu", "setup"])
    assert r.exit_code == 1
    assert "LINE_CHANNEL_ACCESS_TOKEN" in r.output
    assert not (Path(app.instance_path) / "richmenus.json").exists()


def test_staff_get_the_staff_menu_when_they_link_and_lose_it_when_they_unlink(
    line_app: Flask, line: FakeLine
) -> None:
    line.install_rich_menus()
    ids = setup(line_app)
    code = add_staff(line_app)
    say(line_app, "ติดตามเรื่อง", CITIZEN)
    say(line_app, "ลงทะเบียน WRONG123", STAFF_USER)
    assert line.rich_menu_links == []  # a citizen, and a wrong code, change nothing
    say(line_app, f"ลงทะเบียน {code}", STAFF_USER)
    assert line.rich_menu_links == [(STAFF_USER, ids["staff"])]
    say(line_app, "งานของฉัน", STAFF_USER)
    assert line.rich_menu_links == [(STAFF_USER, ids["staff"])] and line.rich_menu_unlinks == []
    say(line_app, "ยกเลิกการเชื่อมบัญชี", STAFF_USER)
    assert line.rich_menu_unlinks == []  # not before the confirmation
    say(line_app, "ยืนยัน", STAFF_USER)
    assert "ยกเลิกการเชื่อมบัญชีเรียบร้อยแล้ว" in "\n".join(line.last_texts())
    assert line.rich_menu_unlinks == [STAFF_USER]


def test_staff_linked_before_setup_get_their_menu_at_setup(line_app: Flask, line: FakeLine) -> None:
    line.install_rich_menus()
    say(line_app, f"ลงทะเบียน {add_staff(line_app)}", STAFF_USER)
    assert "เชื่อมบัญชีเรียบร้อยแล้ว" in "\n".join(line.last_texts())
    assert line.rich_menu_links == []  # no menus on LINE yet: nothing to link
    r = line_app.test_cli_runner().invoke(args=["richmenu", "setup"])
    assert r.exit_code == 0 and "ผูกกับเจ้าหน้าที่ 1 คน" in r.output
    ids = json.loads((Path(line_app.instance_path) / "richmenus.json").read_text("utf-8"))
    assert line.rich_menu_links == [(STAFF_USER, ids["staff"])]


def test_a_line_failure_while_linking_does_not_lose_the_registration(
    line_app: Flask, line: FakeLine
) -> None:
    # Menus known locally but the LINE endpoints for linking are missing (404 from the fake).
    ids = {"citizen": "richmenu-gone-1", "staff": "richmenu-gone-2"}
    (Path(line_app.instance_path) / "richmenus.json").write_text(json.dumps(ids), "utf-8")
    say(line_app, f"ลงทะเบียน {add_staff(line_app)}", STAFF_USER)
    assert "เชื่อมบัญชีเรียบร้อยแล้ว" in "\n".join(line.last_texts())
    say(line_app, "งานของฉัน", STAFF_USER)
    assert "สำนักปลัด" in "\n".join(line.last_texts())


def test_deactivating_a_staff_account_gives_back_the_citizens_menu(
    make_app: Callable[..., Flask], line: FakeLine
) -> None:
    app = make_app(WTF_CSRF_ENABLED=False, **line_config(line))
    line.install_rich_menus()
    ids = setup(app)
    say(app, f"ลงทะเบียน {add_staff(app)}", STAFF_USER)
    assert line.rich_menu_links == [(STAFF_USER, ids["staff"])]
    with new_session(app) as s:
        uid = s.query(User).filter_by(username="somying").one().id
    admin = client_for(app, "admin")
    admin.post(f"/admin/users/{uid}/active", data={"active": "0"})
    assert line.rich_menu_unlinks == [STAFF_USER]
    say(app, "งานของฉัน", STAFF_USER)  # the bot no longer treats the LINE account as staff
    assert "สำนักปลัด" not in "\n".join(line.last_texts())
    admin.post(f"/admin/users/{uid}/active", data={"active": "1"})
    assert line.rich_menu_links[-1] == (STAFF_USER, ids["staff"])


def test_a_starter_added_to_the_staff_menu_gets_its_tile(
    line_app: Flask, line: FakeLine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every staff starter (asset loans included) has a tile, and so does the next one."""
    line.install_rich_menus()
    staff = line.rich_menus[setup(line_app)["staff"]]
    assert {"ยืมทรัพย์สิน", "คืนทรัพย์สิน", "สถิติบริการ"} <= set(menu_texts(staff))
    assert len(staff["areas"]) == len(STAFF_MENU) + 1  # and สรุป
    tiles_the_whole_menu(staff)

    monkeypatch.setattr(
        "handlers.conversations.staff.STAFF_MENU", (*STAFF_MENU, *choices("คำสั่งใหม่"))
    )
    line.install_rich_menus()
    staff = line.rich_menus[setup(line_app)["staff"]]
    assert len(staff["areas"]) == len(STAFF_MENU) + 2 and "คำสั่งใหม่" in menu_texts(staff)
    tiles_the_whole_menu(staff)
