"""The audit log page reads in Thai: actions named, role and status codes translated, a
change shown as before → after, days in the Buddhist era."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import time_machine
from flask import Flask
from sqlalchemy import select

from bot.db import new_session
from bot.db.accounts.tables import User
from tests.support.admin import client_for
from tests.support.complaints import file


def _rows(page: str) -> list[list[str]]:
    body = page.split("<tbody>")[1].split("</tbody>")[0]
    return [
        [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", tr)]
        for tr in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


@time_machine.travel(datetime(2025, 3, 10, 3, 0, tzinfo=UTC), tick=False)
def test_audit_log_reads_in_thai(make_app: Callable[..., Flask]) -> None:
    app = make_app(WTF_CSRF_ENABLED=False)
    admin = client_for(app, "admin")
    admin.post(
        "/admin/users",
        data={"username": "somsri", "role": "staff", "unit": "กองคลัง", "password": "pw-0123456789"},
    )
    with new_session(app) as s:
        uid = s.scalars(select(User.id).where(User.username == "somsri")).one()
    admin.post(f"/admin/users/{uid}/edit", data={"role": "executive", "unit": ""})
    case = file(app, "road", datetime.now(UTC) - timedelta(days=1))
    admin.post(
        f"/admin/cases/{case}/status",
        data={"status": "resolved", "note": "ซ่อมแล้ว", "confirm": "yes"},
    )
    admin.post(
        "/admin/cases/new",
        data={
            "channel": "walk_in",
            "received": "2568-03-05",
            "category": "waste",
            "details": "ขยะตกค้างหน้าตลาด",
        },
    )
    rows = _rows(admin.get("/admin/audit").get_data(as_text=True))
    by_action = {r[2]: r for r in rows}
    assert by_action["เพิ่มผู้ใช้"][3:] == ["somsri", "เจ้าหน้าที่หน่วยงาน กองคลัง"]
    assert by_action["แก้ไขบทบาท/หน่วยงานของผู้ใช้"][3:] == [
        "somsri",
        "เจ้าหน้าที่หน่วยงาน กองคลัง → ผู้บริหาร (ดูอย่างเดียว)",
    ]
    assert by_action["เปลี่ยนสถานะเรื่องร้องเรียน"][3:] == [
        case,
        "สถานะใหม่: ดำเนินการแล้วเสร็จ · หมายเหตุ: ซ่อมแล้ว",
    ]
    received = by_action["บันทึกเรื่องร้องเรียนที่รับจากช่องทางอื่น"]
    assert received[4] == "ช่องทาง: ยื่นด้วยตนเอง · รับเรื่อง 5 มีนาคม 2568"
    assert "เข้าสู่ระบบ" in by_action
    # No stored code is shown as the action or detail.
    for r in rows:
        assert not re.search(r"[a-z]+\.[a-z_]+", r[2] + r[4]), r
    # The filter offers the actions in Thai and filters by them.
    filtered = _rows(admin.get("/admin/audit?action=user.edit").get_data(as_text=True))
    assert [r[2] for r in filtered] == ["แก้ไขบทบาท/หน่วยงานของผู้ใช้"]
