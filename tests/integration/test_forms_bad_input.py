"""Bad input as people send it: a form sent twice files one complaint, a story too short or
too long, a photo too big or from an iPhone, a phone number written with dashes or Thai
digits, emoji. Each answer says in Thai what to do and keeps what was typed."""

from __future__ import annotations

import io
import re

from flask.testing import FlaskClient
from sqlalchemy import select

from bot.db import new_session
from bot.db.complaints.tables import ComplaintRow
from tests.support.web import case_and_code

GOOD = {"category": "road", "details": "ถนนหน้าวัดเป็นหลุมลึกมาก", "privacy_ack": "y"}
# The first bytes of a photo saved by an iPhone camera (an ISO media file, brand heic).
HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 500


def _rows(client: FlaskClient) -> list[ComplaintRow]:
    with new_session(client.application) as s:
        return list(s.scalars(select(ComplaintRow)))


def _form_key(client: FlaskClient, path: str = "/complaint") -> str:
    page = client.get(path).get_data(as_text=True)
    m = re.search(r'name="form_key" value="([^"]+)"', page)
    assert m, page[:2000]
    return m.group(1)


def _post(client: FlaskClient, data: dict[str, object], path: str = "/complaint") -> str:
    r = client.post(path, data=data, content_type="multipart/form-data", follow_redirects=True)
    return r.get_data(as_text=True)


def test_the_same_form_sent_twice_files_one_complaint_and_shows_it_again(
    web_client: FlaskClient,
) -> None:
    key = _form_key(web_client)
    # A double tap: the phone drops the first answer and shows the second one.
    first = web_client.post(
        "/complaint", data={**GOOD, "form_key": key}, content_type="multipart/form-data"
    )
    assert first.status_code == 302
    case, code = case_and_code(_post(web_client, {**GOOD, "form_key": key}))
    assert [r.case_number for r in _rows(web_client)] == [case]
    track = web_client.post("/track", data={"case_number": case, "code": code})
    assert "รับเรื่องแล้ว" in track.get_data(as_text=True)


def test_a_whistle_blowers_double_tap_files_one_report(web_client: FlaskClient) -> None:
    key = _form_key(web_client, "/corruption")
    data = {"details": "มีการเรียกรับเงินค่าอนุมัติใบอนุญาต", "privacy_ack": "y", "form_key": key}
    assert web_client.post("/corruption", data=data).status_code == 302
    case, _ = case_and_code(_post(web_client, data, "/corruption"))
    assert [r.case_number for r in _rows(web_client)] == [case]


def test_another_browser_with_the_same_form_key_files_its_own_and_sees_nothing_else(
    web_client: FlaskClient,
) -> None:
    key = _form_key(web_client)
    mine = case_and_code(_post(web_client, {**GOOD, "form_key": key}))
    other = web_client.application.test_client()
    theirs = case_and_code(_post(other, {**GOOD, "form_key": key}))
    assert theirs[0] != mine[0] and theirs[1] != mine[1]
    assert len(_rows(web_client)) == 2


def test_a_new_form_after_filing_files_a_new_complaint(web_client: FlaskClient) -> None:
    case_and_code(_post(web_client, {**GOOD, "form_key": _form_key(web_client)}))
    case_and_code(_post(web_client, {**GOOD, "form_key": _form_key(web_client)}))
    assert len(_rows(web_client)) == 2


def test_a_three_letter_story_says_how_much_more_and_keeps_it(web_client: FlaskClient) -> None:
    page = _post(web_client, {**GOOD, "details": "ไฟด"})
    assert "รายละเอียดสั้นเกินไป (3 ตัวอักษร)" in page
    assert "อย่างน้อย 5 ตัวอักษร" in page
    assert re.search(r">\s*ไฟด</textarea>", page)
    assert _rows(web_client) == []


def test_a_very_long_story_is_kept_to_be_cut(web_client: FlaskClient) -> None:
    story = "ถนนพัง" * 600  # 3,600 letters
    page = _post(web_client, {**GOOD, "details": story})
    assert "รายละเอียดยาว 3,600 ตัวอักษร เกินที่รับได้ 3,000 ตัวอักษร กรุณาตัดให้สั้นลง" in page
    assert story in page
    assert _rows(web_client) == []


def test_an_empty_form_names_every_missing_box_in_thai(web_client: FlaskClient) -> None:
    page = _post(web_client, {"category": "", "details": ""})
    assert "กรุณาเลือกประเภทเรื่อง" in page
    assert "กรุณากรอกรายละเอียดว่าเกิดอะไรขึ้น ที่ไหน ตั้งแต่เมื่อไร" in page
    assert "กรุณาอ่านและยอมรับประกาศความเป็นส่วนตัวก่อนส่งเรื่อง" in page
    assert _rows(web_client) == []


def test_a_12_mb_photo_is_refused_with_what_to_do_and_the_story_kept(
    web_client: FlaskClient,
) -> None:
    big = b"\xff\xd8\xff\xe0" + b"\x00" * (12 * 1024 * 1024)
    page = _post(
        web_client,
        {**GOOD, "location": "หน้าวัดสามัคคี", "photos": [(io.BytesIO(big), "IMG_0412.JPG")]},
    )
    assert "IMG_0412.JPG: รูปมีขนาดเกิน 10 MB" in page
    assert "กรุณาเลือกรูปอื่น หรือส่งภาพหน้าจอของรูปนั้นแทน" in page
    assert GOOD["details"] in page and 'value="หน้าวัดสามัคคี"' in page
    assert _rows(web_client) == []


def test_an_iphone_heic_photo_is_named_as_such(web_client: FlaskClient) -> None:
    page = _post(web_client, {**GOOD, "photos": [(io.BytesIO(HEIC), "IMG_0413.HEIC")]})
    assert "IMG_0413.HEIC: รูปแบบ HEIC (รูปจาก iPhone) ยังรับไม่ได้" in page
    assert "ไม่ใช่รูปภาพ" not in page
    assert GOOD["details"] in page
    assert _rows(web_client) == []


def test_phone_numbers_as_people_write_them(web_client: FlaskClient) -> None:
    for typed in ("081-234-5678", "๐๘๑ ๒๓๔ ๕๖๗๘", "+66 81 234 5678"):
        case_and_code(_post(web_client, {**GOOD, "phone": typed, "form_key": typed}))
    assert [r.phone for r in _rows(web_client)] == ["0812345678"] * 3


def test_emoji_in_a_story_are_kept(web_client: FlaskClient) -> None:
    story = "ไฟดับทั้งซอย 😡🔦 มืดมาก 3 คืนแล้ว"
    case_and_code(_post(web_client, {**GOOD, "details": story, "contact_name": "ป้าแดง 🌺"}))
    (row,) = _rows(web_client)
    assert (row.details, row.contact_name) == (story, "ป้าแดง 🌺")
