"""Tracking does the same work for a missing case as for a wrong code, so the time a
request takes does not tell which case numbers exist."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from handlers.complaints import usecases
from handlers.complaints.usecases import ComplaintDraft, file_complaint, track
from handlers.shared import Channel
from tests.fakes.fake_store import FakeStore

NOW = datetime(2026, 3, 2, 3, 15, tzinfo=UTC)


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The stored hashes each tracking attempt was checked against."""
    seen: list[str] = []
    real = usecases.check_code

    def counting(code: str, stored: str) -> bool:
        seen.append(stored)
        return real(code, stored)

    monkeypatch.setattr(usecases, "check_code", counting)
    return seen


def test_a_missing_case_costs_one_hash_check_like_a_wrong_code(checks: list[str]) -> None:
    store = FakeStore()
    draft = ComplaintDraft(category="road", details="ถนนหน้าวัดเป็นหลุมลึกมาก", anonymous=True)
    filed = file_complaint(store, draft, Channel.WEB, NOW)
    number = filed.complaint.case_number
    wrong = "AAAAAA" if filed.secret_code != "AAAAAA" else "BBBBBB"

    assert track(store, number, wrong) is None
    assert track(store, "2569-999999", wrong) is None
    assert track(store, "", wrong) is None
    assert len(checks) == 3
    # The stand-in hash is of the same kind and cost as a real one.
    real_hash, *dummies = checks
    for dummy in dummies:
        assert dummy.split("$")[:2] == real_hash.split("$")[:2]
    assert track(store, number, filed.secret_code) is not None
