"""Web forms that forgive: a good photo survives another field's error, an anonymous report
keeps no contact whatever the boxes held, the received page leads to the case already found,
and /track's history starts where the case did."""

from __future__ import annotations

import io
import re
from pathlib import Path

from flask.testing import FlaskClient
from sqlalchemy import select

from bot.db import new_session
from bot.db.complaints.tables import ComplaintRow
from tests.support.web import case_and_code

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 500
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 300
GOOD = {"category": "road", "details": "ถนนหน้าวัดเป็นหลุมลึกมาก", "privacy_ack": "y"}


def _kept(page: str) -> str:
    m = re.search(r'name="kept_photos" value="([^"]+)"', page)
    assert m, page[:3000]
    return m.group(1)


def _rows(client: FlaskClient) -> list[ComplaintRow]:
    with new_session(client.application) as s:
        return list(s.scalars(select(ComplaintRow)))


def test_a_photo_survives_another_fields_error(web_client: FlaskClient) -> None:
    r = web_client.post(
        "/complaint",
        data={**GOOD, "phone": "12", "photos": [(io.BytesIO(JPEG), "hole.jpg")]},
        content_type="multipart/form-data",
    )
    page = r.get_data(as_text=True)
    assert r.status_code == 400 and "เบอร์โทรศัพท์ไม่ถูกต้อง" in page
    assert "แนบรูปไว้แล้ว 1 รูป" in page and "ไม่ต้องแนบใหม่" in page
    token = _kept(page)
    # The phone corrected, one more photo added; nothing attached again.
    r = web_client.post(
        "/complaint",
        data={
            **GOOD,
            "phone": "0812345678",
            "kept_photos": token,
            "photos": [(io.BytesIO(PNG), "more.png")],
        },
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert r.status_code == 200
    (row,) = _rows(web_client)
    assert [Path(p).suffix for p in row.photos] == [".jpg", ".png"]
    folder = Path(web_client.application.config["UPLOAD_FOLDER"])
    assert (folder / row.photos[0]).read_bytes() == JPEG


def test_a_forged_or_foreign_photo_token_files_nothing(web_client: FlaskClient) -> None:
    r = web_client.post(
        "/complaint",
        data={**GOOD, "kept_photos": "WyJldmlsLmpwZyJd.forged"},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert r.status_code == 200
    (row,) = _rows(web_client)
    assert row.photos == []


def test_kept_photos_count_toward_the_three(web_client: FlaskClient) -> None:
    r = web_client.post(
        "/complaint",
        data={**GOOD, "details": "", "photos": [(io.BytesIO(JPEG), f"{i}.jpg") for i in range(2)]},
        content_type="multipart/form-data",
    )
    token = _kept(r.get_data(as_text=True))
    r = web_client.post(
        "/complaint",
        data={
            **GOOD,
            "kept_photos": token,
            "photos": [(io.BytesIO(JPEG), f"{i}.jpg") for i in range(2)],
        },
        content_type="multipart/form-data",
    )
    page = r.get_data(as_text=True)
    assert r.status_code == 400 and "แนบรูปได้ไม่เกิน 3 รูป (แนบไว้แล้ว 2 รูป)" in page
    assert "แนบรูปไว้แล้ว 2 รูป" in page and _rows(web_client) == []


def test_anonymous_keeps_no_contact_and_a_bad_phone_does_not_block_it(
    web_client: FlaskClient,
) -> None:
    r = web_client.post(
        "/complaint",
        data={**GOOD, "anonymous": "y", "contact_name": "สมศรี", "phone": "12"},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert r.status_code == 200
    (row,) = _rows(web_client)
    assert (row.anonymous, row.contact_name, row.phone) == (True, "", "")


def test_received_page_opens_the_case_on_track_and_history_starts_with_received(
    web_client: FlaskClient,
) -> None:
    r = web_client.post(
        "/complaint", data=GOOD, content_type="multipart/form-data", follow_redirects=True
    )
    received = r.get_data(as_text=True)
    case, code = case_and_code(received)
    form = received.split('action="/track"')[1].split("</form>")[0]
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', form))
    assert (fields["case_number"], fields["code"]) == (case, code)
    page = web_client.post("/track", data=fields).get_data(as_text=True)
    assert f"<strong>{case}</strong>" in page and f'value="{code}"' in page
    history = page.split('id="history">')[1].split("</table>")[0]
    assert re.sub(r"<[^>]+>|\s+", " ", history).split()[-1] == "รับเรื่อง"
