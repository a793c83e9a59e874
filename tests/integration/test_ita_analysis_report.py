"""`flask report analysis --year Y --out F` (HTML, DOCX, XLSX): per issue the scored items
with this year's and last year's score, the admin's paragraph, then the limitations."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from flask import Flask
from openpyxl import load_workbook

from bot.db import new_session
from bot.db.ita.scores_store import LIMITATIONS, save_text
from tests.support.cli import cli, invoke

AT = datetime(2024, 10, 5, tzinfo=UTC)


def setup_year(app: Flask, tmp_path: Path) -> None:
    last = tmp_path / "2566.txt"
    last.write_text("e10 97.67\no30 100\n", encoding="utf-8")
    this = tmp_path / "2567.txt"
    this.write_text("e10 88.29\no30 0\ni1 100\n", encoding="utf-8")
    cli(app, "ita", "import-scores", str(last), "--year", "2566")
    cli(app, "ita", "import-scores", str(this), "--year", "2567")
    with new_session(app) as s:
        save_text(
            s, 2567, 2, "การเปิดโอกาสให้เกิดการมีส่วนร่วมได้ 0 คะแนน ต้องปรับปรุงโดยเร่งด่วน", AT, "admin"
        )
        save_text(s, 2567, LIMITATIONS, "ความไม่เพียงพอของบุคลากร", AT, "admin")
        s.commit()


def test_html_has_each_issue_its_scores_the_paragraph_and_limitations(
    app: Flask, tmp_path: Path
) -> None:
    setup_year(app, tmp_path)
    out = tmp_path / "a.html"
    said = cli(app, "report", "analysis", "--year", "2567", "--out", str(out))
    assert "พ.ศ. 2567 (ข้อมูล ณ วันที่" in said and said.count("2567") == 2  # title + as-of
    html = out.read_text(encoding="utf-8")
    assert (
        "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ"
        " ประจำปีงบประมาณ พ.ศ. 2567" in html
    )
    # Issues with a scored item or a paragraph: 1 (i1), 2 (i1, o30), 3 and 7 (e10).
    for heading in ("ประเด็นที่ 1 ", "ประเด็นที่ 2 ", "ประเด็นที่ 3 ", "ประเด็นที่ 7 "):
        assert heading in html
    assert "ประเด็นที่ 4 " not in html  # nothing scored, nothing written: left out
    assert "0.00 ▲" in html and "88.29" in html and "97.67" in html
    assert "คะแนนปี 2566" in html
    assert "การเปิดโอกาสให้เกิดการมีส่วนร่วมได้ 0 คะแนน ต้องปรับปรุงโดยเร่งด่วน" in html
    assert html.index("ต้องปรับปรุงโดยเร่งด่วน") < html.index("ประเด็นที่ 3 ")
    assert html.index("ความไม่เพียงพอของบุคลากร") > html.index("ประเด็นที่ 7 ")
    assert "1 ตุลาคม 2566" in html  # the whole fiscal year 2567


def test_docx_and_xlsx(app: Flask, tmp_path: Path) -> None:
    setup_year(app, tmp_path)
    docx_path = tmp_path / "a.docx"
    cli(app, "report", "analysis", "--year", "2567", "--out", str(docx_path))
    doc = Document(str(docx_path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "o30 การเปิดโอกาสให้เกิดการมีส่วนร่วม" in cells and "0.00 ▲" in cells
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "ความไม่เพียงพอของบุคลากร" in text
    xlsx_path = tmp_path / "a.xlsx"
    cli(app, "report", "analysis", "--year", "2567", "--out", str(xlsx_path))
    wb = load_workbook(xlsx_path)
    values = [
        str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if v
    ]
    assert "e10 " + "หน่วยงานมีช่องทางที่ท่านสามารถแจ้ง" in " ".join(values)
    assert "88.29" in values and "97.67" in values


def test_a_year_without_scores_says_so(app: Flask, tmp_path: Path) -> None:
    out = tmp_path / "a.html"
    cli(app, "report", "analysis", "--year", "2566", "--out", str(out))
    assert "ยังไม่มีคะแนน ITA ของปีงบประมาณ พ.ศ. 2566" in out.read_text(encoding="utf-8")
    # 2565 has its own issue grouping now (issues/2565.csv): no scores is all it lacks.
    cli(app, "report", "analysis", "--year", "2565", "--out", str(out))
    assert "ยังไม่มีคะแนน ITA ของปีงบประมาณ พ.ศ. 2565" in out.read_text(encoding="utf-8")
    # A year with no catalogue (2563) is refused before any grouping is looked for.
    assert invoke(app, "report", "analysis", "--year", "2563", "--out", str(out)).exit_code == 2
