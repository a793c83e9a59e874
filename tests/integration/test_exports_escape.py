"""Text a citizen or an office typed is shown and exported as text: escaped in every page,
never a formula in a workbook, literal in Word; uploaded photo names never reach a path."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from flask import Flask
from openpyxl import load_workbook

from bot.db import new_session
from bot.db.complaints.tables import ComplaintRow
from handlers.clock import local_date, utcnow
from handlers.thai.dates import fiscal_year
from tests.support.admin import client_for
from tests.support.cli import report
from tests.support.complaints import JPEG

SCRIPT = "<script>alert(1)</script>"
FORMULAS = ['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(A1)"]
NASTY = f"น้ำท่วมขัง {SCRIPT} {' '.join(FORMULAS)}"


def file_on_the_web(app: Flask, **extra: object) -> tuple[str, str]:
    client = app.test_client()
    r = client.post(
        "/complaint",
        data={
            "category": "water",
            "details": NASTY,
            "location": FORMULAS[0],
            "contact_name": "=cmd|' /C calc'!A0",
            "privacy_ack": "y",
            **extra,
        },
        content_type="multipart/form-data",
    )
    assert r.status_code == 302, r.get_data(as_text=True)
    page = client.get("/complaint/received").get_data(as_text=True)
    case = re.search(r"\d{2,4}/\d{4,}|[A-Z]*\d+[-/]\d+", page)
    with new_session(app) as s:
        row = s.query(ComplaintRow).order_by(ComplaintRow.id.desc()).first()
        assert row is not None
        return row.case_number, page if case else page


def unescaped(page: str) -> bool:
    return SCRIPT in page


def cell_texts(data: bytes) -> list[tuple[str, object]]:
    wb = load_workbook(io.BytesIO(data))
    return [(c.data_type, c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row]


def check_xlsx(data: bytes, texts: list[str]) -> None:
    cells = cell_texts(data)
    for text in texts:
        hits = [(t, v) for t, v in cells if isinstance(v, str) and text in v]
        assert hits, text
        assert all(t == "s" for t, _ in hits)  # a string cell, never a formula
    assert not any(t == "f" for t, _ in cells)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert "<f>" not in z.read(name).decode() and "<f " not in z.read(name).decode()


def check_docx(data: bytes, texts: list[str]) -> None:
    doc = Document(io.BytesIO(data))
    words = "\n".join(p.text for p in doc.paragraphs)
    words += "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    for text in texts:
        assert text in words, text


def test_typed_script_and_formulas_stay_text_in_pages_and_exports(
    web: Flask, tmp_path: Path
) -> None:
    fy = fiscal_year(local_date(utcnow()))
    case, received = file_on_the_web(web)
    assert not unescaped(received)
    # A satisfaction comment with the same text.
    r = web.test_client().post(
        "/feedback",
        data={
            "service": "reg",
            **{f"dim_{d}": "4" for d in ("process", "staff", "facilities", "quality", "overall")},
            "comment": NASTY,
            "privacy_ack": "y",
        },
    )
    assert r.status_code == 302
    # A measure whose text carries the same.
    measures = tmp_path / "measures.csv"
    with measures.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(
            [
                ["ลำดับ", "มาตรการ/แนวทาง", "ผู้รับผิดชอบ", "ระยะเวลา"],
                ["1", f"มาตรการ {SCRIPT} {FORMULAS[0]}", "=SUM(A1)", "ต.ค. - ก.ย."],
                ["2", "+1 ประชุมชี้แจง", "@SUM(A1)", "-2"],
            ]
        )
    r = web.test_cli_runner().invoke(args=["import-measures", str(measures), "--year", str(fy)])
    assert r.exit_code == 0, r.output

    admin = client_for(web, "admin")
    for url in (
        f"/admin/cases/{case}",
        "/admin/cases",
        "/admin/",
        f"/admin/measures?year={fy}",
    ):
        r = admin.get(url)
        assert r.status_code == 200, url
        page = r.get_data(as_text=True)
        assert not unescaped(page), url
    case_page = admin.get(f"/admin/cases/{case}").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in case_page
    # The track page shows the details back to the citizen, escaped.
    code = re.search(r'id="code"[^>]*>([^<]+)<', received) or re.search(
        r"รหัสติดตาม[^0-9A-Za-z]*([0-9A-Za-z]{4,})", received
    )
    if code:
        r = web.test_client().post("/track", data={"case_number": case, "code": code.group(1)})
        assert not unescaped(r.get_data(as_text=True))

    # o17 carries the comments, o43 the measures: escaped HTML, text-only cells, literal Word.
    for kind, texts in (
        ("satisfaction", [NASTY]),
        # The import drops markup from a measure by design; the formula text stays as typed.
        ("measure_results", [f"มาตรการ alert(1) {FORMULAS[0]}", "+1 ประชุมชี้แจง", "=SUM(A1)"]),
    ):
        html = report(web, kind, fy, tmp_path / f"{kind}.html").decode()
        assert not unescaped(html), kind
        if kind == "satisfaction":
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        check_xlsx(report(web, kind, fy, tmp_path / f"{kind}.xlsx"), texts)
        check_docx(report(web, kind, fy, tmp_path / f"{kind}.docx"), texts)


def test_formula_text_in_an_xlsx_report_cell_is_stored_as_text() -> None:
    from bot.reports import render
    from handlers.reports.model import Report, Table

    table = Table(columns=("ข้อความ",), rows=[(f,) for f in FORMULAS])  # type: ignore[call-arg]
    data = render(Report(kind="t", title="=1+1", subtitle="@x", tables=[table]), "xlsx")  # type: ignore[call-arg]
    check_xlsx(data, [*FORMULAS, "=1+1", "@x"])


# --- photos ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["../../etc/passwd.jpg", "..\\x.png", "/tmp/abs.jpg"])
def test_an_uploaded_photo_is_kept_under_a_random_name_inside_the_upload_folder(
    web: Flask, name: str
) -> None:
    folder = Path(web.config["UPLOAD_FOLDER"])
    file_on_the_web(web, photos=(io.BytesIO(JPEG), name))
    with new_session(web) as s:
        row = s.query(ComplaintRow).one()
        [stored] = row.photos
    assert re.fullmatch(r"[0-9a-f]{32}\.jpg", stored)
    assert (folder / stored).read_bytes() == JPEG
    every = [p for p in folder.parent.rglob("*") if p.is_file() and p.read_bytes() == JPEG]
    assert every == [folder / stored]  # nothing written outside the folder


@pytest.mark.parametrize("bad", ["../secret.jpg", "..\\secret.jpg", "sub/secret.jpg"])
def test_the_admin_photo_route_refuses_names_with_path_parts(web: Flask, bad: str) -> None:
    folder = Path(web.config["UPLOAD_FOLDER"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder.parent / "secret.jpg").write_bytes(JPEG)
    (folder / "sub").mkdir(exist_ok=True)
    (folder / "sub" / "secret.jpg").write_bytes(JPEG)
    (folder / "..\\secret.jpg").write_bytes(JPEG)
    case, _ = file_on_the_web(web)
    with new_session(web) as s:
        row = s.query(ComplaintRow).filter_by(case_number=case).one()
        row.photos = [bad]
        s.commit()
    r = client_for(web, "admin").get(f"/admin/cases/{case}/photo/0")
    assert r.status_code == 404 and r.data != JPEG
