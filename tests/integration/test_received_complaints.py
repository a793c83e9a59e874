"""Complaints staff record for citizens (counter, phone, letter, Facebook): the command line,
the admin form and its receipt, and the summary's count per channel."""

from __future__ import annotations

import json

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from bot.db import new_session
from bot.db.complaints.tables import ComplaintRow
from tests.support.cli import invoke
from tests.support.clock import utc

# 3 October 2025, 10:00 in Bangkok: fiscal year 2569 began two days ago.
NOW = utc(2025, 10, 3, 3, 0)


@pytest.fixture
def frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.cli.complaints.utcnow", lambda: NOW)


def add(app: Flask, *args: str) -> dict[str, str]:
    r = invoke(app, "complaint", "add", "--json", *args)
    assert r.exit_code == 0, r.output
    result: dict[str, str] = json.loads(r.output)
    return result


def row(app: Flask, case_number: str) -> ComplaintRow:
    with new_session(app) as s:
        found = s.scalars(select(ComplaintRow).where(ComplaintRow.case_number == case_number))
        return found.one()


def test_cli_files_a_walk_in_complaint_that_tracks_on_the_web(
    web: Flask, web_client: FlaskClient, frozen: None
) -> None:
    out = add(
        web,
        "--channel", "walk_in",
        "--category", "light",
        "--details", "ไฟถนนดับหน้าวัดโคกสูงสามคืนแล้ว",
        "--name", "นางสมศรี มีสุข",
        "--phone", "0812345678",
        "--location", "หน้าวัดโคกสูง หมู่ 3",
        "--received", "2568-09-29",
    )  # fmt: skip
    # 29 September 2025 is in fiscal year 2568: the first case of that year.
    assert out["case_number"] == "2568-000001" and len(out["tracking_code"]) >= 6
    r = row(web, "2568-000001")
    assert (r.channel, r.category, r.fiscal_year, r.status) == (
        "walk_in",
        "light",
        2568,
        "received",
    )
    assert (r.contact_name, r.phone, r.address) == ("นางสมศรี มีสุข", "0812345678", "หน้าวัดโคกสูง หมู่ 3")
    page = web_client.post(
        "/track", data={"case_number": out["case_number"], "code": out["tracking_code"]}
    ).get_data(as_text=True)
    assert "รับเรื่องแล้ว" in page and "ไฟฟ้าส่องสว่าง" in page
    assert "รับเรื่องเมื่อ: 29 กันยายน 2568" in page
    # Without --received it arrived today, in fiscal year 2569; the sentence is Thai.
    r2 = invoke(web, "complaint", "add", "--channel", "phone", "--category", "road",
                "--details", "ถนนเป็นหลุมหน้าโรงเรียน")  # fmt: skip
    assert r2.exit_code == 0, r2.output
    assert "บันทึกเรื่องร้องเรียนเลขที่ 2569-000001 (โทรศัพท์ รับเมื่อวันที่ 3 ตุลาคม 2568)" in r2.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--channel", "line", "--category", "road"], "ช่องทาง “line” ไม่ถูกต้อง"),
        (["--channel", "phone", "--category", "roads"], "ใช้ได้: road, light, water"),
        (["--channel", "phone", "--category", "road", "--received", "2568-10-04"], "วันในอนาคต"),
        (["--channel", "phone", "--category", "road", "--received", "2024-10-02"], "ไม่เกินหนึ่งปี"),
        (["--channel", "letter", "--category", "road", "--received", "4/10/68"], "ปปปป-ดด-วว"),
        (["--channel", "letter", "--category", "road", "--phone", "12"], "เบอร์โทรศัพท์ไม่ถูกต้อง"),
    ],
)
def test_cli_refuses_bad_input_in_thai_with_exit_2(
    app: Flask, frozen: None, args: list[str], message: str
) -> None:
    r = invoke(app, "complaint", "add", "--details", "ถนนเป็นหลุมหน้าโรงเรียน", *args)
    assert r.exit_code == 2 and message in r.output, r.output
    with new_session(app) as s:
        assert s.scalars(select(ComplaintRow)).first() is None
