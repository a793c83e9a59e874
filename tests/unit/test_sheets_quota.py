"""The token bucket keeps to Google's per-window quota; backoff is bounded and jittered."""

from __future__ import annotations

import pytest

from sheets.quota import Backoff, TokenBucket


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t

    def sleep(self, d: float) -> None:
        self.t += d


def test_bucket_never_lets_more_than_the_budget_into_any_window() -> None:
    clock = Clock()
    bucket = TokenBucket(5, window=10.0, clock=clock, sleep=clock.sleep)
    starts: list[float] = []
    for _ in range(23):
        with bucket.token():
            starts.append(clock.t)
            clock.t += 0.3  # the request takes a while
    for t in starts:
        assert sum(1 for s in starts if t <= s < t + 10.0) <= 5
    # ...and is not needlessly slow: 23 requests at 5 per 10 s need four refills.
    assert starts[-1] < 4 * (10.0 + 0.3) + 5 * 0.3
    assert bucket.used == 23


def test_bucket_sends_a_burst_at_once_when_tokens_are_free() -> None:
    clock = Clock()
    bucket = TokenBucket(60, window=60.0, clock=clock, sleep=clock.sleep)
    for _ in range(60):
        with bucket.token():
            pass
    assert clock.t == 0.0
    assert bucket.wait_time() == pytest.approx(60.0)


def test_bucket_gives_up_past_max_wait() -> None:
    clock = Clock()
    bucket = TokenBucket(1, window=60.0, clock=clock, sleep=clock.sleep)
    with bucket.token():
        pass
    with pytest.raises(TimeoutError), bucket.token(max_wait=5):
        pass


def test_backoff_is_exponential_jittered_capped_and_bounded() -> None:
    b = Backoff(base=1.0, cap=8.0, max_tries=5, rand=lambda: 1.0)
    delays = [b.failed() for _ in range(5)]
    assert delays == [1.0, 2.0, 4.0, 8.0, 8.0]
    assert b.exhausted
    b.succeeded()
    assert not b.exhausted and b.failed() == 1.0
    jittered = Backoff(base=1.0, cap=8.0, rand=lambda: 0.25)
    assert jittered.failed() == 0.25
    assert jittered.failed(retry_after=3.0) == 3.0  # Google's Retry-After is honoured
    assert Backoff(cap=8.0).failed(retry_after=600.0) <= 8.0
