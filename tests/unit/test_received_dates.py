"""Complaints staff record for citizens at the counter, on the phone or by letter: dated the
day they arrived, numbered in that day's fiscal year, due 15 days later."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from handlers.complaints.due import due_date, is_overdue
from handlers.complaints.policy import Viewer, case_view
from handlers.complaints.received import file_received, parse_received, staff_channel
from handlers.complaints.usecases import ComplaintDraft, track
from handlers.shared import Channel, DomainError
from tests.fakes.fake_store import FakeStore

# 3 October 2025, 10:00 in Bangkok: fiscal year 2569 began two days ago.
NOW = datetime(2025, 10, 3, 3, 0, tzinfo=UTC)


def draft(category: str = "road") -> ComplaintDraft:
    return ComplaintDraft(
        category=category,
        details="ถนนหน้าวัดเป็นหลุมลึก รถจักรยานยนต์ล้ม",
        contact_name="นายสมชาย ใจดี",
        phone="081-234-5678",
    )


def test_a_letter_that_arrived_last_fiscal_year_is_numbered_and_due_from_its_arrival() -> None:
    store = FakeStore()
    letter = file_received(store, draft(), Channel.LETTER, date(2025, 9, 28), NOW)
    today = file_received(store, draft(), Channel.WALK_IN, date(2025, 10, 3), NOW)
    store.commit()

    c = letter.complaint
    assert (c.case_number, c.fiscal_year, c.channel) == ("2568-000001", 2568, Channel.LETTER)
    assert due_date(c.created_at) == date(2025, 10, 13)  # 28 September + 15 days
    assert not is_overdue(c, datetime(2025, 10, 13, 16, 59, tzinfo=UTC))  # 23:59 on the 13th
    assert is_overdue(c, datetime(2025, 10, 13, 17, 0, tzinfo=UTC))  # 00:00 on the 14th
    # Received today: filed now, in the new year, due on 18 October.
    t = today.complaint
    assert (t.case_number, t.created_at) == ("2569-000001", NOW)
    assert due_date(t.created_at) == date(2025, 10, 18)
    assert t.phone == "0812345678" and t.contact_name == "นายสมชาย ใจดี"
    # The mirror is told now (when it was keyed in), and the code tracks it like any case.
    assert [(o.entity_id, o.created_at) for o in store.outbox] == [
        ("2568-000001", NOW),
        ("2569-000001", NOW),
    ]
    found = track(store, "2568-000001", letter.secret_code)
    assert found is not None and found.details == "ถนนหน้าวัดเป็นหลุมลึก รถจักรยานยนต์ล้ม"


def test_a_future_date_is_refused_in_thai_and_nothing_is_filed() -> None:
    store = FakeStore()
    with pytest.raises(DomainError, match="เป็นวันในอนาคต"):
        file_received(store, draft(), Channel.PHONE, date(2025, 10, 4), NOW)
    assert store.complaints == [] and store.outbox == []


def test_at_most_a_year_back() -> None:
    store = FakeStore()
    with pytest.raises(DomainError, match="ย้อนหลังได้ไม่เกินหนึ่งปี"):
        file_received(store, draft(), Channel.LETTER, date(2024, 10, 2), NOW)
    filed = file_received(store, draft(), Channel.LETTER, date(2024, 10, 3), NOW)
    assert filed.complaint.case_number == "2568-000001"  # 3 October 2024 is in FY 2568


def test_a_corruption_report_taken_by_phone_stays_sealed() -> None:
    store = FakeStore()
    filed = file_received(store, draft("corruption"), Channel.PHONE, date(2025, 10, 1), NOW)
    admin = case_view(Viewer("admin", username="admin"), filed.complaint, NOW)
    assert admin.sealed and admin.details == "" and admin.contact_name == ""
    integrity = case_view(Viewer("integrity", username="i"), filed.complaint, NOW)
    assert integrity.details.startswith("ถนนหน้าวัด") and integrity.channel == "phone"


def test_line_and_the_web_are_not_doors_staff_record() -> None:
    with pytest.raises(DomainError, match="ช่องทาง “line” ไม่ถูกต้อง"):
        file_received(FakeStore(), draft(), Channel.LINE, date(2025, 10, 1), NOW)
    assert staff_channel(" Walk_In ") is Channel.WALK_IN
    with pytest.raises(DomainError, match="walk_in"):
        staff_channel("counter")


@pytest.mark.parametrize("text", ["2568-09-28", "2025-09-28", "๒๕๖๘-๐๙-๒๘", " 2568-9-28 "])
def test_the_arrival_date_in_either_era(text: str) -> None:
    assert parse_received(text) == date(2025, 9, 28)


@pytest.mark.parametrize("text", ["28/09/2568", "2568-02-30", "yesterday", ""])
def test_a_date_that_is_not_one_is_refused_in_thai(text: str) -> None:
    with pytest.raises(DomainError, match="วันที่รับเรื่อง"):
        parse_received(text)
