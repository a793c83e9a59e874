"""The summary from counters says exactly what the summary from every rating says."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from handlers.satisfaction.model import Kind, Rating
from handlers.satisfaction.services import Service
from handlers.satisfaction.stats import counts_of, summary, summary_from_counts
from handlers.satisfaction.survey import DIMENSION_CODES, HANDLING
from handlers.shared import Channel

SERVICES = [
    Service("registry", "งานทะเบียนราษฎร", "สำนักปลัด", True, 10),
    Service("tax", "งานจัดเก็บภาษี", "กองคลัง", True, 20),
    Service("old", "งานที่เลิกแล้ว", "", False, 30),
]


def ratings(n: int, seed: int) -> list[Rating]:
    rnd = random.Random(seed)
    start = datetime(2025, 10, 1, tzinfo=UTC)
    out = []
    for _ in range(n):
        when = start + timedelta(hours=rnd.randrange(24 * 360))
        if rnd.random() < 0.2:
            out.append(
                Rating(
                    Kind.COMPLAINT,
                    {HANDLING: rnd.randint(1, 5)},
                    Channel.LINE,
                    when,
                    case_number="2569-000001",
                )
            )
            continue
        dims = {d: rnd.randint(1, 5) for d in DIMENSION_CODES if rnd.random() < 0.95}
        out.append(
            Rating(
                Kind.SERVICE,
                dims,
                Channel.WEB,
                when,
                service_code=rnd.choice(["registry", "tax", "old", "gone"]),
            )
        )
    return out


def test_counters_give_the_same_summary_as_the_ratings() -> None:
    for seed in range(5):
        rs = ratings(300, seed)
        assert summary_from_counts(counts_of(rs), SERVICES, 2569) == summary(rs, SERVICES, 2569)


def test_no_ratings_at_all() -> None:
    empty = summary_from_counts([], SERVICES, 2569)
    assert empty == summary([], SERVICES, 2569)
    assert empty["responses"] == 0 and empty["mean"] is None
