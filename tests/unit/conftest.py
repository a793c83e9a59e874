"""Fixtures of the unit tests: the core on in-memory fakes of its ports (tests/fakes/), no
database, no Flask app, no network."""

from __future__ import annotations

import pytest

from tests.fakes.fake_store import FakeStore


@pytest.fixture
def store() -> FakeStore:
    """An empty in-memory Store (modules may override it with a store holding their data)."""
    return FakeStore()
