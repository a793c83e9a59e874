"""Paper questionnaires keyed in by staff: `flask survey add`, the keyboard entry page, the
printable questionnaire, and the channel breakdown of `summary --json`."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime

import pytest
from flask import Flask
from sqlalchemy import select

from bot.db import new_session
from bot.db.mirror.tables import OutboxRow
from handlers.satisfaction.survey import DIMENSIONS
from tests.support.admin import add_user, audit_rows, client_for
from tests.support.cli import cli, invoke
from tests.support.clock import utc
from tests.support.stored import satisfaction_rows

NOW = utc(2025, 2, 10, 3)  # 10 February 2025 in Bangkok: FY 2568


@pytest.fixture
def app(make_app: Callable[..., Flask], monkeypatch: pytest.MonkeyPatch) -> Flask:
    monkeypatch.setattr("bot.cli.survey.utcnow", lambda: NOW)
    return make_app(WTF_CSRF_ENABLED=False)


def add(app: Flask, *args: str) -> str:
    return cli(app, "survey", "add", *args)


def test_a_paper_questionnaire_is_kept_and_counted_by_channel(app: Flask) -> None:
    out = add(app, "--service", "reg", "--scores", "5,4,5,5,4", "--group", "หญิง",
              "--group", "60 ปีขึ้นไป", "--group", "occupation=เกษตรกร")  # fmt: skip
    assert "บันทึกแล้ว: งานทะเบียนราษฎร (แบบสอบถามกระดาษ) คะแนน 5,4,5,5,4" in out
    add(app, "--service", "TAX", "--scores", "๓, ๓, ๔, ๔, ๕", "--date", "2567-10-01")  # BE
    add(app, "--service", "reg", "--scores", "4,4,4,4,4", "--channel", "phone")
    add(app, "--service", "reg", "--scores", "5,5,5,5,5", "--date", "2024-09-30")  # FY 2567

    first, tax, phone, last_year = satisfaction_rows(app)
    assert first.channel == "paper" and first.kind == "service"
    assert first.scores == {"process": 5, "staff": 4, "facilities": 5, "quality": 5, "overall": 4}
    assert (first.gender, first.age_band, first.occupation) == ("หญิง", "60 ปีขึ้นไป", "เกษตรกร")
    assert first.respondent_key == ""  # a sheet of paper names no one
    assert tax.service_code == "tax" and tax.scores["overall"] == 5
    assert tax.created_at.replace(tzinfo=None) == utc(2024, 10, 1, 5).replace(tzinfo=None)
    assert phone.channel == "phone"
    with new_session(app) as s:  # mirrored to the spreadsheet like any other rating
        mirrored = s.scalars(select(OutboxRow.entity_id).where(OutboxRow.kind == "satisfaction"))
        assert sorted(mirrored) == sorted(str(r.id) for r in (first, tax, phone, last_year))

    data = json.loads(cli(app, "summary", "--json", "--year", "2568"))["satisfaction"]
    assert data["responses"] == 3
    assert data["by_channel"] == {"paper": 2, "phone": 1}
    assert data["by_service"]["reg"]["responses"] == 2
    # reg: 23 + 20 points over 10 answers; all three: 62 over 15.
    assert data["by_service"]["reg"]["mean"] == 4.3
    assert data["mean"] == 4.13
    older = json.loads(cli(app, "summary", "--json", "--year", "2567"))["satisfaction"]
    assert (older["responses"], older["by_channel"]) == (1, {"paper": 1})


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--scores", "5,4,5,5"), "ต้องมีคะแนนครบ 5 ข้อ (พบ 4 ข้อ)"),
        (("--scores", "5,4,5,5,4,3"), "ต้องมีคะแนนครบ 5 ข้อ (พบ 6 ข้อ)"),
        (("--scores", "5,6,5,5,0"), "ข้อ 2 “เจ้าหน้าที่ผู้ให้บริการ”: คะแนนต้องเป็น 1–5 (กรอก “6”)"),
        (("--scores", "5,4,,5,4"), "ข้อ 3 “สิ่งอำนวยความสะดวก”: คะแนนต้องเป็น 1–5"),
        (("--scores", "5,4,5,5,4", "--group", "แมว"), "ไม่รู้จักข้อมูลผู้ตอบ “แมว”"),
        (("--scores", "5,4,5,5,4", "--group", "ชาย", "--group", "หญิง"), "ระบุเพศมากกว่าหนึ่งค่า"),
        (("--scores", "5,4,5,5,4", "--date", "2025-02-11"), "ยังมาไม่ถึง"),
        (("--scores", "5,4,5,5,4", "--date", "2568-02-30"), "ไม่มีในปฏิทิน"),
    ],
)
def test_a_wrong_questionnaire_is_refused_in_thai_and_saves_nothing(
    app: Flask, args: tuple[str, ...], message: str
) -> None:
    result = invoke(app, "survey", "add", "--service", "reg", *args)
    assert result.exit_code == 2
    assert message in result.output
    assert satisfaction_rows(app) == []


def test_an_unknown_service_is_answered_with_the_codes_there_are(app: Flask) -> None:
    result = invoke(app, "survey", "add", "--service", "registry", "--scores", "5,5,5,5,5")
    assert result.exit_code == 2
    assert "ไม่พบงานบริการรหัส “registry”" in result.output
    assert "reg  งานทะเบียนราษฎร" in result.output and "water  งานประปา" in result.output
    assert satisfaction_rows(app) == []


# --- the keyboard entry page ---------------------------------------------------------

PAPER = "/admin/services/reg/paper"


def sheet(*scores: str, **fields: str) -> dict[str, str]:
    return {**{f"s{i}": s for i, s in enumerate(scores, start=1)}, **fields}


def saved_field(page: str) -> str:
    m = re.search(r'name="saved" value="(\d+)"', page)
    assert m, page
    return m.group(1)


def test_staff_key_in_sheet_after_sheet_and_see_the_count(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.admin.services.utcnow", lambda: NOW)
    c = client_for(app, "admin")
    page = c.get(PAPER).get_data(as_text=True)
    assert "งานทะเบียนราษฎร" in page and "บันทึกแล้ว" not in page
    assert page.count('inputmode="numeric"') == 5
    assert re.search(r'id="s1"[^>]*autofocus', page)

    sheets = [
        sheet("5", "4", "5", "5", "4"),
        sheet("๓", "๓", "๔", "๔", "๕", gender="หญิง", age_band="60 ปีขึ้นไป", day="2024-10-01"),
        sheet("4", "4", "4", "4", "4", occupation="เกษตรกร"),
    ]
    for n, data in enumerate(sheets, start=1):
        r = c.post(PAPER, data={**data, "saved": saved_field(page)}, follow_redirects=True)
        page = r.get_data(as_text=True)
        assert r.status_code == 200
        assert f"บันทึกแล้ว {n} ฉบับ" in page
        assert 'name="s1" value=""' in page  # cleared for the next sheet
        assert re.search(r'id="s1"[^>]*autofocus', page)

    rows = satisfaction_rows(app)
    assert [r.channel for r in rows] == ["paper"] * 3
    assert [sum(r.scores.values()) for r in rows] == [23, 19, 20]
    assert (rows[1].gender, rows[1].age_band, rows[2].occupation) == (
        "หญิง",
        "60 ปีขึ้นไป",
        "เกษตรกร",
    )
    assert rows[1].created_at.replace(tzinfo=None) == datetime(2024, 10, 1, 5)
    assert [a[1:3] for a in audit_rows(app) if a[1] == "rating.paper"] == [
        ("rating.paper", "reg")
    ] * 3
    data = json.loads(cli(app, "summary", "--json", "--year", "2568"))["satisfaction"]
    assert (data["responses"], data["by_channel"]) == (3, {"paper": 3})


def test_a_wrong_sheet_is_explained_and_what_was_typed_stays(app: Flask) -> None:
    c = client_for(app, "admin")
    r = c.post(
        PAPER,
        data={**sheet("5", "7", "4", "", "3", gender="ชาย", occupation="ค้าขาย/ธุรกิจส่วนตัว"),
              "saved": "2"},
    )  # fmt: skip
    page = r.get_data(as_text=True)
    assert r.status_code == 400
    assert "ข้อ 2 “เจ้าหน้าที่ผู้ให้บริการ”: คะแนนต้องเป็น 1–5 (กรอก “7”)" in page
    assert "ข้อ 4 “คุณภาพการให้บริการ”: คะแนนต้องเป็น 1–5" in page
    for name, value in (("s1", "5"), ("s2", "7"), ("s3", "4"), ("s5", "3")):
        assert f'name="{name}" value="{value}"' in page
    assert "<option selected>ชาย</option>" in page
    assert "<option selected>ค้าขาย/ธุรกิจส่วนตัว</option>" in page
    assert re.search(r'id="s2"[^>]*autofocus', page)  # the cursor on the first wrong score
    assert "บันทึกแล้ว 2 ฉบับ" in page  # the sitting's count is not lost
    assert satisfaction_rows(app) == []
    assert not [a for a in audit_rows(app) if a[1] == "rating.paper"]


# --- the printable questionnaire and who may use these pages --------------------------


def test_the_printable_questionnaire_names_the_office_the_service_and_the_five_questions(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app(WTF_CSRF_ENABLED=False, OFFICE_NAME="เทศบาลตำบลทดสอบ")
    page = client_for(app, "admin").get("/admin/services/tax/questionnaire").get_data(as_text=True)
    assert 'id="q-office">เทศบาลตำบลทดสอบ<' in page
    assert 'id="q-service">งานจัดเก็บภาษี<' in page
    for d in DIMENSIONS:
        assert d.name_th in page and d.question in page
    assert page.count('class="sq" aria-label=') == 25  # five questions × boxes 5 to 1
    assert "60 ปีขึ้นไป" in page and "เกษตรกร" in page and "เพศทางเลือก" in page
    assert 'class="comment"' in page
    assert "พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล" in page
    assert client_for(app, "admin").get("/admin/services/nosuch/questionnaire").status_code == 404


def test_only_those_who_manage_services_key_in_questionnaires(app: Flask) -> None:
    for username, role in (("exec", "executive"), ("integ", "integrity"), ("som", "staff")):
        add_user(app, username, role)
    for username in ("exec", "integ", "som"):
        c = client_for(app, username)
        assert c.get(PAPER).status_code == 403
        assert c.post(PAPER, data=sheet("5", "5", "5", "5", "5")).status_code == 403
    # Executives read the results and may print the blank form; staff may not.
    assert client_for(app, "exec").get("/admin/services/reg/questionnaire").status_code == 200
    assert client_for(app, "som").get("/admin/services/reg/questionnaire").status_code == 403
    assert satisfaction_rows(app) == []
