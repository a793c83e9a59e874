"""Staff link their LINE account and report progress through the real webhook and SDK."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import func, select

from bot.db import new_session
from bot.db.accounts.tables import User
from bot.db.measures.tables import ProgressRow
from bot.db.mirror.tables import OutboxRow
from handlers.clock import local_date, utcnow
from handlers.thai.dates import fiscal_year
from tests.fakes.fake_line import FakeLine
from tests.support.admin import add_staff
from tests.support.line import line_config, message_event, say, send

STAFF_USER = "U" + "5" * 32
CITIZEN = "U" + "c" * 32
OTHER = "U" + "7" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 2000
FY = fiscal_year(local_date(utcnow()))


@pytest.fixture
def line_app(make_app: Callable[..., Flask], line: FakeLine, tmp_path: Path) -> Flask:
    app = make_app(**line_config(line))
    plan = tmp_path / "plan.csv"
    with plan.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["ลำดับ", "มาตรการ/แนวทาง", "ผู้รับผิดชอบ", "ระยะเวลา"])
        w.writerow(["1", "การป้องกันการทุจริต", "สำนักปลัด", "ตลอดปีงบประมาณ"])
        w.writerow(["2", "มาตรการเปิดเผยข้อมูลสาธารณะ", "สำนักปลัด", "ตลอดปีงบประมาณ"])
        w.writerow(["3", "จัดอบรมคุณธรรมจริยธรรมให้บุคลากร", "สำนักปลัด", f"ปีงบประมาณ {FY - 1}"])
        w.writerow(["4", "ตรวจสอบการจัดซื้อจัดจ้าง", "กองคลัง", "ตลอดปีงบประมาณ"])
    r = app.test_cli_runner().invoke(args=["import-measures", str(plan), "--year", str(FY)])
    assert r.exit_code == 0, r.output
    return app


def send_photo(app: Flask, line: FakeLine, user: str = STAFF_USER) -> None:
    line.contents["evidence1"] = JPEG
    send(app, message_event({"type": "image", "id": "evidence1"}, user))


def last(line: FakeLine) -> str:
    return "\n".join(line.last_texts())


def last_buttons(line: FakeLine) -> list[str]:
    items = line.replies[-1]["messages"][-1].get("quickReply", {}).get("items", [])
    return [i["action"].get("text", i["action"]["label"]) for i in items]


def test_staff_add_keeps_only_a_hash_of_the_code_with_an_expiry(line_app: Flask) -> None:
    code = add_staff(line_app)
    with new_session(line_app) as s:
        user = s.scalars(select(User).where(User.username == "somying")).one()
    assert (user.role, user.unit, user.display_name) == ("staff", "สำนักปลัด", "สมหญิง ใจดี")
    assert code not in user.link_code_hash and user.link_code_hash.startswith("pbkdf2$")
    assert user.link_code_expires is not None
    again = line_app.test_cli_runner().invoke(
        args=["staff", "add", "x", "--unit", "ก", "--username", "somying"]
    )
    assert again.exit_code == 1 and "มีบัญชีชื่อผู้ใช้ somying อยู่แล้ว" in again.output


def test_link_is_one_time_and_staff_get_their_own_buttons(line_app: Flask, line: FakeLine) -> None:
    code = add_staff(line_app)
    say(line_app, "ลงทะเบียน WRONG123", STAFF_USER)
    assert "รหัสลงทะเบียนไม่ถูกต้องหรือหมดอายุ" in last(line)
    say(line_app, f"ลงทะเบียน {code.lower()}", STAFF_USER)
    assert "เชื่อมบัญชีเรียบร้อยแล้ว สวัสดีคุณสมหญิง ใจดี หน่วยงาน สำนักปลัด" in last(line)
    assert last_buttons(line)[:2] == ["รายงานความคืบหน้า", "งานของฉัน"]
    with new_session(line_app) as s:
        user = s.scalars(select(User).where(User.username == "somying")).one()
        assert user.line_user_id == STAFF_USER and user.link_code_hash == ""
    say(line_app, f"ลงทะเบียน {code}", OTHER)  # the same code again, by someone else
    assert "ไม่ถูกต้องหรือหมดอายุ" in last(line)
    say(line_app, "เมนู", STAFF_USER)
    assert "รายงานความคืบหน้า" in last_buttons(line)


def test_citizens_are_politely_refused(line_app: Flask, line: FakeLine) -> None:
    for text in ("รายงานความคืบหน้า", "งานของฉัน", "มาตรการ 1 50% ทำแล้ว"):
        say(line_app, text, CITIZEN)
        assert "คำสั่งนี้สำหรับเจ้าหน้าที่ของสำนักงาน" in last(line)
    with new_session(line_app) as s:
        assert s.scalar(select(func.count()).select_from(ProgressRow)) == 0


def test_guided_progress_with_photo_evidence(
    line_app: Flask, line: FakeLine, tmp_path: Path
) -> None:
    say(line_app, f"ลงทะเบียน {add_staff(line_app)}", STAFF_USER)
    say(line_app, "รายงานความคืบหน้า", STAFF_USER)
    assert last_buttons(line)[:3] == ["มาตรการ 1", "มาตรการ 2", "มาตรการ 3"]
    assert "มาตรการ 4" not in last_buttons(line)  # กองคลัง's measure
    for text in ("มาตรการ 3", "80%", "จัดอบรมเจ้าหน้าที่ ๔๕ คน", "ผ่านการประเมินร้อยละ ๙๐"):
        say(line_app, text, STAFF_USER)
    assert "รูปหลักฐาน" in last(line)
    send_photo(line_app, line)
    assert "ได้รับรูปที่ 1" in last(line)
    say(line_app, "เสร็จแล้ว", STAFF_USER)
    assert "สรุปรายงานความคืบหน้า" in last(line) and "ร้อยละ 80" in last(line)
    say(line_app, "ยืนยัน", STAFF_USER)
    assert "บันทึกความคืบหน้ามาตรการที่ 3 แล้วครับ: ร้อยละ 80" in last(line)
    with new_session(line_app) as s:
        row = s.scalars(select(ProgressRow)).one()
        kinds = [o.kind for o in s.scalars(select(OutboxRow).order_by(OutboxRow.id))]
    assert (row.percent, row.done, row.outcome, row.staff_name, row.unit) == (
        80,
        "จัดอบรมเจ้าหน้าที่ ๔๕ คน",
        "ผ่านการประเมินร้อยละ ๙๐",
        "สมหญิง ใจดี",
        "สำนักปลัด",
    )
    assert (tmp_path / "uploads" / row.photos[0]).read_bytes() == JPEG
    assert kinds.count("measure") == 4 and kinds[-1] == "progress"


def test_one_line_report_my_work_and_summary(line_app: Flask, line: FakeLine) -> None:
    say(line_app, f"ลงทะเบียน {add_staff(line_app)}", STAFF_USER)
    say(line_app, "มาตรการ ๑ ๖๐% จัดอบรมแล้ว ๔๕ คน", STAFF_USER)
    assert "มาตรการที่ 1: การป้องกันการทุจริต" in last(line) and "ร้อยละ 60" in last(line)
    say(line_app, "ยืนยัน", STAFF_USER)
    say(line_app, "รายงานความคืบหน้า เปิดเผยข้อมูลสาธารณะ 100% เผยแพร่ครบแล้ว", STAFF_USER)
    assert "มาตรการที่ 2" in last(line)
    say(line_app, "ยืนยัน", STAFF_USER)
    say(line_app, "งานของฉัน", STAFF_USER)
    work = last(line)
    assert "1. การป้องกันการทุจริต — ร้อยละ 60 (กำลังดำเนินการ)" in work
    assert "2. มาตรการเปิดเผยข้อมูลสาธารณะ — ร้อยละ 100 (ดำเนินการแล้วเสร็จ)" in work
    assert "3. จัดอบรมคุณธรรมจริยธรรมให้บุคลากร — ร้อยละ 0 (ยังไม่เริ่ม)" in work
    assert "เลยกำหนดแล้ว 1 มาตรการ" in work and "ตรวจสอบการจัดซื้อจัดจ้าง" not in work
    out = line_app.test_cli_runner().invoke(args=["summary", "--json", "--year", str(FY)]).output
    assert json.loads(out)["measures"] == {
        "total": 4,
        "completed": 1,
        "average_percent": 40.0,
        "overdue": 1,
    }


def test_unsure_match_offers_three_then_unlink(line_app: Flask, line: FakeLine) -> None:
    say(line_app, f"ลงทะเบียน {add_staff(line_app)}", STAFF_USER)
    say(line_app, "รายงานความคืบหน้า อบรม 30%", STAFF_USER)
    assert "ไม่แน่ใจว่าเป็นมาตรการใด" in last(line)
    offered = [b for b in last_buttons(line) if b.startswith("มาตรการ")]
    assert len(offered) == 3 and offered[0] == "มาตรการ 3"
    with new_session(line_app) as s:
        assert s.scalar(select(func.count()).select_from(ProgressRow)) == 0
    say(line_app, "ยกเลิก", STAFF_USER)
    say(line_app, "ยกเลิกการเชื่อมบัญชี", STAFF_USER)
    say(line_app, "ยืนยัน", STAFF_USER)
    assert "ยกเลิกการเชื่อมบัญชีเรียบร้อยแล้ว" in last(line)
    say(line_app, "งานของฉัน", STAFF_USER)
    assert "คำสั่งนี้สำหรับเจ้าหน้าที่" in last(line)


def test_chat_cli_can_act_as_a_staff_member(line_app: Flask) -> None:
    add_staff(line_app)
    r = line_app.test_cli_runner().invoke(
        args=["chat", "--staff", "somying"], input="งานของฉัน\n/quit\n"
    )
    assert r.exit_code == 0 and "มาตรการของสำนักปลัด" in r.output
    r = line_app.test_cli_runner().invoke(args=["chat", "--staff", "nobody"], input="/quit\n")
    assert r.exit_code == 1 and "ไม่พบบัญชีเจ้าหน้าที่" in r.output
