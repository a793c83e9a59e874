"""`flask --app bot chat`: a photo and a location sent from the terminal arrive as a LINE
user's would, and the chat speaks in the office's configured voice."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from flask import Flask

from bot.db import new_session
from bot.db.store import SqlStore
from handlers.complaints.domain import Complaint

# The smallest PNG that is a PNG: the signature and an IHDR chunk's start.
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 17
CASE = re.compile(r"เลขที่เรื่อง: (\d{4}-\d{6})")


def chat(app: Flask, *lines: str) -> str:
    result = app.test_cli_runner().invoke(
        args=["chat", "--user", "somsri"], input="\n".join([*lines, "/quit", ""])
    )
    assert result.exit_code == 0, result.output
    return result.output


def filed(app: Flask, output: str) -> Complaint:
    found = CASE.search(output)
    assert found, output
    with new_session(app) as s:
        complaint = SqlStore(s).get_complaint(found.group(1))
    assert complaint is not None
    return complaint


def test_a_photo_and_a_location_from_the_terminal_are_kept_as_from_line(
    app: Flask, tmp_path: Path
) -> None:
    photo = tmp_path / "ไฟดับ.png"
    photo.write_bytes(PNG)
    out = chat(
        app,
        "ร้องเรียน",
        "ไฟฟ้าส่องสว่าง สายไฟ",
        "ไฟถนนดับหน้าวัดสามวันแล้ว",
        f"/photo {photo}",
        "เสร็จแล้ว",
        "/location 16.54 102.10 หน้าวัดโคกสูง",
        "ใช้ชื่อ LINE",
        "ยืนยัน",
    )
    assert "ได้รับรูปที่ 1 แล้ว" in out
    assert "รูปภาพ: 1 รูป" in out and "สถานที่: หน้าวัดโคกสูง" in out
    complaint = filed(app, out)
    [name] = complaint.photos
    stored = Path(app.config["UPLOAD_FOLDER"]) / name
    assert stored.read_bytes() == PNG and name.endswith(".png") and name != photo.name
    assert complaint.location is not None
    assert (complaint.location.latitude, complaint.location.longitude) == (16.54, 102.10)
    assert complaint.location.address == "หน้าวัดโคกสูง"


def test_the_photo_and_location_buttons_say_what_to_type(app: Flask) -> None:
    out = chat(app, "ร้องเรียน", "ไฟฟ้าส่องสว่าง สายไฟ", "ไฟถนนดับหน้าวัด", "ข้าม")
    assert "[ถ่ายรูป: /photo PATH] [เลือกรูป: /photo PATH]" in out
    assert "[ส่งตำแหน่ง: /location LAT LNG]" in out


def test_bad_photos_and_locations_are_explained_and_lose_nothing(
    app: Flask, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("ไม่ใช่รูป")
    photo = tmp_path / "ok.png"
    photo.write_bytes(PNG)
    out = chat(
        app,
        "ร้องเรียน",
        "ไฟฟ้าส่องสว่าง สายไฟ",
        "ไฟถนนดับหน้าวัดสามวันแล้ว",
        f"/photo {tmp_path / 'missing.jpg'}",
        "/photo",
        f"/photo {notes}",
        f"/photo {photo}",
        "เสร็จแล้ว",
        "/location abc def",
        "/location 95 102",
        "/location 16.54 102.10",
        "ไม่ระบุตัวตน",
        "ยืนยัน",
    )
    assert f"ระบบ> ส่งรูปไม่ได้ ไม่พบหรือเปิดไฟล์ {tmp_path / 'missing.jpg'} ไม่ได้" in out
    assert "ระบบ> ส่งรูปไม่ได้ รูปแบบคือ /photo PATH" in out
    # A file that is no photo is refused by the bot in the words LINE users read.
    assert "ไฟล์ที่ส่งมาไม่ใช่รูปภาพ (รับ JPG, PNG, GIF, WEBP) กรุณาลองส่งใหม่" in out
    assert "ระบบ> ส่งตำแหน่งไม่ได้ รูปแบบคือ /location LAT LNG" in out
    assert "ระบบ> ส่งตำแหน่งไม่ได้ ละติจูดต้องอยู่ระหว่าง -90 ถึง 90" in out
    complaint = filed(app, out)
    assert len(complaint.photos) == 1
    assert complaint.details == "ไฟถนนดับหน้าวัดสามวันแล้ว"
    assert complaint.location is not None and complaint.location.latitude == 16.54
    assert len(list(Path(app.config["UPLOAD_FOLDER"]).iterdir())) == 1


def test_the_terminal_chat_speaks_in_the_office_s_configured_voice(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app(OFFICE_PARTICLE="ค่ะ", OFFICE_NAME="เทศบาลตำบลบ้านสวน")
    out = chat(app, "ร้องเรียน", "ไฟฟ้าส่องสว่าง สายไฟ", "ไฟดับหน้าวัด", "ข้าม", "ข้าม", "ข้าม", "ยืนยัน")
    assert "สวัสดีค่ะ" in out and "ของเทศบาลตำบลบ้านสวน" in out
    assert "เรื่องที่ต้องการแจ้งเป็นเรื่องประเภทใดคะ" in out
    assert "เทศบาลตำบลบ้านสวนจะแจ้งผลการดำเนินการภายใน 15 วัน" in out
    assert "ครับ" not in out


def test_a_location_sent_at_the_category_is_kept_and_the_prompt_says_tan(app: Flask) -> None:
    out = chat(
        app,
        "ร้องเรียน",
        "/location 16.54 102.10 หน้าวัดโคกสูง",
        "ไฟฟ้าส่องสว่าง สายไฟ",
        "ไฟถนนดับหน้าวัดสามวันแล้ว",
        "ข้าม",
        "ใช้ชื่อ LINE",
        "ยืนยัน",
    )
    assert "ได้รับตำแหน่งแล้วครับ" in out and "ยังไม่ได้รับตำแหน่ง" not in out
    # The location step is not asked again: after the photos comes the contact.
    assert "ส่งตำแหน่ง" not in out.split("ได้รับตำแหน่งแล้วครับ", 1)[1]
    assert "สถานที่: หน้าวัดโคกสูง" in out
    complaint = filed(app, out)
    assert complaint.location is not None and complaint.location.address == "หน้าวัดโคกสูง"
    assert "ท่าน> " in out and "คุณ>" not in out
