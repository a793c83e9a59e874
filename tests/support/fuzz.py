"""One Hypothesis setting for the fuzz tests: examples run against a real app (a per-test
database), so no deadline, and the app fixture is shared across examples on purpose."""

from __future__ import annotations

from hypothesis import HealthCheck, settings


def fuzz(max_examples: int) -> settings:
    return settings(
        max_examples=max_examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
