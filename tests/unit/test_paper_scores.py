"""Keyed-in questionnaires in the core: scores and respondent details as staff type them,
no once-a-day limit for sheets that name no one, and the channel count of the summary."""

from __future__ import annotations

from datetime import date

import pytest

from handlers.satisfaction.paper import parse_scores, record, respondent_groups
from handlers.satisfaction.usecases import RatingDraft
from handlers.shared import Channel, DomainError
from handlers.summaries import satisfaction_summary
from tests.fakes.fake_satisfaction import SatisfactionFakeStore
from tests.support.clock import utc

NOW = utc(2025, 2, 10, 3)  # 10 February 2025, 10:00 in Bangkok


def test_scores_are_read_in_the_forms_order_with_thai_digits() -> None:
    assert parse_scores("๕, 4,๓ ,2,1") == {
        "process": 5,
        "staff": 4,
        "facilities": 3,
        "quality": 2,
        "overall": 1,
    }
    with pytest.raises(DomainError, match="ข้อ 5 “ความพึงพอใจโดยรวม”: คะแนนต้องเป็น 1–5"):
        parse_scores("5,5,5,5,x")
    with pytest.raises(DomainError, match=r"ต้องมีคะแนนครบ 5 ข้อ \(พบ 0 ข้อ\)"):
        parse_scores("")


def test_respondent_details_find_their_own_question() -> None:
    assert respondent_groups(["ชาย", " 20–29 ปี ", "gender=ชาย", "occupation=อื่น ๆ"]) == {
        "gender": "ชาย",
        "age_band": "20–29 ปี",
        "occupation": "อื่น ๆ",
    }
    with pytest.raises(DomainError, match="ไม่รู้จักข้อมูลผู้ตอบ “age_band=ชาย”"):
        respondent_groups(["age_band=ชาย"])  # an answer to another question


def test_each_sheet_counts_even_many_on_one_day_and_lands_on_its_own_day() -> None:
    store = SatisfactionFakeStore()
    part = store.satisfaction
    draft = RatingDraft(service_code="reg", scores=parse_scores("5,5,4,4,3"))
    for _ in range(3):
        record(part, draft, Channel.PAPER, NOW)
    old = record(part, draft, Channel.PHONE, NOW, date(2024, 9, 30))
    assert old.created_at == utc(2024, 9, 30, 5)  # midday in Bangkok: FY 2567
    assert part.outbox == [("satisfaction", str(i)) for i in (1, 2, 3, 4)]
    with pytest.raises(DomainError, match="ยังมาไม่ถึง"):
        record(part, draft, Channel.PAPER, NOW, date(2025, 2, 11))
    with pytest.raises(DomainError, match="บันทึกโดยเจ้าหน้าที่ไม่ได้"):
        record(part, draft, Channel.LINE, NOW)

    assert satisfaction_summary(store, 2568)["by_channel"] == {"paper": 3}
    assert satisfaction_summary(store, 2567)["by_channel"] == {"phone": 1}
