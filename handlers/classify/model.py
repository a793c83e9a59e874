"""The complaint category classifier: TF-IDF words + characters, one-vs-rest logistic
regression folded into one weight matrix, blended with category knowledge.

The model file is a plain ``.npz`` (numpy arrays, vocabularies as UTF-8 text, metadata as
JSON; no pickle), so it loads in well under a second with numpy and scipy and does not
depend on the scikit-learn version that trained it. scikit-learn is imported only to train.
"""

from __future__ import annotations

import json
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from handlers.classify.categories import category_codes
from handlers.classify.features import HASH_BITS, Vectorizer, normalize_text, text_parts
from handlers.classify.knowledge import keyword_scores, seed_examples

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

FORMAT_VERSION = 4
# How the settings below were chosen, with the figures: README, "Complaint categories from
# free text".
SEED = 20240601
C = 100.0
# Knowledge blend: score = model probability (rows sum to 1) + weight x keyword score.
# Categories with fewer than LACKING_BELOW Traffy tickets (water supply, corruption, staff
# conduct, suggestions) have little but the seed sentences to go on, so their keywords
# weigh more; the covered ones still gain from them on rural wording and rare words.
KNOWLEDGE_WEIGHT = 0.5
COVERED_WEIGHT = 0.3
LACKING_BELOW = 50
CACHE_SIZE = 2048
# Two one-vs-rest logistic regressions on the same features, their probabilities averaged
# with MIX: a plain one (0) and one with NBSVM feature scaling (Wang & Manning 2012) whose
# smoothing is the number given. NBSVM is sharper on the first choice, the plain one
# sturdier on typos and rural words.
MEMBERS: tuple[float, ...] = (0.0, 0.3)
MIX: tuple[float, ...] = (0.5, 0.5)
# Logits are divided by this before the sigmoid: NBSVM with a weak penalty is
# overconfident, and keyword weights are added to these probabilities. It changes no
# ranking by itself.
TEMPERATURE = 1.5
# Weighing the knowledge by the model's doubt loses rural complaints that the keywords
# place correctly; it stays off, and `make eval` keeps measuring it.
GATED = False
# Long letters often raise several matters ("1. ... 2. ..."), and a ticket's label may name
# any of them, while the features read only the opening MAX_CHARS. Such a text is also
# read in pieces of CHUNK_CHARS (whole clauses where they fit, at most MAX_CHUNKS pieces),
# and the pieces' mean ranking (the opening counting as the first piece) is mixed in with
# CHUNK_WEIGHT.
CHUNK_CHARS = 300
CHUNK_WEIGHT = 0.5
MAX_CHUNKS = 4


class ModelNotFoundError(FileNotFoundError):
    """The model file is missing; `make model` builds it."""


class Classifier:
    """Ranks every category code for a complaint text.

    Scores are the model's probabilities blended with keyword knowledge and renormalised
    to sum to 1, so callers can show them as confidences.
    """

    def __init__(
        self, knowledge_weight: float = KNOWLEDGE_WEIGHT, covered_weight: float = COVERED_WEIGHT
    ) -> None:
        self.codes: list[str] = category_codes()
        self.knowledge_weight = knowledge_weight
        self.covered_weight = covered_weight
        self.vectorizer: Vectorizer | None = None
        self.weights: np.ndarray | None = None  # (features, codes) float32
        self.bias: np.ndarray | None = None  # (codes,)
        self.blend: np.ndarray = np.zeros(len(self.codes))  # knowledge weight per code
        self.mix: np.ndarray = np.asarray(MIX, dtype=np.float64)
        self.gated = GATED
        self.temperature = TEMPERATURE
        self.chunk_weight = CHUNK_WEIGHT
        self.meta: dict[str, object] = {}
        self._cache: OrderedDict[str, list[tuple[str, float]]] = OrderedDict()
        self._cache_lock = threading.Lock()

    # -- training -----------------------------------------------------------------
    def train(
        self,
        texts: Sequence[str],
        labels: Sequence[Sequence[str]],
        *,
        use_seeds: bool = True,
        C: float = C,
    ) -> Classifier:
        """Fit on texts with one or more category codes each.

        One binary logistic regression per code (one-vs-rest) on the full label set:
        each estimates P(code applies), which is exactly what "right if it covers any
        label" rewards.
        """
        from scipy.sparse import diags
        from sklearn.linear_model import LogisticRegression

        known_codes = set(self.codes)
        pairs = [
            (t, [c for c in ls if c in known_codes]) for t, ls in zip(texts, labels, strict=True)
        ]
        counts = {c: sum(c in ls for _, ls in pairs) for c in self.codes}
        if use_seeds:
            pairs += [(text, [code]) for text, code in seed_examples()]
        pairs = [(t, ls) for t, ls in pairs if ls]
        norms = [normalize_text(t) for t, _ in pairs]
        self.vectorizer = vec = Vectorizer.fit(norms)
        x = vec.transform(norms)
        y = np.array([[int(c in ls) for c in self.codes] for _, ls in pairs])
        k = len(self.codes)
        self.weights = np.zeros((vec.n_features, k * len(MEMBERS)), dtype=np.float32)
        self.bias = np.full(k * len(MEMBERS), -30.0)  # a code never seen stays at ~0
        for m, alpha in enumerate(MEMBERS):
            for j in range(k):
                if 0 < y[:, j].sum() < len(y):
                    scale = _nb_ratio(x, y[:, j], alpha) if alpha else None
                    xj = x if scale is None else x @ diags(scale)
                    model = LogisticRegression(C=C, max_iter=5000, random_state=SEED)
                    model.fit(xj, y[:, j])
                    coef = model.coef_[0] if scale is None else model.coef_[0] * scale
                    self.weights[:, m * k + j] = coef
                    self.bias[m * k + j] = model.intercept_[0]
        self.mix = np.asarray(MIX, dtype=np.float64)
        self.gated = GATED
        self.temperature = TEMPERATURE
        self.chunk_weight = CHUNK_WEIGHT
        self.blend = np.array(
            [
                self.knowledge_weight if counts[c] < LACKING_BELOW else self.covered_weight
                for c in self.codes
            ]
        )
        self.meta = {
            "n_texts": len(texts),
            "n_rows": len(pairs),
            "use_seeds": use_seeds,
            "C": C,
            "members": list(MEMBERS),
            "label_counts": counts,
        }
        self._cache.clear()
        return self

    # -- prediction ---------------------------------------------------------------
    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Blended scores, shape (len(texts), len(self.codes)), each row summing to 1."""
        probs = self._read(texts)
        if not self.chunk_weight:
            return probs
        owners: list[int] = []
        parts: list[str] = []
        for i, text in enumerate(texts):
            # The first piece is (about) the opening already read: only the rest are new.
            pieces = text_parts(text, CHUNK_CHARS, MAX_CHUNKS)[1:]
            owners.extend([i] * len(pieces))
            parts.extend(pieces)
        if parts:
            owner = np.asarray(owners)
            long = np.unique(owner)
            sums = probs[long].copy()
            np.add.at(sums, np.searchsorted(long, owner), self._read(parts))
            mean = sums / (1 + np.bincount(owner)[long])[:, None]
            probs[long] = (1 - self.chunk_weight) * probs[long] + self.chunk_weight * mean
        return probs

    def _read(self, texts: Sequence[str]) -> np.ndarray:
        """The model and keyword blend on each text's opening MAX_CHARS."""
        vec, weights, bias = self.vectorizer, self.weights, self.bias
        if vec is None or weights is None or bias is None:
            raise RuntimeError("Classifier is not trained or loaded")
        norms = [normalize_text(t) for t in texts]
        logits = np.asarray(vec.transform(norms) @ weights, dtype=np.float64)
        logits += bias
        member = 1.0 / (1.0 + np.exp(-np.clip(logits / self.temperature, -30, 30)))
        member = member.reshape(len(norms), len(self.mix), len(self.codes))
        # One-vs-rest probabilities each say "this code applies"; normalise each member to
        # a ranking, then average the members.
        member /= member.sum(axis=2, keepdims=True)
        probs = np.einsum("nmk,m->nk", member, self.mix)
        if self.blend.any():
            kw = np.array([keyword_scores(n, self.codes) for n in norms], dtype=np.float64)
            if self.gated:
                kw *= 1.0 - probs.max(axis=1, keepdims=True)
            probs += kw * self.blend
        return probs / probs.sum(axis=1, keepdims=True)

    def classify_batch(self, texts: Sequence[str]) -> list[list[tuple[str, float]]]:
        if not texts:
            return []
        probs = self.predict_proba(texts)
        order = np.argsort(-probs, axis=1, kind="stable")
        codes = self.codes
        return [
            [(codes[j], float(row[j])) for j in idx] for row, idx in zip(probs, order, strict=True)
        ]

    def classify(self, text: str) -> list[tuple[str, float]]:
        """Every code, best first, with scores summing to ~1 (recent texts are cached:
        the bot ranks the same message when it reads the intent and when it asks)."""
        with self._cache_lock:
            hit = self._cache.get(text)
            if hit is not None:
                self._cache.move_to_end(text)
                return list(hit)
        ranked = self.classify_batch([text])[0]
        with self._cache_lock:
            self._cache[text] = ranked
            if len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return list(ranked)

    # -- persistence --------------------------------------------------------------
    def save(self, path: str | os.PathLike[str]) -> Path:
        vec = self.vectorizer
        if vec is None or self.weights is None or self.bias is None:
            raise RuntimeError("Classifier is not trained")
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        header = {
            "format": FORMAT_VERSION,
            "codes": self.codes,
            "word_weight": vec.word_weight,
            "hash_bits": HASH_BITS,
            "gated": self.gated,
            "temperature": self.temperature,
            "chunk_weight": self.chunk_weight,
            "meta": self.meta,
        }
        # Write then rename, so a crash (or a second `make model` at the same time) never
        # leaves a half-written model behind.
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            np.savez(
                fh,
                header=_text_array(json.dumps(header, ensure_ascii=False)),
                word_vocab=_text_array("\n".join(_ordered(vec.word_vocab))),
                char_buckets=vec.char_buckets.astype(np.int32),
                idf=vec.idf,
                weights=self.weights,
                bias=self.bias,
                blend=self.blend,
                mix=self.mix,
            )
        os.replace(tmp, path)
        return path

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Classifier:
        """Load a saved model. A missing file raises ModelNotFoundError: training needs
        scikit-learn and many seconds, so only `make model` builds the file."""
        path = Path(path)
        if not path.exists():
            raise ModelNotFoundError(
                f"The classifier model file {path} is missing: build it with `make model` "
                f"(python -m handlers.classify.train --out {path})."
            )
        with np.load(path, allow_pickle=False) as z:
            header = json.loads(_array_text(z["header"]))
            if header.get("format") != FORMAT_VERSION or header.get("hash_bits") != HASH_BITS:
                raise ValueError(
                    f"{path}: model format {header.get('format')!r}, expected {FORMAT_VERSION}; "
                    "rebuild it with `make model`"
                )
            word_vocab = _vocab(_array_text(z["word_vocab"]))
            obj = cls()
            obj.codes = list(header["codes"])
            obj.vectorizer = Vectorizer(
                word_vocab,
                z["char_buckets"].astype(np.int64),
                z["idf"],
                word_weight=float(header["word_weight"]),
            )
            obj.weights = z["weights"]
            obj.bias = z["bias"]
            obj.blend = z["blend"]
            obj.mix = z["mix"]
            obj.gated = bool(header["gated"])
            obj.temperature = float(header["temperature"])
            obj.chunk_weight = float(header.get("chunk_weight", 0.0))
            obj.meta = dict(header.get("meta", {}))
        return obj


def _nb_ratio(x: csr_matrix, y: np.ndarray, alpha: float) -> np.ndarray:
    """NBSVM scaling (Wang & Manning 2012): each feature's log-ratio of its share in the
    texts of a code against the other texts, so the regression starts from naive Bayes'
    view of which grams matter for that code. Folds into the weights after fitting."""
    pos = np.asarray(x[y == 1].sum(axis=0)).ravel() + alpha
    neg = np.asarray(x[y == 0].sum(axis=0)).ravel() + alpha
    return np.log((pos / pos.sum()) / (neg / neg.sum())).astype(np.float64)


def _text_array(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)


def _array_text(arr: np.ndarray) -> str:
    return arr.tobytes().decode("utf-8")


def _ordered(vocab: dict[str, int]) -> list[str]:
    out = [""] * len(vocab)
    for gram, i in vocab.items():
        out[i] = gram
    return out


def _vocab(text: str) -> dict[str, int]:
    # Grams never contain a newline (text is split on whitespace before n-grams are made).
    return {g: i for i, g in enumerate(text.split("\n"))} if text else {}
