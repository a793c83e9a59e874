"""User management, units and category overrides, the audit log; LINE “สรุป” through the
real webhook and SDK."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

from flask import Flask
from sqlalchemy import select

from bot.db import new_session
from bot.db.accounts.tables import User
from bot.db.office.store import unit_names
from bot.db.office.tables import Unit
from bot.db.store import SqlStore
from tests.fakes.fake_line import FakeLine
from tests.support.admin import add_user, audit_rows, client_for
from tests.support.complaints import file
from tests.support.line import post, process, text_event, webhook_body


def test_admin_adds_resets_and_deactivates_users(make_app: Callable[..., Flask]) -> None:
    app = make_app(WTF_CSRF_ENABLED=False)
    admin = client_for(app, "admin")
    r = admin.post(
        "/admin/users",
        data={"username": "somsri", "role": "staff", "unit": "กองคลัง", "password": "pw-0123456789"},
        follow_redirects=True,
    )
    assert "เพิ่มผู้ใช้ somsri แล้ว" in r.get_data(as_text=True)
    dup = admin.post(
        "/admin/users",
        data={"username": "somsri", "role": "staff", "unit": "กองคลัง"},
        follow_redirects=True,
    )
    assert "มีผู้ใช้ชื่อ somsri อยู่แล้ว" in dup.get_data(as_text=True)
    no_unit = admin.post(
        "/admin/users", data={"username": "nounit", "role": "staff"}, follow_redirects=True
    )
    assert "ต้องระบุหน่วยงาน" in no_unit.get_data(as_text=True)
    c = app.test_client()
    assert (
        c.post("/admin/login", data={"username": "somsri", "password": "pw-0123456789"}).status_code
        == 302
    )
    from bot.db.accounts.tables import User

    with new_session(app) as s:
        uid = s.query(User).filter_by(username="somsri").one().id
        admin_id = s.query(User).filter_by(username="admin").one().id
    page = admin.post(f"/admin/users/{uid}/password", follow_redirects=True).get_data(as_text=True)
    new_pw = page.split("รหัสผ่านใหม่ (แสดงครั้งเดียว): ", 1)[1].split("<", 1)[0].strip()
    fresh = app.test_client()
    assert (
        fresh.post(
            "/admin/login", data={"username": "somsri", "password": "pw-0123456789"}
        ).status_code
        == 401
    )
    assert (
        fresh.post("/admin/login", data={"username": "somsri", "password": new_pw}).status_code
        == 302
    )
    admin.post(f"/admin/users/{uid}/active", data={"active": "0"})
    assert fresh.get("/admin/").status_code == 302  # the open session ends with the account
    # The last admin can neither be deactivated nor demoted.
    r = admin.post(
        f"/admin/users/{admin_id}/edit",
        data={"role": "staff", "unit": "กองคลัง"},
        follow_redirects=True,
    )
    assert "อย่างน้อยหนึ่งคน" in r.get_data(as_text=True)
    actions = [a[1] for a in audit_rows(app)]
    assert {"user.add", "user.reset_password", "user.deactivate"} <= set(actions)
    log = admin.get("/admin/audit").get_data(as_text=True)
    assert "ตั้งรหัสผ่านใหม่" in log and "somsri" in log
    add_user(app, "viewer", "executive")
    assert client_for(app, "viewer").get("/admin/audit").status_code == 403


def test_category_overrides_route_new_complaints(make_app: Callable[..., Flask]) -> None:
    app = make_app(WTF_CSRF_ENABLED=False)
    admin = client_for(app, "admin")
    r = admin.post("/admin/catalog/units", data={"name": "กองสวัสดิการสังคม"}, follow_redirects=True)
    assert "เพิ่มหน่วยงาน กองสวัสดิการสังคม แล้ว" in r.get_data(as_text=True)
    r = admin.post(
        "/admin/catalog/categories/green",
        data={"name_th": "ต้นไม้และสัตว์จรจัด", "default_unit": "กองสวัสดิการสังคม"},
        follow_redirects=True,
    )
    assert "ต้นไม้และสัตว์จรจัด" in r.get_data(as_text=True)
    bad = admin.post("/admin/catalog/categories/nope", data={"name_th": "x"}, follow_redirects=True)
    assert "ไม่รู้จักประเภทนี้" in bad.get_data(as_text=True)
    admin.get("/admin/")  # any request picks the override up
    case = file(app, "green", datetime(2025, 2, 1, tzinfo=UTC), "สุนัขจรจัดไล่กัดเด็ก")
    with new_session(app) as s:
        assert SqlStore(s).get_complaint(case).unit == "กองสวัสดิการสังคม"  # type: ignore[union-attr]
    assert ("admin", "category.edit", "green", "ต้นไม้และสัตว์จรจัด / กองสวัสดิการสังคม") in audit_rows(app)
    from handlers.complaints import categories

    categories.set_overrides({})  # other tests see categories.csv again


def _offered(page: str, select: str) -> list[str]:
    """The units a <select> offers (its empty "choose" option left out)."""
    found = re.search(rf"<select {select}[^>]*>(.*?)</select>", page, re.S)
    assert found, select
    return [u for u in re.findall(r"<option[^>]*>([^<]*)</option>", found.group(1)) if u != "-"]


def test_every_page_offers_exactly_the_units_the_office_keeps(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app(WTF_CSRF_ENABLED=False)
    admin = client_for(app, "admin")
    admin.post("/admin/catalog/units", data={"name": "กองสวัสดิการสังคม"})
    with new_session(app) as s:
        education = s.scalars(select(Unit).where(Unit.name == "กองการศึกษา")).one().id
    admin.post(f"/admin/catalog/units/{education}", data={"active": "0"})
    with new_session(app) as s:
        units = unit_names(s)
    assert "กองสวัสดิการสังคม" in units and "กองการศึกษา" not in units
    staff_page = admin.get("/admin/measures/staff").get_data(as_text=True)
    assert _offered(staff_page, 'name="unit"')[1:] == units  # after "— เลือกหน่วยงาน —"
    assert _offered(admin.get("/admin/users").get_data(as_text=True), 'id="unit"') == units
    assert _offered(admin.get("/admin/services").get_data(as_text=True), 'id="new-unit"') == units
    # The staff page takes the new unit and refuses the retired one.
    r = admin.post(
        "/admin/measures/staff",
        data={"name": "สมปอง สวัสดิ์", "unit": "กองการศึกษา"},
        follow_redirects=True,
    )
    assert "ไม่รู้จักหน่วยงาน “กองการศึกษา”" in r.get_data(as_text=True)
    admin.post("/admin/measures/staff", data={"name": "สมปอง สวัสดิ์", "unit": "กองสวัสดิการสังคม"})
    with new_session(app) as s:
        user = s.scalars(select(User).where(User.username == "สมปอง สวัสดิ์")).one()
        assert (user.role, user.unit) == ("staff", "กองสวัสดิการสังคม")


def test_summary_word_in_line_gives_admins_a_flex_card(line_app: Flask, line: FakeLine) -> None:
    admin_line = "U" + "e" * 32
    add_user(line_app, "nayok", "admin", line_user_id=admin_line)
    assert post(line_app, webhook_body(text_event("สรุป", admin_line))).status_code == 200
    process(line_app)
    msg = line.replies[-1]["messages"][-1]
    assert msg["type"] == "flex" and msg["contents"]["type"] == "bubble"
    assert "สรุปภาพรวม ปีงบประมาณ" in msg["altText"]
    assert post(line_app, webhook_body(text_event("สรุป", "U" + "f" * 32))).status_code == 200
    process(line_app)
    assert all(m["type"] == "text" for m in line.replies[-1]["messages"])
    assert "เฉพาะผู้บริหาร" in " ".join(line.last_texts())
