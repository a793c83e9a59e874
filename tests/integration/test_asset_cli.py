"""`flask --app bot assets add|list|head`: the asset register from the command line."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from flask import Flask

from tests.support.admin import add_user
from tests.support.cli import cli, invoke


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app()


def test_assets_added_are_listed_by_unit(app: Flask) -> None:
    made = json.loads(
        cli(
            app,
            "assets",
            "add",
            "เครื่องฉายภาพ",
            "--unit",
            "สำนักปลัด",
            "--code",
            "7430-001-0001",
            "--json",
        )
    )
    assert made == {
        "id": 1,
        "name": "เครื่องฉายภาพ",
        "unit": "สำนักปลัด",
        "code": "7430-001-0001",
        "active": True,
    }
    out = cli(app, "assets", "add", "กล้อง  ถ่ายรูป", "--unit", "กองคลัง")
    assert out.strip() == "เพิ่มทรัพย์สินแล้ว: ลำดับที่ 2 กล้อง ถ่ายรูป (กองคลัง)"
    listed = json.loads(cli(app, "assets", "list", "--json"))
    # By unit name (กองคลัง sorts before สำนักปลัด), then by name.
    assert [(a["id"], a["unit"]) for a in listed] == [(2, "กองคลัง"), (1, "สำนักปลัด")]
    assert "1\tเครื่องฉายภาพ (สำนักปลัด) เลขที่ 7430-001-0001" in cli(app, "assets", "list")


def test_an_unknown_unit_is_refused_with_the_offices_units(app: Flask) -> None:
    r = invoke(app, "assets", "add", "รถยนต์", "--unit", "กองเกษตร")
    assert r.exit_code == 2
    assert "ไม่รู้จักหน่วยงาน “กองเกษตร”" in r.output
    assert "สำนักปลัด, กองคลัง, กองช่าง, กองการศึกษา, กองสาธารณสุขและสิ่งแวดล้อม" in r.output
    assert json.loads(cli(app, "assets", "list", "--json")) == []


def test_a_repeated_asset_number_and_an_empty_name_are_refused(app: Flask) -> None:
    cli(app, "assets", "add", "โต๊ะ", "--unit", "กองช่าง", "--code", "A-1")
    again = invoke(app, "assets", "add", "เก้าอี้", "--unit", "กองช่าง", "--code", "A-1")
    assert again.exit_code == 2 and "มีทรัพย์สินเลขที่ A-1 ในทะเบียนอยู่แล้ว" in again.output
    empty = invoke(app, "assets", "add", "  ", "--unit", "กองช่าง")
    assert empty.exit_code == 2 and "กรุณาระบุชื่อทรัพย์สิน" in empty.output
    assert len(json.loads(cli(app, "assets", "list", "--json"))) == 1


def test_a_unit_head_is_named_from_an_existing_account(app: Flask) -> None:
    add_user(app, "head1", "staff", unit="สำนักปลัด")
    out = cli(app, "assets", "head", "สำนักปลัด", "head1")
    assert "กำหนดให้ head1 เป็นหัวหน้าสำนักปลัด" in out
    missing = invoke(app, "assets", "head", "สำนักปลัด", "nobody")
    assert missing.exit_code == 2 and "ไม่พบบัญชีผู้ใช้ nobody" in missing.output
