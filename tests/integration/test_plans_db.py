"""Plans in the database: revision 0011 turns every existing measure into an integrity
measure and numbers items within their plan; import-measures --plan with a budget column;
the schema the migrations build is the one the tables declare."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
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
from bot.db.measures.tables import MeasureRow, ProgressRow
from bot.db.schema import metadata
from bot.db.store import SqlStore
from bot.reports.measures import build_measure_results, build_plan_progress
from bot.reports.request import ReportRequest
from handlers.clock import local_date, utcnow
from handlers.ita.catalogue import load
from handlers.ita.windows import window_for
from handlers.measures.domain import Measure, ProgressUpdate
from handlers.reports.model import Image
from handlers.thai.dates import fiscal_year
from tests.fakes.fake_line import FakeLine
from tests.support.admin import add_staff, client_for
from tests.support.cli import invoke
from tests.support.line import line_config, say


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


# --- the admin pages -------------------------------------------------------------------------


def test_admin_imports_an_operating_plan_and_lists_it_apart(app: Flask, tmp_path: Path) -> None:
    app.config["WTF_CSRF_ENABLED"] = False
    client = client_for(app, "admin")
    data = _write(tmp_path / "op.csv", OPERATING).read_bytes()
    page = client.get("/admin/measures/import?plan=operating").get_data(as_text=True)
    assert '<option value="operating" selected>แผนดำเนินงาน</option>' in page
    r = client.post(
        "/admin/measures/import",
        data={"year": "2568", "plan": "operating", "file": (io.BytesIO(data), "แผน.csv")},
        content_type="multipart/form-data",
    )
    preview = r.get_data(as_text=True)
    assert "แผนดำเนินงาน พบ 3 โครงการ" in preview and "150,000" in preview
    # Days read from the period are shown in the Buddhist era (ไตรมาส 2 of FY 2568).
    assert "1 มกราคม 2568 ถึง 31 มีนาคม 2568" in preview and "2025-" not in preview
    token = preview.split('name="token" value="')[1].split('"')[0]
    r = client.post(
        "/admin/measures/import", data={"year": "2568", "plan": "operating", "token": token}
    )
    assert r.status_code == 302 and "plan=operating" in r.headers["Location"]
    listing = client.get("/admin/measures?year=2568&plan=operating").get_data(as_text=True)
    assert "ทั้งหมด 3 โครงการ" in listing and "25,500.50" in listing
    measures = client.get("/admin/measures?year=2568").get_data(as_text=True)
    assert "ยังไม่มีมาตรการส่งเสริมคุณธรรมและความโปร่งใสของปีงบประมาณ พ.ศ. 2568" in measures


def test_the_measure_page_shows_report_times_in_bangkok(app: Flask) -> None:
    with new_session(app) as s:
        store = SqlStore(s)
        mid = store.measures.save_measure(Measure(fiscal_year=2568, no=1, title="อบรมคุณธรรม"))
        # 17:30 UTC on 14 January is 00:30 on 15 January in Bangkok.
        store.measures.add_progress(
            ProgressUpdate(mid, 50, "อบรมรุ่นแรก", datetime(2025, 1, 14, 17, 30, tzinfo=UTC))
        )
        store.commit()
    app.config["WTF_CSRF_ENABLED"] = False
    page = client_for(app, "admin").get(f"/admin/measures/{mid}").get_data(as_text=True)
    assert "15 ม.ค. 68 เวลา 00:30 น." in page and "2025-01-14" not in page


# --- the builders through the database ---------------------------------------------------


def test_o43_through_the_database_with_staff_photos(app: Flask, tmp_path: Path) -> None:
    uploads = Path(app.config["UPLOAD_FOLDER"])
    uploads.mkdir(parents=True, exist_ok=True)
    (uploads / "evidence.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    with new_session(app) as s:
        store = SqlStore(s)
        mid = store.measures.save_measure(
            Measure(fiscal_year=2566, no=3, title="จัดอบรมคุณธรรม", unit="สำนักปลัด")
        )
        other = store.measures.save_measure(
            Measure(fiscal_year=2566, no=3, title="ซ่อมถนน", plan="operating", budget=Decimal(9))
        )
        for measure_id, percent, when, photos in (
            (mid, 60, datetime(2023, 1, 10, 3, tzinfo=UTC), ["evidence.jpg", "missing.jpg"]),
            (other, 100, datetime(2023, 1, 11, 3, tzinfo=UTC), []),
        ):
            store.measures.add_progress(
                ProgressUpdate(measure_id, percent, "อบรม 45 คน", when, photos=photos)
            )
        store.commit()
    catalogue = load(2566)
    o43 = catalogue.item("o43")
    now = datetime(2023, 4, 10, 3, tzinfo=UTC)
    with app.app_context(), new_session(app) as s:
        req = ReportRequest(
            SqlStore(s),
            2566,
            now,
            office="องค์การบริหารส่วนตำบลบ่อเรียง",
            item=o43,
            window=window_for("current_fy_to_date", 2566, date(2023, 4, 10)),
        )
        report = build_measure_results(req)
        progress = build_plan_progress(
            replace(
                req,
                item=catalogue.item("o12"),
                window=window_for("first_half_current_fy", 2566, date(2023, 4, 10)),
            )
        )
    [row] = report.tables[0].rows  # the operating plan's item 3 is not a measure
    assert row[4] == "10 ม.ค. 66: อบรม 45 คน (ร้อยละ 60)"
    assert "(O42) จำนวน 1 มาตรการ" in report.intro[0]
    assert report.intro[0].endswith("ตั้งแต่วันที่ 1 ตุลาคม 2565 ถึงวันที่ 10 เมษายน 2566 ดังนี้")
    assert report.images == [Image("มาตรการที่ 3: 10 มกราคม 2566", str(uploads / "evidence.jpg"), "")]
    assert progress.figures["budget_total"] == 9.0 and progress.figures["completed"] == 1
    assert progress.tables[0].rows[0][1] == "ซ่อมถนน"


def test_a_staff_member_reports_on_an_operating_plan_item_through_line(
    make_app: Callable[..., Flask], line: FakeLine, tmp_path: Path
) -> None:
    app = make_app(**line_config(line))
    fy = fiscal_year(local_date(utcnow()))
    measures = _write(
        tmp_path / "m.csv",
        [["มาตรการ", "ผู้รับผิดชอบ", "ระยะเวลา"], ["1. ป้องกันการทุจริต", "สำนักปลัด", "ตลอดปีงบประมาณ"]],
    )
    plan = _write(
        tmp_path / "op.csv",
        [
            OPERATING[0],
            ["1", "อบรมอาสาสมัครป้องกันภัย", "อบรม 50 คน", "25,500", "สำนักปลัด", "ตลอดปีงบประมาณ"],
        ],
    )
    assert invoke(app, "import-measures", str(measures), "--year", str(fy)).exit_code == 0
    r = invoke(app, "import-measures", str(plan), "--year", str(fy), "--plan", "operating")
    assert r.exit_code == 0, r.output
    staff = "U" + "5" * 32
    say(app, f"ลงทะเบียน {add_staff(app)}", staff)
    say(app, "รายงานความคืบหน้า", staff)
    assert "แผนดำเนินงาน 1. อบรมอาสาสมัครป้องกันภัย — ร้อยละ 0" in "\n".join(line.last_texts())
    say(app, "แผนดำเนินงาน ๑ ๕๐% อบรมแล้ว ๒๕ คน", staff)
    assert "แผนดำเนินงาน 1: อบรมอาสาสมัครป้องกันภัย" in "\n".join(line.last_texts())
    say(app, "ยืนยัน", staff)
    assert "บันทึกความคืบหน้าแผนดำเนินงาน 1 แล้วครับ: ร้อยละ 50" in "\n".join(line.last_texts())
    with new_session(app) as s:
        plan_of = {i: p for i, p in s.execute(select(MeasureRow.id, MeasureRow.plan))}
        [row] = s.scalars(select(ProgressRow)).all()
    assert (plan_of[row.measure_id], row.percent, row.done) == ("operating", 50, "อบรมแล้ว ๒๕ คน")
