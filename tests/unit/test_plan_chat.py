"""Staff report by chat on the items of every plan of the year: lists name each item's plan
once there are several, "มาตรการ ๓" stays integrity measure 3, an operating-plan item is
picked by its plan's name, a bare number that fits two plans is asked about."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from handlers.conversations.engine import handle
from handlers.conversations.messages import Inbound, Reply
from handlers.conversations.session import Actor, Context
from handlers.intents import detect_intent
from handlers.measures.domain import Measure
from handlers.measures.plans import parse_item_ref
from tests.fakes.fake_measures import StoreWithMeasures
from tests.support.chat import sends, text_of

NOW = datetime(2025, 2, 10, 3, 0, tzinfo=UTC)  # 10 Feb 2025 in Bangkok: FY 2568
STAFF = Actor(role="staff", staff_id=7, unit="สำนักปลัด", name="สมหญิง")


def _item(no: int, title: str, plan: str = "integrity", unit: str = "สำนักปลัด") -> Measure:
    return Measure(
        fiscal_year=2568,
        no=no,
        title=title,
        unit=unit,
        plan=plan,
        period_start=date(2024, 10, 1),
        period_end=date(2025, 9, 30) if no != 2 else date(2024, 12, 31),
    )


@pytest.fixture
def store() -> StoreWithMeasures:
    s = StoreWithMeasures()
    for m in [
        _item(1, "การป้องกันการทุจริต"),
        _item(2, "มาตรการเปิดเผยข้อมูลสาธารณะ"),  # ended 31 Dec 2024: overdue
        _item(3, "จัดอบรมคุณธรรมจริยธรรมให้บุคลากร"),
        _item(1, "ก่อสร้างถนนคอนกรีตหมู่ 2", plan="operating", unit="กองช่าง"),
        _item(3, "ซ่อมแซมศาลาประชาคมหมู่ 4", plan="operating"),
    ]:
        s.measures.save_measure(m)
    return s


def say(store: StoreWithMeasures, text: str, kind: str = "text", **fields: object) -> list[Reply]:
    msg = Inbound("U-staff", kind, text=text, **fields)  # type: ignore[arg-type]
    replies = handle(msg, Context(store=store, now=NOW, actor=STAFF, understand=detect_intent))
    store.commit()
    return replies


def _id(store: StoreWithMeasures, plan: str, no: int) -> int:
    found = store.measures.find_measure(2568, no, plan)
    assert found is not None and found.id is not None
    return found.id


@pytest.mark.parametrize(
    ("text", "plan", "no", "rest"),
    [
        ("มาตรการ ๓ เสร็จแล้ว", "integrity", 3, "เสร็จแล้ว"),
        ("แผนดำเนินงาน 3", "operating", 3, ""),
        ("แผนดำเนินงาน ข้อ ๑๒ ทำแล้ว", "operating", 12, "ทำแล้ว"),
        ("แผนป้องกันการทุจริต 2", "anti_corruption", 2, ""),
        ("3. ซ่อมแซม", None, 3, "ซ่อมแซม"),
    ],
)
def test_item_references_name_their_plan(text: str, plan: str | None, no: int, rest: str) -> None:
    ref = parse_item_ref(text)
    assert ref is not None and (ref.plan, ref.no, ref.rest) == (plan, no, rest)
    assert parse_item_ref("ซ่อมถนน 3 จุด") is None


def test_the_list_names_each_items_plan_and_the_buttons_say_which(
    store: StoreWithMeasures,
) -> None:
    replies = say(store, "รายงานความคืบหน้า")
    text = text_of(replies)
    assert "รายงานความคืบหน้ารายการใดครับ" in text
    assert "มาตรการ 3. จัดอบรมคุณธรรมจริยธรรมให้บุคลากร — ร้อยละ 0 (ยังไม่เริ่ม)" in text
    assert "แผนดำเนินงาน 3. ซ่อมแซมศาลาประชาคมหมู่ 4 — ร้อยละ 0 (ยังไม่เริ่ม)" in text
    assert "ก่อสร้างถนน" not in text  # กองช่าง's project
    assert sends(replies)[:4] == ["มาตรการ 1", "มาตรการ 2", "มาตรการ 3", "แผนดำเนินงาน 3"]


def test_a_staff_member_reports_on_an_operating_plan_item(store: StoreWithMeasures) -> None:
    say(store, "รายงานความคืบหน้า")
    chosen = text_of(say(store, "แผนดำเนินงาน 3"))
    assert "แผนดำเนินงาน 3: ซ่อมแซมศาลาประชาคมหมู่ 4" in chosen
    say(store, "40%")
    say(store, "เปลี่ยนหลังคาแล้ว 2 ใน 5 ส่วน")
    say(store, "ข้าม")  # outcome
    summary = text_of(say(store, "ข้าม"))  # photos
    assert "แผนดำเนินงาน 3: ซ่อมแซมศาลาประชาคมหมู่ 4" in summary and "ร้อยละ 40" in summary
    done = text_of(say(store, "ยืนยัน"))
    assert "บันทึกความคืบหน้าแผนดำเนินงาน 3 แล้วครับ: ร้อยละ 40" in done
    [update] = store.measures.progress
    assert (update.measure_id, update.percent) == (_id(store, "operating", 3), 40)
    assert update.done == "เปลี่ยนหลังคาแล้ว 2 ใน 5 ส่วน"


def test_one_line_reports_keep_มาตรการ_for_the_integrity_measures(
    store: StoreWithMeasures,
) -> None:
    replies = say(store, "มาตรการ ๓ ๖๐% จัดอบรมแล้ว ๔๕ คน")
    assert "มาตรการที่ 3: จัดอบรมคุณธรรมจริยธรรมให้บุคลากร" in text_of(replies)
    say(store, "ยืนยัน")
    replies = say(store, "แผนดำเนินงาน ๓ ๑๐๐% ซ่อมเสร็จแล้ว")
    assert "แผนดำเนินงาน 3: ซ่อมแซมศาลาประชาคมหมู่ 4" in text_of(replies)
    say(store, "ยืนยัน")
    assert [(u.measure_id, u.percent) for u in store.measures.progress] == [
        (_id(store, "integrity", 3), 60),
        (_id(store, "operating", 3), 100),
    ]


def test_a_bare_number_two_plans_share_is_asked_about(store: StoreWithMeasures) -> None:
    say(store, "รายงานความคืบหน้า")
    replies = say(store, "3")
    assert "เลข 3 มีในหลายแผน" in text_of(replies)
    assert sends(replies)[:2] == ["มาตรการ 3", "แผนดำเนินงาน 3"]
    assert "มาตรการที่ 1" in text_of(say(store, "มาตรการ 1"))  # a plan's number is not asked


def test_another_units_project_is_refused_by_its_plan_and_number(
    store: StoreWithMeasures,
) -> None:
    replies = say(store, "แผนดำเนินงาน 1 50% เทปูนแล้ว")
    assert "แผนดำเนินงาน 1 ไม่ได้อยู่ในความรับผิดชอบของสำนักปลัด" in text_of(replies)
    assert "แผนดำเนินงาน 1" not in sends(replies)
    assert store.measures.progress == []


def test_my_work_counts_items_of_every_plan(store: StoreWithMeasures) -> None:
    work = text_of(say(store, "งานของฉัน"))
    assert "งานตามแผนของสำนักปลัด ปีงบประมาณ พ.ศ. 2568 (4 รายการ)" in work
    assert (
        "มาตรการ 2. มาตรการเปิดเผยข้อมูลสาธารณะ — ร้อยละ 0 (ยังไม่เริ่ม) ถึง 31 ธ.ค. 67 ⚠️ เลยกำหนด" in work
    )
    assert "แผนดำเนินงาน 3. ซ่อมแซมศาลาประชาคมหมู่ 4" in work
    assert "เลยกำหนดแล้ว 1 รายการ" in work
