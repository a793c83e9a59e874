"""Settings an admin saves in the app instead of the environment: the complaint map's tiles
and their credit (the map pages and their Content-Security-Policy follow), and the public
address the sheet's photo links start with."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
from flask import Flask

from handlers.complaints.domain import Location
from sheets.layout import COMPLAINTS
from tests.support.admin import audit_rows, client_for
from tests.support.cli import cli, invoke, sync
from tests.support.complaints import file

TILES = "https://{s}.tiles.nongree.go.th/base/{z}/{x}/{y}.png"
CREDIT = "แผนที่ © เทศบาลตำบลหนองรี"
OSM_HOST = "https://*.tile.openstreetmap.org"


def _map_page(app: Flask, path: str = "/admin/cases") -> tuple[str, str]:
    r = client_for(app, "admin").get(path)
    assert r.status_code == 200
    return r.get_data(as_text=True), r.headers["Content-Security-Policy"]


def test_tiles_saved_on_the_settings_page_draw_the_map(make_app: Callable[..., Flask]) -> None:
    app = make_app(WTF_CSRF_ENABLED=False)
    page, csp = _map_page(app)
    # Until an admin saves one, the environment's tiles (OpenStreetMap by default).
    assert f"img-src 'self' data: {OSM_HOST};" in csp
    assert 'data-attribution="© OpenStreetMap contributors"' in page

    admin = client_for(app, "admin")
    form = admin.get("/admin/settings").get_data(as_text=True)
    assert 'name="map_tile_url"' in form and 'name="map_tile_attribution"' in form
    r = admin.post("/admin/settings", data={"map_tile_url": TILES, "map_tile_attribution": CREDIT})
    assert r.status_code == 302
    page, csp = _map_page(app)
    assert "img-src 'self' data: https://*.tiles.nongree.go.th;" in csp
    assert "openstreetmap" not in csp
    assert f'data-tiles="{TILES}"' in page and f'data-attribution="{CREDIT}"' in page
    # The dashboard's map and a case page's pin read the same setting.
    case = file(
        app, "road", datetime(2025, 3, 10, 3, tzinfo=UTC), location=Location(14.81357, 100.27913)
    )
    for path in ("/admin/", f"/admin/cases/{case}"):
        page, csp = _map_page(app, path)
        assert "https://*.tiles.nongree.go.th" in csp, path
        assert f'data-tiles="{TILES}"' in page, path
    # Pages without a map still load no image from anywhere else.
    assert "img-src 'self' data:;" in admin.get("/admin/users").headers["Content-Security-Policy"]
    assert ("admin", "settings.set", "map_tile_url") in [a[:3] for a in audit_rows(app)]


def test_a_tile_address_that_cannot_work_is_refused_and_the_map_keeps_its_tiles(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app(WTF_CSRF_ENABLED=False)
    admin = client_for(app, "admin")
    typed = {"map_tile_url": "http://tiles.nongree.go.th/{z}/{x}/{y}.png", "office_name": "อบต.นา"}
    r = admin.post("/admin/settings", data=typed)
    assert r.status_code == 400
    page = r.get_data(as_text=True)
    assert "ที่อยู่แผ่นภาพแผนที่ต้องเป็นที่อยู่เว็บที่ขึ้นต้นด้วย https://" in page
    # The form comes back as typed; nothing was saved.
    assert 'value="http://tiles.nongree.go.th/{z}/{x}/{y}.png"' in page
    shown = json.loads(cli(app, "settings", "show", "--json"))
    assert shown["map_tile_url"] == "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert shown["office_name"] == ""
    _, csp = _map_page(app)
    assert OSM_HOST in csp


def test_settings_set_changes_the_map_and_an_empty_value_restores_the_environment(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app(WTF_CSRF_ENABLED=False)
    out = cli(app, "settings", "set", "map_tile_url", TILES)
    assert f"บันทึกที่อยู่แผ่นภาพแผนที่แล้ว: {TILES}" in out
    cli(app, "settings", "set", "map_tile_attribution", CREDIT)
    page, csp = _map_page(app)
    assert "https://*.tiles.nongree.go.th" in csp and f'data-attribution="{CREDIT}"' in page
    r = invoke(app, "settings", "set", "map_tile_url", "https://tiles.nongree.go.th/{z}.png")
    assert r.exit_code == 2 and "ต้องมี {x} {y} ในตำแหน่งของแผ่นภาพ" in r.output
    cli(app, "settings", "set", "map_tile_url", "")
    _, csp = _map_page(app)
    assert OSM_HOST in csp and "nongree" not in csp


def test_the_sheets_photo_links_start_with_the_saved_public_address(
    make_app: Callable[..., Flask], xlsx: Path
) -> None:
    app = make_app(
        SHEETS_BACKEND="xlsx",
        SHEETS_XLSX_PATH=str(xlsx),
        PUBLIC_BASE_URL="https://old.example.go.th",
        WTF_CSRF_ENABLED=False,
    )
    client_for(app, "admin").post(
        "/admin/settings", data={"public_base_url": "https://prongsai.nongree.go.th/"}
    )
    case = file(app, "road", datetime(2025, 3, 1, 3, tzinfo=UTC), photo=True)
    sync(app)
    ws = openpyxl.load_workbook(xlsx)[COMPLAINTS.title]
    row = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == case)
    assert row[COMPLAINTS.col("photos")] == (
        f"https://prongsai.nongree.go.th/admin/cases/{case}/photo/0"
    )


def test_an_environment_tile_address_left_as_shown_does_not_block_saving(
    make_app: Callable[..., Flask],
) -> None:
    """A tile server on the office's own network (http) set in the environment: the form
    shows it, and saving another field with it left as shown works."""
    local = "http://tiles.office.lan/{z}/{x}/{y}.png"
    app = make_app(WTF_CSRF_ENABLED=False, MAP_TILE_URL=local)
    admin = client_for(app, "admin")
    assert f'value="{local}"' in admin.get("/admin/settings").get_data(as_text=True)
    r = admin.post("/admin/settings", data={"map_tile_url": local, "office_name": "อบต.นา"})
    assert r.status_code == 302
    shown = json.loads(cli(app, "settings", "show", "--json"))
    assert (shown["office_name"], shown["map_tile_url"]) == ("อบต.นา", local)
    assert "settings.set" not in [a[1] for a in audit_rows(app) if a[2] == "map_tile_url"]
