"""The asset loan rules: dates in order, no two loans of one asset on the same day, overdue
as of a given Bangkok day, who may decide, and the year's figures."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from handlers.assets.domain import APPROVED, REJECTED, REQUESTED, RETURNED
from handlers.assets.ports import Account
from handlers.assets.usecases import (
    AssetInvalid,
    Person,
    add_asset,
    decide,
    figures,
    parse_loan_day,
    record_return,
    request_loan,
)
from tests.fakes.fake_assets import StoreWithAssets

# 10 March 2026, 09:00 in Bangkok (02:00 UTC).
NOW = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)
TODAY = date(2026, 3, 10)
UNITS = ["สำนักปลัด", "กองคลัง", "กองช่าง"]
BORROWER = Person(11, "สมหญิง ใจดี", "กองคลัง")
OTHER = Person(12, "สมศักดิ์ รักงาน", "กองช่าง")
HEAD = Person(21, "หัวหน้าสำนักปลัด", "สำนักปลัด")
ADMIN = Person(1, "ผู้ดูแล", "", role="admin")


@pytest.fixture
def store() -> StoreWithAssets:
    s = StoreWithAssets()
    add_asset(s.assets, "เครื่องฉายภาพ", "สำนักปลัด", "7430-001-0001", UNITS)
    s.assets.set_unit_head("สำนักปลัด", HEAD.user_id or 0, NOW)
    s.assets.accounts = [
        Account(11, "staff", "กองคลัง", "U-borrower"),
        Account(21, "staff", "สำนักปลัด", "U-head"),
        Account(1, "admin", "", "U-admin"),
    ]
    return s


def ask(store: StoreWithAssets, who: Person, start: date, due: date) -> int:
    loan = request_loan(
        store.assets, store, who, asset_id=1, start=start, due=due, purpose="อบรม", now=NOW
    )
    assert loan.id is not None
    return loan.id


def test_a_due_date_before_the_start_is_refused_and_nothing_is_kept(store: StoreWithAssets) -> None:
    with pytest.raises(AssetInvalid, match="วันกำหนดคืนต้องไม่ก่อนวันที่เริ่มยืม"):
        ask(store, BORROWER, date(2026, 3, 12), date(2026, 3, 11))
    with pytest.raises(AssetInvalid, match="ต้องไม่เป็นวันที่ผ่านมาแล้ว"):
        ask(store, BORROWER, date(2026, 3, 9), date(2026, 3, 11))
    assert store.assets.loans == [] and store.outbox == []


def test_an_approved_loan_blocks_overlapping_dates_but_not_the_next_day(
    store: StoreWithAssets,
) -> None:
    first = ask(store, BORROWER, date(2026, 3, 12), date(2026, 3, 14))
    # A request alone keeps nothing: a second request for the same days is accepted.
    second = ask(store, OTHER, date(2026, 3, 14), date(2026, 3, 16))
    decide(store.assets, store, first, HEAD, True, NOW)
    with pytest.raises(AssetInvalid, match="ตรงกับช่วงวันที่ขอยืม"):
        decide(store.assets, store, second, HEAD, True, NOW)  # 14 March is taken
    with pytest.raises(AssetInvalid, match="มีผู้ยืม \\(สมหญิง ใจดี\\)"):
        ask(store, OTHER, date(2026, 3, 10), date(2026, 3, 12))  # ends on its first day
    assert ask(store, OTHER, date(2026, 3, 15), date(2026, 3, 16))  # the day after is free
    assert store.assets.loan(second).status == REQUESTED  # type: ignore[union-attr]


def test_a_refused_or_returned_loan_frees_its_dates(store: StoreWithAssets) -> None:
    a = ask(store, BORROWER, date(2026, 3, 10), date(2026, 3, 12))
    decide(store.assets, store, a, HEAD, False, NOW)
    b = ask(store, OTHER, date(2026, 3, 10), date(2026, 3, 12))
    decide(store.assets, store, b, ADMIN, True, NOW)
    record_return(store.assets, store, b, OTHER, "ครบถ้วน", NOW)
    c = ask(store, BORROWER, date(2026, 3, 11), date(2026, 3, 11))
    assert [x.status for x in store.assets.loans] == [REJECTED, RETURNED, REQUESTED]
    assert c == 3


def test_overdue_as_of_a_frozen_day_and_an_overdue_asset_stays_busy(
    store: StoreWithAssets,
) -> None:
    loan_id = ask(store, BORROWER, date(2026, 3, 10), date(2026, 3, 12))
    decide(store.assets, store, loan_id, HEAD, True, NOW)
    loan = store.assets.loan(loan_id)
    assert loan is not None
    assert not loan.overdue(date(2026, 3, 12))  # due that day: not yet late
    assert loan.overdue(date(2026, 3, 13))
    assert loan.out(date(2026, 3, 20)) and not loan.out(date(2026, 3, 9))
    # Seen on 20 March, the asset is still out: it cannot be lent for later dates either.
    later = datetime(2026, 3, 20, 2, 0, tzinfo=UTC)
    with pytest.raises(AssetInvalid, match="ยังไม่ได้คืน"):
        request_loan(
            store.assets,
            store,
            OTHER,
            asset_id=1,
            start=date(2026, 3, 25),
            due=date(2026, 3, 26),
            purpose="ประชุม",
            now=later,
        )


def test_only_the_unit_head_or_an_admin_decides_never_the_borrower(
    store: StoreWithAssets,
) -> None:
    loan_id = ask(store, BORROWER, date(2026, 3, 11), date(2026, 3, 11))
    with pytest.raises(AssetInvalid, match="หัวหน้าหน่วยงานหรือผู้ดูแลระบบ"):
        decide(store.assets, store, loan_id, OTHER, True, NOW)
    with pytest.raises(AssetInvalid, match="หัวหน้าหน่วยงานหรือผู้ดูแลระบบ"):
        decide(store.assets, store, loan_id, BORROWER, True, NOW)
    decide(store.assets, store, loan_id, HEAD, True, NOW)
    with pytest.raises(AssetInvalid, match="อนุมัติแล้วไปแล้ว"):
        decide(store.assets, store, loan_id, ADMIN, False, NOW)
    with pytest.raises(AssetInvalid, match="ผู้ยืม หัวหน้าหน่วยงาน หรือผู้ดูแลระบบ"):
        record_return(store.assets, store, loan_id, OTHER, "", NOW)


def test_the_head_is_told_of_a_request_and_the_borrower_of_the_decision(
    store: StoreWithAssets,
) -> None:
    loan_id = ask(store, BORROWER, date(2026, 3, 11), date(2026, 3, 13))
    (to_head,) = store.notices
    assert to_head.notice.line_user_id == "U-head"
    assert f"อนุมัติการยืม {loan_id}" in to_head.notice.text
    assert "ทรัพย์สิน: เครื่องฉายภาพ เลขที่ 7430-001-0001 ของสำนักปลัด" in to_head.notice.text
    decide(store.assets, store, loan_id, HEAD, True, NOW)
    told = store.notices[-1].notice
    assert told.line_user_id == "U-borrower"
    assert "ได้รับการอนุมัติแล้ว" in told.text and "13 มีนาคม 2569" in told.text
    assert [o.entity_id for o in store.outbox] == [str(loan_id), str(loan_id)]


def test_without_a_linked_head_every_linked_admin_is_told(store: StoreWithAssets) -> None:
    store.assets.heads.clear()
    ask(store, BORROWER, date(2026, 3, 11), date(2026, 3, 13))
    assert [n.notice.line_user_id for n in store.notices] == ["U-admin"]


def test_figures_count_loans_of_the_year_and_what_is_out_or_overdue_today(
    store: StoreWithAssets,
) -> None:
    add_asset(store.assets, "กล้องถ่ายรูป", "สำนักปลัด", "", UNITS)
    add_asset(store.assets, "เต็นท์", "สำนักปลัด", "", UNITS)
    # Three assets: one overdue (due 12 March), one out until 20 March, one returned.
    for asset_id, start, due in ((1, 10, 12), (2, 10, 20), (3, 10, 11)):
        loan = request_loan(
            store.assets,
            store,
            BORROWER,
            asset_id=asset_id,
            start=date(2026, 3, start),
            due=date(2026, 3, due),
            purpose="งาน",
            now=NOW,
        )
        decide(store.assets, store, loan.id or 0, HEAD, True, NOW)
    record_return(store.assets, store, 3, BORROWER, "", NOW)
    ask(store, OTHER, date(2026, 3, 25), date(2026, 3, 26))  # a request: not yet a loan
    loans = store.assets.loans_overlapping(date(2025, 10, 1), date(2026, 9, 30))
    result = figures(
        loans + store.assets.open_loans(), date(2025, 10, 1), date(2026, 9, 30), date(2026, 3, 15)
    )
    assert result == {"loans": 3, "out": 2, "overdue": 1}
    assert store.assets.loan(1).status == APPROVED  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("วันนี้", date(2026, 3, 10)),
        ("พรุ่งนี้", date(2026, 3, 11)),
        ("15 มี.ค. 2569", date(2026, 3, 15)),
        ("๑๕ มีนาคม ๒๕๖๙", date(2026, 3, 15)),
        ("2569-03-15", date(2026, 3, 15)),
    ],
)
def test_loan_days_are_read_as_staff_write_them(text: str, day: date) -> None:
    assert parse_loan_day(text, TODAY) == day


def test_an_unreadable_day_is_explained() -> None:
    with pytest.raises(AssetInvalid, match="อ่านวันที่ “สัปดาห์หน้า” ไม่ได้"):
        parse_loan_day("สัปดาห์หน้า", TODAY)


def test_an_unknown_unit_lists_the_offices_units(store: StoreWithAssets) -> None:
    with pytest.raises(AssetInvalid, match="สำนักปลัด, กองคลัง, กองช่าง"):
        add_asset(store.assets, "รถยนต์", "กองเกษตร", "", UNITS)
    with pytest.raises(AssetInvalid, match="เลขที่ 7430-001-0001 ในทะเบียนอยู่แล้ว"):
        add_asset(store.assets, "เครื่องฉาย 2", "กองคลัง", "7430-001-0001", UNITS)
