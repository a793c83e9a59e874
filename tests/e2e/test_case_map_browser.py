"""The complaint map in headless Chromium: Leaflet from the app itself, tiles from a tile
server on this machine (MAP_TILE_URL; no network), pins coloured by status and clustered, the
cases placed only in words beside it, the queue's filters, the case page's pin; screenshots
of the queue on a desktop and a 390 px phone."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from flask import Flask
from PIL import Image, ImageDraw

from bot import create_app
from bot.db import new_session
from bot.db.store import SqlStore
from handlers.complaints.domain import Location
from handlers.complaints.usecases import ComplaintDraft, file_complaint, set_status
from handlers.shared import Channel
from tests.support.browser import log_in, shot
from tests.support.servers import Server, running_server
from tests.support.settings import ADMIN_PASSWORD

pytestmark = pytest.mark.e2e

VILLAGE = (14.8135, 100.2791)
# Ten cases within a few hundred metres of the village centre, two in the next tambon.
NEAR = [(VILLAGE[0] + 0.0004 * i, VILLAGE[1] + 0.0003 * (i % 4)) for i in range(10)]
FAR = [(14.9021, 100.4012), (14.9053, 100.4066)]
STATUSES = ["received", "in_progress", "resolved", "rejected", "forwarded"]
COLOURS = {"received": "#d62728", "resolved": "#2ca02c"}


def _tile() -> bytes:
    """A 256 px tile: pale ground with a grid, so the screenshot shows tiles were drawn."""
    img = Image.new("RGB", (256, 256), (236, 232, 220))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, 255, 255), outline=(200, 196, 186))
    draw.line((0, 128, 255, 128), fill=(250, 250, 250), width=6)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


class Tiles:
    """A tile server on 127.0.0.1 counting what it served."""

    def __init__(self) -> None:
        png = _tile()
        self.served: list[str] = []
        served = self.served

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                served.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(png)))
                self.end_headers()
                self.wfile.write(png)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/{{z}}/{{x}}/{{y}}.png"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Tiles:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def tiles() -> Iterator[Tiles]:
    with Tiles() as t:
        yield t


@pytest.fixture(scope="module")
def mapped(tmp_path_factory: pytest.TempPathFactory, tiles: Tiles) -> Iterator[Server]:
    env = {"ADMIN_PASSWORD": ADMIN_PASSWORD, "MAP_TILE_URL": tiles.url}
    with running_server(tmp_path_factory.mktemp("map"), env) as srv:
        with pytest.MonkeyPatch.context() as mp:
            for name, value in srv.env.items():
                mp.setenv(name, value)
            _seed(create_app({"BACKGROUND_WORKERS": False, "SHEETS_BACKEND": "off"}))
        yield srv


def _seed(app: Flask) -> None:
    """12 pinned cases (statuses in turn), two placed in words, one sealed report with a point,
    one with no place at all."""
    now = datetime.now(UTC) - timedelta(days=3)
    with new_session(app) as s:
        store = SqlStore(s)

        def filed(category: str, location: Location | None) -> str:
            draft = ComplaintDraft(category=category, details="ทดสอบแผนที่", location=location)
            return file_complaint(store, draft, Channel.LINE, now).complaint.case_number

        for i, (lat, lng) in enumerate(NEAR + FAR):
            case = filed("road" if i % 2 else "light", Location(lat, lng))
            status = STATUSES[i % len(STATUSES)]
            if status != "received":
                set_status(store, case, "in_progress", "", now + timedelta(hours=1))
            if status not in ("received", "in_progress"):
                set_status(store, case, status, "ดำเนินการแล้ว", now + timedelta(hours=2))
        filed("waste", Location(address="หมู่ที่ 4 ข้างศาลาประชาคม"))
        filed("nuisance", Location(address="ตลาดนัดวัดสามัคคี"))
        filed("corruption", Location(14.8201, 100.2854, "บ้านเลขที่ลับ"))
        filed("water", None)
        store.commit()
    app.extensions["db_engine"].dispose()


def _open(
    browser: object, server: Server, width: int, height: int = 900
) -> tuple[object, list[str]]:
    ctx = browser.new_context(viewport={"width": width, "height": height}, locale="th-TH")  # type: ignore[attr-defined]
    page = ctx.new_page()
    problems: list[str] = []

    def console(m: object) -> None:
        # A refused load is reported below with its address (the browser's own favicon
        # request aside); a CSP refusal or a script error is a console error too.
        text = m.text  # type: ignore[attr-defined]
        if m.type == "error" and not text.startswith("Failed to load resource"):  # type: ignore[attr-defined]
            problems.append(text)

    def response(r: object) -> None:
        if r.status >= 400 and not r.url.endswith("/favicon.ico"):  # type: ignore[attr-defined]
            problems.append(f"{r.status} {r.url}")  # type: ignore[attr-defined]

    page.on("console", console)
    page.on("response", response)
    page.on("pageerror", lambda e: problems.append(str(e)))
    log_in(page, server.url, ADMIN_PASSWORD)
    return page, problems


SHOWN_JS = """n => {
  const clusters = [...document.querySelectorAll('.casemap .casemap-cluster')];
  const singles = document.querySelectorAll('.casemap path.leaflet-interactive').length;
  return clusters.reduce((sum, c) => sum + parseInt(c.innerText, 10), 0) + singles === n;
}"""


def _shows(page: object, n: int) -> None:
    """The map settles (the clusters' animation ends) showing `n` cases: each cluster's
    count plus the single pins."""
    page.wait_for_function(SHOWN_JS, arg=n, timeout=10_000)  # type: ignore[attr-defined]


def _loaded(page: object) -> None:
    page.wait_for_selector('.casemap[data-loaded="1"]')  # type: ignore[attr-defined]
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => [...document.querySelectorAll('.casemap img.leaflet-tile')]"
        ".some(i => i.complete && i.naturalWidth === 256)"
    )


def test_the_queue_map_pins_clusters_and_lists_in_words(
    mapped: Server, browser: object, tiles: Tiles
) -> None:
    page, problems = _open(browser, mapped, 1280)
    page.goto(mapped.url + "/admin/cases")  # type: ignore[attr-defined]
    _loaded(page)
    # The ten village cases stand close together: at least one cluster; the sealed report
    # (its point is content) is not among the 12 the admin sees.
    assert page.locator(".casemap .casemap-cluster").count() >= 1  # type: ignore[attr-defined]
    _shows(page, 12)
    status = page.inner_text(".casemap-status")  # type: ignore[attr-defined]
    assert status == "ระบุพิกัด 12 เรื่อง · ระบุสถานที่เป็นข้อความ 2 เรื่อง"
    words = page.inner_text(".casemap-text")  # type: ignore[attr-defined]
    assert "หมู่ที่ 4 ข้างศาลาประชาคม" in words and "ตลาดนัดวัดสามัคคี" in words
    assert "บ้านเลขที่ลับ" not in page.content()  # type: ignore[attr-defined]
    legend = page.inner_text(".casemap-legend")  # type: ignore[attr-defined]
    for thai in ("รับเรื่องแล้ว", "กำลังดำเนินการ", "ดำเนินการแล้วเสร็จ", "ไม่รับไว้พิจารณา"):
        assert thai in legend
    assert tiles.served, "no tile was asked of the local tile server"
    assert "OpenStreetMap" in page.inner_text(".leaflet-control-attribution")  # type: ignore[attr-defined]
    shot(page, "40-case-map-queue-desktop")
    assert problems == []
    page.context.close()  # type: ignore[attr-defined]


def test_the_map_follows_the_queues_filter_and_a_pin_opens_its_case(
    mapped: Server, browser: object
) -> None:
    page, problems = _open(browser, mapped, 1280)
    # Resolved: cases 3 and 8, about 220 m apart in the village; fitted to them the map
    # shows two single green pins.
    page.goto(mapped.url + "/admin/cases?status=resolved")  # type: ignore[attr-defined]
    _loaded(page)
    _shows(page, 2)
    assert page.inner_text(".casemap-text") == "ไม่มี"  # type: ignore[attr-defined]
    pins = page.locator(".casemap path.leaflet-interactive")  # type: ignore[attr-defined]
    assert [pins.nth(i).get_attribute("fill") for i in range(pins.count())] == [
        COLOURS["resolved"]
    ] * 2
    # Received: two in the village (a group of 2 at the scale that also shows the next
    # tambon) and one there alone. Its pin opens a popup whose link goes to the case.
    page.goto(mapped.url + "/admin/cases?status=received")  # type: ignore[attr-defined]
    _loaded(page)
    _shows(page, 3)
    assert page.locator(".casemap .casemap-cluster").all_inner_texts() == ["2"]  # type: ignore[attr-defined]
    single = page.locator(".casemap path.leaflet-interactive")  # type: ignore[attr-defined]
    assert single.count() == 1 and single.get_attribute("fill") == COLOURS["received"]
    single.click(force=True)
    popup = page.locator(".casemap-popup")  # type: ignore[attr-defined]
    popup.wait_for()
    assert "รับเรื่องแล้ว" in popup.inner_text()
    # Follow the popup's link by its address: a click can land while the popup still pans
    # the map into view (seen on a loaded machine), which is the browser's timing, not ours.
    href = popup.locator("a").get_attribute("href") or ""
    assert href.startswith("/admin/cases/25")
    page.goto(mapped.url + href)  # type: ignore[attr-defined]
    page.wait_for_selector("h1:has-text('เรื่องเลขที่')")  # type: ignore[attr-defined]
    pin = page.locator(".casemap.one path.leaflet-interactive")  # type: ignore[attr-defined]
    pin.wait_for()
    assert pin.get_attribute("fill") == COLOURS["received"]  # the case's status
    link = page.get_by_role("link", name="เปิดในแอปแผนที่")  # type: ignore[attr-defined]
    assert (link.get_attribute("href") or "").startswith("https://www.google.com/maps?q=14.")
    shot(page, "42-case-map-case-page")
    assert problems == []
    page.context.close()  # type: ignore[attr-defined]


def test_the_queue_map_on_a_phone_and_the_dashboard(mapped: Server, browser: object) -> None:
    page, problems = _open(browser, mapped, 390, 844)
    page.goto(mapped.url + "/admin/cases")  # type: ignore[attr-defined]
    _loaded(page)
    _shows(page, 12)
    box = page.locator(".casemap-map").bounding_box()  # type: ignore[attr-defined]
    assert box is not None and box["width"] <= 390 - 16  # inside the phone's width
    side = page.locator(".casemap-side").bounding_box()  # type: ignore[attr-defined]
    assert side is not None and side["y"] >= box["y"] + box["height"]  # under the map
    shot(page, "41-case-map-queue-phone")
    page.goto(mapped.url + "/admin/")  # type: ignore[attr-defined]
    _loaded(page)
    _shows(page, 12)
    shot(page, "43-case-map-dashboard-phone")
    assert problems == []
    page.context.close()  # type: ignore[attr-defined]
