"""Complaint category classifier.

``classify(text)`` ranks every category code from ``handlers/data/categories.csv`` with a
score (scores sum to ~1); ``suggest(text, k)`` returns the first k. The default model is
loaded lazily from ``instance/models/classifier.npz`` (or ``$PRONGSAI_CLASSIFIER_MODEL``);
a missing file is rebuilt from ``../shared/data`` when that is reachable (``make model``).
"""

from __future__ import annotations

import logging

from handlers.classify.model import (
    Classifier,
    ModelNotFoundError,
    default_model_path,
    get_default,
    set_default,
)

log = logging.getLogger(__name__)
_reported = False


def _model() -> Classifier | None:
    """The default model, or None (reported once in the log) when there is none.

    The bot keeps working without a model: categories are then ranked from the keyword
    knowledge alone, and the citizen can still pick from the full list.
    """
    global _reported
    try:
        return get_default()
    except ModelNotFoundError as e:
        if not _reported:
            log.error("%s Ranking categories by keywords only until then.", e)
            _reported = True
        return None


def _by_knowledge(text: str) -> list[tuple[str, float]]:
    from handlers.classify.categories import category_codes
    from handlers.classify.features import normalize_text
    from handlers.classify.knowledge import keyword_scores

    codes = category_codes()
    # "other" first among ties: with no evidence, nothing else should be suggested.
    raw = [
        s + (0.01 if c == "other" else 0.0)
        for c, s in zip(codes, keyword_scores(normalize_text(text), codes), strict=True)
    ]
    total = sum(raw)
    return sorted(((c, s / total) for c, s in zip(codes, raw, strict=True)), key=lambda p: -p[1])


def classify(text: str) -> list[tuple[str, float]]:
    """All category codes, best first, as (code, score) with scores summing to ~1."""
    model = _model()
    return model.classify(text) if model else _by_knowledge(text)


def classify_batch(texts: list[str]) -> list[list[tuple[str, float]]]:
    model = _model()
    return model.classify_batch(texts) if model else [_by_knowledge(t) for t in texts]


def suggest(text: str, k: int = 3) -> list[tuple[str, float]]:
    """The k best (code, score) candidates, e.g. for quick-reply buttons."""
    return classify(text)[:k]


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
