"""Shared fixtures: one small classifier trained on the real Traffy sample, and the
default model's state restored after a test that points it elsewhere.

Imported by the classifier and intent tests (no conftest.py edits needed); the trained
model is cached at module level so all of them share one training run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import lru_cache

import pytest

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

import handlers.classify  # noqa: E402
from handlers.classify import Classifier, set_default  # noqa: E402
from handlers.classify.data import DEFAULT_DATA, load_examples, random_split  # noqa: E402

TRAIN_SIZE = 2000  # enough for realistic behaviour, small enough to train in seconds


@lru_cache(maxsize=1)
def _train_small() -> Classifier:
    train, _ = random_split(load_examples(DEFAULT_DATA))
    train = train[:TRAIN_SIZE]
    return Classifier().train([e.text for e in train], [e.codes for e in train])


@pytest.fixture(scope="session")
def small_classifier() -> Iterator[Classifier]:
    if not DEFAULT_DATA.exists():
        pytest.skip(f"training data not found at {DEFAULT_DATA}")
    clf = _train_small()
    set_default(clf)
    yield clf
    set_default(None)


@pytest.fixture
def default_model_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever file and model the test points the default at, the next test sees the old."""
    for name in ("_path", "_loaded", "_reported"):
        monkeypatch.setattr(handlers.classify, name, getattr(handlers.classify, name))
