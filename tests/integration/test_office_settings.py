"""The office's settings: saved by an admin on /admin/settings or with `flask settings set`,
shown with `settings show --json`, the environment's values standing until then."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from datetime import UTC, datetime

import time_machine
from flask import Flask
from PIL import Image

from tests.fakes.fake_line import FakeLine
from tests.support.admin import add_user, audit_rows, client_for
from tests.support.cli import cli, invoke
from tests.support.complaints import file
from tests.support.line import line_config, say


def _shown(app: Flask) -> dict[str, str]:
    return json.loads(cli(app, "settings", "show", "--json"))


def test_the_environment_stands_until_a_setting_is_saved(make_app: Callable[..., Flask]) -> None:
    app = make_app(OFFICE_NAME="เทศบาลตำบลบางพระ", OFFICE_ADDRESS="หมู่ ๑ ตำบลบางพระ")
    shown = _shown(app)
    assert shown["office_name"] == "เทศบาลตำบลบางพระ"
    assert shown["address"] == "หมู่ ๑ ตำบลบางพระ"
    assert shown["particle"] == "ครับ"
    assert shown["public_base_url"] == ""

    out = cli(app, "settings", "set", "office_name", "เทศบาลตำบลหนองรี")
    assert "บันทึกชื่อหน่วยงานแล้ว: เทศบาลตำบลหนองรี" in out
    cli(app, "settings", "set", "particle", "ค่ะ")
    cli(app, "settings", "set", "public_base_url", "https://prongsai.nongree.go.th/")
    shown = _shown(app)
    assert shown["office_name"] == "เทศบาลตำบลหนองรี"
    assert shown["address"] == "หมู่ ๑ ตำบลบางพระ"  # not saved: still the environment's
    assert shown["particle"] == "ค่ะ"
    assert shown["public_base_url"] == "https://prongsai.nongree.go.th"  # no trailing slash
    assert (
        "cli",
        "settings.set",
        "office_name",
        "เทศบาลตำบลบางพระ → เทศบาลตำบลหนองรี",
    ) in audit_rows(app)


def test_bad_values_are_refused_in_thai_and_change_nothing(app: Flask) -> None:
    cases = [
        (("particle", "จ้า"), "คำลงท้ายต้องเป็น “ครับ” หรือ “ค่ะ”"),
        (("office_type", "อบจ"), "ประเภทหน่วยงานต้องเป็นหนึ่งใน"),
        (("public_base_url", "prongsai.go.th"), "ต้องขึ้นต้นด้วย https://"),
        (("phone", "โทรหาเรา"), "โทรศัพท์ใช้ได้เฉพาะตัวเลข"),
        (("colour", "แดง"), "ไม่รู้จักการตั้งค่า “colour”"),
        (("logo", "/no/such/file.png"), "ไม่พบไฟล์"),
    ]
    for args, message in cases:
        r = invoke(app, "settings", "set", *args)
        assert r.exit_code == 2, args
        assert message in r.output, (args, r.output)
    assert _shown(app)["particle"] == "ครับ"
    assert _shown(app)["office_type"] == ""


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 40), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def test_an_admin_saves_settings_and_every_change_is_audited(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app(WTF_CSRF_ENABLED=False, OFFICE_NAME="เทศบาลตำบลบางพระ")
    admin = client_for(app, "admin")
    page = admin.get("/admin/settings").get_data(as_text=True)
    assert 'value="เทศบาลตำบลบางพระ"' in page
    assert "ยังไม่ได้ตั้งที่อยู่เว็บไซต์สำหรับประชาชน" in page

    form = {
        "office_name": "องค์การบริหารส่วนตำบลหนองรี",
        "office_type": "องค์การบริหารส่วนตำบล",
        "address": "๙๙ หมู่ ๔ ตำบลหนองรี อำเภอเมืองชลบุรี จังหวัดชลบุรี ๒๐๐๐๐",
        "phone": "038-123456",
        "public_base_url": "https://prongsai.nongree.go.th",
        "particle": "ค่ะ",
    }
    r = admin.post("/admin/settings", data=form, follow_redirects=True)
    page = r.get_data(as_text=True)
    assert "บันทึกแล้ว: ชื่อหน่วยงาน, ประเภทหน่วยงาน, ที่อยู่, โทรศัพท์" in page
    assert "ยังไม่ได้ตั้งที่อยู่เว็บไซต์" not in page
    assert _shown(app)["office_type"] == "องค์การบริหารส่วนตำบล"
    rows = audit_rows(app)
    assert (
        "admin",
        "settings.set",
        "office_name",
        "เทศบาลตำบลบางพระ → องค์การบริหารส่วนตำบลหนองรี",
    ) in rows
    assert ("admin", "settings.set", "particle", "ครับ → ค่ะ") in rows

    # One bad field: nothing is saved, the form keeps what was typed.
    bad = admin.post(
        "/admin/settings",
        data={**form, "office_name": "อบต.ใหม่", "public_base_url": "http://localhost:5000/x?y"},
    )
    assert bad.status_code == 400
    text = bad.get_data(as_text=True)
    assert "ต้องไม่มีส่วน ? หรือ #" in text and 'value="อบต.ใหม่"' in text
    assert _shown(app)["office_name"] == "องค์การบริหารส่วนตำบลหนองรี"


def test_the_logo_is_uploaded_checked_and_served(make_app: Callable[..., Flask]) -> None:
    app = make_app(WTF_CSRF_ENABLED=False)
    admin = client_for(app, "admin")
    assert app.test_client().get("/office/logo").status_code == 404
    r = admin.post(
        "/admin/settings/logo",
        data={"logo": (io.BytesIO(b"<svg onload=alert(1)>"), "logo.png")},
        follow_redirects=True,
    )
    assert "ต้องเป็นรูปภาพ PNG หรือ JPEG" in r.get_data(as_text=True)
    png = _png()
    r = admin.post(
        "/admin/settings/logo", data={"logo": (io.BytesIO(png), "ตรา.png")}, follow_redirects=True
    )
    assert "บันทึกตราสัญลักษณ์แล้ว" in r.get_data(as_text=True)
    served = app.test_client().get("/office/logo")
    assert served.status_code == 200 and served.data == png
    assert served.mimetype == "image/png"


def test_only_an_admin_sees_the_settings(make_app: Callable[..., Flask]) -> None:
    app = make_app(WTF_CSRF_ENABLED=False)
    for role in ("executive", "staff", "integrity"):
        add_user(app, role, role, unit="กองช่าง" if role == "staff" else "")
        c = client_for(app, role)
        assert c.get("/admin/settings").status_code == 403, role
        assert c.post("/admin/settings", data={"particle": "ค่ะ"}).status_code == 403, role
    assert _shown(app)["particle"] == "ครับ"


def test_the_result_letter_reads_back_with_the_office_s_settings(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app(WTF_CSRF_ENABLED=False, OFFICE_NAME="เทศบาลตำบลบางพระ")
    for key, value in (
        ("letter_prefix", "ชบ ๕๒๒๐๑/"),
        ("address", "๑ หมู่ ๒ ตำบลบางพระ อำเภอศรีราชา จังหวัดชลบุรี"),
        ("phone", "038-358-000"),
        ("signer_position", "นายกเทศมนตรีตำบลบางพระ"),
    ):
        cli(app, "settings", "set", key, value)
    case = file(
        app,
        "road",
        datetime(2025, 2, 3, 3, 0, tzinfo=UTC),
        contact="",
        changes=(("rejected", datetime(2025, 2, 5, 3, 0, tzinfo=UTC), "เป็นถนนของกรมทางหลวง"),),
    )
    with time_machine.travel(datetime(2025, 2, 10, 2, 0, tzinfo=UTC), tick=False):
        page = client_for(app, "admin").get(f"/admin/cases/{case}/letter").get_data(as_text=True)
    text = " ".join(re.sub(r"<[^>]+>", " ", page).replace("&emsp;", " ").split())
    expected = [
        "ที่ ชบ ๕๒๒๐๑/",
        "เทศบาลตำบลบางพระ ๑ หมู่ ๒ ตำบลบางพระ อำเภอศรีราชา จังหวัดชลบุรี",
        "10 กุมภาพันธ์ 2568",
        "เรื่อง แจ้งผลการพิจารณาเรื่องร้องเรียน",
        "เรียน ผู้ร้องเรียน",
        f"อ้างถึง เรื่องร้องเรียน เลขที่ {case} ลงวันที่ 3 กุมภาพันธ์ 2568",
        "ได้พิจารณาเรื่องดังกล่าวแล้ว ไม่รับไว้พิจารณา เนื่องจาก เป็นถนนของกรมทางหลวง",
        "จึงเรียนมาเพื่อโปรดทราบ",
        "ขอแสดงความนับถือ",
        "นายกเทศมนตรีตำบลบางพระ",
        "โทร. 038-358-000",
    ]
    places = [text.find(part) for part in expected]
    assert -1 not in places, [p for p, i in zip(expected, places, strict=True) if i < 0]
    assert places == sorted(places)  # in the order of an official letter


def test_the_chat_speaks_with_the_particle_and_name_the_admin_saved(
    make_app: Callable[..., Flask], line: FakeLine
) -> None:
    app = make_app(**line_config(line))
    say(app, "ร้องเรียน")
    assert "ครับ" in "\n".join(line.last_texts())  # the environment's default
    say(app, "ยกเลิก")

    cli(app, "settings", "set", "particle", "ค่ะ")
    cli(app, "settings", "set", "office_name", "เทศบาลตำบลหนองรี")
    say(app, "ร้องเรียน")
    said = "\n".join(line.last_texts())
    assert "ครับ" not in said and ("ค่ะ" in said or "คะ" in said)
