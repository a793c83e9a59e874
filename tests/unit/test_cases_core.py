"""Due dates across month and year boundaries, overdue flags, the median, the sealed-view
policy, queue filters and the split of the complaint statistics: the core alone, no database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from handlers.complaints.domain import Complaint, Location, Status, StatusChange
from handlers.complaints.due import days_to_close, due_date, is_overdue, overdue_before
from handlers.complaints.policy import Viewer, case_view, may_change_status, may_list
from handlers.complaints.queue import parse_filter
from handlers.complaints.stats import median_from_histogram
from handlers.reports import complaint_stats
from handlers.reports.complaint_stats import CaseFacts
from handlers.shared import Channel


def bkk(y: int, m: int, d: int, h: int = 10, mi: int = 0) -> datetime:
    """A Bangkok wall-clock time as the UTC instant the database keeps."""
    return datetime(y, m, d, h, mi, tzinfo=UTC) - timedelta(hours=7)


def case(
    category: str = "road",
    created: datetime | None = None,
    status: Status = Status.RECEIVED,
    unit: str = "กองช่าง",
) -> Complaint:
    return Complaint(
        case_number="2568-000001",
        fiscal_year=2568,
        category=category,
        details="รายละเอียดลับ",
        channel=Channel.LINE,
        created_at=created or bkk(2025, 1, 4),
        status=status,
        unit=unit,
        photos=["a.jpg"],
        location=Location(13.7, 100.5, "หน้าบ้าน"),
        line_user_id="U1",
        contact_name="ผู้แจ้ง",
        phone="0812345678",
        history=[StatusChange(Status.IN_PROGRESS, "โน้ตลับ", bkk(2025, 1, 5), "integ")],
    )


@pytest.mark.parametrize(
    ("filed", "due"),
    [
        (bkk(2025, 1, 20), date(2025, 2, 4)),  # across a month
        (bkk(2024, 12, 20), date(2025, 1, 4)),  # across a year (and a fiscal quarter)
        (bkk(2024, 2, 20), date(2024, 3, 6)),  # a leap February
        (bkk(2025, 2, 20), date(2025, 3, 7)),
        (bkk(2024, 9, 25), date(2024, 10, 10)),  # across the fiscal year
        # 23:30 in Bangkok on 31 Dec is still 31 Dec there (16:30 UTC), whatever UTC says
        (bkk(2024, 12, 31, 23, 30), date(2025, 1, 15)),
        # 00:30 on 1 Jan in Bangkok is 31 Dec in UTC: the Bangkok day counts
        (bkk(2025, 1, 1, 0, 30), date(2025, 1, 16)),
    ],
)
def test_due_date_is_fifteen_bangkok_days(filed: datetime, due: date) -> None:
    assert due_date(filed) == due


def test_overdue_from_the_day_after_the_due_date_and_never_once_closed() -> None:
    c = case(created=bkk(2024, 12, 20))
    assert not is_overdue(c, bkk(2025, 1, 4, 23, 59))
    assert is_overdue(c, bkk(2025, 1, 5, 0, 1))
    c.status = Status.RESOLVED
    assert not is_overdue(c, bkk(2025, 3, 1))
    c.status = Status.FORWARDED  # sent elsewhere but not answered: still counts
    assert is_overdue(c, bkk(2025, 3, 1))


def test_the_databases_single_bound_agrees_with_the_flag_every_hour_for_a_month() -> None:
    now = bkk(2025, 1, 5, 9)
    t = bkk(2024, 12, 10, 0)
    while t < now:
        assert (t < overdue_before(now)) == is_overdue(case(created=t), now), t
        t += timedelta(minutes=37)


def test_days_to_close_counts_bangkok_calendar_days() -> None:
    assert days_to_close(bkk(2024, 12, 31, 23), bkk(2025, 1, 1, 1)) == 1
    assert days_to_close(bkk(2025, 1, 1, 1), bkk(2025, 1, 1, 23)) == 0


def test_median_from_grouped_counts() -> None:
    assert median_from_histogram({}) is None
    assert median_from_histogram({3: 1}) == 3
    assert median_from_histogram({1: 1, 3: 1, 10: 1}) == 3
    assert median_from_histogram({1: 2, 5: 2}) == 3  # 1 1 5 5
    assert median_from_histogram({0: 5, 7: 1, 30: 3}) == 0
    assert median_from_histogram({2: 1, 4: 1, 6: 0}) == 3


def test_sealed_cases_show_only_number_status_and_dates_to_everyone_but_integrity() -> None:
    c = case(category="corruption", unit="สำนักปลัด")
    now = bkk(2025, 1, 25)
    for role in ("admin", "executive"):
        v = case_view(Viewer(role), c, now)
        assert v.case_number == c.case_number and v.status == Status.RECEIVED
        assert v.overdue and v.due == date(2025, 1, 19)
        assert not v.content_visible
        assert (v.details, v.contact_name, v.phone, v.photos, v.location, v.unit, v.channel) == (
            "",
            "",
            "",
            (),
            None,
            "",
            "",
        )
        assert [h.note for h in v.history] == [""] and [h.actor for h in v.history] == [""]
    v = case_view(Viewer("integrity"), c, now)
    assert v.details == "รายละเอียดลับ" and v.contact_name == "ผู้แจ้ง" and v.photos == ("a.jpg",)
    assert v.history[0].note == "โน้ตลับ"
    staff = Viewer("staff", "สำนักปลัด")
    assert may_list(staff, c) and not case_view(staff, c, now).content_visible
    assert not may_change_status(Viewer("admin"), c) and may_change_status(Viewer("integrity"), c)


def test_staff_and_executives_boundaries_on_general_cases() -> None:
    c = case()
    assert may_list(Viewer("staff", "กองช่าง"), c) and not may_list(Viewer("staff", "กองคลัง"), c)
    assert not may_list(Viewer("staff", ""), c)
    assert not may_change_status(Viewer("executive"), c)
    assert may_change_status(Viewer("staff", "กองช่าง"), c) and may_change_status(Viewer("admin"), c)
    assert case_view(Viewer("admin"), c, bkk(2025, 1, 5)).details == "รายละเอียดลับ"


def test_queue_filter_reads_and_checks_the_query_and_pins_staff_to_their_unit() -> None:
    f, problems = parse_filter(
        {"status": "done", "category": "road", "overdue": "1", "page": "x"}, Viewer("admin")
    )
    assert problems == ["ไม่รู้จักสถานะ “done”"]
    assert (f.status, f.category, f.overdue, f.page, f.only_unit) == ("", "road", True, 1, "")
    f, _ = parse_filter({"unit": "กองคลัง"}, Viewer("staff", "กองช่าง"))
    assert f.only_unit == "กองช่าง" and f.hide_sealed_details
    f, _ = parse_filter({}, Viewer("staff", ""))
    assert f.only_unit  # a staff account without a unit sees nothing rather than everything
    assert not parse_filter({}, Viewer("integrity"))[0].hide_sealed_details


def test_general_and_corruption_statistics_count_apart() -> None:
    def facts(received: date, status: str, category: str) -> CaseFacts:
        return CaseFacts(received, None, status, category, "line")

    cases = [
        facts(date(2024, 10, 3), "received", "road"),
        facts(date(2024, 11, 4), "in_progress", "road"),
        facts(date(2025, 4, 1), "forwarded", "waste"),  # after as-of: not counted
        facts(date(2024, 12, 5), "received", "corruption"),
        facts(date(2025, 1, 6), "in_progress", "corruption"),
        facts(date(2025, 3, 7), "forwarded", "light"),
    ]
    start, as_of = date(2024, 10, 1), date(2025, 3, 31)
    general = complaint_stats.figures(cases, start, as_of, complaint_stats.GENERAL)
    corruption = complaint_stats.figures(cases, start, as_of, complaint_stats.CORRUPTION)
    assert (general["total"], corruption["total"]) == (3, 2)
    assert general["by_status"] == {
        "received": 1,
        "in_progress": 1,
        "resolved": 0,
        "rejected": 0,
        "forwarded": 1,
    }
    assert corruption["by_category"] == {"corruption": 2}
    assert general["by_month"] == {
        "2024-10": 1,
        "2024-11": 1,
        "2024-12": 0,
        "2025-01": 0,
        "2025-02": 0,
        "2025-03": 1,
    }
