"""Text normalisation, tokenisation and feature extraction for the classifier.

Kept self-contained (its own newmm tokenizer) so the classifier does not depend on
``handlers/thai`` while that module is being written; the two can be unified later.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer

# Long letters of complaint repeat themselves; the first few hundred characters carry the
# topic, and capping the length keeps tokenisation (the slowest step) within budget.
MAX_CHARS = 400

# Office and complaint vocabulary missing from thai_words(): without these newmm splits
# e.g. "ไฟกิ่ง" or "ใต้โต๊ะ" into pieces that lose their meaning.
CUSTOM_WORDS: frozenset[str] = frozenset(
    {
        "ไฟถนน", "ไฟทาง", "ไฟกิ่ง", "ไฟส่องสว่าง", "เสาไฟ", "สายไฟ", "สายสื่อสาร", "หลอดไฟ",
        "ไฟดับ", "ไฟฟ้าดับ", "ทางเท้า", "ฟุตบาท", "ฟุตปาธ", "ถนนลูกรัง", "หินคลุก", "หลุมบ่อ",
        "ลาดยาง", "คอนกรีต", "ท่อระบายน้ำ", "รางระบายน้ำ", "ท่อตัน", "น้ำท่วมขัง", "น้ำขัง",
        "ลำเหมือง", "ลำห้วย", "ขุดลอก", "น้ำประปา", "ประปา", "ประปาหมู่บ้าน", "น้ำไม่ไหล",
        "น้ำขุ่น", "มิเตอร์น้ำ", "ค่าน้ำ", "ท่อประปา", "หอถังสูง", "ถังขยะ", "รถขยะ", "เก็บขยะ",
        "ขยะล้น", "เผาขยะ", "กลิ่นเหม็น", "เสียงดัง", "ควันไฟ", "ฝุ่นละออง", "สุนัขจรจัด",
        "หมาจร", "แมวจร", "กิ่งไม้", "ต้นไม้ล้ม", "ตัดต้นไม้", "ทุจริต", "คอร์รัปชัน",
        "คอรัปชั่น", "สินบน", "ใต้โต๊ะ", "เงินทอน", "ฮั้ว", "ฮั้วประมูล", "เรียกรับเงิน",
        "ประพฤติมิชอบ", "เอื้อประโยชน์", "เล่นพรรคเล่นพวก", "เบาะแส", "เจ้าหน้าที่",
        "ไม่สุภาพ", "พูดจา", "ล่าช้า", "อบต", "อบต.", "เทศบาล", "ผู้ใหญ่บ้าน", "กำนัน",
        "นายก", "ปลัด", "กองช่าง", "ร้องเรียน", "ร้องทุกข์", "ลูกระนาด", "ป้ายจราจร",
        "สัญญาณไฟ", "ทางม้าลาย", "กล้องวงจรปิด", "มอเตอร์ไซค์", "จอดรถ", "หาบเร่", "แผงลอย",
    }
)

_ZERO_WIDTH = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
_REPEAT = re.compile(r"(.)\1{2,}")
_SPACE = re.compile(r"\s+")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def _is_symbol(ch: str) -> bool:
    # Emoji and pictographs (So/Sk/Cs) and variation selectors carry no topic.
    cat = unicodedata.category(ch)
    return cat in {"So", "Sk", "Cs", "Co"} or 0xFE00 <= ord(ch) <= 0xFE0F


def normalize_text(text: str, max_chars: int | None = MAX_CHARS) -> str:
    """Canonical form shared by training and prediction.

    NFC, no zero-width characters or emoji, Arabic digits, lower case, collapsed runs of
    a repeated character ("ดับบบบ" -> "ดับ", "55555" -> "5") and single spaces.
    """
    text = unicodedata.normalize("NFC", text or "")
    if max_chars is not None:
        # Cut generously before the costly steps, then exactly after them.
        text = text[: max_chars * 2]
    text = _ZERO_WIDTH.sub("", text)
    text = "".join(" " if _is_symbol(ch) else ch for ch in text)
    text = text.translate(_THAI_DIGITS).lower()
    text = _REPEAT.sub(r"\1", text)
    text = _SPACE.sub(" ", text).strip()
    return text[:max_chars] if max_chars is not None else text


_trie_lock = threading.Lock()
_trie = None


def get_trie():  # -> pythainlp.util.Trie (untyped library)
    """thai_words() + CUSTOM_WORDS as one newmm trie, built once per process (~0.8 s)."""
    global _trie
    if _trie is None:
        with _trie_lock:
            if _trie is None:
                from pythainlp.corpus.common import thai_words
                from pythainlp.util import dict_trie

                _trie = dict_trie(set(thai_words()) | CUSTOM_WORDS)
    return _trie


def tokenize(text: str) -> list[str]:
    """newmm tokens of already-normalised text, without whitespace tokens."""
    from pythainlp.tokenize import newmm

    return [t for t in newmm.segment(text, custom_dict=get_trie()) if not t.isspace()]


def word_analyzer(text: str) -> list[str]:
    """Unigrams and bigrams of newmm tokens (module-level so the model can be pickled)."""
    tokens = tokenize(text)
    return tokens + [f"{a}_{b}" for a, b in zip(tokens, tokens[1:], strict=False)]


class FeatureExtractor:
    """Word (newmm 1-2 grams) + character (1-4 grams) TF-IDF, stacked side by side.

    Character n-grams survive misspellings, tokenisation errors and regional vocabulary
    that the word features never saw; word features carry the sharper signal.
    """

    def __init__(self) -> None:
        self.word = TfidfVectorizer(
            analyzer=word_analyzer, sublinear_tf=True, min_df=2, dtype=np.float32
        )
        self.char = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=(1, 4),
            sublinear_tf=True,
            min_df=2,
            max_features=150_000,
            dtype=np.float32,
        )

    def fit_transform(self, texts: Iterable[str]) -> csr_matrix:
        texts = list(texts)
        x = hstack([self.word.fit_transform(texts), self.char.fit_transform(texts)]).tocsr()
        # stop_words_ lists every pruned n-gram: large, useless after fitting, and most of
        # the model file's load time (scikit-learn documents deleting it before pickling).
        for vec in (self.word, self.char):
            if hasattr(vec, "stop_words_"):
                del vec.stop_words_
        return x

    def dot(self, texts: list[str], weights: np.ndarray) -> np.ndarray:
        """``transform(texts) @ weights`` without stacking the two sparse blocks."""
        n_word = len(self.word.vocabulary_)
        return np.asarray(
            self.word.transform(texts) @ weights[:n_word]
            + self.char.transform(texts) @ weights[n_word:]
        )

    def transform(self, texts: Iterable[str]) -> csr_matrix:
        texts = list(texts)
        return hstack([self.word.transform(texts), self.char.transform(texts)]).tocsr()
