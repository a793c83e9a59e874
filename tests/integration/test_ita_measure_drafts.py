"""Draft measures from the ITA analysis on the admin page: suggestions for items picked by
hand, edits, rejection, adoption into the next fiscal year's register with item links."""

from __future__ import annotations

from datetime import UTC, date, datetime

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from bot.db import new_session
from bot.db.measure_drafts.tables import MeasureDraftRow, MeasureItemLinkRow
from bot.db.measures.tables import MeasureRow
from tests.support.admin import add_user, audit_rows, client_for

PAGE = "/admin/ita/2566/measures-draft"
PARTICIPATION = "กิจกรรมการเปิดโอกาสให้เกิดการมีส่วนร่วม"
E_SERVICE = "จัดให้มีการให้บริการผ่านช่องทางออนไลน์ (E-Service) และประชาสัมพันธ์ให้บุคคลภายนอกรับทราบอย่างทั่วถึง"


def drafts(app: Flask) -> list[MeasureDraftRow]:
    with new_session(app) as s:
        return list(s.scalars(select(MeasureDraftRow).order_by(MeasureDraftRow.id)))


def form(d: MeasureDraftRow, action: str, **changes: str) -> dict[str, str]:
    values = {
        "title": d.title,
        "steps": "\n".join(d.steps),
        "unit": d.unit,
        "period": d.period,
        "codes": " ".join(d.codes),
        "action": action,
    }
    return {**values, **changes}


def test_pick_items_by_hand_edit_reject_and_adopt(web: Flask, admin: FlaskClient) -> None:
    page = admin.get(PAGE).get_data(as_text=True)
    assert "ยังไม่มีผลคะแนนที่ต่ำกว่าเกณฑ์ของปี 2566" in page
    assert "ประจำปีงบประมาณ พ.ศ. 2567" in page
    # Seed 004: o30 (การเปิดโอกาสให้เกิดการมีส่วนร่วม) scored 0 under issue 2; typed loosely.
    r = admin.post(f"{PAGE}/suggest", data={"issue": "2", "codes": "O๓๐"}, follow_redirects=True)
    assert "เพิ่มร่างมาตรการ 5 รายการ" in r.get_data(as_text=True)
    made = drafts(web)
    assert [d.title for d in made][:2] == [PARTICIPATION, E_SERVICE]
    assert made[0].codes == ["o30"] and made[0].status == "draft"

    participation, e_service = made[0], made[1]
    r = admin.post(
        f"{PAGE}/{participation.id}",
        data=form(
            participation,
            "adopt",
            unit="กองการศึกษา",
            steps="เปิดเวทีประชาคมจัดทำแผนพัฒนาท้องถิ่น\n\nเชิญผู้แทนชุมชนร่วมติดตามผลตามแผน",
            codes="o30 e14",
        ),
        follow_redirects=True,
    )
    assert "รับไปใช้เป็นมาตรการที่ 1 ของปีงบประมาณ พ.ศ. 2567 แล้ว" in r.get_data(as_text=True)
    r = admin.post(f"{PAGE}/{e_service.id}", data=form(e_service, "reject"), follow_redirects=True)
    assert "ไม่ใช้ร่างมาตรการนี้แล้ว" in r.get_data(as_text=True)

    with new_session(web) as s:
        m = s.scalars(select(MeasureRow)).one()
        links = [(k.ita_year, k.code) for k in s.scalars(select(MeasureItemLinkRow))]
    assert (m.fiscal_year, m.plan, m.no, m.title, m.unit) == (
        2567,
        "integrity",
        1,
        PARTICIPATION,
        "กองการศึกษา",
    )
    assert m.issue == "การให้บริการและระบบ E-Service"
    assert m.steps == ("1. เปิดเวทีประชาคมจัดทำแผนพัฒนาท้องถิ่น\n2. เชิญผู้แทนชุมชนร่วมติดตามผลตามแผน")
    # ตลอดปีงบประมาณ of FY 2567: 1 Oct 2023 - 30 Sep 2024.
    assert (m.period_text, m.period_start, m.period_end) == (
        "ตลอดปีงบประมาณ",
        date(2023, 10, 1),
        date(2024, 9, 30),
    )
    assert links == [(2566, "o30"), (2566, "e14")]
    assert [d.status for d in drafts(web)][:2] == ["adopted", "rejected"]
    trail = [a for a in audit_rows(web) if a[1].startswith("ita.")]
    assert [(a[1], a[2]) for a in trail] == [
        ("ita.draft.suggest", "2566"),
        ("ita.draft.edit", f"2566 #{participation.id}"),
        ("ita.draft.adopt", f"2566 #{participation.id}"),
        ("ita.draft.reject", f"2566 #{e_service.id}"),
    ]
    assert trail[1][3] == "แก้ไขขั้นตอน, ส่วนงาน, ข้อคำถาม"

    # Asking again drafts nothing twice, not even what was rejected.
    r = admin.post(f"{PAGE}/suggest", data={"issue": "2", "codes": "o30"}, follow_redirects=True)
    assert "ข้อเสนอทั้งหมดมีร่างอยู่แล้ว" in r.get_data(as_text=True)
    assert len(drafts(web)) == 5
    page = admin.get(PAGE).get_data(as_text=True)
    assert "ร่างที่รอพิจารณา (3)" in page and "รับไปใช้แล้ว (1)" in page and "ไม่ใช้ (1)" in page
    # An adopted draft cannot be adopted again.
    r = admin.post(f"{PAGE}/{participation.id}", data=form(drafts(web)[0], "adopt"))
    assert "ร่างมาตรการนี้รับไปใช้แล้ว" in admin.get(PAGE).get_data(as_text=True)
    with new_session(web) as s:
        assert len(s.scalars(select(MeasureRow)).all()) == 1


def test_bad_input_is_refused_in_thai_and_loses_nothing(web: Flask, admin: FlaskClient) -> None:
    r = admin.post(f"{PAGE}/suggest", data={"issue": "7", "codes": "o43 x9 o99"})
    r = admin.get(PAGE)
    assert "ไม่พบข้อคำถาม x9 o99 ในบัญชีรายการ ITA ของปีนี้" in r.get_data(as_text=True)
    assert drafts(web) == []
    r = admin.post(f"{PAGE}/suggest", data={}, follow_redirects=True)
    assert "ยังไม่มีข้อคำถามที่ต่ำกว่าเกณฑ์ของปีนี้" in r.get_data(as_text=True)

    admin.post(f"{PAGE}/suggest", data={"issue": "7", "codes": "๐๔๓"})
    first = drafts(web)[0]
    r = admin.post(
        f"{PAGE}/{first.id}",
        data=form(first, "adopt", period="เร็ว ๆ นี้", title="ชื่อใหม่"),
        follow_redirects=True,
    )
    assert "อ่านระยะเวลา “เร็ว ๆ นี้” ไม่ได้" in r.get_data(as_text=True)
    r = admin.post(
        f"{PAGE}/{first.id}", data=form(first, "save", title="  "), follow_redirects=True
    )
    assert "ชื่อมาตรการต้องไม่ว่าง" in r.get_data(as_text=True)
    after = drafts(web)[0]
    assert (after.title, after.period, after.status) == (first.title, first.period, "draft")
    with new_session(web) as s:
        assert s.scalars(select(MeasureRow)).all() == []


def test_readers_see_the_page_but_only_admins_change_it(web: Flask) -> None:
    add_user(web, "boss", "executive")
    boss = client_for(web, "boss")
    assert boss.get(PAGE).status_code == 200
    assert boss.post(f"{PAGE}/suggest", data={"issue": "2", "codes": "o30"}).status_code == 403
    assert drafts(web) == []


def test_imported_scores_draft_the_flagged_items_without_picking(
    web: Flask, admin: FlaskClient
) -> None:
    # Seed 004's weak points: o30 (issue 2) and o42/o43 (issue 7) scored 0; e14 passes.
    with new_session(web) as s:
        from decimal import Decimal

        from bot.db.ita.scores_store import replace_scores

        replace_scores(
            s,
            2566,
            {"o30": Decimal(0), "o42": Decimal(0), "o43": Decimal(0), "e14": Decimal("93.29")},
            datetime(2026, 12, 3, tzinfo=UTC),
            "test",
        )
        s.commit()
    admin.post(f"{PAGE}/suggest", data={}, follow_redirects=True)
    made = drafts(web)
    assert {d.issue_no for d in made} == {2, 7}
    assert PARTICIPATION in [d.title for d in made if d.issue_no == 2]
    assert any({"o42", "o43"} <= set(d.codes) for d in made if d.issue_no == 7)
    assert not any("e14" in d.codes and d.issue_no == 2 for d in made)
