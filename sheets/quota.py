"""Staying within Google's quota: a token bucket per request type and bounded backoff."""

from __future__ import annotations

import random
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class TokenBucket:
    """`budget` requests per `window` seconds, counted the way Google counts them: in any
    window. Each token is spent when a request starts and comes back `window` seconds after
    the request *ended* (when Google has surely counted it), so the bucket never lets more
    than `budget` requests fall into one window, yet sends a burst at once when it can.
    """

    def __init__(
        self,
        budget: int,
        window: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if budget < 1:
            raise ValueError("budget must be at least 1")
        self.budget = budget
        self.window = window
        self.clock = clock
        self.sleep = sleep
        self._returns: deque[float] = deque()  # when spent tokens come back, oldest first
        self._in_flight = 0
        self._lock = threading.Lock()
        self.used = 0  # requests made, for progress reports and the benchmark

    def _available(self, now: float) -> int:
        while self._returns and self._returns[0] <= now:
            self._returns.popleft()
        return self.budget - len(self._returns) - self._in_flight

    def wait_time(self) -> float:
        """Seconds until a token is free (0 when one is free now)."""
        with self._lock:
            now = self.clock()
            if self._available(now) > 0:
                return 0.0
            if self._returns:
                return max(0.0, self._returns[0] - now)
            return self.window  # all in flight: at least one must end first

    @contextmanager
    def token(self, max_wait: float | None = None) -> Iterator[None]:
        """Hold a token around one request. Waits for one; TimeoutError past `max_wait`."""
        waited = 0.0
        while True:
            with self._lock:
                if self._available(self.clock()) > 0:
                    self._in_flight += 1
                    self.used += 1
                    break
            delay = max(self.wait_time(), 0.005)
            if max_wait is not None and waited + delay > max_wait:
                raise TimeoutError("quota budget exhausted")
            self.sleep(delay)
            waited += delay
        try:
            yield
        finally:
            with self._lock:
                self._in_flight -= 1
                self._returns.append(self.clock() + self.window)


class Backoff:
    """Bounded exponential backoff with full jitter: try n waits a random time up to
    min(cap, base * 2**n), honouring Retry-After; after `max_tries` failures in a row the
    caller gives up for now (the entries stay pending for the next round)."""

    def __init__(
        self,
        base: float = 1.0,
        cap: float = 60.0,
        max_tries: int = 6,
        sleep: Callable[[float], None] = time.sleep,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self.base = base
        self.cap = cap
        self.max_tries = max_tries
        self.sleep = sleep
        self.rand = rand
        self.failures = 0

    def delay(self, retry_after: float | None = None) -> float:
        ceiling = min(self.cap, self.base * (2 ** max(self.failures - 1, 0)))
        d = ceiling * self.rand()
        if retry_after is not None:
            d = max(d, min(retry_after, self.cap))
        return d

    def failed(self, retry_after: float | None = None) -> float:
        """Count a failure; returns the wait before the next try."""
        self.failures += 1
        return self.delay(retry_after)

    @property
    def exhausted(self) -> bool:
        return self.failures >= self.max_tries

    def succeeded(self) -> None:
        self.failures = 0
