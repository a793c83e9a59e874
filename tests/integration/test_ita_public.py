"""The year's evidence where the assessors look: the catalogue CLI, `report CODE`, the public
/ita pages and their figures, framing by the office's website, the pack, and the admin copy of
a year's catalogue. Clocks are frozen; figures are counted by hand in the comments."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from flask import Flask

from handlers.ita.catalogue import available_years, load
from tests.support.admin import add_user, audit_rows, client_for
from tests.support.cli import cli, invoke
from tests.support.clock import utc
from tests.support.complaints import file

SECRET = "ผู้ใหญ่บ้านเรียกเงินใต้โต๊ะ-ลับมาก"
REPORTER = "นายลับ ผู้แจ้ง"
PHONE = "0899999999"


def corruption(app: Flask, at: datetime, closed: datetime | None = None) -> str:
    changes = (("resolved", closed, "ตรวจสอบแล้ว"),) if closed else ()
    return file(
        app, "corruption", at, details=SECRET, changes=changes, contact=REPORTER, phone=PHONE
    )


@pytest.fixture
def office(make_app: Callable[..., Flask]) -> Flask:
    """Complaints of fiscal years 2566 and 2568 (Bangkok dates; UTC 03:00 = 10:00 in Bangkok)."""
    app = make_app(WTF_CSRF_ENABLED=False, OFFICE_NAME="องค์การบริหารส่วนตำบลบ่ออรั้ง")
    for shift in (0, 2):  # the same story in FY 2566 and, two years on, in FY 2568
        y = 2022 + shift
        # Corruption: received 10 Nov, closed 20 Nov (10 days: within 15).
        corruption(app, utc(y, 11, 10, 3), closed=utc(y, 11, 20, 3))
        # Corruption: received 1 Dec, closed 31 Dec (30 days).
        corruption(app, utc(y, 12, 1, 3), closed=utc(y, 12, 31, 3))
        # Corruption: received 1 Feb, still open.
        corruption(app, utc(y + 1, 2, 1, 3))
        # Corruption received 20 March, after the clock of the tests (15 March): left out.
        corruption(app, utc(y + 1, 3, 20, 3))
        # General: a road received 5 Dec, closed 12 Dec.
        file(app, "road", utc(y, 12, 5, 3), changes=(("resolved", utc(y, 12, 12, 3), "ซ่อมแล้ว"),))
    # Received 30 September 2022: the last day of FY 2565, outside FY 2566.
    corruption(app, utc(2022, 9, 30, 3))
    return app


def figures(app: Flask, year: int, code: str) -> dict[str, object]:
    r = app.test_client().get(f"/ita/{year}/{code}.json")
    assert r.status_code == 200, r.get_data(as_text=True)
    return dict(r.get_json())


@pytest.mark.parametrize(("year", "code"), [(2566, "o29"), (2568, "O19")])
def test_corruption_statistics_under_the_years_own_code(
    office: Flask, clock: Callable[[datetime], None], year: int, code: str
) -> None:
    clock(utc(year - 543, 3, 15, 5))  # 15 March of the fiscal year, Bangkok noon
    data = figures(office, year, code)
    # Three received 1 Oct – 15 Mar; the one of 30 Sep and the one of 20 Mar are outside.
    assert data["total"] == 3
    assert data["kind"] == "corruption_complaints"
    assert data["window"]["as_of"] == f"{year - 543}-03-15"  # type: ignore[index]
    assert set(data["by_category"]) == {"corruption"}  # type: ignore[arg-type]
    # Closed: 10 and 30 days; median 20. Within 15 days: 1 of 3 received.
    assert data["median_days_to_close"] == 20
    assert data["closed_within_15_days"]["count"] == 1  # type: ignore[index]
    page = office.test_client().get(f"/ita/{year}/{code}").get_data(as_text=True)
    assert "ข้อมูล ณ วันที่ 15 มีนาคม" in page and "องค์การบริหารส่วนตำบลบ่ออรั้ง" in page
    assert f"{code.upper()}" in page


def test_general_complaints_are_a_separate_report(
    office: Flask, clock: Callable[[datetime], None]
) -> None:
    clock(utc(2023, 3, 15, 5))
    data = figures(office, 2566, "complaints")
    assert data["total"] == 1 and "corruption" not in data["by_category"]  # type: ignore[operator]


def test_the_2564_numbering_has_corruption_statistics_at_o31(
    office: Flask, clock: Callable[[datetime], None]
) -> None:
    corruption(office, utc(2021, 1, 5, 3))
    clock(utc(2021, 6, 1, 3))
    assert figures(office, 2564, "o31")["total"] == 1
    assert office.test_client().get("/ita/2564/o29.json").status_code == 404 or (
        figures(office, 2564, "o29")["kind"] != "corruption_complaints"
    )


def test_no_page_of_corruption_statistics_shows_sealed_content(
    office: Flask, clock: Callable[[datetime], None]
) -> None:
    clock(utc(2026, 12, 3, 3))
    client = office.test_client()
    checked = 0
    for year in available_years():
        for item in load(year).by_kind("corruption_complaints"):
            for suffix in ("", ".json", ".html", ".docx", ".xlsx"):
                r = client.get(f"/ita/{year}/{item.code}{suffix}")
                assert r.status_code == 200, (year, item.code, suffix)
                body = _text(r.data, suffix)
                for secret in (SECRET, REPORTER, PHONE):
                    assert secret not in body, (year, item.code, suffix)
                checked += 1
    assert checked >= 5 * 4  # 2564, 2565, 2566, 2568 (2567 has no such item confirmed)


def _text(data: bytes, suffix: str) -> str:
    if suffix in (".docx", ".xlsx"):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    return data.decode("utf-8")


def test_the_pages_list_the_years_and_the_items(
    office: Flask, clock: Callable[[datetime], None]
) -> None:
    clock(utc(2026, 12, 3, 3))
    client = office.test_client()
    years = client.get("/ita").get_data(as_text=True)
    for year in (2564, 2566, 2568, 2570):
        assert f'href="/ita/{year}"' in years
    page = client.get("/ita/2566").get_data(as_text=True)
    assert 'href="/ita/2566/o29"' in page and 'href="/ita/2566/o43"' in page
    # o1 (structure) is the office's own page: listed, not linked.
    assert "O1" in page and 'href="/ita/2566/o1"' not in page
    # 2570 has no file: the 2568 list is used, and the page says so.
    assert "ใช้ตามบัญชีรายการปี 2568" in client.get("/ita/2570").get_data(as_text=True)
    assert client.get("/ita/2566/o1").status_code == 404
    assert client.get("/ita/2566/o99").status_code == 404
    assert client.get("/ita/1999").status_code == 404
    assert client.get("/ita/2563").status_code == 404  # before the first catalogue


def test_the_office_website_may_frame_the_pages(make_app: Callable[..., Flask]) -> None:
    closed = make_app().test_client().get("/ita")
    assert "frame-ancestors 'none'" in closed.headers["Content-Security-Policy"]
    assert closed.headers["X-Frame-Options"] == "DENY"
    app = make_app(EMBED_ORIGINS="https://www.borang.go.th")
    r = app.test_client().get("/ita")
    assert "frame-ancestors 'self' https://www.borang.go.th" in r.headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in r.headers
    # Only the evidence pages: the complaint form stays unframeable.
    assert app.test_client().get("/complaint").headers["X-Frame-Options"] == "DENY"


def test_catalogue_cli_prints_the_year_and_says_when_it_falls_back(app: Flask) -> None:
    data = json.loads(cli(app, "ita", "catalogue", "--year", "2566", "--json"))
    assert (data["year"], data["based_on"]) == (2566, 2566)
    o29 = next(i for i in data["items"] if i["code"] == "o29")
    assert o29["kind"] == "corruption_complaints" and "สถิติเรื่องร้องเรียนการทุจริต" in o29["title"]
    later = json.loads(cli(app, "ita", "catalogue", "--year", "2570", "--json"))
    assert (later["year"], later["based_on"]) == (2570, 2568)
    assert "ใช้บัญชีปี 2568 แทน" in cli(app, "ita", "catalogue", "--year", "2570")


def test_report_takes_the_years_code(
    office: Flask, clock: Callable[[datetime], None], tmp_path: Path
) -> None:
    clock(utc(2025, 3, 15, 5))
    out = tmp_path / "o19.html"
    said = cli(office, "report", "O19", "--year", "2568", "--out", str(out))
    html = out.read_text(encoding="utf-8")
    assert "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ" in html
    assert "ข้อมูล ณ วันที่ 15 มีนาคม 2568" in html and "15 มีนาคม 2568" in said
    wrong = invoke(office, "report", "o29", "--year", "2568", "--out", str(tmp_path / "x.html"))
    assert wrong.exit_code == 2 and "ไม่พบรายการ o29" in wrong.output


def test_the_pack_holds_every_item_with_an_index(
    office: Flask, clock: Callable[[datetime], None], tmp_path: Path
) -> None:
    clock(utc(2023, 3, 15, 5))
    out = tmp_path / "ita-2566.zip"
    said = cli(office, "ita", "pack", "--year", "2566", "--out", str(out))
    names = set(zipfile.ZipFile(out).namelist())
    assert {
        "index.html",
        "o29-2566.html",
        "o29-2566.docx",
        "o29-2566.xlsx",
        "o43-2566.docx",
    } <= names
    index = zipfile.ZipFile(out).read("index.html").decode("utf-8")
    assert 'href="o29-2566.docx"' in index
    # Service statistics have no data source yet: listed as left out, never faked.
    assert "o33" in said and "o33-2566.html" not in names and "o16-2566.html" in names


def test_an_admin_copies_a_year_and_edits_it_audited(make_app: Callable[..., Flask]) -> None:
    app = make_app(WTF_CSRF_ENABLED=False)
    admin = client_for(app, "admin")
    r = admin.post("/admin/ita/copy", data={"source": "2566", "target": "2567"})
    assert r.status_code == 302
    r = admin.post(
        "/admin/ita/2567/items/o29",
        data={
            "code": "o29",
            "title": "สถิติเรื่องร้องเรียนการทุจริต",
            "kind": "corruption_complaints",
            "window": "previous_fy",
        },
    )
    assert r.status_code == 302
    data = json.loads(cli(app, "ita", "catalogue", "--year", "2567", "--json"))
    assert data["source"] == "office" and data["based_on"] == 2566
    o29 = next(i for i in data["items"] if i["code"] == "o29")
    assert (o29["title"], o29["window"]) == ("สถิติเรื่องร้องเรียนการทุจริต", "previous_fy")
    actions = {(a, t): d for _, a, t, d in audit_rows(app)}
    assert "2566" in actions[("ita.copy", "2567")]
    assert "ช่วงข้อมูล: first_half_current_fy → previous_fy" in actions[("ita.edit", "2567 o29")]
    # A bad code is refused with a Thai message, and nothing changes.
    bad = admin.post(
        "/admin/ita/2567/items/o29",
        data={"code": "zz", "title": "x", "kind": "", "window": "none"},
        follow_redirects=True,
    )
    assert "รหัสต้องเป็นรูปแบบ" in bad.get_data(as_text=True)
    none = admin.post(
        "/admin/ita/copy", data={"source": "2550", "target": "2567"}, follow_redirects=True
    )
    assert "ไม่มีบัญชีรายการ ITA ของปี 2550" in none.get_data(as_text=True)
    add_user(app, "boss", "executive")
    assert client_for(app, "boss").post("/admin/ita/2567/reset").status_code == 403


def test_the_public_pages_are_limited_per_address(make_app: Callable[..., Flask]) -> None:
    app = make_app(RATELIMIT_ENABLED=True, RATE_LIMIT_EVIDENCE="2/minute")
    client = app.test_client()
    assert [client.get("/ita").status_code for _ in range(3)] == [200, 200, 429]
    assert client.get("/complaint").status_code == 200  # the citizen forms are not affected


def test_o43_shows_the_staff_photo_evidence_and_nothing_else(
    make_app: Callable[..., Flask], clock: Callable[[datetime], None]
) -> None:
    from bot.db import new_session
    from bot.db.store import SqlStore
    from handlers.measures.domain import Measure, ProgressUpdate
    from handlers.measures.usecases import record_progress

    app = make_app()
    uploads = Path(app.config["UPLOAD_FOLDER"])
    uploads.mkdir(parents=True, exist_ok=True)
    (uploads / "training.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    (uploads / "citizen-complaint.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x01" * 100)
    with new_session(app) as s:
        store = SqlStore(s)
        mid = store.measures.save_measure(Measure(2566, 1, "อบรมเจ้าหน้าที่เรื่องผลประโยชน์ทับซ้อน"))
        update = ProgressUpdate(
            measure_id=mid,
            percent=100,
            done="จัดอบรมแล้ว 45 คน",
            created_at=utc(2023, 2, 1, 3),
            photos=["training.jpg"],
        )
        record_progress(store.measures, update)
        store.commit()
    clock(utc(2023, 3, 15, 5))
    client = app.test_client()
    page = client.get("/ita/2566/o43").get_data(as_text=True)
    assert 'src="/ita/2566/o43/photos/training.jpg"' in page
    photo = client.get("/ita/2566/o43/photos/training.jpg")
    assert photo.status_code == 200 and photo.data.startswith(b"\xff\xd8")
    # Only the evidence's own photos: a citizen's upload beside it is not served.
    assert client.get("/ita/2566/o43/photos/citizen-complaint.jpg").status_code == 404
    assert client.get("/ita/2566/o43/photos/..%2Fsecret_key").status_code == 404
