"""The satisfaction and participation evidence from the database, for a window seen on a fixed
day: entries before the window or after its as-of day are left out, and the participation
report never prints what a citizen wrote or who they are, in any format."""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Callable
from datetime import datetime

import pytest
from flask import Flask

from bot.db import new_session
from bot.db.store import SqlStore
from bot.reports import render
from bot.reports.request import ReportRequest
from bot.reports.satisfaction import build_participation, build_satisfaction
from handlers.complaints.domain import Location
from handlers.reports.model import Report
from handlers.satisfaction.model import Kind, Rating
from handlers.shared import Channel
from tests.support.clock import utc
from tests.support.complaints import file

DIMS = ("process", "staff", "facilities", "quality", "overall")
# The reports are made on 20 March 2025 (Bangkok): FY 2568 to date, as of that day.
NOW = utc(2025, 3, 20, 5)


def rate(
    app: Flask,
    service: str,
    scores: tuple[int, ...],
    at: datetime,
    channel: Channel = Channel.WEB,
    comment: str = "",
) -> None:
    with new_session(app) as s:
        SqlStore(s).satisfaction.add_rating(
            Rating(
                Kind.SERVICE,
                dict(zip(DIMS, scores, strict=True)),
                channel,
                at,
                service,
                comment=comment,
            )
        )
        s.commit()


def build(app: Flask, builder: Callable[[ReportRequest], Report], now: datetime = NOW) -> Report:
    with new_session(app) as s:
        return builder(ReportRequest(SqlStore(s), 2568, now))


def text_of(report: Report, fmt: str) -> str:
    """Every piece of text a rendered file holds (XML of a .docx/.xlsx without its tags)."""
    data = render(report, fmt)
    if fmt == "html":
        return html.unescape(data.decode("utf-8"))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = [z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml")]
    # Without the tags, so a string split over runs or cells still shows up.
    return html.unescape("".join(re.sub(r"<[^>]+>", "", p) for p in parts))


# --- satisfaction ---------------------------------------------------------------------------


def test_satisfaction_counts_only_the_windows_ratings(make_app: Callable[..., Flask]) -> None:
    app = make_app()
    rate(app, "reg", (5, 5, 5, 5, 5), utc(2024, 9, 30, 16, 59))  # 30 Sep 23:59: the year before
    rate(app, "reg", (5, 4, 4, 4, 4), utc(2024, 9, 30, 17, 0), Channel.LINE)  # 1 Oct 00:00
    rate(app, "tax", (3, 3, 3, 3, 4), utc(2025, 1, 15, 3))
    rate(app, "reg", (4, 4, 4, 4, 4), utc(2025, 3, 20, 16, 59))  # 20 Mar 23:59: as of that day
    rate(app, "reg", (1, 1, 1, 1, 1), utc(2025, 3, 20, 17, 0))  # 21 Mar: after the as-of day

    report = build(app, build_satisfaction)
    # Inside: 21 + 16 + 20 = 57 over 15 scores = 3.80; scores of 4–5: 5 + 1 + 5 = 11 of 15.
    f = report.figures
    assert (f["responses"], f["mean"], f["percent_satisfied"]) == (3, 3.8, 73.3)
    assert f["by_channel"] == {"line": 1, "web": 2}
    by_service = f["by_service"]
    assert isinstance(by_service, dict)
    assert by_service["reg"] == {"responses": 2, "mean": 4.1}  # 41 / 10
    assert "ร้อยละ 73.3" in report.intro[0] and "20 มีนาคม 2568" in report.intro[0]
    assert "<td>งานทะเบียนราษฎร</td><td>2</td><td>4.10</td>" in render(report, "html").decode()


def test_satisfaction_before_its_window_begins_is_one_sentence(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app()
    rate(app, "reg", (5, 5, 5, 5, 5), utc(2025, 1, 15, 3))
    with new_session(app) as s:
        # ITA 2570 asked for on 1 September 2026: its year begins on 1 October 2026.
        report = build_satisfaction(ReportRequest(SqlStore(s), 2570, utc(2026, 9, 1)))
    assert report.intro == [
        "ช่วงข้อมูลของรายงานนี้เริ่มวันที่ 1 ตุลาคม 2569 จึงยังไม่มีผลการสำรวจความพึงพอใจการให้บริการ"
    ]
    assert report.tables == [] and report.figures["responses"] == 0
    assert "<table" not in render(report, "html").decode()


# --- participation --------------------------------------------------------------------------

# What citizens wrote or who they are: none of it may appear in the participation report.
SECRETS = (
    "ขอให้ติดตั้งไฟที่ซอยลับแล",  # rating comments
    "พนักงานพูดจาไม่สุภาพมากเลย",
    "ความเห็นหลังแจ้งผลเรื่องลับ",
    "ขอเสนอให้จัดตลาดนัดชุมชนซอยเจ็ด",  # complaint details
    "สอบถามเรื่องเบี้ยยังชีพของแม่",
    "นางสาวมณีรัตน์ ทดลองใจ",  # complainants
    "นายประยุทธ ลับเฉพาะ",
    "0891112233",
    "0867778899",
    "99/9 หมู่ 4 ตำบลทดสอบ",
)


def seed_participation(app: Flask) -> None:
    rate(app, "tax", (4, 4, 4, 4, 4), utc(2024, 10, 15, 3), comment=SECRETS[0])  # Oct
    rate(app, "reg", (3, 3, 3, 3, 3), utc(2024, 12, 1, 3), Channel.LINE, comment=SECRETS[1])
    rate(app, "reg", (5, 5, 5, 5, 5), utc(2024, 12, 2, 3))  # no comment: not a suggestion
    rate(app, "reg", (5, 5, 5, 5, 5), utc(2024, 9, 30, 16, 59), comment=SECRETS[0])  # FY 2567
    rate(app, "reg", (4, 4, 4, 4, 4), utc(2025, 3, 20, 16, 30), comment=SECRETS[1])  # 20 Mar
    rate(app, "reg", (4, 4, 4, 4, 4), utc(2025, 3, 20, 17, 30), comment=SECRETS[1])  # 21 Mar
    with new_session(app) as s:  # a complainant's rating of how their case was handled (Feb)
        SqlStore(s).satisfaction.add_rating(
            Rating(
                Kind.COMPLAINT,
                {"handling": 4},
                Channel.LINE,
                utc(2025, 2, 10, 3),
                case_number="2568-000099",
                comment=SECRETS[2],
            )
        )
        s.commit()
    # Answered on 10 November: counted as answered.
    file(
        app,
        "other",
        utc(2024, 11, 3, 3),
        SECRETS[3],
        (("resolved", utc(2024, 11, 10), ""),),
        contact=SECRETS[5],
        phone=SECRETS[7],
    )
    # By LINE in January; answered on 25 March, after the as-of day: not yet answered then.
    file(
        app,
        "other",
        utc(2025, 1, 5, 3),
        SECRETS[4],
        (("resolved", utc(2025, 3, 25), ""),),
        contact=SECRETS[6],
        phone=SECRETS[8],
        location=Location(address=SECRETS[9]),
        channel=Channel.LINE,
    )
    file(app, "other", utc(2025, 2, 1, 3), SECRETS[3], (("in_progress", utc(2025, 2, 2), ""),))
    file(app, "other", utc(2025, 3, 1, 3), SECRETS[4], (("rejected", utc(2025, 3, 2), ""),))
    file(app, "other", utc(2025, 3, 20, 17, 30), SECRETS[3])  # 21 March: after the as-of day
    file(app, "road", utc(2024, 11, 3, 3), SECRETS[3], contact=SECRETS[5])  # not a suggestion
    file(app, "corruption", utc(2024, 11, 4, 3), SECRETS[4])  # sealed, not a suggestion


def test_participation_counts_by_month_and_channel_within_the_window(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app()
    seed_participation(app)
    report = build(app, build_participation)
    assert report.title == "รายงานผลการเปิดโอกาสให้เกิดการมีส่วนร่วม"
    # Ratings with a comment: Oct (tax), Dec (reg), Feb (handling), 20 Mar (reg) = 4.
    # Suggestion complaints: Nov, Jan (LINE), Feb, Mar = 4; answered by 20 Mar: Nov and Mar.
    assert report.figures == {
        "suggestions": 8,
        "by_channel": {"line": 3, "web": 5},
        "by_month": {
            "2024-10": 1,
            "2024-11": 1,
            "2024-12": 1,
            "2025-01": 1,
            "2025-02": 2,
            "2025-03": 2,
        },
        "answered": 2,
    }
    tables = {t.title: t for t in report.tables}
    overview = tables["สรุปข้อเสนอแนะจากประชาชน"].rows
    assert overview[1][1:] == ("4", "2", "50.0") and overview[2][:3] == ("รวม", "8", "2")
    rows = tables["ข้อเสนอแนะในแบบประเมินความพึงพอใจจำแนกตามงานบริการ"].rows
    by_service = {r[0]: r[1] for r in rows}
    assert by_service == {
        "งานทะเบียนราษฎร": "2",
        "งานจัดเก็บภาษี": "1",
        "การจัดการเรื่องร้องเรียน (ประเมินหลังแจ้งผล)": "1",
    }
    months = {r[0]: r[1:] for r in tables["จำนวนข้อเสนอแนะจำแนกตามเดือน"].rows}
    assert months["กุมภาพันธ์ 2568"] == ("1", "1", "2", "0")
    assert months["มีนาคม 2568"] == ("1", "1", "2", "1")
    assert "ร้อยละ 50.0" in " ".join(report.intro)


@pytest.mark.parametrize("fmt", ["html", "docx", "xlsx"])
def test_participation_never_prints_what_citizens_wrote_or_who_they_are(
    make_app: Callable[..., Flask], fmt: str
) -> None:
    app = make_app()
    seed_participation(app)
    report = build(app, build_participation)
    text = text_of(report, fmt)
    assert "รายงานผลการเปิดโอกาสให้เกิดการมีส่วนร่วม" in text  # the file was read
    assert [s for s in SECRETS if s in text] == []


def test_participation_without_suggestions_is_one_sentence(
    make_app: Callable[..., Flask],
) -> None:
    app = make_app()
    rate(app, "reg", (5, 5, 5, 5, 5), utc(2024, 12, 2, 3))  # a rating, but no comment
    file(app, "road", utc(2024, 11, 3, 3))
    report = build(app, build_participation)
    assert report.intro == [
        "ระหว่างวันที่ 1 ตุลาคม 2567 ถึงวันที่ 20 มีนาคม 2568 ยังไม่มีข้อเสนอแนะจากประชาชน"
        "ผ่านแบบประเมินความพึงพอใจการให้บริการหรือช่องทางรับเรื่องร้องเรียน"
    ]
    assert report.tables == [] and report.charts == []
    assert report.figures["suggestions"] == 0 and report.figures["answered"] == 0
