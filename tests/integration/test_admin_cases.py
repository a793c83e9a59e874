"""The complaint queue, case pages and sealed corruption cases, role by role; the status
workflow and the citizen's notice; the printable result letter."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask
from sqlalchemy import select

from bot.db import new_session
from bot.db.chat.tables import NoticeRow
from bot.db.complaints.tables import SealedAccess
from bot.db.store import SqlStore
from handlers.complaints.domain import Location
from handlers.conversations import engine
from handlers.conversations.messages import Inbound
from handlers.conversations.session import Context
from handlers.shared import CHANNEL_TH, Channel
from tests.support.admin import add_user, audit_rows, client_for
from tests.support.complaints import file

SECRET = "SEALED-9137 ปลัดเรียกรับเงินใต้โต๊ะ"
REPORTER = "นายผู้แจ้ง ลับเฉพาะ"
REPORTER_PHONE = "0899999999"
NOTE = "NOTE-7731 ตั้งกรรมการสอบข้อเท็จจริง"
CITIZEN = "U" + "c" * 32


@pytest.fixture
def office(make_app: Callable[..., Flask]) -> tuple[Flask, dict[str, str]]:
    app = make_app(WTF_CSRF_ENABLED=False)
    add_user(app, "exec", "executive")
    add_user(app, "integ", "integrity")
    add_user(app, "chang", "staff", "กองช่าง")
    add_user(app, "palad", "staff", "สำนักปลัด")
    now = datetime.now(UTC)
    cases = {
        "road": file(
            app,
            "road",
            now - timedelta(days=20),
            "ถนนหน้าวัดเป็นหลุมลึก รถล้มบ่อย",
            photo=True,
            line_user_id=CITIZEN,
            location=Location(13.75, 100.5, "หน้าวัดสามัคคี"),
        ),
        "waste": file(app, "waste", now - timedelta(days=2), "ขยะไม่มีคนเก็บสามวันแล้ว"),
        "sealed": file(
            app,
            "corruption",
            now - timedelta(days=1),
            SECRET,
            photo=True,
            contact=REPORTER,
            phone=REPORTER_PHONE,
            location=Location(13.7, 100.4, "บ้านเลขที่ลับ"),
        ),
    }
    return app, cases


def _zip_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())


def _no_secret(text: str) -> None:
    for s in ("SEALED-9137", "ใต้โต๊ะ", REPORTER, REPORTER_PHONE, "บ้านเลขที่ลับ", "NOTE-7731"):
        assert s not in text


@pytest.mark.parametrize("username", ["admin", "exec", "palad"])
def test_no_one_but_the_integrity_officer_sees_sealed_content_anywhere(office, username) -> None:  # type: ignore[no-untyped-def]
    app, cases = office
    sealed = cases["sealed"]
    # The integrity officer works the case first, leaving a note that is itself sealed.
    integ = client_for(app, "integ")
    r = integ.post(f"/admin/cases/{sealed}/status", data={"status": "in_progress", "note": NOTE})
    assert r.status_code == 302
    c = client_for(app, username)
    pages = [
        "/admin/",
        "/admin/cases",
        "/admin/cases?category=corruption",
        f"/admin/cases/{sealed}",
    ]
    for url in pages:
        r = c.get(url)
        assert r.status_code == 200, url
        _no_secret(r.get_data(as_text=True))
    page = c.get(f"/admin/cases/{sealed}").get_data(as_text=True)
    assert sealed in page and "เรื่องปิดผนึก" in page and "กำลังดำเนินการ" in page
    assert c.get(f"/admin/cases/{sealed}/photo/0").status_code == 403
    assert c.get(f"/admin/cases/{sealed}/letter").status_code == 403
    # Nor can they act on it.
    r = c.post(f"/admin/cases/{sealed}/status", data={"status": "resolved", "note": "x"})
    assert r.status_code in (302, 403)
    with new_session(app) as s:
        assert SqlStore(s).get_complaint(sealed).status.value == "in_progress"  # type: ignore[union-attr]
    # Exports and the API: counts only.
    api = c.get("/api/summary")
    assert api.status_code == 200 and api.get_json()["complaints"]["corruption"] == 1
    _no_secret(api.get_data(as_text=True))
    if username != "palad":  # staff have no reports page
        for fmt in ("html", "xlsx", "docx"):
            r = c.get(f"/admin/reports/corruption_complaints.{fmt}")
            assert r.status_code == 200
            body = r.data if fmt == "html" else _zip_text(r.data).encode()
            _no_secret(body.decode("utf-8", "replace"))
    if username == "admin":
        _no_secret(c.get("/admin/audit").get_data(as_text=True))


def test_the_integrity_officer_sees_everything_and_every_opening_is_recorded(office) -> None:  # type: ignore[no-untyped-def]
    app, cases = office
    sealed = cases["sealed"]
    client_for(app, "admin").get(f"/admin/cases/{sealed}")
    client_for(app, "palad").get(f"/admin/cases/{sealed}/photo/0")
    integ = client_for(app, "integ")
    page = integ.get(f"/admin/cases/{sealed}").get_data(as_text=True)
    assert SECRET in page and REPORTER in page and REPORTER_PHONE in page
    assert "google.com/maps?q=13.7,100.4" in page
    photo = integ.get(f"/admin/cases/{sealed}/photo/0")
    assert photo.status_code == 200 and photo.data.startswith(b"\xff\xd8")
    assert "no-store" in photo.headers["Cache-Control"]
    assert integ.get(f"/admin/cases/{sealed}/letter").status_code == 200
    with new_session(app) as s:
        log = [(a.username, a.what, a.allowed) for a in s.scalars(select(SealedAccess))]
    assert log == [
        ("admin", "page", False),
        ("palad", "photo", False),
        ("integ", "page", True),
        ("integ", "photo", True),
        ("integ", "letter", True),
    ]
    # The record is shown to the integrity officer on the case page.
    page = integ.get(f"/admin/cases/{sealed}").get_data(as_text=True)
    assert "บันทึกการเปิดดูเรื่องปิดผนึก" in page
    assert "palad" in page and "ไม่ (ถูกปฏิเสธ)" in page
    # ...and to no one else.
    assert "บันทึกการเปิดดูเรื่องปิดผนึก" not in client_for(app, "admin").get(
        f"/admin/cases/{sealed}"
    ).get_data(as_text=True)


def test_staff_see_only_their_units_cases(office) -> None:  # type: ignore[no-untyped-def]
    app, cases = office
    chang = client_for(app, "chang")
    queue = chang.get("/admin/cases").get_data(as_text=True)
    assert cases["road"] in queue
    assert cases["waste"] not in queue and cases["sealed"] not in queue
    assert chang.get(f"/admin/cases/{cases['waste']}").status_code == 404
    assert chang.get(f"/admin/cases/{cases['road']}").status_code == 200
    # Asking for another unit changes nothing: the unit filter is fixed for staff.
    assert cases["waste"] not in chang.get("/admin/cases?unit=กองสาธารณสุขและสิ่งแวดล้อม").get_data(
        as_text=True
    )
    assert client_for(app, "chang").get("/admin/users").status_code == 403
    assert client_for(app, "chang").get("/admin/reports").status_code == 403


def test_queue_filters_and_overdue_flag(office) -> None:  # type: ignore[no-untyped-def]
    app, cases = office
    admin = client_for(app, "admin")
    late = admin.get("/admin/cases?overdue=1").get_data(as_text=True)
    assert cases["road"] in late and cases["waste"] not in late  # 20 days old and open
    assert "เกินกำหนด" in late
    waste = admin.get("/admin/cases?category=waste").get_data(as_text=True)
    assert cases["waste"] in waste and cases["road"] not in waste
    by_unit = admin.get("/admin/cases?unit=กองช่าง").get_data(as_text=True)
    assert cases["road"] in by_unit and cases["waste"] not in by_unit
    # A sealed case's unit and channel are hidden, so filtering by them must not reveal it.
    assert cases["sealed"] not in admin.get("/admin/cases?unit=สำนักปลัด").get_data(as_text=True)
    assert cases["sealed"] not in admin.get("/admin/cases?channel=web").get_data(as_text=True)
    bad = admin.get("/admin/cases?status=lost&channel=fax").get_data(as_text=True)
    assert "ไม่รู้จักสถานะ" in bad and "ไม่รู้จักช่องทาง" in bad


def test_pages_name_channels_from_the_one_table(office) -> None:  # type: ignore[no-untyped-def]
    app, cases = office
    admin = client_for(app, "admin")
    queue = admin.get("/admin/cases").get_data(as_text=True)
    for channel, label in CHANNEL_TH.items():
        assert f'<option value="{channel.value}" >{label}</option>' in queue
    page = admin.get(f"/admin/cases/{cases['road']}").get_data(as_text=True)
    assert f"ช่องทาง: {CHANNEL_TH[Channel.WEB]}</p>" in page


def test_status_change_with_a_note_tells_the_citizen_and_is_kept(office) -> None:  # type: ignore[no-untyped-def]
    app, cases = office
    road = cases["road"]
    admin = client_for(app, "admin")
    page = admin.get(f"/admin/cases/{road}").get_data(as_text=True)
    assert "หน้าวัดสามัคคี" in page and "google.com/maps?q=13.75,100.5" in page
    assert admin.get(f"/admin/cases/{road}/photo/0").status_code == 200
    r = admin.post(
        f"/admin/cases/{road}/status",
        data={"status": "resolved", "note": "ซ่อมถนนเรียบร้อยแล้ว", "confirm": "yes"},
        follow_redirects=True,
    )
    text = r.get_data(as_text=True)
    assert "ดำเนินการแล้วเสร็จ" in text and "ซ่อมถนนเรียบร้อยแล้ว" in text
    # A closed case cannot be changed again; the admin is told why, in Thai.
    r = admin.post(
        f"/admin/cases/{road}/status",
        data={"status": "in_progress", "note": ""},
        follow_redirects=True,
    )
    assert "ไม่ได้" in r.get_data(as_text=True) or "ปิดแล้ว" in r.get_data(as_text=True)
    with new_session(app) as s:
        notices = list(s.scalars(select(NoticeRow).where(NoticeRow.line_user_id == CITIZEN)))
        assert len(notices) == 1 and "ซ่อมถนนเรียบร้อยแล้ว" in notices[0].text
        # The citizen's next LINE message brings the notice with the reply.
        store = SqlStore(s)
        replies = engine.handle(
            Inbound(CITIZEN, "text", text="สวัสดี"), Context(store=store, now=datetime.now(UTC))
        )
        store.commit()
    assert "ซ่อมถนนเรียบร้อยแล้ว" in replies[0].text
    assert ("admin", "complaint.status", road, "resolved: ซ่อมถนนเรียบร้อยแล้ว") in audit_rows(app)
    letter = admin.get(f"/admin/cases/{road}/letter").get_data(as_text=True)
    assert "หนังสือแจ้งผล" in letter or "แจ้งผลการดำเนินการ" in letter
    assert "ซ่อมถนนเรียบร้อยแล้ว" in letter and "คุณสมชาย ใจดี" in letter and road in letter


def test_executives_only_read(office) -> None:  # type: ignore[no-untyped-def]
    app, cases = office
    ex = client_for(app, "exec")
    assert ex.get(f"/admin/cases/{cases['road']}").status_code == 200
    assert (
        ex.post(f"/admin/cases/{cases['road']}/status", data={"status": "resolved"}).status_code
        == 403
    )
    assert (
        ex.post(f"/admin/cases/{cases['road']}/assign", data={"unit": "กองคลัง"}).status_code == 403
    )


def test_admin_assigns_a_unit_and_the_new_units_staff_see_it(office) -> None:  # type: ignore[no-untyped-def]
    app, cases = office
    waste = cases["waste"]
    chang = client_for(app, "chang")
    assert chang.get(f"/admin/cases/{waste}").status_code == 404
    admin = client_for(app, "admin")
    r = admin.post(f"/admin/cases/{waste}/assign", data={"unit": "กองช่าง"}, follow_redirects=True)
    assert "มอบหมายให้ กองช่าง" in r.get_data(as_text=True)
    assert chang.get(f"/admin/cases/{waste}").status_code == 200
    r = admin.post(f"/admin/cases/{waste}/assign", data={"unit": "กองลับ"}, follow_redirects=True)
    assert "ไม่รู้จักหน่วยงาน" in r.get_data(as_text=True)
    # Staff of the unit may now move it on.
    r = chang.post(f"/admin/cases/{waste}/status", data={"status": "in_progress", "note": "รับเรื่อง"})
    assert r.status_code == 302
    with new_session(app) as s:
        c = SqlStore(s).get_complaint(waste)
    assert c is not None and c.unit == "กองช่าง" and c.status.value == "in_progress"
    assert c.history[-1].actor == "chang"
