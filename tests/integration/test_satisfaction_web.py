"""The web satisfaction form, the admin's services and QR posters, summary and o16/o17."""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from docx import Document
from flask import Flask
from flask.testing import FlaskClient
from openpyxl import load_workbook

from bot.db import new_session
from bot.db.store import SqlStore
from handlers import privacy
from handlers.satisfaction.model import Kind, Rating
from handlers.shared import Channel
from tests.support.cli import report
from tests.support.stored import satisfaction_rows

# Five top scores and the ticked privacy acknowledgement: a complete, valid form.
ALL_FIVE = {
    **{f"dim_{d}": "5" for d in ("process", "staff", "facilities", "quality", "overall")},
    "privacy_ack": "y",
}


def submit(client: FlaskClient, ip: str = "10.0.0.1", **fields: str):  # type: ignore[no-untyped-def]
    return client.post(
        "/feedback",
        data={"service": "reg", **ALL_FIVE, **fields},
        environ_base={"REMOTE_ADDR": ip},
    )


def test_qr_link_preselects_the_service_and_a_rating_is_kept(web: Flask) -> None:
    client = web.test_client()
    page = client.get("/feedback?service=tax").get_data(as_text=True)
    assert 'id="service-name">งานจัดเก็บภาษี<' in page
    assert page.count('type="radio"') == 25  # five dimensions × five scores
    assert "5 มากที่สุด" in page or "มากที่สุด" in page
    r = client.post(
        "/feedback?service=tax",
        data={
            "service": "tax",
            **ALL_FIVE,
            "dim_facilities": "2",
            "comment": "ที่จอดรถน้อย",
            "gender": "หญิง",
            "age_band": "30–39 ปี",
            "occupation": "ค้าขาย/ธุรกิจส่วนตัว",
        },
    )
    assert r.status_code == 302 and "/feedback/thanks?service=tax" in r.headers["Location"]
    thanks = client.get(r.headers["Location"]).get_data(as_text=True)
    assert "ขอบคุณ" in thanks and "งานจัดเก็บภาษี" in thanks
    [row] = satisfaction_rows(web)
    assert row.channel == "web" and row.service_code == "tax" and row.scores["facilities"] == 2
    assert (row.comment, row.gender, row.age_band) == ("ที่จอดรถน้อย", "หญิง", "30–39 ปี")
    assert row.respondent_key and "10.0.0.1" not in row.respondent_key
    with new_session(web) as s:
        assert SqlStore(s).has_privacy_ack(f"web-rating:{row.id}", privacy.VERSION)


def test_missing_answers_get_thai_messages_and_nothing_typed_is_lost(web: Flask) -> None:
    client = web.test_client()
    r = client.post("/feedback", data={"dim_process": "4", "comment": "บริการดี"})
    page = r.get_data(as_text=True)
    assert r.status_code == 400
    assert "กรุณาเลือกงานบริการที่ได้รับ" in page
    assert "กรุณาให้คะแนนข้อ 2 “เจ้าหน้าที่ผู้ให้บริการ”" in page
    assert re.search(r'checked[^>]*value="4"|value="4"[^>]*checked', page)  # kept
    assert "บริการดี" in page
    r = client.post("/feedback", data={"service": "reg", **ALL_FIVE, "dim_staff": "9"})
    assert r.status_code == 400 and "กรุณาเลือกคะแนน 1–5" in r.get_data(as_text=True)
    r = client.post("/feedback", data={"service": "reg", **ALL_FIVE, "gender": "แมว"})
    assert r.status_code == 400 and "กรุณาเลือกจากรายการ" in r.get_data(as_text=True)
    unticked = {k: v for k, v in ALL_FIVE.items() if k != "privacy_ack"}
    r = client.post("/feedback", data={"service": "reg", **unticked})
    assert r.status_code == 400
    assert "กรุณาอ่านและยอมรับประกาศความเป็นส่วนตัวก่อนส่งแบบประเมิน" in r.get_data(as_text=True)
    assert satisfaction_rows(web) == []


def test_unknown_service_code_shows_the_list(web: Flask) -> None:
    r = web.test_client().get("/feedback?service=nope")
    assert r.status_code == 404
    page = r.get_data(as_text=True)
    assert "ไม่พบงานบริการตามลิงก์นี้" in page and "งานทะเบียนราษฎร" in page


def test_same_browser_once_a_day_per_service_and_a_cap_per_address(
    web: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = web.test_client()
    assert submit(client).status_code == 302
    again = submit(client)
    # Not an error: a thank-you saying the first rating is kept.
    text = again.get_data(as_text=True)
    assert again.status_code == 200 and "ประเมินงานบริการ" in text and "ไว้แล้ววันนี้" in text
    assert 'id="already"' in text and 'role="alert"' not in text
    assert submit(client, service="tax").status_code == 302  # another service is fine
    web.config["RATINGS_PER_ADDRESS_DAILY"] = 3
    for _ in range(2):  # other phones behind the same address
        assert submit(web.test_client()).status_code == 302
    capped = submit(web.test_client())
    assert capped.status_code == 400 and "ครบจำนวนของวันนี้" in capped.get_data(as_text=True)
    assert submit(web.test_client(), ip="10.0.0.2").status_code == 302
    assert len(satisfaction_rows(web)) == 5


def test_the_form_needs_its_csrf_token(app: Flask) -> None:
    r = app.test_client().post("/feedback", data={"service": "reg", **ALL_FIVE})
    assert r.status_code == 400 and satisfaction_rows(app) == []


def test_landing_page_links_the_form(client: FlaskClient) -> None:
    assert 'href="/feedback"' in client.get("/").get_data(as_text=True)


# --- admin ------------------------------------------------------------------------------


def test_services_page_edit_add_and_import(admin: FlaskClient, web: Flask) -> None:
    page = admin.get("/admin/services").get_data(as_text=True)
    assert "งานขออนุญาตก่อสร้าง" in page and "งานบริการและความพึงพอใจ" in page
    r = admin.post(
        "/admin/services/save",
        data={"code": "reg", "name": "งานทะเบียนราษฎรและบัตร", "unit": "สำนักปลัด", "active": "1"},
        follow_redirects=True,
    )
    assert "บันทึกงานบริการ งานทะเบียนราษฎรและบัตร แล้ว" in r.get_data(as_text=True)
    admin.post("/admin/services/save", data={"code": "water", "name": "งานประปา", "unit": ""})
    r = admin.post(
        "/admin/services/save",
        data={"new": "1", "code": "Bad Code", "name": "x"},
        follow_redirects=True,
    )
    assert "รหัสบริการ “bad code” ไม่ถูกต้อง" in r.get_data(as_text=True)
    csv = "code,name,unit\nmarket,งานตลาดสด,กองสาธารณสุขและสิ่งแวดล้อม\n".encode()
    r = admin.post(
        "/admin/services/import",
        data={"file": (io.BytesIO(csv), "s.csv")},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert "นำเข้างานบริการ 1 รายการแล้ว" in r.get_data(as_text=True)
    bad = "code,name\n,ไม่มีรหัส\n".encode()
    r = admin.post(
        "/admin/services/import",
        data={"file": (io.BytesIO(bad), "s.csv")},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert "ยังไม่ได้นำเข้า: บรรทัด 2" in r.get_data(as_text=True)
    form = web.test_client().get("/feedback").get_data(as_text=True)
    assert "งานตลาดสด" in form and "งานทะเบียนราษฎรและบัตร" in form
    assert ">งานประปา<" not in form  # switched off


def test_qr_png_and_poster_point_at_the_service_form(admin: FlaskClient) -> None:
    from PIL import Image

    r = admin.get("/admin/services/build/qr.png")
    assert r.status_code == 200 and r.mimetype == "image/png"
    image = Image.open(io.BytesIO(r.data))
    assert image.size[0] >= 300
    # No public address yet: the poster says so instead of printing a code that cannot work.
    poster = admin.get("/admin/services/build/poster").get_data(as_text=True)
    assert "ยังพิมพ์โปสเตอร์นี้ไม่ได้" in poster and 'id="qr"' not in poster
    assert admin.get("/admin/services/build/qr.png?download=1").status_code == 409
    sample = admin.get("/admin/services/build/poster?preview=1").get_data(as_text=True)
    assert "ตัวอย่างสำหรับทดลองเท่านั้น" in sample and 'id="qr"' in sample
    assert "http://localhost/feedback?service=build" in sample
    admin.post("/admin/settings", data={"public_base_url": "https://prongsai.nongree.go.th"})
    poster = admin.get("/admin/services/build/poster").get_data(as_text=True)
    assert "งานขออนุญาตก่อสร้าง" in poster and 'id="qr"' in poster
    assert "https://prongsai.nongree.go.th/feedback?service=build" in poster
    assert "ยังพิมพ์โปสเตอร์" not in poster and "ตัวอย่างสำหรับทดลอง" not in poster
    assert admin.get("/admin/services/build/qr.png?download=1").status_code == 200
    assert admin.get("/admin/services/nope/poster").status_code == 404


def test_services_page_is_closed_to_citizens_and_staff(web: Flask) -> None:
    assert web.test_client().get("/admin/services").status_code == 302
    assert web.test_client().get("/admin/services/reg/qr.png").status_code == 302


# --- figures and reports --------------------------------------------------------------------


def seed(app: Flask) -> None:
    """The unit tests' fixed data set, FY 2568 (see tests/unit/test_satisfaction_stats.py)."""
    dims = ("process", "staff", "facilities", "quality", "overall")
    data = [
        (
            "reg",
            (5, 5, 4, 4, 5),
            datetime(2024, 9, 30, 17, 30, tzinfo=UTC),
            "หญิง",
            "ต้องการที่นั่งรอเพิ่ม",
        ),
        ("reg", (4, 4, 3, 4, 4), datetime(2024, 11, 5, 3, 0, tzinfo=UTC), "ชาย", ""),
        ("reg", (3, 5, 2, 4, 4), datetime(2025, 2, 10, 3, 0, tzinfo=UTC), "หญิง", ""),
        ("reg", (5, 4, 3, 3, 5), datetime(2025, 4, 1, 3, 0, tzinfo=UTC), "", ""),
        ("tax", (2, 2, 2, 2, 2), datetime(2024, 12, 31, 16, 59, tzinfo=UTC), "", ""),
        ("reg", (1, 1, 1, 1, 1), datetime(2024, 9, 30, 16, 59, tzinfo=UTC), "", ""),  # FY 2567
    ]
    with new_session(app) as s:
        part = SqlStore(s).satisfaction
        for code, scores, at, gender, comment in data:
            part.add_rating(
                Rating(
                    Kind.SERVICE,
                    dict(zip(dims, scores, strict=True)),
                    Channel.WEB,
                    at,
                    service_code=code,
                    gender=gender,
                    comment=comment,
                )
            )
        for score, at in (
            (5, datetime(2024, 12, 1, tzinfo=UTC)),
            (3, datetime(2025, 1, 1, tzinfo=UTC)),
            (4, datetime(2025, 5, 1, tzinfo=UTC)),
        ):
            part.add_rating(
                Rating(
                    Kind.COMPLAINT,
                    {"handling": score},
                    Channel.LINE,
                    at,
                    case_number=f"2568-00000{score}",
                )
            )
        s.commit()


def test_summary_json_has_the_satisfaction_section(web: Flask) -> None:
    seed(web)
    out = web.test_cli_runner().invoke(args=["summary", "--json", "--year", "2568"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)["satisfaction"]
    assert (data["responses"], data["mean"], data["percent_satisfied"]) == (5, 3.6, 60.0)
    assert data["by_service"]["reg"]["mean"] == 4.0
    assert data["by_service"]["tax"]["percent_satisfied"] == 0.0
    assert data["by_service"]["build"]["responses"] == 0


def test_o17_read_back_in_each_format(web: Flask, tmp_path: Path) -> None:
    seed(web)
    report(web, "satisfaction", 2568, tmp_path / "o17.html")
    html = (tmp_path / "o17.html").read_text()
    assert "รายงานผลการสำรวจความพึงพอใจการให้บริการ ประจำปีงบประมาณ พ.ศ. 2568" in html
    row = re.search(r"<tr><td>งานทะเบียนราษฎร</td>(.*?)</tr>", html).group(1)  # type: ignore[union-attr]
    assert re.findall(r"<td>([^<]*)</td>", row) == ["4", "4.00", "0.86", "75.0", "มาก"]
    assert (
        "<td>ขั้นตอนและระยะเวลา</td><td>4</td><td>4.25</td><td>0.96</td><td>75.0</td><td>มากที่สุด</td>"
        in html
    )
    assert "ต้องการที่นั่งรอเพิ่ม" in html
    assert html.count("data:image/png;base64,") == 3  # all services, reg, tax
    report(web, "satisfaction", 2568, tmp_path / "o17.docx")
    doc = Document(str(tmp_path / "o17.docx"))
    cells = [[c.text for c in r.cells] for t in doc.tables for r in t.rows]
    assert ["งานทะเบียนราษฎร", "4", "4.00", "0.86", "75.0", "มาก"] in cells
    assert ["ภาพรวมทุกงานบริการ", "5", "3.60", "1.12", "60.0", "มาก"]  # SD² = 30/24 in cells
    assert len(doc.inline_shapes) == 3
    assert doc.styles["Normal"].font.name == "TH SarabunPSK"
    report(web, "satisfaction", 2568, tmp_path / "o17.xlsx")
    wb = load_workbook(tmp_path / "o17.xlsx")
    rows = [r for ws in wb.worksheets for r in ws.iter_rows()]
    tax = next(r for r in rows if r[0].value == "งานจัดเก็บภาษี")
    # Figures are numbers a spreadsheet can add up, shown as the report writes them.
    assert [c.value for c in tax[:6]] == ["งานจัดเก็บภาษี", 1, 2, 0, 0, "น้อย"]
    assert [c.number_format for c in tax[1:5]] == ["#,##0", "#,##0.00", "#,##0.00", "#,##0.0"]
    assert len(wb["แผนภูมิ"]._images) == 3


def test_reports_are_downloadable_by_admins(admin: FlaskClient, web: Flask) -> None:
    seed(web)
    r = admin.get("/admin/reports/satisfaction.docx?year=2568")
    assert r.status_code == 200 and r.data[:2] == b"PK"
    assert "satisfaction-2568.docx" in r.headers["Content-Disposition"]
    page = admin.get("/admin/reports?year=2566").get_data(as_text=True)
    # Labelled by the year's own code (o17 in ITA 2566).
    assert "O17 รายงานผลการสำรวจความพึงพอใจการให้บริการ" in page
    assert "/admin/reports/o17.docx?year=2566" in page
