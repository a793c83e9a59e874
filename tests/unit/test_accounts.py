"""The rules of office accounts, the same on the admin page and the command line."""

from __future__ import annotations

from handlers.accounts import may_manage, new_account_problems

ROLES = ("admin", "executive", "integrity", "staff")
UNITS = ["สำนักปลัด", "กองช่าง"]


def test_a_good_account_has_no_problems() -> None:
    assert new_account_problems("somsak", False, "staff", "กองช่าง", UNITS, ROLES) == []


def test_each_problem_is_named_in_thai() -> None:
    problems = new_account_problems("Som Sak!", False, "staff", "กองช่างฯ", UNITS, ROLES)
    assert problems[0].startswith("ชื่อผู้ใช้ใช้ได้เฉพาะ")
    assert problems[1] == "เจ้าหน้าที่หน่วยงานต้องระบุหน่วยงาน: สำนักปลัด, กองช่าง"
    assert new_account_problems("somsak", True, "boss", "", UNITS, ROLES) == [
        "มีผู้ใช้ชื่อ somsak อยู่แล้ว",
        "กรุณาเลือกบทบาท",
    ]


def test_only_an_integrity_officer_touches_the_integrity_role() -> None:
    assert not may_manage("admin", "staff", "integrity")
    assert not may_manage("admin", "integrity")
    assert may_manage("integrity", "staff", "integrity")
    assert may_manage("admin", "staff", "executive")
    assert not may_manage("integrity", "staff", "executive")
