"""Fuzzing the citizen web forms: whatever is posted to /complaint, /corruption, /track and
/feedback, the answer is never a server error; a refused form says why in Thai and keeps
nothing."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from bot.db import new_session
from bot.db.complaints.tables import ComplaintRow
from bot.db.privacy.tables import PrivacyAck
from bot.db.satisfaction.tables import SatisfactionRow
from tests.support.fuzz import fuzz

THAI = re.compile(r"[\u0E00-\u0E7F]")
FUZZ = fuzz(60)

NASTY = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '=HYPERLINK("http://x","y")',
        "+1",
        "-2",
        "@SUM(A1)",
        "\x00\x01\x1b[31m",
        "\u202e\u200b",
        "ก" * 5000,
        "' OR 1=1 --",
        "../../etc/passwd",
        "y",
        "on",
        "5",
        "0",
        "tax",
        "reg",
        "corruption",
        "๑๒๓",
    ]
)
VALUE = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=20),
    NASTY,
    st.integers().map(str),
    st.lists(st.text(max_size=10), min_size=2, max_size=3),  # the same field sent twice
)

COMPLAINT_FIELDS = (
    "category",
    "details",
    "location",
    "contact_name",
    "phone",
    "anonymous",
    "privacy_ack",
)
FEEDBACK_FIELDS = (
    "service",
    "dim_process",
    "dim_staff",
    "dim_facilities",
    "dim_quality",
    "dim_overall",
    "comment",
    "gender",
    "age_band",
    "occupation",
    "privacy_ack",
)
TRACK_FIELDS = ("case_number", "code")


def form(fields: tuple[str, ...]) -> st.SearchStrategy[dict[str, object]]:
    """Any subset of the form's fields (missing ones are simply absent), plus stray ones."""
    return st.fixed_dictionaries(
        {}, optional={**{f: VALUE for f in fields}, "stray": VALUE, "csrf_token": VALUE}
    )


@pytest.fixture
def web(make_app: Callable[..., Flask]) -> Flask:
    return make_app(
        WTF_CSRF_ENABLED=False, RATE_LIMIT_FORMS="100000/minute", RATE_LIMIT_TRACK="100000/minute"
    )


def stored(app: Flask) -> tuple[int, int, int]:
    with new_session(app) as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(model)) or 0
            for model in (ComplaintRow, SatisfactionRow, PrivacyAck)
        )


def check_refusal(client: FlaskClient, app: Flask, url: str, data: dict[str, object]) -> int:
    before = stored(app)
    r = client.post(url, data=data, content_type="multipart/form-data")
    assert r.status_code < 500, r.status_code
    page = r.get_data(as_text=True)
    if r.status_code == 302:
        return 302  # a valid form: kept, and the citizen is sent on
    assert stored(app) == before  # nothing kept from a refused form
    messages = re.findall(r'class="(?:error|alert)"[^>]*>([^<]+)<', page)
    assert all(THAI.search(m) for m in messages), messages
    if r.status_code == 400:
        assert messages, page[:2000]
    # Whatever was typed comes back escaped: never as live markup.
    assert "<script>alert(1)</script>" not in page
    return r.status_code


@FUZZ
@given(data=form(COMPLAINT_FIELDS), corruption=st.booleans())
def test_complaint_forms_never_fail(web: Flask, data: dict[str, object], corruption: bool) -> None:
    client = web.test_client()
    status = check_refusal(client, web, "/corruption" if corruption else "/complaint", data)
    assert status in (302, 400)


@FUZZ
@given(data=form(FEEDBACK_FIELDS), query=st.one_of(st.none(), VALUE))
def test_feedback_form_never_fails(web: Flask, data: dict[str, object], query: object) -> None:
    url = "/feedback" if query is None else f"/feedback?service={query!s:.50}"
    status = check_refusal(web.test_client(), web, url, data)
    assert status in (302, 400)


@FUZZ
@given(data=form(TRACK_FIELDS))
def test_track_form_never_fails(web: Flask, data: dict[str, object]) -> None:
    status = check_refusal(web.test_client(), web, "/track", data)
    assert status in (200, 404)


def test_files_in_text_fields_and_text_in_the_file_field(web: Flask) -> None:
    client = web.test_client()
    data = {
        "category": "road",
        "details": (io.BytesIO(b"\x00" * 100), "details.txt"),
        "photos": "not-a-file",
        "privacy_ack": "y",
    }
    assert check_refusal(client, web, "/complaint", data) == 400
    bad_photo = {
        "category": "road",
        "details": "ถนนหน้าบ้านเป็นหลุมลึกมาก รถล้มบ่อย",
        "photos": (io.BytesIO(b"<?php system($_GET['c']); ?>"), "shell.php.jpg"),
        "privacy_ack": "y",
    }
    r = client.post("/complaint", data=bad_photo, content_type="multipart/form-data")
    assert r.status_code == 400 and "ไม่ใช่รูปภาพ" in r.get_data(as_text=True)
    assert stored(web) == (0, 0, 0)


def test_huge_fields_are_refused_in_thai(web: Flask) -> None:
    client = web.test_client()
    assert (
        check_refusal(client, web, "/track", {"case_number": "1" * 500, "code": "x" * 500}) == 200
    )
    r = client.post(
        "/complaint",
        data={"category": "road", "details": "ก" * 100_000, "privacy_ack": "y"},
    )
    assert r.status_code == 400
    assert "รายละเอียดยาว 100,000 ตัวอักษร เกินที่รับได้ 3,000" in r.get_data(as_text=True)
    r = client.post("/feedback", data={"service": "reg", "comment": "ข" * 100_000})
    assert r.status_code == 400 and "ข้อเสนอแนะยาวเกิน" in r.get_data(as_text=True)
    assert stored(web) == (0, 0, 0)


def test_control_characters_are_dropped_before_the_rules_apply(web: Flask) -> None:
    """Found by the fuzzing above on PostgreSQL ("0000\\x00" crashed the insert): control
    characters are removed first, so a text too short without them is refused in Thai."""
    client = web.test_client()
    r = client.post("/corruption", data={"details": "0000\x00", "privacy_ack": "y"})
    assert r.status_code == 400
    assert "รายละเอียดสั้นเกินไป (4 ตัวอักษร)" in r.get_data(as_text=True)
    assert stored(web)[0] == 0
    r = client.post(
        "/complaint",
        data={"category": "road", "details": "ถนน\x00หน้าบ้าน\x07เป็นหลุม", "privacy_ack": "y"},
    )
    assert r.status_code == 302
    with new_session(web) as s:
        assert s.scalars(select(ComplaintRow.details)).one() == "ถนนหน้าบ้านเป็นหลุม"
    # The same for query strings ("/feedback?service=%00" also failed on PostgreSQL).
    assert client.get("/feedback?service=%00").status_code == 200
    assert client.get("/feedback?service=tax%00x").status_code == 404
    assert client.get("/feedback/thanks?service=%00").status_code == 200
