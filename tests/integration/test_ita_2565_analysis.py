"""Scores of ITA 2565 imported, analysed by issue (issues/2565.csv), and shown on the public
o42 page of 2566, whose measures answer them. Flags worked out by hand in the comments."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine
from flask import Flask

from tests.support.cli import cli


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Iterator[Flask]:
    # 15 March 2023: FY 2566, the year whose measures answer the analysis of ITA 2565.
    with time_machine.travel(datetime(2023, 3, 15, 3, tzinfo=UTC), tick=True):
        yield make_app(WTF_CSRF_ENABLED=False)


def test_2565_scores_are_analysed_and_open_the_2566_o42_page(app: Flask, tmp_path: Path) -> None:
    f = tmp_path / "2565.txt"
    f.write_text("i25 84.50\ne10 88.29\no34 0\no32 0\no18 100\ni19 ๙๖.๐๕\n", encoding="utf-8")
    assert "บันทึกคะแนน ITA ปี 2565 แล้ว 6 ข้อ" in cli(
        app, "ita", "import-scores", str(f), "--year", "2565"
    )

    result = json.loads(cli(app, "ita", "analyse", "--year", "2565", "--json"))
    assert (result["year"], result["threshold"]) == (2565, 85.0)
    # By hand, against 85: i25 84.50 is below; o32 and o34 are OIT items scored 0; e10 88.29,
    # i19 96.05 and o18 100 pass. e10 is in issues 3 and 7, o32 (a channel) in 3, o34 in 7.
    assert flagged(result) == {3: ["o32"], 7: ["i25", "o34"]}
    items = {x["code"]: x for i in result["issues"] for x in i["items"]}
    assert items["o34"]["title"] == "นโยบายไม่รับของขวัญ (No Gift Policy)"  # 2565's o34
    assert (items["e10"]["score"], items["e10"]["previous"]) == (88.29, None)  # no 2564 scores
    assert items["o18"]["score"] == 100.0 and items["i19"]["score"] == 96.05
    seven = result["issues"][6]["suggestions"]
    assert seven and all(s["title"] and s["steps"] for s in seven)

    page = app.test_client().get("/ita/2566/o42")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "จัดทำจากผลการวิเคราะห์ผลการประเมิน" in html and "ประจำปีงบประมาณ พ.ศ. 2565" in html
    # Only the issues with a score: 3, 4 (i19), 5 (o18) and 7.
    headings = re.findall(r"ประเด็นที่ (\d)", html)
    assert sorted(set(headings)) == ["3", "4", "5", "7"]
    assert "คะแนนปี 2565" in html
    seventh = html[html.index("ประเด็นที่ 7") :]
    assert re.search(r"i25 [^<]*</td>\s*<td[^>]*>84\.50 ▲", seventh)
    assert re.search(r"o34 นโยบายไม่รับของขวัญ \(No Gift Policy\)</td>\s*<td[^>]*>0\.00 ▲", seventh)
    assert re.search(r"e10 [^<]*</td>\s*<td[^>]*>88\.29</td>", seventh)


def flagged(result: dict) -> dict[int, list[str]]:
    return {
        i["no"]: [x["code"] for x in i["items"] if x["flagged"]]
        for i in result["issues"]
        if any(x["flagged"] for x in i["items"])
    }


def test_2566_is_compared_with_2565_where_the_items_are_the_same(
    app: Flask, tmp_path: Path
) -> None:
    before = tmp_path / "2565.txt"
    before.write_text("e10 97.67\ni28 90\no34 0\no42 0\n", encoding="utf-8")
    cli(app, "ita", "import-scores", str(before), "--year", "2565")
    after = tmp_path / "2566.txt"
    after.write_text("e10 88.29\ni28 84.50\no34 100\no42 100\n", encoding="utf-8")
    cli(app, "ita", "import-scores", str(after), "--year", "2566")

    result = json.loads(cli(app, "ita", "analyse", "--year", "2566", "--json"))
    items = {x["code"]: x for i in result["issues"] for x in i["items"]}
    # The same IIT/EIT questions both years: 88.29 - 97.67 = -9.38; 84.50 - 90 = -5.50.
    assert (items["e10"]["previous"], items["e10"]["change"]) == (97.67, -9.38)
    assert (items["i28"]["previous"], items["i28"]["change"]) == (90.0, -5.5)
    # o42 is the measures both years: 100 - 0 = 100. o34 of 2566 is the risk assessment, not
    # 2565's No Gift Policy: no comparison.
    assert (items["o42"]["previous"], items["o42"]["change"]) == (0.0, 100.0)
    assert (items["o34"]["score"], items["o34"]["previous"], items["o34"]["change"]) == (
        100.0,
        None,
        None,
    )
