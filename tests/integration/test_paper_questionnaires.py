"""Paper questionnaires keyed in by staff: `flask survey add`, the keyboard entry page, the
printable questionnaire, and the channel breakdown of `summary --json`."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from flask import Flask
from sqlalchemy import select

from bot.db import new_session
from bot.db.mirror.tables import OutboxRow
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
