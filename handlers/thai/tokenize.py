"""Thai word segmentation with a dictionary that knows the office's own vocabulary.

Thai is written without spaces between words; the default dictionary splits office
terms such as "กองสาธารณสุขและสิ่งแวดล้อม" or "ไฟถนน" into pieces that no longer match
keywords, so they are added to it.
"""

import os
import tempfile
from functools import lru_cache

from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize
from pythainlp.util import Trie, dict_trie

from handlers.thai.normalize import normalize

O3_DICTIONARY = "prongsai"

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
        # complaint vocabulary that the classifier needs whole (kept after the words above so
        # the original groups stay readable)
        "ไฟทาง",
        "ไฟกิ่ง",
        "ไฟส่องสว่าง",
        "เสาไฟ",
        "สายไฟ",
        "สายสื่อสาร",
        "หลอดไฟ",
        "ไฟดับ",
        "ไฟฟ้าดับ",
        "ทางเท้า",
        "ฟุตบาท",
        "ฟุตปาธ",
        "ถนนลูกรัง",
        "หินคลุก",
        "ลาดยาง",
        "คอนกรีต",
        "รางระบายน้ำ",
        "ท่อตัน",
        "น้ำขัง",
        "ลำเหมือง",
        "ลำห้วย",
        "ขุดลอก",
        "ประปา",
        "น้ำไม่ไหล",
        "น้ำขุ่น",
        "มิเตอร์น้ำ",
        "ค่าน้ำ",
        "ท่อประปา",
        "หอถังสูง",
        "ถังขยะ",
        "รถขยะ",
        "ขยะล้น",
        "เผาขยะ",
        "ควันไฟ",
        "ฝุ่นละออง",
        "หมาจร",
        "แมวจร",
        "ต้นไม้ล้ม",
        "ตัดต้นไม้",
        "คอร์รัปชัน",
        "คอรัปชั่น",
        "ใต้โต๊ะ",
        "เงินทอน",
        "ฮั้ว",
        "ฮั้วประมูล",
        "เรียกรับเงิน",
        "เอื้อประโยชน์",
        "เล่นพรรคเล่นพวก",
        "เจ้าหน้าที่",
        "ไม่สุภาพ",
        "พูดจา",
        "ล่าช้า",
        "ปลัด",
        "ลูกระนาด",
        "ป้ายจราจร",
        "สัญญาณไฟ",
        "ทางม้าลาย",
        "กล้องวงจรปิด",
        "มอเตอร์ไซค์",
        "มอไซค์",
        "จอดรถ",
        "หาบเร่",
        "แผงลอย",
    }
)


@lru_cache(maxsize=1)
def words() -> frozenset[str]:
    """All words the tokenizer knows: the pythainlp dictionary plus the office terms."""
    return frozenset(thai_words()) | OFFICE_TERMS


@lru_cache(maxsize=1)
def _trie() -> Trie:
    # Built once per process: the dictionary has ~60,000 words and takes about half a second.
    return dict_trie(words())


def is_known_word(word: str) -> bool:
    """True when word is in the tokenizer's dictionary."""
    return word in words()


@lru_cache(maxsize=1)
def _o3_dictionary() -> str:
    """The same dictionary loaded into nlpO3 (PyThaiNLP's newmm in Rust), once per process.

    nlpO3 reads a dictionary only from a file: a temporary one, removed once loaded.
    """
    import nlpo3

    fd, path = tempfile.mkstemp(prefix="prongsai-words-", suffix=".txt")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write("\n".join(sorted(words())))
        message, ok = nlpo3.load_dict(path, O3_DICTIONARY)
        if not ok:
            raise RuntimeError(f"nlpO3 could not load the dictionary: {message}")
    finally:
        os.unlink(path)
    return O3_DICTIONARY


def segment(cleaned: str) -> list[str]:
    """Words of text that is already clean (the classifier's hot path), without spaces.

    The same newmm algorithm and dictionary as tokenize(), run by nlpO3 because
    segmentation is most of the classifier's time in pure Python. It skips ``normalize``
    (pythainlp's spelling fixes cost more than segmenting a short message). It differs
    from pythainlp's newmm only around digits and punctuation ("50/2" is "50", "/", "2"
    rather than "50", "/2").
    """
    import nlpo3

    return [t for t in nlpo3.segment(cleaned, _o3_dictionary()) if not t.isspace()]


def tokenize(text: str) -> list[str]:
    """Split normalised text into words, dropping the spaces between them."""
    cleaned = normalize(text)
    if not cleaned:
        return []
    tokens = word_tokenize(cleaned, engine="newmm", custom_dict=_trie(), keep_whitespace=False)
    return [t for t in tokens if t.strip()]
