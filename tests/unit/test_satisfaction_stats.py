"""Satisfaction statistics against figures computed by hand on a fixed data set."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from handlers.satisfaction import stats
from handlers.satisfaction.model import Kind, Rating
from handlers.satisfaction.services import DEFAULT_SERVICES, Service, parse_csv
from handlers.satisfaction.survey import band, parse_score
from handlers.satisfaction.usecases import day_bounds
from handlers.shared import Channel

DIMS = ("process", "staff", "facilities", "quality", "overall")


def rating(service: str, scores: tuple[int, ...], at: datetime, **kw: str) -> Rating:
    return Rating(
        kind=Kind.SERVICE,
        scores=dict(zip(DIMS, scores, strict=True)),
        channel=Channel.WEB,
        created_at=at,
        service_code=service,
        **kw,
    )


def handling(score: int, at: datetime, case: str) -> Rating:
    return Rating(Kind.COMPLAINT, {"handling": score}, Channel.LINE, at, case_number=case)


# FY 2568 = 1 Oct 2024 – 30 Sep 2025 (Bangkok). 17:30 UTC on 30 Sep is 00:30 on 1 Oct there.
DATA = [
    rating("reg", (5, 5, 4, 4, 5), datetime(2024, 9, 30, 17, 30, tzinfo=UTC), gender="หญิง"),
    rating("reg", (4, 4, 3, 4, 4), datetime(2024, 11, 5, 3, 0, tzinfo=UTC), gender="ชาย"),
    rating("reg", (3, 5, 2, 4, 4), datetime(2025, 2, 10, 3, 0, tzinfo=UTC), gender="หญิง"),
    rating("reg", (5, 4, 3, 3, 5), datetime(2025, 4, 1, 3, 0, tzinfo=UTC)),
    rating("tax", (2, 2, 2, 2, 2), datetime(2024, 12, 31, 16, 59, tzinfo=UTC)),  # 23:59 BKK
    # FY 2567 (16:59 UTC on 30 Sep 2024 is 23:59 that day in Bangkok): counted nowhere below.
    rating("reg", (1, 1, 1, 1, 1), datetime(2024, 9, 30, 16, 59, tzinfo=UTC)),
    handling(5, datetime(2024, 12, 1, tzinfo=UTC), "2568-000001"),
    handling(3, datetime(2025, 1, 1, tzinfo=UTC), "2568-000002"),
    handling(4, datetime(2025, 5, 1, tzinfo=UTC), "2568-000003"),
]
FY = stats.ReportPeriod.fiscal_year(2568)


def by_code(results: list[stats.ServiceResult]) -> dict[str, stats.ServiceResult]:
    return {r.code: r for r in results}


def test_per_dimension_mean_sd_percent_and_band_for_a_service() -> None:
    reg = by_code(stats.by_service(DATA, DEFAULT_SERVICES, FY))["reg"]
    assert reg.responses == 4
    expected = {  # (mean, sample SD, % scoring 4–5, band), worked out by hand
        "process": (4.25, 0.9574, 75.0, "มากที่สุด"),
        "staff": (4.50, 0.5774, 100.0, "มากที่สุด"),
        "facilities": (3.00, 0.8165, 25.0, "ปานกลาง"),
        "quality": (3.75, 0.5000, 75.0, "มาก"),
        "overall": (4.50, 0.5774, 100.0, "มากที่สุด"),
    }
    for dim, (mean, sd, pct, words) in expected.items():
        got = reg.dimensions[dim]
        assert got.n == 4
        assert got.mean == pytest.approx(mean)
        assert got.sd == pytest.approx(sd, abs=1e-4)
        assert got.percent_satisfied == pytest.approx(pct)
        assert got.band == words
    # All 20 scores pooled: 6 fives, 9 fours, 4 threes, 1 two.
    assert reg.overall.n == 20
    assert reg.overall.mean == pytest.approx(4.0)
    assert reg.overall.sd == pytest.approx((14 / 19) ** 0.5)
    assert reg.overall.percent_satisfied == pytest.approx(75.0)
    assert reg.overall.distribution == {5: 6, 4: 9, 3: 4, 2: 1, 1: 0}


def test_a_single_response_has_zero_spread_and_unrated_services_show_no_figures() -> None:
    results = by_code(stats.by_service(DATA, DEFAULT_SERVICES, FY))
    tax = results["tax"]
    assert (tax.responses, tax.overall.mean, tax.overall.sd) == (1, 2.0, 0.0)
    assert tax.overall.percent_satisfied == 0.0 and tax.overall.band == "น้อย"
    build = results["build"]
    assert build.responses == 0 and build.overall.mean is None and build.overall.band == "-"


@pytest.mark.parametrize(
    ("period", "reg_responses", "tax_responses"),
    [
        (stats.ReportPeriod.quarter(2568, 1), 2, 1),  # Oct–Dec: 1 Oct 00:30 BKK, 5 Nov; tax 31 Dec
        (stats.ReportPeriod.quarter(2568, 2), 1, 0),  # Jan–Mar
        (stats.ReportPeriod.quarter(2568, 3), 1, 0),  # Apr–Jun
        (stats.ReportPeriod.first_half(2568), 3, 1),
        (stats.ReportPeriod.month(2567, 10), 1, 0),  # October 2024 is BE calendar year 2567
        (stats.ReportPeriod.month(2567, 9), 1, 0),  # the FY 2567 one, in Bangkok's September
        (stats.ReportPeriod.fiscal_year(2567), 1, 0),
    ],
)
def test_periods_count_in_bangkok_time(
    period: stats.ReportPeriod, reg_responses: int, tax_responses: int
) -> None:
    results = by_code(stats.by_service(DATA, DEFAULT_SERVICES, period))
    assert results["reg"].responses == reg_responses
    assert results["tax"].responses == tax_responses


def test_overall_complaint_handling_and_monthly_counts() -> None:
    total = stats.overall(DATA, FY)
    assert total.responses == 5
    assert total.overall.mean == pytest.approx(90 / 25)  # 80 + 10
    handled = stats.complaint_handling(DATA, FY)
    assert (handled.n, handled.mean, handled.sd) == (3, 4.0, 1.0)
    assert handled.percent_satisfied == pytest.approx(200 / 3)
    months = {
        code: counts for code, _, counts in stats.monthly_counts(DATA, DEFAULT_SERVICES, 2568)
    }
    #                      O  N  D  J  F  M  A  M  J  J  A  S
    assert months["reg"] == [1, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0]
    assert months["tax"] == [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    assert [label for *_, label in stats.fiscal_months(2568)][:4] == [
        "ต.ค. 67",
        "พ.ย. 67",
        "ธ.ค. 67",
        "ม.ค. 68",
    ]


def test_breakdown_by_gender_puts_unanswered_last() -> None:
    rows = stats.breakdown(stats.service_ratings(DATA, FY), "gender", ("ชาย", "หญิง"))
    assert [(label, n) for label, n, _ in rows] == [("ชาย", 1), ("หญิง", 2), ("ไม่ได้ระบุ", 2)]
    assert rows[0][2].mean == pytest.approx(19 / 5)


def test_summary_section() -> None:
    s = stats.summary(DATA, DEFAULT_SERVICES, 2568)
    assert s["responses"] == 5 and s["mean"] == 3.6 and s["percent_satisfied"] == 60.0
    assert s["by_service"]["reg"] == {
        "name": "งานทะเบียนราษฎร",
        "responses": 4,
        "mean": 4.0,
        "percent_satisfied": 75.0,
    }
    assert s["complaint_handling"] == {"responses": 3, "mean": 4.0, "percent_satisfied": 66.7}


@pytest.mark.parametrize(
    ("mean", "words"),
    [
        (5.0, "มากที่สุด"),
        (4.21, "มากที่สุด"),
        (4.205, "มากที่สุด"),
        (4.2, "มาก"),
        (3.41, "มาก"),
        (3.40, "ปานกลาง"),
        (2.61, "ปานกลาง"),
        (2.60, "น้อย"),
        (1.81, "น้อย"),
        (1.80, "น้อยที่สุด"),
        (1.0, "น้อยที่สุด"),
    ],
)
def test_interpretation_bands(mean: float, words: str) -> None:
    assert band(mean) == words


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("5 มากที่สุด", 5),
        ("5", 5),
        ("๔", 4),
        ("ปานกลาง", 3),
        ("1 น้อยที่สุด", 1),
        ("6", None),
        ("0", None),
        ("5 น้อย", None),
        ("ดี", None),
        ("", None),
    ],
)
def test_scores_from_taps_digits_and_words(text: str, score: int | None) -> None:
    assert parse_score(text) == score


def test_services_csv_with_thai_headers_and_problems_by_line() -> None:
    text = (
        "\ufeffรหัส,ชื่อบริการ,หน่วยงาน,ใช้งาน\nreg,งานทะเบียนราษฎร,สำนักปลัด,\nBad Code,x,,\n"
        "market,งานตลาด,กองสาธารณสุขและสิ่งแวดล้อม,ไม่\nreg,ซ้ำ,,\n"
    )
    services, problems = parse_csv(text)
    assert [(s.code, s.name, s.active) for s in services] == [
        ("reg", "งานทะเบียนราษฎร", True),
        ("market", "งานตลาด", False),
    ]
    assert problems[0].startswith("บรรทัด 3: รหัสบริการ") and problems[1] == "บรรทัด 5: รหัส reg ซ้ำ"
    assert parse_csv("a,b\n1,2\n")[1] == ["ไฟล์ต้องมีหัวคอลัมน์ code และ name (หรือ รหัส และ ชื่อบริการ)"]


def test_a_day_is_a_bangkok_day() -> None:
    start, end = day_bounds(datetime(2025, 1, 1, 18, 0, tzinfo=UTC))  # 01:00 on 2 Jan in BKK
    assert start == datetime(2025, 1, 1, 17, 0, tzinfo=UTC)
    assert end == datetime(2025, 1, 2, 17, 0, tzinfo=UTC)


def test_unknown_service_codes_still_appear_in_results() -> None:
    gone = [rating("old", (4, 4, 4, 4, 4), datetime(2025, 1, 5, tzinfo=UTC))]
    results = stats.by_service(gone, [Service("reg", "งานทะเบียนราษฎร", active=False)], FY)
    assert [(r.code, r.responses) for r in results] == [("old", 1)]
