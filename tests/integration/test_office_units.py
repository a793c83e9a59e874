"""The office's units as one managed list: added, renamed and retired on /admin/settings
(audited), and unit text from files and commands taken as one of them, never made up."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, datetime

from flask import Flask
from sqlalchemy import select

from bot.db import new_session
from bot.db.accounts.tables import User
from bot.db.measures.tables import MeasureRow
from bot.db.office.store import unit_names
from bot.db.office.tables import Unit
from bot.db.satisfaction.tables import ServiceRow
from bot.db.store import SqlStore
from tests.support.admin import add_staff, audit_rows, client_for
from tests.support.cli import cli
from tests.support.complaints import file

MEASURES_CSV = (
    "ที่,มาตรการ,หน่วยงานรับผิดชอบ,ระยะเวลา\n"
    "1,ซ่อมไฟฟ้าสาธารณะ,กองช่างฯ,ไตรมาส ๑\n"
    "2,ตรวจสอบพัสดุ,กองช่าง / กองคลัง,ตลอดปีงบประมาณ\n"
    "3,ประชุมประชาคม,งานพัฒนาชุมชน,ไตรมาส ๒\n"
    "4,ประกาศเจตนารมณ์,ทุกส่วนราชการ,ไตรมาส ๑\n"
)


def _unit_id(app: Flask, name: str) -> int:
    with new_session(app) as s:
        return s.scalars(select(Unit.id).where(Unit.name == name)).one()


def test_an_admin_adds_renames_and_retires_units(make_app: Callable[..., Flask]) -> None:
    app = make_app(WTF_CSRF_ENABLED=False)
    admin = client_for(app, "admin")
    add_staff(app, "สมชาย ช่างดี", "กองช่าง", "somchai")
    case = file(app, "light", datetime(2025, 2, 1, tzinfo=UTC), "ไฟถนนดับหน้าวัด")
    admin.post(f"/admin/cases/{case}/assign", data={"unit": "กองช่าง"})
    with new_session(app) as s:
        s.add(
            MeasureRow(
                fiscal_year=2568,
                no=1,
                title="ตรวจสอบพัสดุ",
                unit="กองช่าง / กองคลัง",
                created_at=datetime(2025, 1, 1, tzinfo=UTC),
                updated_at=datetime(2025, 1, 1, tzinfo=UTC),
            )
        )
        s.commit()

    # Another spelling of a unit the office has is not a new unit.
    r = admin.post("/admin/settings/units", data={"name": "กองช่างฯ"}, follow_redirects=True)
    assert "มีหน่วยงาน “กองช่าง” อยู่แล้ว" in r.get_data(as_text=True)
    r = admin.post("/admin/settings/units", data={"name": "กองสวัสดิการสังคม"}, follow_redirects=True)
    assert "เพิ่มหน่วยงาน กองสวัสดิการสังคม แล้ว" in r.get_data(as_text=True)

    works = _unit_id(app, "กองช่าง")
    r = admin.post(
        f"/admin/settings/units/{works}/rename", data={"name": "กองโยธา"}, follow_redirects=True
    )
    assert "เปลี่ยนชื่อหน่วยงาน กองช่าง เป็น กองโยธา แล้ว" in r.get_data(as_text=True)
    with new_session(app) as s:
        assert s.scalars(select(User.unit).where(User.username == "somchai")).one() == "กองโยธา"
        assert SqlStore(s).get_complaint(case).unit == "กองโยธา"  # type: ignore[union-attr]
        assert s.scalars(select(MeasureRow.unit)).one() == "กองโยธา / กองคลัง"
    assert ("admin", "unit.rename", "กองโยธา", "กองช่าง → กองโยธา") in audit_rows(app)

    education = _unit_id(app, "กองการศึกษา")
    admin.post(f"/admin/settings/units/{education}/active", data={"active": "0"})
    with new_session(app) as s:
        assert unit_names(s) == [
            "สำนักปลัด",
            "กองคลัง",
            "กองโยธา",
            "กองสาธารณสุขและสิ่งแวดล้อม",
            "กองสวัสดิการสังคม",
        ]
    assert ("admin", "unit.deactivate", "กองการศึกษา", "") in audit_rows(app)
    page = admin.get("/admin/users").get_data(as_text=True)
    assert "<option>กองโยธา</option>" in page and "<option>กองการศึกษา</option>" not in page


def test_a_unit_typed_loosely_is_the_office_s_own_or_refused(app: Flask) -> None:
    add_staff(app, "สมศรี คลังดี", "กองคลังฯ", "somsri")
    out = cli(app, "users", "add", "wichai", "--role", "staff", "--unit", "ช่าง")
    assert "เพิ่มผู้ใช้ wichai" in out
    with new_session(app) as s:
        units = {k: v for k, v in s.execute(select(User.username, User.unit))}
    assert units["somsri"] == "กองคลัง" and units["wichai"] == "กองช่าง"
    r = app.test_cli_runner().invoke(
        args=["staff", "add", "สมปอง", "--unit", "กองสวัสดิการสังคม", "--username", "sompong"]
    )
    assert r.exit_code != 0 and "ไม่รู้จักหน่วยงาน “กองสวัสดิการสังคม”" in r.output


def test_a_services_file_names_units_loosely(make_app: Callable[..., Flask]) -> None:
    app = make_app(WTF_CSRF_ENABLED=False)
    admin = client_for(app, "admin")
    csv = "code,name,unit\nroads,งานซ่อมถนน,กองช่างฯ\nwater,งานประปา, กอง คลัง\n".encode()
    r = admin.post(
        "/admin/services/import",
        data={"file": (io.BytesIO(csv), "s.csv")},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert "นำเข้างานบริการ 2 รายการแล้ว" in r.get_data(as_text=True)
    with new_session(app) as s:
        got = {k: v for k, v in s.execute(select(ServiceRow.code, ServiceRow.unit))}
    assert got["roads"] == "กองช่าง" and got["water"] == "กองคลัง"
    bad = "code,name,unit\nwelfare,งานเบี้ยยังชีพ,กองสวัสดิการ\n".encode()
    r = admin.post(
        "/admin/services/import",
        data={"file": (io.BytesIO(bad), "s.csv")},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert "ยังไม่ได้นำเข้า: ไม่รู้จักหน่วยงาน “กองสวัสดิการ”" in r.get_data(as_text=True)


def test_the_measures_import_asks_about_a_unit_the_office_does_not_have(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app(WTF_CSRF_ENABLED=False)
    admin = client_for(app, "admin")
    r = admin.post(
        "/admin/measures/import",
        data={"year": "2568", "file": (io.BytesIO(MEASURES_CSV.encode()), "m.csv")},
        content_type="multipart/form-data",
    )
    page = r.get_data(as_text=True)
    assert r.status_code == 200, page
    # Only the text that names none of the office's units is asked about.
    assert "“งานพัฒนาชุมชน” หมายถึง" in page
    assert "“กองช่างฯ” หมายถึง" not in page and "“ทุกส่วนราชการ” หมายถึง" not in page
    token = page.split('name="token" value="')[1].split('"')[0]
    r = admin.post(
        "/admin/measures/import",
        data={
            "year": "2568",
            "token": token,
            "unit_text_0": "งานพัฒนาชุมชน",
            "unit_choice_0": "สำนักปลัด",
        },
    )
    assert r.status_code == 302
    with new_session(app) as s:
        got = {k: v for k, v in s.execute(select(MeasureRow.no, MeasureRow.unit))}
    assert got == {
        1: "กองช่าง",
        2: "กองช่าง / กองคลัง",
        3: "สำนักปลัด",
        4: "ทุกส่วนราชการ",
    }
