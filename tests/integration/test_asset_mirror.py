"""Asset loans in the XLSX mirror: one row per loan, rewritten in place as it is approved
and returned, text kept as text (a purpose typed as a formula stays a string)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from flask import Flask

from bot.db import new_session
from bot.db.store import SqlStore
from handlers.assets.usecases import Person, add_asset, decide, record_return, request_loan
from handlers.clock import local_date
from sheets.layout import ASSET_LOANS, SUMMARY
from tests.support.cli import sync

FORMULA = '=HYPERLINK("http://evil","คลิก") ประชุม'
NOW = datetime.now(UTC)
BORROWER = Person(None, "สมหญิง ใจดี", "กองคลัง")
ADMIN = Person(None, "ผู้ดูแล", "", role="admin")


@pytest.fixture
def app(make_app: Callable[..., Flask], xlsx: Path) -> Flask:
    return make_app(SHEETS_BACKEND="xlsx", SHEETS_XLSX_PATH=str(xlsx))


def rows(path: Path, title: str) -> list[dict[str, Any]]:
    tab = next(t for t in (ASSET_LOANS, SUMMARY) if t.title == title)
    ws = openpyxl.load_workbook(path)[title]
    return [
        {c.key: ("" if v is None else v) for c, v in zip(tab.columns, values, strict=True)}
        for values in ws.iter_rows(min_row=2, max_col=len(tab.columns), values_only=True)
        if values[0] not in (None, "")
    ]


def test_a_loan_is_one_row_updated_in_place_and_its_text_stays_text(app: Flask, xlsx: Path) -> None:
    today = local_date(NOW)
    with new_session(app) as s:
        store = SqlStore(s)
        add_asset(store.assets, "เครื่องฉายภาพ", "สำนักปลัด", "7430-001-0001", ["สำนักปลัด"])
        loan = request_loan(
            store.assets,
            store,
            BORROWER,
            asset_id=1,
            start=today,
            due=today,
            purpose=FORMULA,
            now=NOW,
        )
        store.commit()
    assert "1 rows added" in sync(app)
    (row,) = rows(xlsx, ASSET_LOANS.title)
    assert (row["id"], row["asset"], row["asset_code"], row["status"]) == (
        "L000001",
        "เครื่องฉายภาพ",
        "7430-001-0001",
        "รออนุมัติ",
    )
    assert row["purpose"] == FORMULA and row["due_iso"] == today.isoformat()
    ws = openpyxl.load_workbook(xlsx)[ASSET_LOANS.title]
    cell = ws.cell(row=2, column=ASSET_LOANS.col("purpose") + 1)
    assert cell.data_type == "s" and cell.quotePrefix

    with new_session(app) as s:
        store = SqlStore(s)
        decide(store.assets, store, loan.id or 0, ADMIN, True, NOW)
        record_return(store.assets, store, loan.id or 0, ADMIN, "ครบถ้วน", NOW)
        store.commit()
    sync(app)
    (row,) = rows(xlsx, ASSET_LOANS.title)
    assert (row["status"], row["approver"], row["return_note"], row["returned_late"]) == (
        "คืนแล้ว",
        "ผู้ดูแล",
        "ครบถ้วน",
        "",
    )
    assert row["returned"].endswith("น.")
    summary = {r["id"]: (r["label"], r["value"]) for r in rows(xlsx, SUMMARY.title)}
    assert summary["assets.loans"] == ("การยืมทรัพย์สินในปีงบประมาณ (ครั้ง)", 1)
    assert summary["assets.out"][1] == 0 and summary["assets.overdue"][1] == 0


def test_rebuild_mirrors_loans_again_without_duplicates(app: Flask, xlsx: Path) -> None:
    today = local_date(NOW)
    with new_session(app) as s:
        store = SqlStore(s)
        add_asset(store.assets, "กล้อง", "กองคลัง", "", ["กองคลัง"])
        for day in (today, date(today.year + 1, 1, 1)):
            request_loan(
                store.assets,
                store,
                BORROWER,
                asset_id=1,
                start=day,
                due=day,
                purpose="งาน",
                now=NOW,
            )
        store.commit()
    sync(app)
    sync(app, "--rebuild")
    assert [r["id"] for r in rows(xlsx, ASSET_LOANS.title)] == ["L000001", "L000002"]
