"""Measures in use: import idempotency, progress by chat (guided and one line), my work,
the polite refusal of citizens — on the in-memory store, with the engine as LINE drives it."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from handlers.conversations.engine import handle
from handlers.conversations.messages import Inbound, Reply
from handlers.conversations.session import Actor, Context
from handlers.intents import detect_intent
from handlers.measures.domain import Measure
from handlers.measures.matching import match_title, parse_free_form
from handlers.measures.tables import parse_tables
from handlers.measures.usecases import import_measures, measures_summary, my_work
from tests.fakes.fake_measures import StoreWithMeasures
from tests.support.chat import labels, sends, text_of

NOW = datetime(2025, 2, 10, 3, 0, tzinfo=UTC)  # FY 2568, second quarter
STAFF = Actor(role="staff", staff_id=7, unit="สำนักปลัด", name="สมหญิง")


def _measure(no: int, title: str, unit: str = "สำนักปลัด", end: date | None = None) -> Measure:
    return Measure(
        fiscal_year=2568,
        no=no,
        title=title,
        unit=unit,
        period_start=date(2024, 10, 1),
        period_end=end or date(2025, 9, 30),
    )


@pytest.fixture
def store() -> StoreWithMeasures:
    s = StoreWithMeasures()
    for m in [
        _measure(1, "การป้องกันการทุจริต"),
        _measure(2, "มาตรการเปิดเผยข้อมูลสาธารณะ"),
        _measure(3, "จัดอบรมคุณธรรมจริยธรรมให้บุคลากร", end=date(2024, 12, 31)),
        _measure(4, "ประกาศนโยบายไม่รับของขวัญ No Gift Policy"),
        _measure(5, "ตรวจสอบการจัดซื้อจัดจ้าง", unit="กองคลัง"),
    ]:
        s.measures.save_measure(m)
    s.commit()
    return s


def say(
    store: StoreWithMeasures, text: str, actor: Actor = STAFF, kind: str = "text", **fields: object
) -> list[Reply]:
    msg = Inbound("U-staff", kind, text=text, **fields)  # type: ignore[arg-type]
    replies = handle(msg, Context(store=store, now=NOW, actor=actor, understand=detect_intent))
    store.commit()
    return replies


# --- the one-line form -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "percent", "done"),
    [
        ("มาตรการ ๓ ๖๐% จัดอบรมแล้ว ๔๕ คน", 3, 60, "จัดอบรมแล้ว ๔๕ คน"),
        ("มาตรการที่ 3 เสร็จแล้ว 60% อบรม 45 คน", 3, 60, "อบรม 45 คน"),
        ("มาตรการ 4 เสร็จแล้ว ประกาศบนเว็บไซต์", 4, 100, "ประกาศบนเว็บไซต์"),
        ("รายงานความคืบหน้า มาตรการ 2 ร้อยละ 50 เผยแพร่ข้อมูล", 2, 50, "เผยแพร่ข้อมูล"),
        ("อบรมคุณธรรม 60%", None, 60, "อบรมคุณธรรม"),
        ("มาตรการ 12", 12, None, ""),
    ],
)
def test_one_line_form_is_read(
    text: str, number: int | None, percent: int | None, done: str
) -> None:
    form = parse_free_form(text)
    assert (form.number, form.percent, form.done) == (number, percent, done)


def test_title_match_is_taken_only_when_clear(store: StoreWithMeasures) -> None:
    ms = store.measures.measures_of_year(2568)
    assert match_title("No Gift Policy", ms).measure.no == 4  # type: ignore[union-attr]
    unsure = match_title("อบรม", ms)
    assert unsure.measure is None and len(unsure.candidates) == 3
    assert unsure.candidates[0].no == 3


# --- use cases -----------------------------------------------------------------------------


def test_import_twice_changes_nothing_the_second_time() -> None:
    rows = [
        ["มาตรการ", "ผู้รับผิดชอบ", "ระยะเวลา"],
        ["1. ก", "กองช่าง", "ไตรมาส 1"],
        ["2. ข", "กองคลัง", "ไตรมาส 2"],
    ]
    s = StoreWithMeasures()
    first = import_measures(s.measures, parse_tables([rows], 2568), NOW)
    assert (first.created, first.updated) == ([1, 2], [])
    second = import_measures(s.measures, parse_tables([rows], 2568), NOW)
    assert (second.created, second.updated, second.unchanged) == ([], [], [1, 2])
    assert s.measures.saves == 2 and s.measure_outbox == [("measure", "1"), ("measure", "2")]
    rows[2][2] = "ไตรมาส 3"
    third = import_measures(s.measures, parse_tables([rows], 2568), NOW)
    assert third.updated == [2] and s.measures.find_measure(2568, 2).period_start == date(
        2025, 4, 1
    )  # type: ignore[union-attr]


def test_dry_run_saves_nothing() -> None:
    s = StoreWithMeasures()
    rows = [["มาตรการ", "ระยะเวลา"], ["1. ก", "ไตรมาส 1"]]
    result = import_measures(s.measures, parse_tables([rows], 2568), NOW, dry_run=True)
    assert result.created == [1] and s.measures.rows == {} and s.measure_outbox == []


def test_my_work_lists_the_unit_and_flags_overdue(store: StoreWithMeasures) -> None:
    work = my_work(store.measures, "สำนักปลัด", NOW)
    assert [m.no for m in work.measures] == [1, 2, 3, 4]
    assert [m.no for m in work.overdue] == [3]
    summary = measures_summary(store.measures, 2568, NOW.date())
    assert summary == {"total": 5, "completed": 0, "average_percent": 0.0, "overdue": 1}


# --- conversations -----------------------------------------------------------------------


def test_citizens_get_a_polite_refusal(store: StoreWithMeasures) -> None:
    for text in ("รายงานความคืบหน้า", "งานของฉัน", "ยกเลิกการเชื่อมบัญชี"):
        replies = say(store, text, actor=Actor())
        assert "สำหรับเจ้าหน้าที่ของสำนักงาน" in text_of(replies)
        assert "ร้องเรียน/ร้องทุกข์" in labels(replies)
    assert store.measures.progress == []


def test_guided_progress_with_a_photo(store: StoreWithMeasures) -> None:
    replies = say(store, "รายงานความคืบหน้า")
    assert "มาตรการ 5" not in sends(replies)  # another unit's measure is not offered
    assert sends(replies)[:4] == ["มาตรการ 1", "มาตรการ 2", "มาตรการ 3", "มาตรการ 4"]
    assert "ร้อยละเท่าใด" in text_of(say(store, "มาตรการ 3"))
    assert "กรุณาตอบเป็นตัวเลข" in text_of(say(store, "เยอะแล้ว"))
    assert "ดำเนินการอะไร" in text_of(say(store, "๗๐%"))
    assert "ผลลัพธ์" in text_of(say(store, "จัดอบรมเจ้าหน้าที่ ๔๕ คน"))
    assert "รูปหลักฐาน" in text_of(say(store, "ผ่านการประเมินร้อยละ 90"))
    assert "ได้รับรูปที่ 1" in text_of(say(store, "", kind="image", image_path="p/1.jpg"))
    summary = text_of(say(store, "เสร็จแล้ว"))
    assert "มาตรการที่ 3" in summary and "ร้อยละ 70" in summary and "1 รูป" in summary
    done = say(store, "ยืนยัน")
    assert "บันทึกความคืบหน้ามาตรการที่ 3 แล้ว" in text_of(done)
    [update] = store.measures.progress
    assert (update.percent, update.done, update.outcome, update.photos) == (
        70,
        "จัดอบรมเจ้าหน้าที่ ๔๕ คน",
        "ผ่านการประเมินร้อยละ 90",
        ["p/1.jpg"],
    )
    assert (update.staff_id, update.unit) == (7, "สำนักปลัด")
    assert store.measure_outbox[-1] == ("progress", "1")


def test_one_line_report_goes_straight_to_confirm(store: StoreWithMeasures) -> None:
    replies = say(store, "มาตรการ ๓ ๖๐% จัดอบรมแล้ว ๔๕ คน")
    assert "สรุปรายงานความคืบหน้า" in text_of(replies)
    assert "จัดอบรมแล้ว ๔๕ คน" in text_of(replies)
    say(store, "ยืนยัน")
    assert store.measures.progress[0].percent == 60
    work = text_of(say(store, "งานของฉัน"))
    assert "3. จัดอบรมคุณธรรมจริยธรรมให้บุคลากร — ร้อยละ 60" in work and "เลยกำหนด" in work


def test_unsure_title_offers_three_and_never_guesses(store: StoreWithMeasures) -> None:
    replies = say(store, "รายงานความคืบหน้า อบรม 40% ทำแล้วบางส่วน")
    assert "ไม่แน่ใจ" in text_of(replies)
    assert len([s for s in sends(replies) if s.startswith("มาตรการ")]) == 3
    assert store.measures.progress == []
    replies = say(store, "มาตรการ 3")
    assert "สรุปรายงานความคืบหน้า" in text_of(replies) and "ร้อยละ 40" in text_of(replies)


def test_another_units_measure_is_refused_by_number(store: StoreWithMeasures) -> None:
    replies = say(store, "มาตรการ 5 50% ตรวจแล้ว")
    assert "ไม่ได้อยู่ในความรับผิดชอบของสำนักปลัด" in text_of(replies)
    assert "มาตรการ 5" not in sends(replies)
