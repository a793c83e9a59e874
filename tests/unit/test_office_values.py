"""The rules of the office's settings and of unit names as people write them."""

from __future__ import annotations

import re

import pytest

from handlers.office import OfficeSettings, clean, public_url_problem
from handlers.units import match_unit, unit_key, units_named

UNITS = ["สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา", "กองสาธารณสุขและสิ่งแวดล้อม"]


@pytest.mark.parametrize(
    "url",
    [
        "",
        "http://localhost:5000",
        "http://127.0.0.1:8000",
        "http://0.0.0.0",
        "http://[::1]:5000",
        "http://prongsai.localhost",
    ],
)
def test_an_address_only_this_machine_reaches_is_named_a_problem(url: str) -> None:
    assert public_url_problem(url)
    assert OfficeSettings(public_base_url=url).public_url_problem


def test_a_public_address_is_fine() -> None:
    assert public_url_problem("https://prongsai.nongree.go.th") == ""


def test_values_are_cleaned_or_refused() -> None:
    assert clean("office_name", "  เทศบาลตำบล   หนองรี ") == "เทศบาลตำบล หนองรี"
    assert clean("public_base_url", "https://a.go.th/prongsai/") == "https://a.go.th/prongsai"
    assert clean("phone", "038-123456 ต่อ 12") == "038-123456 ต่อ 12"
    with pytest.raises(ValueError, match="ครับ"):
        clean("particle", "")
    with pytest.raises(ValueError, match="ยาวเกิน 200"):
        clean("office_name", "ก" * 201)
    with pytest.raises(ValueError, match="อัปโหลด"):
        clean("logo", "../../etc/passwd")


@pytest.mark.parametrize(
    ("typed", "unit"),
    [
        ("กองช่างฯ", "กองช่าง"),
        ("กองช่าง", "กองช่าง"),
        ("ช่าง", "กองช่าง"),
        (" กอง คลัง ", "กองคลัง"),
        ("สำนักงานปลัด", "สำนักปลัด"),
        ("สำนักปลัดฯ", "สำนักปลัด"),
        ("กองสาธารณสุขฯ", "กองสาธารณสุขและสิ่งแวดล้อม"),
        ("กองการศึกษาฯ", "กองการศึกษา"),
    ],
)
def test_a_unit_written_loosely_is_the_office_s_own(typed: str, unit: str) -> None:
    assert match_unit(typed, UNITS) == unit


@pytest.mark.parametrize("typed", ["กองสวัสดิการสังคม", "ฯ", "", "กอง"])
def test_a_unit_the_office_does_not_have_is_not_guessed(typed: str) -> None:
    assert match_unit(typed, UNITS) is None


def test_the_key_drops_what_spellings_vary_in() -> None:
    assert unit_key("กองช่างฯ") == unit_key("ช่าง") == "ช่าง"


def test_a_measure_text_may_name_several_units() -> None:
    assert units_named("กองช่าง / กองคลัง", UNITS) == ["กองคลัง", "กองช่าง"]
    assert units_named("สำนักปลัด และกองการศึกษา", UNITS) == ["สำนักปลัด", "กองการศึกษา"]
    assert units_named("กองช่างฯ", UNITS) == ["กองช่าง"]
    assert units_named("งานพัสดุ", UNITS) == []


def test_a_tile_address_is_an_https_template_on_a_named_host() -> None:
    osm = "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert clean("map_tile_url", f"  {osm} ") == osm
    keyed = "https://tile.thunderforest.com/cycle/{z}/{x}/{y}.png?apikey=abc"
    assert clean("map_tile_url", keyed) == keyed
    assert clean("map_tile_url", "") == ""  # back to the environment's address
    assert clean("map_tile_attribution", " © OpenStreetMap   contributors ") == (
        "© OpenStreetMap contributors"
    )


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("http://tiles.example.org/{z}/{x}/{y}.png", "ต้องเป็นที่อยู่เว็บที่ขึ้นต้นด้วย https://"),
        ("tiles.example.org/{z}/{x}/{y}.png", "ต้องเป็นที่อยู่เว็บที่ขึ้นต้นด้วย https://"),
        ("https://tiles.example.org:port/{z}/{x}/{y}.png", "ต้องเป็นที่อยู่เว็บ"),
        ("https://tiles.example.org/{z}/{x}.png", "ต้องมี {y} ในตำแหน่งของแผ่นภาพ"),
        ("https://tiles.example.org/map.png", "ต้องมี {z} {x} {y}"),
        ("https://{s}/{z}/{x}/{y}.png", "ต้องระบุชื่อเครื่องให้บริการแผนที่"),
        ("https://{s}.org/{z}/{x}/{y}.png", "ต้องระบุชื่อเครื่องให้บริการแผนที่"),
        ("https://t.example.org/{z}/{x}/{y}.png' ; script-src *", "ต้องเป็นที่อยู่เว็บ"),
    ],
)
def test_a_tile_address_that_cannot_draw_a_map_is_refused(typed: str, reason: str) -> None:
    with pytest.raises(ValueError, match=re.escape(reason)) as e:
        clean("map_tile_url", typed)
    assert str(e.value).startswith("ที่อยู่แผ่นภาพแผนที่")
