"""The complaint category classifier: TF-IDF features + logistic regression + knowledge."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path

import joblib
import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier

from handlers.classify.categories import category_codes
from handlers.classify.features import FeatureExtractor, normalize_text
from handlers.classify.knowledge import keyword_scores, seed_examples

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
SEED = 20240601
# How strongly a keyword weight of 1.0 moves the ranking relative to the model's
# probabilities (which sum to 1): 1.0 lets a STRONG phrase override the model.
KNOWLEDGE_WEIGHT = 1.0


class ModelNotFoundError(FileNotFoundError):
    """The model file is missing and cannot be rebuilt here."""


class Classifier:
    """Ranks every category code for a complaint text.

    Scores are the model's probabilities blended with keyword knowledge and renormalised
    to sum to 1, so callers can show them as confidences.
    """

    def __init__(self, knowledge_weight: float = KNOWLEDGE_WEIGHT) -> None:
        self.codes: list[str] = category_codes()
        self.knowledge_weight = knowledge_weight
        self.features: FeatureExtractor | None = None
        # The fitted one-vs-rest model, folded into one weight matrix (features x codes) and
        # bias: one sparse product instead of 11 estimators' validated predict_proba calls.
        self.weights: np.ndarray | None = None
        self.bias: np.ndarray | None = None
        self.meta: dict[str, object] = {}

    # -- training -----------------------------------------------------------------
    def train(
        self,
        texts: Sequence[str],
        labels: Sequence[Sequence[str]],
        *,
        use_seeds: bool = True,
        C: float = 30.0,
    ) -> Classifier:
        """Fit on texts with one or more category codes each.

        One binary logistic regression per code (one-vs-rest) on the full label set:
        each estimates P(code applies), which is exactly what "right if it covers any
        label" rewards, and beat a softmax over split labels by ~1 point top-1.
        """
        rows: list[str] = []
        targets: list[list[int]] = []
        pairs = list(zip(texts, labels, strict=True))
        if use_seeds:
            pairs += [(text, [code]) for text, code in seed_examples()]
        for text, codes in pairs:
            known = {c for c in codes if c in self.codes}
            if known:
                rows.append(normalize_text(text))
                targets.append([int(c in known) for c in self.codes])
        self.features = FeatureExtractor()
        x = self.features.fit_transform(rows)
        model = OneVsRestClassifier(LogisticRegression(C=C, max_iter=5000, random_state=SEED))
        model.fit(x, np.asarray(targets))
        self.weights = np.zeros((x.shape[1], len(self.codes)), dtype=np.float32)
        self.bias = np.full(len(self.codes), -30.0)  # a code never seen stays at ~0
        for j, est in enumerate(model.estimators_):
            if hasattr(est, "coef_"):
                self.weights[:, j] = est.coef_[0]
                self.bias[j] = est.intercept_[0]
        self.meta = {"n_texts": len(texts), "n_rows": len(rows), "use_seeds": use_seeds, "C": C}
        return self

    # -- prediction ---------------------------------------------------------------
    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Blended scores, shape (len(texts), len(self.codes)), each row summing to 1."""
        if self.features is None or self.weights is None or self.bias is None:
            raise RuntimeError("Classifier is not trained or loaded")
        norms = [normalize_text(t) for t in texts]
        # Columns follow self.codes (the target matrix was built in that order).
        logits = self.features.dot(norms, self.weights) + self.bias
        probs = 1.0 / (1.0 + np.exp(-np.clip(logits, -30, 30)))
        # One-vs-rest probabilities each say "this code applies"; normalise to a ranking.
        probs /= probs.sum(axis=1, keepdims=True)
        if self.knowledge_weight:
            kw = np.array([keyword_scores(n, self.codes) for n in norms], dtype=np.float64)
            probs += self.knowledge_weight * kw
        total = probs.sum(axis=1, keepdims=True)
        total[total == 0] = 1.0
        return probs / total

    def classify_batch(self, texts: Sequence[str]) -> list[list[tuple[str, float]]]:
        if not texts:
            return []
        probs = self.predict_proba(texts)
        order = np.argsort(-probs, axis=1, kind="stable")
        return [
            [(self.codes[j], float(row[j])) for j in idx]
            for row, idx in zip(probs, order, strict=True)
        ]

    def classify(self, text: str) -> list[tuple[str, float]]:
        """Every code, best first, with scores summing to ~1."""
        return self.classify_batch([text])[0]

    def suggest(self, text: str, k: int = 3) -> list[tuple[str, float]]:
        return self.classify(text)[:k]

    # -- persistence --------------------------------------------------------------
    def save(self, path: str | os.PathLike[str]) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "format": FORMAT_VERSION,
            "sklearn": sklearn.__version__,
            "codes": self.codes,
            "knowledge_weight": self.knowledge_weight,
            "features": self.features,
            "weights": self.weights,
            "bias": self.bias,
            "meta": self.meta,
        }
        # Write then rename, so a crash never leaves a half-written model behind.
        tmp = path.with_suffix(path.suffix + ".tmp")
        joblib.dump(payload, tmp)  # uncompressed: loads faster
        os.replace(tmp, path)
        return path

    @classmethod
    def load(
        cls,
        path: str | os.PathLike[str],
        *,
        rebuild: bool = True,
        data_path: str | os.PathLike[str] | None = None,
    ) -> Classifier:
        """Load a saved model (a trusted file: joblib unpickles it).

        If the file is missing and the Traffy training data is reachable, the model is
        rebuilt and saved there; otherwise a ModelNotFoundError explains what to run.
        """
        path = Path(path)
        if not path.exists():
            from handlers.classify.data import DEFAULT_DATA

            data = Path(data_path) if data_path is not None else DEFAULT_DATA
            if rebuild and data.exists():
                log.warning("classifier model %s missing; rebuilding from %s", path, data)
                from handlers.classify.train import train_and_save

                train_and_save(data, path)
            else:
                raise ModelNotFoundError(
                    f"Classifier model not found at {path} and training data not found at "
                    f"{data}. Run `make model` (python -m handlers.classify.train "
                    f"--data PATH --out {path})."
                )
        payload = joblib.load(path)
        if payload.get("format") != FORMAT_VERSION:
            raise ValueError(f"{path}: unsupported model format {payload.get('format')!r}")
        if payload.get("sklearn") != sklearn.__version__:
            log.warning("model %s was built with scikit-learn %s", path, payload.get("sklearn"))
        obj = cls(knowledge_weight=payload["knowledge_weight"])
        obj.codes = list(payload["codes"])
        obj.features = payload["features"]
        obj.weights = payload["weights"]
        obj.bias = payload["bias"]
        obj.meta = dict(payload.get("meta", {}))
        return obj


_default_lock = threading.Lock()
_default: Classifier | None = None


def default_model_path() -> Path:
    env = os.environ.get("PRONGSAI_CLASSIFIER_MODEL")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "instance" / "models" / "classifier.joblib"


def get_default() -> Classifier:
    """The process-wide classifier, loaded (or rebuilt) on first use."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Classifier.load(default_model_path())
    return _default


def set_default(classifier: Classifier | None) -> None:
    """Install a classifier (tests, other offices' models); None resets to lazy loading."""
    global _default
    with _default_lock:
        _default = classifier
