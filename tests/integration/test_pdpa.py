"""PDPA: export what is held about a person, erase it, and the retention period."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select

from bot.db import new_session
from bot.db.complaints.tables import ComplaintRow
from tests.fakes.fake_line import FakeLine
from tests.support.cli import invoke
from tests.support.line import USER, message_event, send, text_event

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 300


@pytest.fixture
def line(line: FakeLine) -> FakeLine:
    """The fake LINE with a photo to download and the citizen's profile."""
    line.contents["p1"] = JPEG
    line.profiles[USER] = "สมศรี มีสุข"
    return line


def file_with_photo(app: Flask) -> str:
    for t in ["ร้องเรียน", "ถนน ทางเท้า สะพาน", "หลุมหน้าบ้านเลขที่ 12 ลึกมาก"]:
        send(app, text_event(t))
    send(app, message_event({"type": "image", "id": "p1"}))
    for t in ["เสร็จแล้ว", "บ้านเลขที่ 12 หมู่ 4", "0891112222", "ยืนยัน"]:
        send(app, text_event(t))
    with new_session(app) as s:
        return s.scalars(select(ComplaintRow.case_number)).one()


def test_export_finds_everything_by_line_id_phone_or_case(line_app: Flask) -> None:
    case = file_with_photo(line_app)
    by_line = json.loads(invoke(line_app, "pdpa", "export", USER).output)
    (c,) = by_line["complaints"]
    assert c["case_number"] == case and c["phone"] == "0891112222"
    assert c["contact_name"] == "สมศรี มีสุข"
    assert c["location"]["address"] == "บ้านเลขที่ 12 หมู่ 4"
    assert by_line["line_profile"] == {"display_name": "สมศรี มีสุข"}
    assert any(m.get("message", {}).get("text") == "ยืนยัน" for m in by_line["messages"])
    by_phone = json.loads(invoke(line_app, "pdpa", "export", "089-111-2222").output)
    assert [x["case_number"] for x in by_phone["complaints"]] == [case]
    by_case = json.loads(invoke(line_app, "pdpa", "export", case).output)
    assert by_case["complaints"][0]["details"] == "หลุมหน้าบ้านเลขที่ 12 ลึกมาก"


def test_erase_removes_personal_data_and_keeps_the_statistics(
    line_app: Flask, tmp_path: Path
) -> None:
    case = file_with_photo(line_app)
    photo = (
        tmp_path
        / "uploads"
        / json.loads(invoke(line_app, "pdpa", "export", case).output)["complaints"][0]["photos"][0]
    )
    assert photo.exists()
    before = json.loads(invoke(line_app, "summary", "--json").output)["complaints"]
    assert invoke(line_app, "pdpa", "erase", USER).exit_code == 1  # needs --yes
    r = invoke(line_app, "pdpa", "erase", USER, "--yes")
    assert r.exit_code == 0, r.output
    after = json.loads(invoke(line_app, "pdpa", "export", case).output)["complaints"][0]
    assert after["details"] == "[ลบข้อมูลส่วนบุคคลแล้ว]"
    assert (after["phone"], after["contact_name"], after["line_user_id"]) == ("", "", None)
    assert after["photos"] == [] and not photo.exists()
    assert json.loads(invoke(line_app, "pdpa", "export", USER).output)["messages"] == []
    assert json.loads(invoke(line_app, "summary", "--json").output)["complaints"] == before


def test_retention_anonymises_only_closed_cases_past_the_period(line_app: Flask) -> None:
    old = file_with_photo(line_app)
    invoke(line_app, "complaint", "set-status", old, "resolved", "--note", "ซ่อมแล้ว")
    send(line_app, text_event("ร้องเรียน", "U" + "c" * 32))
    for t in ["ขยะ ความสะอาด", "ขยะล้นถังหน้าตลาด", "ข้าม", "ข้าม", "ไม่ระบุตัวตน", "ยืนยัน"]:
        send(line_app, text_event(t, "U" + "c" * 32))
    with new_session(line_app) as s:
        row = s.scalars(select(ComplaintRow).where(ComplaintRow.case_number == old)).one()
        row.updated_at = row.updated_at - timedelta(days=800)  # closed long ago
        s.commit()
    r = invoke(line_app, "pdpa", "purge")
    assert "1 เรื่อง" in r.output
    with new_session(line_app) as s:
        rows = {c.case_number: c for c in s.scalars(select(ComplaintRow))}
    assert rows[old].details == "[ลบข้อมูลส่วนบุคคลแล้ว]" and rows[old].status == "resolved"
    others = [c for n, c in rows.items() if n != old]
    assert [c.details for c in others] == ["ขยะล้นถังหน้าตลาด"]


def test_unknown_identifier_gets_a_clear_message(app: Flask) -> None:
    r = app.test_cli_runner().invoke(args=["pdpa", "export", "somebody"])
    assert r.exit_code == 1 and "ไม่เข้าใจ" in r.output
