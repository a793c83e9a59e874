"""Plans in the database: revision 0011 turns every existing measure into an integrity
measure and numbers items within their plan; import-measures --plan with a budget column;
the schema the migrations build is the one the tables declare."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import IntegrityError

from bot.db import alembic_config, new_session
from bot.db.measures.tables import MeasureRow
from bot.db.schema import metadata
from bot.db.store import SqlStore
from tests.support.cli import invoke


def _measures_table_diff(app: Flask) -> list[object]:
    """What the migrated `measures` table lacks or has beyond the declared one."""
    with app.extensions["db_engine"].connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    return [d for d in diff if "measures" in repr(d) and "progress" not in repr(d)]


def test_0011_makes_existing_measures_integrity_measures(app: Flask) -> None:
    cfg = alembic_config(app)
    command.downgrade(cfg, "0010")
    with new_session(app) as s:
        s.execute(
            text(
                "INSERT INTO measures (fiscal_year, no, issue, title, steps, unit, period_text,"
                " indicators, outcome, result, note, warnings, created_at, updated_at)"
                " VALUES (2568, 3, '', 'จัดอบรมคุณธรรม', '', 'สำนักปลัด', 'ไตรมาส 1', '[]', '',"
                " '', '', '[]', '2024-10-05 02:00:00', '2024-10-05 02:00:00')"
            )
        )
        s.execute(
            text(
                "INSERT INTO progress_updates (measure_id, percent, done, outcome, photos,"
                " staff_name, unit, channel, created_at) SELECT id, 60, 'อบรม 45 คน', '', '[]',"
                " 'สมหญิง', 'สำนักปลัด', 'line', '2024-11-01 03:00:00' FROM measures"
            )
        )
        s.commit()

    command.upgrade(cfg, "head")

    with new_session(app) as s:
        part = SqlStore(s).measures
        [old] = part.measures_of_year(2568)
        assert (old.plan, old.no, old.budget, old.percent) == ("integrity", 3, None, 60)
        # Number 3 of the operating plan is another item, beside integrity measure 3.
        s.add(
            MeasureRow(
                fiscal_year=2568,
                plan="operating",
                no=3,
                title="ซ่อมถนนหมู่ 4",
                budget=Decimal("150000.50"),
                created_at=old.latest.created_at,  # type: ignore[union-attr]
                updated_at=old.latest.created_at,  # type: ignore[union-attr]
            )
        )
        s.commit()
        assert [m.title for m in part.measures_of_year(2568)] == ["จัดอบรมคุณธรรม"]
        [project] = part.measures_of_year(2568, plan="operating")
        assert (project.no, project.budget) == (3, Decimal("150000.50"))
        assert [m.plan for m in part.measures_of_year(2568, plan=None)] == [
            "integrity",
            "operating",
        ]
        assert part.find_measure(2568, 3, "operating").title == "ซ่อมถนนหมู่ 4"  # type: ignore[union-attr]
        # …but not twice in one plan.
        s.add(
            MeasureRow(
                fiscal_year=2568,
                plan="operating",
                no=3,
                title="ซ้ำ",
                created_at=old.latest.created_at,  # type: ignore[union-attr]
                updated_at=old.latest.created_at,  # type: ignore[union-attr]
            )
        )
        with pytest.raises(IntegrityError):
            s.commit()


def test_migrated_measures_table_is_the_declared_one(app: Flask) -> None:
    assert _measures_table_diff(app) == []
    uniques = inspect(app.extensions["db_engine"]).get_unique_constraints("measures")
    assert [u["column_names"] for u in uniques] == [["fiscal_year", "plan", "no"]]


def test_downgrade_refuses_while_other_plans_have_items(app: Flask, tmp_path: Path) -> None:
    plan = tmp_path / "op.csv"
    plan.write_text("โครงการ,ผู้รับผิดชอบ,ระยะเวลา\n1. ซ่อมถนน,กองช่าง,ไตรมาส 2\n", encoding="utf-8")
    r = invoke(app, "import-measures", str(plan), "--year", "2568", "--plan", "operating")
    assert r.exit_code == 0, r.output
    with pytest.raises(RuntimeError, match="1 items of the operating"):
        command.downgrade(alembic_config(app), "0010")


# --- import-measures --plan ------------------------------------------------------------------


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


OPERATING = [
    ["ที่", "โครงการ", "รายละเอียดของกิจกรรม", "งบประมาณ (บาท)", "หน่วยงานรับผิดชอบ", "ระยะเวลา"],
    ["1", "ก่อสร้างถนนคอนกรีตหมู่ 4", "ถนนกว้าง 4 ม.", "๑๕๐,๐๐๐", "กองช่าง", "ไตรมาส 2"],
    ["2", "อบรมอาสาสมัครป้องกันภัย", "อบรม 50 คน", "25,500.50", "สำนักปลัด", "ไตรมาส 3"],
    ["3", "ประชุมประชาคมหมู่บ้าน", "ประชุม 10 หมู่", "-", "สำนักปลัด", "ไตรมาส 1"],
]


def test_import_with_plan_reads_the_budget_and_leaves_the_measures_alone(
    app: Flask, tmp_path: Path
) -> None:
    measures = _write(
        tmp_path / "m.csv",
        [["มาตรการ", "ผู้รับผิดชอบ", "ระยะเวลา"], ["1. ป้องกันการทุจริต", "สำนักปลัด", "ไตรมาส 1"]],
    )
    assert invoke(app, "import-measures", str(measures), "--year", "2568").exit_code == 0
    plan = _write(tmp_path / "op.csv", OPERATING)

    r = invoke(app, "import-measures", str(plan), "--year", "2568", "--plan", "operating", "--json")
    assert r.exit_code == 0, r.output
    parsed = json.loads(r.output)["measures"]
    assert [(m["plan"], m["budget"]) for m in parsed] == [
        ("operating", "150000"),
        ("operating", "25500.50"),
        ("operating", None),
    ]
    assert all(not m["warnings"] for m in parsed)

    with new_session(app) as s:
        part = SqlStore(s).measures
        projects = part.measures_of_year(2568, plan="operating")
        assert [(m.no, m.budget, m.unit) for m in projects] == [
            (1, Decimal("150000.00"), "กองช่าง"),
            (2, Decimal("25500.50"), "สำนักปลัด"),
            (3, None, "สำนักปลัด"),
        ]
        # Integrity measure 1 is still the measure, not project 1.
        [measure] = part.measures_of_year(2568)
        assert measure.title == "ป้องกันการทุจริต" and measure.budget is None

    again = invoke(app, "import-measures", str(plan), "--year", "2568", "--plan", "operating")
    assert "ไม่เปลี่ยนแปลง 3" in again.output and "แผนดำเนินงาน" in again.output
    bad = invoke(app, "import-measures", str(plan), "--year", "2568", "--plan", "budget")
    assert bad.exit_code == 2 and "integrity" in bad.output


def test_an_unreadable_budget_is_flagged_not_guessed(app: Flask, tmp_path: Path) -> None:
    rows = [OPERATING[0], ["1", "ซ่อมถนน", "ซ่อม", "ตามเทศบัญญัติ", "กองช่าง", "ไตรมาส 2"]]
    plan = _write(tmp_path / "op.csv", rows)
    r = invoke(app, "import-measures", str(plan), "--year", "2568", "--plan", "operating")
    assert r.exit_code == 0, r.output
    assert "อ่านงบประมาณ “ตามเทศบัญญัติ” ไม่ได้" in r.output
    with new_session(app) as s:
        budgets = s.scalars(select(MeasureRow.budget)).all()
    assert budgets == [None]
