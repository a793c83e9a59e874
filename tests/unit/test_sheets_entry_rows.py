"""Rows of the มาตรการ, ความคืบหน้า and ความพึงพอใจ tabs, their stable IDs, the summary's
labels, and the use cases that feed them (an admin's measure edit, a rating's outbox row)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from handlers.measures.domain import Measure, ProgressUpdate
from handlers.measures.usecases import edit_measure
from handlers.satisfaction.model import Kind as RatingKind
from handlers.satisfaction.model import Rating
from handlers.satisfaction.usecases import RatingDraft, rate_service
from handlers.shared import Channel, DomainError
from sheets.layout import MEASURES, PROGRESS, SATISFACTION, TABS
from sheets.rows import (
    REGISTRY,
    SEALED_MARK,
    MeasureEntry,
    ProgressEntry,
    SatisfactionEntry,
    measure_key,
    numbered_key,
    parse_measure_key,
    parse_numbered_key,
    same_text,
    summary_rows,
)
from tests.fakes.fake_measures import FakeMeasureStore
from tests.fakes.fake_satisfaction import FakeRatings

AT = datetime(2026, 11, 22, 7, 5, tzinfo=UTC)  # 14:05 in Bangkok
LATER = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)  # 10:00 in Bangkok


def cells(tab_key: str, row: list[object]) -> dict[str, object]:
    tab = next(t for t in TABS if t.key == tab_key)
    return dict(zip([c.key for c in tab.columns], row, strict=True))


def measure(**kw: object) -> Measure:
    base: dict[str, object] = dict(
        id=41,
        fiscal_year=2570,
        no=3,
        title="จัดอบรมคุณธรรมจริยธรรม\nให้บุคลากรทุกคน",
        steps="๑. จัดทำหลักสูตร\n๒. อบรม",
        unit="สำนักปลัด",
        period_text="ไตรมาส 2",
        period_start=date(2027, 1, 1),
        period_end=date(2027, 3, 31),
        indicators=["i1", "o42"],
        outcome="บุคลากรร้อยละ 80 ผ่านการอบรม",
    )
    base.update(kw)
    return Measure(**base)  # type: ignore[arg-type]


def progress(**kw: object) -> ProgressUpdate:
    base: dict[str, object] = dict(
        id=12,
        measure_id=41,
        percent=60,
        done="=SUM(A1) อบรมแล้ว ๔๕ คน",
        created_at=LATER,
        outcome="ผ่านร้อยละ 90",
        photos=["progress/2570/ab12.jpg", "progress/2570/cd34.jpg"],
        staff_name="สมหญิง ใจดี",
        unit="สำนักปลัด",
        channel="line",
    )
    base.update(kw)
    return ProgressUpdate(**base)  # type: ignore[arg-type]


# --- stable IDs ---------------------------------------------------------------------------------


def test_ids_are_stable_text_and_only_the_canonical_form_is_read() -> None:
    assert measure_key(2570, 3) == "2570-M03" and measure_key(2570, 112) == "2570-M112"
    assert parse_measure_key("2570-M03") == (2570, 3)
    for stray in ("2570-M3", "2570-m03", "41", "", "=2570-M03", "2570-M03x"):
        assert parse_measure_key(stray) is None  # a hand-typed ID never edits a measure
    assert numbered_key("P", 12) == "P000012" and parse_numbered_key("P", "P000012") == 12
    assert parse_numbered_key("P", "P12") is None and parse_numbered_key("S", "P000012") is None


def test_every_kind_of_entry_has_a_row_builder_and_a_thai_tab() -> None:
    assert set(REGISTRY) == {
        "complaint",
        "measure",
        "progress",
        "satisfaction",
        "service_count",
        "gift",
        "asset_loan",
    }
    assert {k.tab.key for k in REGISTRY.values()} == {t.key for t in TABS} - {"summary"}


# --- measures -------------------------------------------------------------------------------------


def test_measure_row_has_the_year_number_id_thai_dates_and_progress() -> None:
    m = measure(latest=progress())
    row = REGISTRY["measure"].build(MeasureEntry(m, updated_at=AT, reports=2))
    c = cells("measures", row)
    assert c["id"] == "2570-M03" and (c["fiscal_year"], c["order"]) == (2570, 3)
    assert c["title"] == m.title and c["steps"] == m.steps  # paragraphs kept
    assert c["indicators"] == "i1, o42"
    assert (c["start"], c["end"], c["end_iso"]) == ("1 มกราคม 2570", "31 มีนาคม 2570", "2027-03-31")
    assert (c["percent"], c["status"], c["reports"]) == (60, "กำลังดำเนินการ", 2)
    assert c["last_report"] == "1 ธันวาคม 2569 เวลา 10:00 น."
    # The newer of the register's change and the last report.
    assert c["updated"] == c["last_report"] and c["updated_iso"] == "2026-12-01T10:00:00+07:00"
    assert c["system_notes"] == ""


def test_a_measure_without_reports_or_dates_leaves_those_cells_empty() -> None:
    m = measure(period_text="", period_start=None, period_end=None)
    c = cells("measures", REGISTRY["measure"].build(MeasureEntry(m, updated_at=AT)))
    assert (c["start"], c["end"], c["end_iso"], c["last_report"]) == ("", "", "", "")
    assert (c["percent"], c["status"]) == (0, "ยังไม่เริ่ม")
    assert c["updated_iso"] == "2026-11-22T14:05:00+07:00"


def test_the_register_columns_are_the_editable_ones_and_formulas_are_refused() -> None:
    kind = REGISTRY["measure"]
    assert (
        set(kind.edits) == set(MEASURES.editable) == {"title", "steps", "unit", "period", "outcome"}
    )
    assert "percent" not in MEASURES.editable and "id" not in MEASURES.editable
    assert kind.edits["steps"]("- ขั้นที่ 1\r\n- ขั้นที่ 2 ") == "- ขั้นที่ 1\n- ขั้นที่ 2"
    with pytest.raises(ValueError, match="ไม่รับสูตร"):
        kind.edits["title"]('=IMPORTXML("http://x")')


def test_line_ends_and_outer_spaces_are_not_edits() -> None:
    assert same_text(" ก\r\nข \n", "ก\nข")
    assert not same_text("ก ข", "กข")


# --- progress reports --------------------------------------------------------------------------


def test_progress_row_names_its_measure_and_counts_photos_without_paths() -> None:
    entry = ProgressEntry(progress(), 2570, 3, "จัดอบรมคุณธรรมจริยธรรม\nให้บุคลากรทุกคน")
    c = cells("progress", REGISTRY["progress"].build(entry))
    assert c["id"] == "P000012" and c["measure"] == "2570-M03"
    assert c["measure_name"] == "จัดอบรมคุณธรรมจริยธรรม"
    assert (c["reported"], c["reported_iso"]) == (
        "1 ธันวาคม 2569 เวลา 10:00 น.",
        "2026-12-01T10:00:00+07:00",
    )
    assert (c["percent"], c["status"], c["reporter"]) == (60, "กำลังดำเนินการ", "สมหญิง ใจดี")
    assert c["done"] == "=SUM(A1) อบรมแล้ว ๔๕ คน"  # text; the backends keep it so
    assert c["photo_count"] == 2 and c["evidence"] == "ab12.jpg\ncd34.jpg"
    assert "progress/" not in str(c["evidence"]) and c["channel"] == "LINE"
    # The report moves its measure: that row is rewritten in place with it.
    assert REGISTRY["progress"].refresh is not None
    assert REGISTRY["progress"].refresh(entry) == [("measure", "2570-M03")]


# --- ratings -------------------------------------------------------------------------------------


def rating(**kw: object) -> Rating:
    base: dict[str, object] = dict(
        id=34,
        kind=RatingKind.SERVICE,
        channel=Channel.WEB,
        created_at=AT,
        scores={"process": 4, "staff": 5, "facilities": 2, "quality": 4, "overall": 4},
        service_code="tax",
        comment="+ที่จอดรถน้อย",
        gender="หญิง",
        age_band="30–39 ปี",
        occupation="ค้าขาย/ธุรกิจส่วนตัว",
        respondent_key="f" * 32,
    )
    base.update(kw)
    return Rating(**base)  # type: ignore[arg-type]


def test_a_service_rating_row_has_each_score_the_mean_and_no_respondent_key() -> None:
    row = REGISTRY["satisfaction"].build(SatisfactionEntry(rating(), "งานจัดเก็บภาษี", "กองคลัง"))
    c = cells("satisfaction", row)
    assert c["id"] == "S000034" and c["kind"] == "งานบริการ"
    assert (c["service"], c["service_unit"], c["channel"]) == ("งานจัดเก็บภาษี", "กองคลัง", "เว็บไซต์")
    assert [c[k] for k in ("process", "staff", "facilities", "quality", "overall")] == [
        4,
        5,
        2,
        4,
        4,
    ]
    assert c["handling"] == "" and c["mean"] == 3.8
    assert (c["rated"], c["rated_iso"]) == (
        "22 พฤศจิกายน 2569 เวลา 14:05 น.",
        "2026-11-22T14:05:00+07:00",
    )
    assert c["comment"] == "+ที่จอดรถน้อย"
    assert (c["gender"], c["age_band"], c["occupation"]) == ("หญิง", "30–39 ปี", "ค้าขาย/ธุรกิจส่วนตัว")
    assert "f" * 32 not in row and len(row) == len(SATISFACTION.columns)


def test_a_handling_rating_names_its_case_and_a_sealed_case_keeps_its_comment_out() -> None:
    r = rating(
        kind=RatingKind.COMPLAINT,
        scores={"handling": 3},
        service_code="",
        case_number="2570-000123",
        comment="เจ้าหน้าที่ชื่อ ก. เรียกเงิน",
        gender="",
        channel=Channel.LINE,
    )
    open_case = cells("satisfaction", REGISTRY["satisfaction"].build(SatisfactionEntry(r)))
    assert (open_case["kind"], open_case["handling"], open_case["mean"]) == (
        "การจัดการเรื่องร้องเรียน",
        3,
        3.0,
    )
    assert open_case["case"] == "2570-000123" and open_case["process"] == ""
    sealed = REGISTRY["satisfaction"].build(SatisfactionEntry(r, sealed=True))
    assert SEALED_MARK in sealed and "เรียกเงิน" not in " ".join(map(str, sealed))


def test_rating_a_service_queues_it_for_the_sheet_in_the_same_transaction() -> None:
    ratings = FakeRatings()
    draft = RatingDraft(
        service_code="tax",
        scores=dict.fromkeys(("process", "staff", "facilities", "quality", "overall"), 5),
    )
    saved = rate_service(ratings, draft, Channel.WEB, AT, "key")
    assert ratings.outbox == [("satisfaction", str(saved.id))]
    with pytest.raises(DomainError):
        rate_service(ratings, draft, Channel.WEB, AT, "key")  # once a day: nothing queued
    assert len(ratings.outbox) == 1


# --- the summary tab ---------------------------------------------------------------------


def test_summary_has_measure_and_satisfaction_figures_with_thai_labels() -> None:
    summary = {
        "fiscal_year": 2570,
        "complaints": {"total": 0, "by_month": {"2026-10": 0}},
        "measures": {"total": 7, "completed": 1, "average_percent": 22.9, "overdue": 2},
        "satisfaction": {
            "responses": 3,
            "mean": 4.2,
            "percent_satisfied": 80.0,
            "by_service": {
                "tax": {
                    "name": "งานจัดเก็บภาษี",
                    "responses": 2,
                    "mean": 4.5,
                    "percent_satisfied": 100.0,
                }
            },
            "complaint_handling": {"responses": 1, "mean": 3.0, "percent_satisfied": 0.0},
        },
    }
    rows = {r[0]: r for r in summary_rows(summary, AT) if r[0]}
    assert rows["measures.total"][1:3] == ["มาตรการทั้งหมด", 7]
    assert rows["measures.overdue"][2] == 2
    assert rows["satisfaction.mean"][1:3] == ["คะแนนความพึงพอใจเฉลี่ย", 4.2]
    assert rows["satisfaction.by_service.tax.mean"][1:3] == [
        "ความพึงพอใจ งานจัดเก็บภาษี: คะแนนเฉลี่ย",
        4.5,
    ]
    assert "satisfaction.by_service.tax.name" not in rows  # the name is in the labels
    assert rows["satisfaction.complaint_handling.responses"][1] == (
        "ความพึงพอใจต่อการจัดการเรื่องร้องเรียน: จำนวนผู้ประเมิน"
    )
    assert rows["complaints.by_month.2026-10"][1] == "เรื่องร้องเรียน เดือน ต.ค. 2569"
    assert all(
        not str(r[1]).startswith(("complaints.", "measures.", "satisfaction."))
        for r in rows.values()
    )


# --- an admin's edit of the register --------------------------------------------------------


@pytest.fixture
def register() -> FakeMeasureStore:
    store = FakeMeasureStore([])
    store.save_measure(measure(id=None, warnings=["อ่านระยะเวลาไม่ได้: เร็ว ๆ นี้"]))
    store.outbox.clear()
    return store


def test_an_edit_is_saved_and_queued_and_the_same_text_is_no_change(
    register: FakeMeasureStore,
) -> None:
    change = edit_measure(register, 1, "title", "  จัดอบรมจริยธรรม (ปรับปรุง)\r\n", AT)
    assert change is not None and change.new == "จัดอบรมจริยธรรม (ปรับปรุง)"
    assert change.old == "จัดอบรมคุณธรรมจริยธรรม\nให้บุคลากรทุกคน"
    assert register.rows[1].title == "จัดอบรมจริยธรรม (ปรับปรุง)"
    assert register.outbox == [("measure", "1")]
    assert edit_measure(register, 1, "title", "จัดอบรมจริยธรรม (ปรับปรุง) ", AT) is None
    assert register.outbox == [("measure", "1")]


def test_a_new_period_is_read_again_for_the_dates(register: FakeMeasureStore) -> None:
    edit_measure(register, 1, "period_text", "ม.ค.-มิ.ย. 2570", AT)
    m = register.rows[1]
    assert (m.period_start, m.period_end) == (date(2027, 1, 1), date(2027, 6, 30))
    assert m.warnings == []  # the old period's warning went with it


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "   ", "ชื่อมาตรการต้องไม่ว่าง"),
        ("unit", "ก" * 301, "หน่วยงานรับผิดชอบยาวเกิน 300 ตัวอักษร"),
        ("period_text", "เร็ว ๆ นี้", "อ่านระยะเวลา “เร็ว ๆ นี้” ไม่ได้"),
        ("fiscal_year", "2571", "แก้ไขช่องนี้ไม่ได้"),
    ],
)
def test_invalid_edits_change_nothing(
    register: FakeMeasureStore, field: str, value: str, message: str
) -> None:
    before = register.rows[1]
    with pytest.raises(DomainError, match=message):
        edit_measure(register, 1, field, value, AT)
    assert register.rows[1] == before and register.outbox == []


def test_tabs_keep_within_a_to_z_and_headers_are_unique() -> None:
    for tab in (MEASURES, PROGRESS, SATISFACTION):
        assert len(tab.columns) <= 26 and len(set(tab.headers)) == len(tab.headers)
