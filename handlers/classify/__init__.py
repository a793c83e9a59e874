"""Complaint category classifier.

``classify(text)`` ranks every category code from ``handlers/data/categories.csv`` with a
score (scores sum to ~1); ``suggest(text, k)`` returns the first k. The default model is
loaded lazily from ``instance/models/classifier.joblib`` (or ``$PRONGSAI_CLASSIFIER_MODEL``).
"""

from __future__ import annotations

from handlers.classify.model import (
    Classifier,
    ModelNotFoundError,
    default_model_path,
    get_default,
    set_default,
)


def classify(text: str) -> list[tuple[str, float]]:
    """All category codes, best first, as (code, score) with scores summing to ~1."""
    return get_default().classify(text)


def classify_batch(texts: list[str]) -> list[list[tuple[str, float]]]:
    return get_default().classify_batch(texts)


def suggest(text: str, k: int = 3) -> list[tuple[str, float]]:
    """The k best (code, score) candidates, e.g. for quick-reply buttons."""
    return get_default().suggest(text, k)


__all__ = [
    "Classifier",
    "ModelNotFoundError",
    "classify",
    "classify_batch",
    "default_model_path",
    "get_default",
    "set_default",
    "suggest",
]
