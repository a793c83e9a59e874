"""Text cleanup and feature extraction for the classifier, in plain Python and numpy.

Training and prediction share this code, so what the model saw is exactly what it gets.
Two blocks of TF-IDF features, each L2-normalised on its own:

* words: newmm unigrams and bigrams from the project's one tokenizer
  (``handlers.thai.tokenize.segment``, pythainlp's dictionary plus office terms);
* characters: 1-4 grams inside each space-separated chunk, which survive misspellings,
  dropped tone marks and regional words the word block never saw. They are hashed with
  numpy over a whole batch at once (no per-gram Python work or dictionary lookups); the
  buckets seen in at least two training texts are the features.

Scoring is one sparse-times-dense product (scipy's CSR times the weight matrix); no
scikit-learn at run time, so the model loads in a fraction of a second, without pickle.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from handlers.thai.tokenize import segment

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

# The first few hundred characters carry the topic of even a long letter; capping them
# keeps segmentation (the slowest step) and n-gram counting within the latency budget.
MAX_CHARS = 300
WORD_CHARS = 200
CHAR_NGRAMS = (1, 4)
HASH_BITS = 21  # 2M buckets: few collisions among the ~10^5 grams of the data

_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad]")
# What names no topic is replaced by a space: URLs and e-mail addresses, phone numbers,
# emoji, pictographs, dingbats, arrows, box drawing, variation selectors, joiners and
# punctuation. The costly patterns run only when a cheap test says they can match.
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\S+")
_PHONE = re.compile(r"(?<!\d)0\d{1,2}[- ]?\d{3}[- ]?\d{3,4}(?!\d)")
_SYMBOLS = re.compile(
    "[\u2190-\u21ff\u2300-\u23ff\u2500-\u27bf\u2b00-\u2bff\ufe00-\ufe0f\u200d"
    "\U0001f000-\U0001faff\U000e0000-\U000e007f"
    "\"'“”‘’`´^~*_=|\\\\<>\\[\\]{}()#!?;:,]+"
)
_THAI_DIGIT = re.compile("[๐-๙]")
_DIGIT = re.compile("[0-9]")
_REPEAT = re.compile(r"(.)\1{2,}")
# A doubled Thai vowel sign or tone mark is a typo (or an emphasis) with the same meaning.
_DOUBLE_MARK = re.compile("([\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])\\1+")
_SPACE = re.compile(r"\s+")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def normalize_text(text: str, max_chars: int | None = MAX_CHARS) -> str:
    """Canonical form shared by training and prediction.

    NFC, no invisible characters, URLs, e-mail addresses, phone numbers, emoji or
    decoration, Arabic digits, lower case, "ดับบบบ" -> "ดับ", single spaces.
    """
    text = text or ""
    if max_chars is not None:
        # Cut generously before the costly steps, then exactly after them.
        text = text[: max_chars * 2]
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text).replace("\u0e4d\u0e32", "\u0e33")  # split sara am
    if _THAI_DIGIT.search(text):
        text = text.translate(_THAI_DIGITS)
    text = text.lower()
    if "://" in text or "www." in text or "@" in text:
        text = _URL.sub(" ", text)
    if _DIGIT.search(text):
        text = _PHONE.sub(" ", text)
    text = _SYMBOLS.sub(" ", text)
    text = _DOUBLE_MARK.sub(r"\1", text)
    text = _REPEAT.sub(r"\1", text)
    text = _SPACE.sub(" ", text).strip()
    return text[:max_chars] if max_chars is not None else text


# Where a letter changes subject: a line break, a run of spaces, or a list number ("2.", "3)").
_PART_BREAK = re.compile(r"\n+|\s{2,}|(?<=\s)(?=\d{1,2}[.)])")


def text_parts(text: str, size: int, limit: int) -> list[str]:
    """A long text as pieces of at most ``size`` characters, at most ``limit`` of them.

    Clauses are packed whole into pieces; a clause longer than ``size`` is cut. A text
    that fits in one piece has no parts ([]): the whole-text reading already covers it.
    """
    if len(text or "") <= size:
        return []
    pieces: list[str] = []
    current = ""
    for clause in _PART_BREAK.split(text):
        clause = clause.strip()
        while clause:
            if current and len(current) + 1 + len(clause) > size:
                pieces.append(current)
                current = ""
            room = size - len(current) - (1 if current else 0)
            current = f"{current} {clause[:room]}" if current else clause[:room]
            clause = clause[room:].strip()
        if len(pieces) >= limit:
            break
    if current and len(pieces) < limit:
        pieces.append(current)
    return pieces[:limit] if len(pieces) > 1 else []


def word_grams(norm: str) -> list[str]:
    """newmm unigrams and bigrams of the beginning of normalised text."""
    tokens = segment(norm[:WORD_CHARS]) if norm else []
    return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]


_PRIME = np.uint64(1_000_003)
_MIX = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: the top bits are well mixed
_SHIFT = np.uint64(64 - HASH_BITS)
_NEWLINE, _SPACE_CODE = 10, 32


def char_hashes(norms: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(row, bucket) of every character 1-4 gram of every text, as in scikit-learn's
    "char_wb": grams stay inside a space-padded chunk, never span two chunks or texts."""
    lo, hi = CHAR_NGRAMS
    joined = "\n".join(f" {n} " for n in norms)  # normalised text holds no newline
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    size = len(codes)
    sep = codes == _NEWLINE
    space = codes == _SPACE_CODE
    row_of = np.cumsum(sep)
    sep_cs = np.concatenate(([0], np.cumsum(sep)))
    space_cs = np.concatenate(([0], np.cumsum(space)))
    rows: list[np.ndarray] = []
    buckets: list[np.ndarray] = []
    h = np.zeros(size, dtype=np.uint64)
    for n in range(1, hi + 1):
        m = size - n + 1
        if m <= 0:
            break
        h = h[:m] * _PRIME + codes[n - 1 :]  # h[i] hashes codes[i : i + n]
        if n < lo:
            continue
        ok = sep_cs[n : n + m] == sep_cs[:m]
        if n == 1:
            ok &= ~space
        elif n >= 3:  # a space inside the gram (not at its ends) joins two chunks
            ok &= space_cs[n - 1 : n - 1 + m] == space_cs[1 : 1 + m]
        idx = np.flatnonzero(ok)
        rows.append(row_of[idx])
        buckets.append(((h[idx] + np.uint64(n)) * _MIX) >> _SHIFT)
    if not rows:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(rows).astype(np.int64), np.concatenate(buckets).astype(np.int64)


@dataclass
class Vectorizer:
    """Word vocabulary + kept character buckets with their idf, producing TF-IDF rows.

    Feature ids: word features first (0 .. n_word-1), then character buckets.
    """

    word_vocab: dict[str, int]
    char_buckets: np.ndarray  # sorted bucket numbers kept as features
    idf: np.ndarray  # float32, one per feature id
    word_weight: float = 1.0  # scale of the word block relative to the character block

    def __post_init__(self) -> None:
        self._bucket_feature = np.full(1 << HASH_BITS, -1, dtype=np.int32)
        self._bucket_feature[self.char_buckets] = np.arange(
            len(self.word_vocab), len(self.word_vocab) + len(self.char_buckets), dtype=np.int32
        )

    @property
    def n_word(self) -> int:
        return len(self.word_vocab)

    @property
    def n_features(self) -> int:
        return len(self.word_vocab) + len(self.char_buckets)

    @classmethod
    def fit(cls, norms: Sequence[str], min_df: int = 2, **kw: float) -> Vectorizer:
        """Keep the words and character buckets found in at least ``min_df`` texts."""
        n_docs = len(norms)
        df: dict[str, int] = {}
        for norm in norms:
            for g in set(word_grams(norm)):
                df[g] = df.get(g, 0) + 1
        words = sorted(g for g, d in df.items() if d >= min_df)
        rows, buckets = char_hashes(norms)
        pairs = np.unique(rows * (1 << HASH_BITS) + buckets)
        bucket_df = np.bincount(pairs % (1 << HASH_BITS), minlength=1 << HASH_BITS)
        kept = np.flatnonzero(bucket_df >= min_df)
        doc_freq = np.concatenate(
            [np.array([df[g] for g in words], dtype=np.float64), bucket_df[kept]]
        )
        idf = (np.log((1 + n_docs) / (1 + doc_freq)) + 1.0).astype(np.float32)
        return cls({g: i for i, g in enumerate(words)}, kept, idf, **kw)

    def transform(self, norms: Sequence[str]) -> csr_matrix:
        """TF-IDF rows as a scipy CSR matrix: sublinear tf, idf, each block L2-normalised."""
        from scipy.sparse import csr_matrix

        n = len(norms)
        wget = self.word_vocab.get
        word_rows: list[int] = []
        word_feats: list[int] = []
        for r, norm in enumerate(norms):
            found = [i for i in map(wget, word_grams(norm)) if i is not None]
            word_rows.extend([r] * len(found))
            word_feats.extend(found)
        char_rows, buckets = char_hashes(norms)
        char_feats = self._bucket_feature[buckets]
        keep = char_feats >= 0
        rows = np.concatenate((np.asarray(word_rows, dtype=np.int64), char_rows[keep]))
        feats = np.concatenate((np.asarray(word_feats, dtype=np.int64), char_feats[keep]))
        keys, counts = np.unique(rows * self.n_features + feats, return_counts=True)
        rows, feats = np.divmod(keys, self.n_features)
        # Sublinear tf (1 + log count) damps a word repeated all through a long letter.
        vals = (1.0 + np.log(counts)).astype(np.float32) * self.idf[feats]
        block = feats >= self.n_word
        group = rows * 2 + block
        norms_sq = np.bincount(group, weights=vals * vals, minlength=2 * n)
        vals = (vals / np.sqrt(norms_sq[group])).astype(np.float32)
        if self.word_weight != 1.0:
            vals[~block] *= self.word_weight
        indptr = np.searchsorted(rows, np.arange(n + 1))
        return csr_matrix((vals, feats.astype(np.int32), indptr), shape=(n, self.n_features))
