"""`flask ita import-scores`, `ita analyse --json` and `ita scores-template` on a database."""

from __future__ import annotations

import json
from pathlib import Path

from flask import Flask
from openpyxl import Workbook, load_workbook

from tests.support.cli import cli, invoke


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def analysis(app: Flask, *args: str) -> dict:
    return json.loads(cli(app, "ita", "analyse", "--year", "2566", "--json", *args))


def flagged(result: dict) -> dict[int, list[str]]:
    return {
        i["no"]: [x["code"] for x in i["items"] if x["flagged"]]
        for i in result["issues"]
        if any(x["flagged"] for x in i["items"])
    }


def test_pasted_text_file_is_imported_and_analysed(app: Flask, tmp_path: Path) -> None:
    # Seed 004's weak points: e10 88.29 (issues 3 and 7), o30/o42/o43 scored 0.
    f = tmp_path / "scores.txt"
    f.write_text("e10 ๘๘.๒๙\ne14 = 93.29\no30\t0\nO42 0\n๐๔๓ 0\ni1 100\n", encoding="utf-8")
    out = cli(app, "ita", "import-scores", str(f), "--year", "2566")
    assert "บันทึกคะแนน ITA ปี 2566 แล้ว 6 ข้อ" in out

    result = analysis(app)
    assert result["year"] == 2566 and result["threshold"] == 85.0
    assert [i["no"] for i in result["issues"]] == [1, 2, 3, 4, 5, 6, 7]
    assert result["issues"][2]["title"] == "ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ"
    assert flagged(result) == {2: ["o30"], 7: ["o42", "o43"]}
    e10 = next(x for x in result["issues"][2]["items"] if x["code"] == "e10")
    assert e10["score"] == 88.29 and e10["flagged"] is False
    # Issue 7's suggestions come from the seeds' measure library, those answering o42/o43 first.
    seven = result["issues"][6]["suggestions"]
    assert seven and set(seven[0]["for"]) >= {"o42", "o43"}
    assert all(s["title"] and s["steps"] for s in seven)
    assert result["issues"][0]["suggestions"] == []  # issue 1 has nothing flagged

    assert flagged(analysis(app, "--threshold", "90")) == {
        2: ["o30"],
        3: ["e10"],
        7: ["e10", "o42", "o43"],
    }


def test_reimport_replaces_the_year_and_last_year_is_compared(app: Flask, tmp_path: Path) -> None:
    first = write_xlsx(tmp_path / "a.xlsx", [["code", "score"], ["e10", 97.67], ["e9", 86.93]])
    cli(app, "ita", "import-scores", str(first), "--year", "2566")
    second = tmp_path / "b.csv"
    second.write_text("code,score\ne10,88.29\n", encoding="utf-8")
    cli(app, "ita", "import-scores", str(second), "--year", "2566")
    # 2563 has neither a catalogue nor an issue grouping: its codes are unknown, not guessed.
    r = invoke(app, "ita", "import-scores", str(first), "--year", "2563")
    assert r.exit_code == 2 and "e10 (บรรทัด 2), e9 (บรรทัด 3)" in r.output

    items = {x["code"]: x for i in analysis(app)["issues"] for x in i["items"]}
    assert items["e10"]["score"] == 88.29
    assert items["e9"]["score"] is None  # replaced: the second file has no e9
    assert items["e10"]["previous"] is None  # nothing for 2565

    cli(app, "ita", "import-scores", str(second), "--year", "2567")
    out = json.loads(cli(app, "ita", "analyse", "--year", "2567", "--json"))
    e10 = next(x for x in out["issues"][2]["items"] if x["code"] == "e10")
    assert (e10["score"], e10["previous"], e10["change"]) == (88.29, 88.29, 0.0)


def test_bad_lines_and_unknown_codes_save_nothing(app: Flask, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("e10 90\n", encoding="utf-8")
    cli(app, "ita", "import-scores", str(good), "--year", "2566")
    bad = tmp_path / "bad.txt"
    bad.write_text("e10 70\ni31 50\ne14 120\n", encoding="utf-8")
    r = invoke(app, "ita", "import-scores", str(bad), "--year", "2566")
    assert r.exit_code == 2
    assert "บรรทัด 3: คะแนนต้องอยู่ระหว่าง 0 ถึง 100 (e14 120)" in r.output
    assert "รหัสที่ไม่มีในบัญชีรายการของปีนี้: i31 (บรรทัด 2)" in r.output
    items = {x["code"]: x for i in analysis(app)["issues"] for x in i["items"]}
    assert items["e10"]["score"] == 90.0  # the earlier import stands

    unknown_only = tmp_path / "unknown.txt"
    unknown_only.write_text("e10 70\ni31 50\n", encoding="utf-8")
    assert invoke(app, "ita", "import-scores", str(unknown_only), "--year", "2566").exit_code == 2
    out = cli(app, "ita", "import-scores", str(unknown_only), "--year", "2566", "--skip-unknown")
    assert "ข้ามรหัสที่ไม่มีในบัญชีรายการของปีนี้: i31" in out
    items = {x["code"]: x for i in analysis(app)["issues"] for x in i["items"]}
    assert items["e10"]["score"] == 70.0


def test_bad_threshold_and_year_without_grouping(app: Flask) -> None:
    r = invoke(app, "ita", "analyse", "--year", "2566", "--threshold", "abc", "--json")
    assert r.exit_code == 2 and "ระบุเกณฑ์เป็นตัวเลข 0 ถึง 100" in r.output
    r = invoke(app, "ita", "analyse", "--year", "2563", "--json")
    assert r.exit_code == 2 and "ยังไม่มีการจัดกลุ่มประเด็นการวิเคราะห์ของปี 2563" in r.output


def test_template_lists_every_code_with_an_empty_score(app: Flask, tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    cli(app, "ita", "scores-template", "--year", "2566", "--out", str(out))
    wb = load_workbook(out)
    ws = wb.active
    assert ws is not None
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("code", "score", "title")
    codes = [r[0] for r in rows[1:]]
    assert len(codes) == 30 + 15 + 43
    assert codes[:2] == ["i1", "i2"] and codes[30] == "e1" and codes[-1] == "o43"
    assert all(r[1] is None for r in rows[1:])
    # Filled in and imported as it is.
    ws.cell(row=2, column=2, value=98.43)
    wb.save(out)
    cli(app, "ita", "import-scores", str(out), "--year", "2566")
    assert analysis(app)["issues"][0]["items"][0] == {
        "code": "i1",
        "title": "เจ้าหน้าที่ของหน่วยงานท่าน ปฏิบัติหรือให้บริการแก่บุคคลภายนอก"
        " เป็นไปตามขั้นตอนและระยะเวลา มากน้อยเพียงใด",
        "score": 98.43,
        "flagged": False,
        "previous": None,
        "change": None,
    }
    csv_out = tmp_path / "t.csv"
    cli(app, "ita", "scores-template", "--year", "2568", "--out", str(csv_out))
    lines = csv_out.read_text(encoding="utf-8-sig").splitlines()
    # 2568: IIT/EIT fall back to 2566's lists; OIT is 2568's confirmed list (20 items).
    assert len(lines) == 1 + 30 + 15 + 20
    assert lines[-1].startswith("o24,,")
