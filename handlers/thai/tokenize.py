"""Thai word segmentation with a dictionary that knows the office's own vocabulary.

Thai is written without spaces between words; the default dictionary splits office
terms such as "กองสาธารณสุขและสิ่งแวดล้อม" or "ไฟถนน" into pieces that no longer match
keywords, so they are added to it.
"""

from functools import lru_cache

from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize
from pythainlp.util import Trie, dict_trie

from handlers.thai.normalize import normalize

# Words of local government work that must stay whole when tokenising.
OFFICE_TERMS: frozenset[str] = frozenset(
    {
        # units and office types
        "สำนักปลัด",
        "กองคลัง",
        "กองช่าง",
        "กองการศึกษา",
        "กองสาธารณสุขและสิ่งแวดล้อม",
        "กองสาธารณสุข",
        "งานนิติกร",
        "นิติกร",
        "อบต.",
        "อบต",
        "ทต.",
        "ทม.",
        "อบจ.",
        "เทศบาล",
        "เทศบาลตำบล",
        "เทศบาลเมือง",
        "องค์การบริหารส่วนตำบล",
        "ผู้ใหญ่บ้าน",
        "กำนัน",
        "นายก",
        # public services and everyday problems
        "ไฟถนน",
        "ไฟฟ้าสาธารณะ",
        "ท่อระบายน้ำ",
        "น้ำประปา",
        "ประปาหมู่บ้าน",
        "น้ำท่วม",
        "น้ำท่วมขัง",
        "ถนนชำรุด",
        "หลุมบ่อ",
        "ขยะ",
        "เก็บขยะ",
        "กลิ่นเหม็น",
        "สุนัขจรจัด",
        "ต้นไม้",
        "กิ่งไม้",
        "เสียงดัง",
        "ยุง",
        "ไข้เลือดออก",
        # integrity and complaints
        "ร้องเรียน",
        "ร้องทุกข์",
        "เรื่องร้องเรียน",
        "ทุจริต",
        "ประพฤติมิชอบ",
        "สินบน",
        "เบาะแส",
        "แจ้งเบาะแส",
        "ผลประโยชน์ทับซ้อน",
        "ความพึงพอใจ",
        "ความโปร่งใส",
        "คุณธรรม",
        "ปีงบประมาณ",
        "ไตรมาส",
        "ความคืบหน้า",
        "มาตรการ",
        "ยกเลิก",
    }
)


@lru_cache(maxsize=1)
def _trie() -> Trie:
    # Built once per process: the dictionary has ~60,000 words and takes about half a second.
    return dict_trie(set(thai_words()) | OFFICE_TERMS)


def words() -> frozenset[str]:
    """All words the tokenizer knows: the pythainlp dictionary plus the office terms."""
    return _words()


@lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    return frozenset(thai_words()) | OFFICE_TERMS


def is_known_word(word: str) -> bool:
    """True when word is in the tokenizer's dictionary."""
    return word in _words()


def tokenize(text: str) -> list[str]:
    """Split normalised text into words, dropping the spaces between them."""
    cleaned = normalize(text)
    if not cleaned:
        return []
    tokens = word_tokenize(cleaned, engine="newmm", custom_dict=_trie(), keep_whitespace=False)
    return [t for t in tokens if t.strip()]
