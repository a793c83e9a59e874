"""The loop of issue 17 through the real pages, webhook and builders: an admin adopts a
suggestion for a weak ITA item, a staff member reports progress on it in LINE, and the o42
and o43 documents show the measure with the item it answers and what was done."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from decimal import Decimal

import pytest
import time_machine
from flask import Flask

from bot.db import new_session
from bot.db.ita.scores_store import replace_scores, save_text
from bot.db.store import SqlStore
from bot.reports.evidence import build
from handlers.clock import utcnow
from tests.fakes.fake_line import FakeLine
from tests.support.admin import add_staff, client_for
from tests.support.line import line_config, say

STAFF_USER = "U" + "5" * 32
PAGE = "/admin/ita/2566/measures-draft"
MEASURE = (
    "จัดทำมาตรการป้องกันและระบบติดตามตรวจสอบพฤติกรรมการทุจริตอย่างชัดเจน"
    " และนำผลการประเมิน ITA ไปปรับปรุงการทำงาน"
)
O43_TITLE = "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"


@pytest.fixture
def app(make_app: Callable[..., Flask], line: FakeLine) -> Iterator[Flask]:
    # 15 March 2024: FY 2567, the year whose measures answer the analysis of ITA 2566.
    with time_machine.travel(datetime(2024, 3, 15, 3, tzinfo=UTC), tick=True):
        yield make_app(**line_config(line), WTF_CSRF_ENABLED=False)


def last(line: FakeLine) -> str:
    return "\n".join(line.last_texts())


def test_adopted_suggestion_reported_in_line_shows_in_o42_and_o43(
    app: Flask, line: FakeLine
) -> None:
    admin = client_for(app, "admin")
    # Seed 002: O43 scored 0 (issue 7). No scores imported here: the admin picks the item.
    admin.post(f"{PAGE}/suggest", data={"issue": "7", "codes": "O43"})
    page = admin.get(PAGE).get_data(as_text=True)
    assert MEASURE in page
    with new_session(app) as s:
        draft = SqlStore(s).measure_drafts.drafts_of_year(2566)[0]
    assert (draft.title, draft.codes) == (MEASURE, ["o43"])
    r = admin.post(
        f"{PAGE}/{draft.id}",
        data={
            "title": draft.title,
            "steps": "\n".join(draft.steps),
            "unit": "สำนักปลัด",
            "period": "ม.ค.-ก.ย.",
            "codes": "o43 i28",
            "action": "adopt",
        },
        follow_redirects=True,
    )
    assert "รับไปใช้เป็นมาตรการที่ 1 ของปีงบประมาณ พ.ศ. 2567 แล้ว" in r.get_data(as_text=True)

    say(app, f"ลงทะเบียน {add_staff(app)}", STAFF_USER)
    say(app, "รายงานความคืบหน้า", STAFF_USER)
    say(app, "มาตรการ 1", STAFF_USER)
    for text in ("60%", "ประเมินความเสี่ยงการทุจริต ๓ ด้านแล้ว", "เผยแพร่มาตรการให้บุคลากรทราบ"):
        say(app, text, STAFF_USER)
    say(app, "เสร็จแล้ว", STAFF_USER)
    say(app, "ยืนยัน", STAFF_USER)
    assert "บันทึกความคืบหน้ามาตรการที่ 1 แล้วครับ: ร้อยละ 60" in last(line)

    with new_session(app) as s:
        o42 = build(SqlStore(s), 2567, "measures", utcnow())
        o43 = build(SqlStore(s), 2567, "measure_results", utcnow())
    assert o42.tables[0].columns[1:3] == ("ข้อคำถาม ITA", "ผลการวิเคราะห์ข้อมูล")
    row = o42.tables[0].rows[0]
    assert row[0] == "กลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงาน"
    assert row[1].split("\n") == [
        f"o43 {O43_TITLE}",
        "i28 หน่วยงานของท่าน มีการนำผลการประเมิน ITA ไปปรับปรุงการทำงาน"
        " เพื่อป้องกันการทุจริตในหน่วยงาน มากน้อยเพียงใด",
    ]
    assert row[2] == ""  # no scores imported: nothing invented
    assert row[3:] == (
        f"1. {MEASURE}",
        "\n".join(f"{i}. {step}" for i, step in enumerate(draft.steps, start=1)),
        "1 ม.ค. 67 – 30 ก.ย. 67",  # ม.ค.-ก.ย. of FY 2567
        "สำนักปลัด",
    )
    first, _, _, _, done, outcome = o43.tables[0].rows[0]
    assert first.endswith(f"1. {MEASURE}\nข้อคำถาม ITA: o43, i28")
    assert done == "15 มี.ค. 67: ประเมินความเสี่ยงการทุจริต ๓ ด้านแล้ว (ร้อยละ 60)"
    assert outcome == "เผยแพร่มาตรการให้บุคลากรทราบ"
    assert o43.figures["items"] == [
        {
            "no": 1,
            "title": MEASURE,
            "unit": "สำนักปลัด",
            "percent": 60,
            "status": "in_progress",
            "ita_items": ["o43", "i28"],
        }
    ]


def test_o42_opens_with_the_analysis_of_last_years_scores(app: Flask) -> None:
    # ITA 2566 scores (seed 002: O43 scored 0; i28 84.50 is below the threshold of 85).
    with new_session(app) as s:
        replace_scores(s, 2566, {"o43": Decimal(0), "i28": Decimal("84.50")}, utcnow(), "t")
        save_text(s, 2566, 7, "ยังไม่ได้เผยแพร่ผลการดำเนินการตามมาตรการ", utcnow(), "t")
        s.commit()
    admin = client_for(app, "admin")
    admin.post(f"{PAGE}/suggest", data={})  # drafts for the flagged items, no picking
    with new_session(app) as s:
        draft = next(
            d for d in SqlStore(s).measure_drafts.drafts_of_year(2566) if d.title == MEASURE
        )
    admin.post(
        f"{PAGE}/{draft.id}",
        data={
            "title": draft.title,
            "steps": "\n".join(draft.steps),
            "unit": "สำนักปลัด",
            "period": "ม.ค.-ก.ย.",
            "codes": "o43 i28",
            "action": "adopt",
        },
    )
    with new_session(app) as s:
        o42 = build(SqlStore(s), 2567, "measures", utcnow())
    assert "จัดทำจากผลการวิเคราะห์ผลการประเมิน" in o42.intro[0] and "พ.ศ. 2566" in o42.intro[0]
    seven = next(t for t in o42.tables if t.title.startswith("ประเด็นที่ 7"))
    cells = [" ".join(r) for r in seven.rows]
    assert any(c.startswith("OIT o43") and "0.00 ▲" in c for c in cells)
    assert any("ยังไม่ได้เผยแพร่ผลการดำเนินการตามมาตรการ" in c for c in cells)
    register = o42.tables[-1]
    assert register.columns[2] == "ผลการวิเคราะห์ข้อมูล"
    row = next(r for r in register.rows if r[3] == f"1. {MEASURE}")
    assert "0" in row[2] and "84.5" in row[2]  # the linked items' scores, not invented
    with new_session(app) as s:  # a year whose previous year has no scores: register only
        later = build(SqlStore(s), 2568, "measures", utcnow())
    assert not any(t.title.startswith("ประเด็นที่") for t in later.tables)
