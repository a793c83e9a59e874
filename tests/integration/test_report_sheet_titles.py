"""Workbook sheet titles follow Excel's rules whatever the office names its services: no
/ : ? * [ ] \\, at most 31 characters, no quote at either end, unique ignoring case."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from flask import Flask
from openpyxl import load_workbook

from bot.db import new_session
from bot.db.store import SqlStore
from bot.reports.xlsx import render_xlsx
from handlers.reports.model import Chart, Report, Table
from handlers.satisfaction.model import Kind, Rating
from handlers.satisfaction.services import Service
from handlers.shared import Channel

FORBIDDEN = set("/\\:?*[]")
NASTY_NAMES = [
    "งานทะเบียน/บัตร: ประชาชน?",
    "งาน*ประปา* [หมู่ 1-5]",
    "งาน\\ขยะ\\มูลฝอย",
    "งานทะเบียน/บัตร: ประชาชน*",  # the same as the first once cleaned
    "งานป้องกันและบรรเทาสาธารณภัยและการช่วยเหลือผู้ประสบภัยพิบัติทุกประเภท",
    "งานป้องกันและบรรเทาสาธารณภัยและการช่วยเหลือผู้ประสบภัยพิบัติทุกชนิด",
    "'งานศูนย์เด็กเล็ก'",
]


def titles(data: bytes) -> list[str]:
    return load_workbook(io.BytesIO(data)).sheetnames


def check(names: list[str]) -> None:
    for name in names:
        assert name and len(name.encode("utf-16-le")) // 2 <= 31, name
        assert not FORBIDDEN & set(name), name
        assert not name.startswith("'") and not name.endswith("'"), name
    assert len({n.casefold() for n in names}) == len(names), names


def test_table_titles_become_valid_unique_sheet_titles() -> None:
    tables = [
        Table(columns=("a",), rows=[("1",)], title=t)
        for t in [
            *NASTY_NAMES,
            "",
            "   ",
            "[]",
            "History",  # Excel keeps this name for itself
            "แผนภูมิ",  # the name of the charts sheet
            "Summary",
            "summary",
            "😀" * 20,  # characters outside the BMP count twice in Excel
        ]
    ]
    chart = Chart(title="c", labels=("a",), values=(1.0,))
    report = Report(title="t", tables=tables, kind="o17", charts=[chart])
    names = titles(render_xlsx(report))
    check(names)
    assert len(names) == len(tables) + 1
    assert names[-1] == "แผนภูมิ"
    assert names[0].startswith("งานทะเบียน")


def test_a_report_without_tables_still_has_a_valid_sheet() -> None:
    check(titles(render_xlsx(Report(title="t", kind="o1/2:3"))))


@pytest.fixture
def web(make_app: Callable[..., Flask]) -> Flask:
    return make_app()


def test_o17_with_services_named_against_excels_rules(web: Flask, tmp_path: Path) -> None:
    dims = ("process", "staff", "facilities", "quality", "overall")
    with new_session(web) as s:
        part = SqlStore(s).satisfaction
        for i, name in enumerate(NASTY_NAMES):
            part.save_service(Service(f"s{i}", name))
            part.add_rating(
                Rating(
                    Kind.SERVICE,
                    dict.fromkeys(dims, 4),
                    Channel.WEB,
                    datetime(2025, 1, 10, 3, 0, tzinfo=UTC),
                    service_code=f"s{i}",
                )
            )
        s.commit()
    out = tmp_path / "o17.xlsx"
    r = web.test_cli_runner().invoke(
        args=["report", "satisfaction", "--year", "2568", "--out", str(out)]
    )
    assert r.exit_code == 0, r.output
    names = titles(out.read_bytes())
    check(names)
    wb = load_workbook(out)
    cells = {str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row}
    for name in NASTY_NAMES:  # the names stay as typed inside the sheets
        assert any(name in c for c in cells), name
