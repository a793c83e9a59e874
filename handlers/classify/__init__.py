"""Complaint category classifier.

``classify(text)`` ranks every category code from ``handlers/data/categories.csv``, best
first, with scores summing to ~1. The model is loaded on first use from the file the app
names with ``use_model_file`` (its ``CLASSIFIER_MODEL`` setting; ``DEFAULT_MODEL_PATH``
otherwise). Only ``make model`` (``python -m handlers.classify.train``) builds that file,
never a request: while it is missing, categories are ranked from the keyword knowledge
alone and the log says so once.

numpy and the model module load with the first text classified, not with this package,
so the app hands it the model file at start-up at no cost.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from handlers.classify.model import Classifier, ModelNotFoundError

log = logging.getLogger(__name__)

DEFAULT_MODEL_PATH = Path(__file__).resolve().parents[2] / "instance" / "models" / "classifier.npz"

_lock = threading.Lock()
_path: Path = DEFAULT_MODEL_PATH
_loaded: Classifier | None = None
_reported = False


def __getattr__(name: str) -> object:
    if name in ("Classifier", "ModelNotFoundError"):
        from handlers.classify import model

        return getattr(model, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def use_model_file(path: str | Path) -> None:
    """Load the default model from ``path``; a new path drops the model read from the old one."""
    global _path, _loaded, _reported
    path = Path(path)
    with _lock:
        if path != _path:
            _path, _loaded, _reported = path, None, False


def default_model_path() -> Path:
    """The file the default model is loaded from."""
    return _path


def get_default() -> Classifier:
    """The process-wide classifier, loaded on first use; ModelNotFoundError while the
    model file is missing."""
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                from handlers.classify.model import Classifier

                _loaded = Classifier.load(_path)
    return _loaded


def set_default(classifier: Classifier | None) -> None:
    """Install a classifier (tests, other offices' models); None loads the file again."""
    global _loaded
    with _lock:
        _loaded = classifier


def _model() -> Classifier | None:
    """The default model, or None (reported once in the log) when there is none.

    The bot keeps working without a model: categories are then ranked from the keyword
    knowledge alone, and the citizen can still pick from the full list.
    """
    global _reported
    from handlers.classify.model import ModelNotFoundError

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


__all__ = [
    "DEFAULT_MODEL_PATH",
    "Classifier",
    "ModelNotFoundError",
    "classify",
    "default_model_path",
    "get_default",
    "set_default",
    "use_model_file",
]
