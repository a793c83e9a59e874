"""Items of the office's plans: a budget column read from the document (Thai digits, commas,
"บาท"), never guessed; an import into one plan leaves another plan's same numbers alone; the
sheet names each plan's items apart and shows their plan and budget."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from handlers.measures.domain import Measure
from handlers.measures.plans import UnknownPlan
from handlers.measures.tables import header_field, parse_tables
from handlers.measures.usecases import import_measures
from handlers.thai.numbers import UnreadableAmount, parse_baht
from sheets.layout import MEASURES
from sheets.rows import (
    REGISTRY,
    MeasureEntry,
    measure_key,
    parse_measure_key,
    parse_plan_item_key,
)
from tests.fakes.fake_measures import StoreWithMeasures

NOW = datetime(2025, 2, 10, 3, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("cell", "amount"),
    [
        ("150,000", Decimal("150000")),
        ("๑๕๐,๐๐๐", Decimal("150000")),
        ("25,500.50 บาท", Decimal("25500.50")),
        ("๒๐๐๐๐", Decimal("20000")),
        ("1,500,000.00", Decimal("1500000")),
        ("-", None),
        ("", None),
        ("ไม่ใช้งบประมาณ", None),
    ],
)
def test_budget_cells_are_read_as_baht(cell: str, amount: Decimal | None) -> None:
    assert parse_baht(cell) == amount


@pytest.mark.parametrize("cell", ["ตามเทศบัญญัติ", "100,000\n50,000", "12,34"])
def test_a_budget_cell_without_one_clear_amount_is_refused(cell: str) -> None:
    with pytest.raises(UnreadableAmount):
        parse_baht(cell)


def test_budget_headers_are_recognised_but_not_the_source_of_funds() -> None:
    assert header_field("งบประมาณ") == "budget"
    assert header_field("งบประมาณ (บาท)") == "budget"
    assert header_field("วงเงินงบประมาณ") == "budget"
    assert header_field("แหล่งงบประมาณ") is None
    assert header_field("หมายเหตุ") == "note"


def test_a_plan_table_with_a_budget_column_imports_into_its_plan() -> None:
    rows = [
        ["ที่", "โครงการ", "งบประมาณ (บาท)", "ผู้รับผิดชอบ", "ระยะเวลา"],
        ["1", "ก่อสร้างถนน", "๑๕๐,๐๐๐", "กองช่าง", "ไตรมาส 2"],
        ["2", "อบรมอาสาสมัคร", "ตามเทศบัญญัติ", "สำนักปลัด", "ไตรมาส 3"],
    ]
    store = StoreWithMeasures()
    store.measures.save_measure(Measure(fiscal_year=2568, no=1, title="มาตรการป้องกันการทุจริต"))
    parsed = parse_tables([rows], 2568)
    result = import_measures(store.measures, parsed, NOW, plan="operating")
    assert result.created == [1, 2]
    road = store.measures.find_measure(2568, 1, "operating")
    assert road is not None and (road.title, road.budget) == ("ก่อสร้างถนน", Decimal("150000"))
    training = store.measures.find_measure(2568, 2, "operating")
    assert training is not None and training.budget is None
    assert training.warnings == ["อ่านงบประมาณ “ตามเทศบัญญัติ” ไม่ได้ (ระบุเป็นจำนวนเงินบาท)"]
    measure = store.measures.find_measure(2568, 1)
    assert measure is not None and measure.title == "มาตรการป้องกันการทุจริต"
    again = import_measures(store.measures, parse_tables([rows], 2568), NOW, plan="operating")
    assert again.unchanged == [1, 2]  # the budget is part of what a re-import compares
    rows[1][2] = "160,000"
    assert import_measures(
        store.measures, parse_tables([rows], 2568), NOW, plan="operating"
    ).updated == [1]
    with pytest.raises(UnknownPlan):
        import_measures(store.measures, parsed, NOW, plan="budget")


def test_sheet_ids_keep_integrity_measures_as_they_were_and_name_other_plans() -> None:
    assert measure_key(2568, 3) == "2568-M03"
    assert measure_key(2568, 3, "operating") == "2568-OP03"
    assert measure_key(2568, 12, "anti_corruption") == "2568-AC12"
    assert parse_plan_item_key("2568-OP03") == (2568, "operating", 3)
    assert parse_plan_item_key("2568-M03") == (2568, "integrity", 3)
    assert parse_measure_key("2568-OP03") is None  # an operating item is no measure
    for stray in ("2568-OP3", "2568-op03", "2568-XX03", "=2568-OP03"):
        assert parse_plan_item_key(stray) is None


def test_the_sheet_row_shows_the_plan_and_the_budget() -> None:
    m = Measure(
        fiscal_year=2568, no=3, title="ซ่อมถนน", plan="operating", budget=Decimal("25500.50")
    )
    row = REGISTRY["measure"].build(MeasureEntry(m))
    assert row[0] == "2568-OP03"
    assert row[MEASURES.col("plan")] == "แผนดำเนินงาน"
    assert row[MEASURES.col("budget")] == 25500.5
    # The columns admins edit stay where they were before the plans came.
    assert [MEASURES.col(k) for k in MEASURES.editable] == [4, 5, 7, 8, 12]
