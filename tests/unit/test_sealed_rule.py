"""One rule seals a case: its category is restricted. An office with a second restricted
category (here "bribery") gets it sealed everywhere, not only the built-in "corruption"."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from handlers.complaints import categories, policy
from handlers.complaints.domain import Complaint, Location
from handlers.complaints.usecases import ComplaintDraft, file_complaint, set_status
from handlers.reports import complaint_stats
from handlers.reports.complaint_stats import CaseFacts
from handlers.satisfaction.usecases import may_rate_case, may_rate_case_with_code
from handlers.shared import Channel
from handlers.summaries import complaint_summary
from sheets.layout import COMPLAINTS
from sheets.rows import SEALED_MARK, complaint_row
from tests.fakes.fake_satisfaction import SatisfactionFakeStore
from tests.fakes.fake_store import FakeStore
from tests.support.chat import Chat, labels, text_of

NOW = datetime(2026, 3, 2, 3, 15, tzinfo=UTC)  # 10:15 in Bangkok, fiscal year 2569
BRIBERY = "รับสินบน เรียกรับเงิน"


@pytest.fixture(autouse=True)
def second_restricted_category(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """categories.csv with one more restricted row, as an office's own file would have."""
    csv = tmp_path / "categories.csv"
    base = categories.CATEGORIES_CSV.read_text(encoding="utf-8")
    csv.write_text(
        base.rstrip("\n") + f'\nbribery,{BRIBERY},"Bribery",สำนักปลัด,,yes\n', encoding="utf-8"
    )
    original = categories.load_categories
    monkeypatch.setattr(categories, "load_categories", lambda path=csv: original(path))


def sealed_complaint(**kw: object) -> Complaint:
    base: dict[str, object] = dict(
        case_number="2569-000001",
        fiscal_year=2569,
        category="bribery",
        details="เจ้าหน้าที่เรียกเงินเพื่อเร่งออกใบอนุญาต",
        channel=Channel.WEB,
        created_at=NOW,
        updated_at=NOW,
        unit="สำนักปลัด",
        location=Location(address="หน้าสำนักงาน"),
        contact_name="ผู้แจ้ง",
        phone="0812345678",
    )
    base.update(kw)
    return Complaint(**base)  # type: ignore[arg-type]


def test_the_policy_seals_every_restricted_category() -> None:
    assert policy.is_sealed("bribery") and policy.is_sealed("corruption")
    assert not policy.is_sealed("road") and not policy.is_sealed("no-such-code")
    assert set(policy.restricted_codes()) == {"corruption", "bribery"}
    assert [c.code for c in policy.sealed_categories()] == ["corruption", "bribery"]
    assert not {"corruption", "bribery"} & {c.code for c in policy.public_categories()}
    c = sealed_complaint()
    admin = policy.case_view(policy.Viewer("admin"), c, NOW)
    assert admin.sealed and not admin.content_visible
    assert (admin.details, admin.unit, admin.contact_name, admin.category_th) == (
        "",
        "",
        "",
        policy.SEALED_LABEL,
    )
    assert not policy.may_change_status(policy.Viewer("admin"), c)
    assert not policy.may_assign(policy.Viewer("admin"), c)
    integrity = policy.case_view(policy.Viewer("integrity"), c, NOW)
    assert integrity.content_visible and integrity.details == c.details


def test_the_sheet_row_keeps_the_content_out() -> None:
    keys = [c.key for c in COMPLAINTS.columns]
    cell = dict(zip(keys, complaint_row(sealed_complaint()), strict=True))
    assert cell["details"] == SEALED_MARK
    for key in ("unit", "location", "channel", "contact", "phone"):
        assert cell[key] == "", key


def test_its_handling_is_never_rated() -> None:
    store = SatisfactionFakeStore()
    filed = {}
    for category in ("bribery", "road"):
        f = file_complaint(
            store,
            ComplaintDraft(category=category, details="รายละเอียดของเรื่องที่แจ้ง", line_user_id="U1"),
            Channel.LINE,
            NOW,
        )
        set_status(store, f.complaint.case_number, "resolved", "", NOW + timedelta(days=1))
        filed[category] = (f.complaint.case_number, f.secret_code)
    ratings = store.satisfaction
    number, code = filed["bribery"]
    assert may_rate_case_with_code(store, ratings, number, code).startswith("ไม่พบเรื่อง")
    assert may_rate_case(store, ratings, number, "U1").startswith("ไม่พบเรื่อง")
    number, code = filed["road"]  # the same steps on a general case may be rated
    assert may_rate_case_with_code(store, ratings, number, code) == ""
    assert may_rate_case(store, ratings, number, "U1") == ""


class Counts:
    """The grouped counts a database would answer with."""

    def complaint_counts(self, fiscal_year: int) -> list[tuple[str, str, int, int]]:
        return [
            ("received", "bribery", 202603, 2),
            ("resolved", "corruption", 202512, 1),
            ("received", "road", 202603, 4),
        ]

    def count_overdue(self, fiscal_year: int, before: datetime) -> int:
        return 0

    def resolve_days_histogram(self, fiscal_year: int) -> dict[int, int]:
        return {}


def test_the_summary_and_the_statistics_count_it_as_a_corruption_report() -> None:
    assert complaint_summary(Counts(), 2569, NOW)["corruption"] == 3
    cases = [
        CaseFacts(date(2026, 3, 1), None, "received", "bribery", "line"),
        CaseFacts(date(2026, 3, 2), None, "received", "bribery", "web"),
        CaseFacts(date(2025, 12, 5), date(2025, 12, 8), "resolved", "corruption", "web"),
        CaseFacts(date(2026, 3, 1), None, "received", "road", "line"),
    ]
    start, as_of = date(2025, 10, 1), date(2026, 3, 2)
    corruption = complaint_stats.figures(cases, start, as_of, complaint_stats.CORRUPTION)
    assert corruption["total"] == 3
    assert corruption["by_category"] == {"corruption": 1, "bribery": 2}
    general = complaint_stats.figures(cases, start, as_of, complaint_stats.GENERAL)
    assert general["total"] == 1
    by_category = general["by_category"]
    assert isinstance(by_category, dict) and "bribery" not in by_category


def test_choosing_it_in_chat_gives_the_whistleblower_protection() -> None:
    chat = Chat(FakeStore(), now=NOW)
    offered = labels(chat.say("ร้องเรียน"))
    assert BRIBERY not in offered
    assert "คุ้มครองผู้แจ้งเบาะแส" in text_of(chat.say(BRIBERY))
    chat.say("เจ้าหน้าที่เรียกเงินใต้โต๊ะเพื่อออกใบอนุญาต")
    chat.say("ข้าม")
    contact = chat.say("ข้าม")
    assert labels(contact) == ["ไม่ระบุตัวตน", "ยกเลิก"]  # no "use my LINE name"
    chat.say("0812345678")
    chat.say("ยืนยัน")
    (c,) = chat.store.complaints
    assert (c.category, c.line_user_id, c.contact_name, c.phone) == (
        "bribery",
        None,
        "",
        "0812345678",
    )
