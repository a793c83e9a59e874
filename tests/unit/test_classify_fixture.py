"""Shared session fixture: one small classifier trained on the real Traffy sample.

Imported by test_classify.py and test_intents.py (no conftest.py edits needed); the
trained model is cached at module level so both modules share one training run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import lru_cache

import pytest

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

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
