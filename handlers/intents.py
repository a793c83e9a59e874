"""What a chat message wants: ``detect_intent(text) -> Intent``.

Order of checks (first match wins): case number -> exact/fuzzy conversation starters
(also after fixing a wrong keyboard layout) -> corruption wording -> complaint-like text
(category from the classifier) -> "unknown", for which the bot shows its menu.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from handlers.classify import classify
from handlers.classify.knowledge import KEYWORDS, keyword_scores
from handlers.complaints.domain import find_case_number
from handlers.complaints.policy import is_sealed
from handlers.thai.digits import thai_to_arabic
from handlers.thai.keyboard import fix_keyboard_layout

MAX_CHARS = 2000  # longer messages are judged on their beginning

INTENT_NAMES = (
    "complaint",
    "corruption",
    "satisfaction",
    "track",
    "progress",
    "gift",
    "gift_none",
    "service_count",
    "register",
    "my_work",
    "summary",
    "greeting",
    "help",
    "cancel",
    "unknown",
)


@dataclass(frozen=True)
class Intent:
    name: str
    case_number: str | None = None
    category: str | None = None
    # Free argument of a command, e.g. the one-time code of "ลงทะเบียน 123456".
    argument: str | None = None


# Starters are compared with spaces removed. Whole-message starters must be (nearly) the
# entire message; prefix starters may be followed by more text.
STARTERS: dict[str, tuple[str, ...]] = {
    "cancel": ("ยกเลิก", "cancel", "ออก", "เลิก", "ยกเลิกเรื่อง"),
    "complaint": (
        "ร้องเรียน/ร้องทุกข์",
        "ร้องเรียนร้องทุกข์",
        "ร้องเรียน",
        "ร้องทุกข์",
        "แจ้งเรื่อง",
        "แจ้งเรื่องร้องเรียน",
        "แจ้งปัญหา",
        "complaint",
    ),
    "corruption": ("แจ้งเบาะแสทุจริต", "แจ้งทุจริต", "เบาะแสทุจริต", "แจ้งเบาะแส", "ร้องเรียนทุจริต"),
    "satisfaction": ("ประเมินความพึงพอใจ", "ประเมิน", "ความพึงพอใจ", "ให้คะแนน", "แบบประเมิน"),
    "track": ("ติดตามเรื่อง", "ติดตาม", "ตามเรื่อง", "ติดตามสถานะ", "สถานะเรื่อง", "track"),
    "progress": ("รายงานความคืบหน้า", "รายงานผล", "ความคืบหน้า", "รายงานผลการดำเนินงาน"),
    "gift": ("แจ้งรับของขวัญ", "รับของขวัญ", "แจ้งการรับของขวัญ", "แจ้งรับของขวัญของกำนัล"),
    "gift_none": ("ไม่มีการรับของขวัญ", "ไม่ได้รับของขวัญ", "ไม่มีของขวัญ", "ไม่รับของขวัญ"),
    "service_count": ("สถิติบริการ", "สถิติการให้บริการ", "บันทึกสถิติบริการ", "จำนวนผู้รับบริการ"),
    "register": ("ลงทะเบียน", "register"),
    "my_work": ("งานของฉัน", "งานของผม", "งานของหนู", "งานฉัน", "งานของฉันมีอะไรบ้าง", "mywork"),
    "summary": ("สรุป", "สรุปผล", "สรุปภาพรวม", "summary"),
    "greeting": (
        "สวัสดี",
        "หวัดดี",
        "สวัสดีครับ",
        "สวัสดีค่ะ",
        "หวัดดีครับ",
        "หวัดดีค่ะ",
        "ดีครับ",
        "ดีค่ะ",
        "hello",
        "hi",
        "hey",
        "สวัสดีจ้า",
    ),
    "help": (
        "ช่วยด้วย",
        "เมนู",
        "help",
        "menu",
        "วิธีใช้",
        "ใช้งานยังไง",
        "ทำอะไรได้บ้าง",
        "ช่วยเหลือ",
        "?",
    ),
}
# Starters that take the rest of the message as content rather than needing to stand alone.
PREFIX_INTENTS = ("register", "complaint", "corruption", "progress")
_POLITE = re.compile(r"(ครับผม|ครับ|คับ|ค่ะ|คะ|ค่า|นะ|จ้า|จ้ะ|หน่อย|ด้วย|ที|please|pls)+$")

_ZERO_WIDTH = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
# "มาตรการ 3 …", "แผนดำเนินงาน 3 …": a staff member's one-line report on an item of a plan.
_PROGRESS = re.compile(
    r"^(?:มาตรการ|แผน(?:การ)?ดำเนินงาน|แผน(?:ปฏิบัติการ)?(?:ป้องกัน)?(?:การ)?ทุจริต)"
    r"\s*(?:ที่|ข้อ|ลำดับที่)?\s*\d+"
)

# Words that make a message read like a report of a problem, beyond the category keywords.
COMPLAINT_CUES = (
    "ดับ",
    "เสีย",
    "พัง",
    "ชำรุด",
    "แตก",
    "รั่ว",
    "ท่วม",
    "ตัน",
    "เหม็น",
    "ดัง",
    "รบกวน",
    "ไม่มี",
    "ไม่ได้",
    "ไม่ไหล",
    "ล้ม",
    "หัก",
    "กีดขวาง",
    "อันตราย",
    "เดือดร้อน",
    "ร้องเรียน",
    "ขอให้",
    "หลุม",
    "สกปรก",
    "ขยะ",
    "จรจัด",
    "มืด",
    "ขวาง",
    "ยุบ",
    "ทรุด",
    "ร้าว",
    "ช้า",
    "ไม่มา",
    "ไม่เก็บ",
    "ไม่ซ่อม",
    "แจ้ง",
    "ปัญหา",
    "ช่วย",
    "ไม่สุภาพ",
    "ฝุ่น",
    "ควัน",
)


def normalize_message(text: str) -> str:
    """NFC, no zero-width characters or emoji, Arabic digits, single spaces, lower case."""
    text = unicodedata.normalize("NFC", (text or "")[: MAX_CHARS * 2])
    text = _ZERO_WIDTH.sub("", text)
    text = "".join(
        " "
        if unicodedata.category(ch) in {"So", "Sk", "Cs", "Co"} or 0xFE00 <= ord(ch) <= 0xFE0F
        else ch
        for ch in text
    )
    text = thai_to_arabic(text)
    return re.sub(r"\s+", " ", text).strip().lower()[:MAX_CHARS]


def _compact(text: str) -> str:
    return re.sub(r"[\s!.,:;\"'()]+", "", text)


def _match_starter(text: str) -> Intent | None:
    compact = _compact(text)
    bare = _POLITE.sub("", compact) or compact
    # 1) the whole message is a starter (exact, then fuzzy for typos).
    for name, phrases in STARTERS.items():
        if bare in phrases or compact in phrases:
            return Intent(name)
    for name, phrases in STARTERS.items():
        for phrase in phrases:
            if len(phrase) >= 5 and len(bare) >= 4 and fuzz.ratio(bare, phrase) >= 85:
                return Intent(name)
    # 2) a starter followed by content.
    for name in PREFIX_INTENTS:
        for phrase in sorted(STARTERS[name], key=len, reverse=True):
            if compact.startswith(phrase):
                rest = text[_prefix_end(text, phrase) :].strip(" :/-")
                if name == "register":
                    return Intent("register", argument=rest.split()[0] if rest else None)
                if name == "complaint" and rest:
                    return None  # let the content decide (corruption or a category)
                return Intent(name)
    if _PROGRESS.match(text):
        return Intent("progress")
    return None


def _prefix_end(text: str, phrase: str) -> int:
    """Index in ``text`` just after ``phrase`` when spaces in ``text`` are ignored."""
    seen = 0
    for i, ch in enumerate(text):
        if not ch.isspace() and ch not in "!.,:;\"'()":
            seen += 1
        if seen == len(phrase):
            return i + 1
    return len(text)


def _strip_greeting(text: str) -> str:
    """Drop a leading greeting so "สวัสดีครับ ไฟดับ..." is judged on its content."""
    m = re.match(r"^(สวัสดี|หวัดดี|hello|hi)\S*\s*", text)
    return text[m.end() :] if m else text


def _corruption_score(text: str) -> float:
    return keyword_scores(text, ["corruption"])[0]


def _classify_free_text(text: str) -> Intent:
    if _corruption_score(text) >= 1.0:
        return Intent("corruption", category="corruption")
    has_cue = any(cue in text for cue in COMPLAINT_CUES) or any(
        phrase in text for phrases in KEYWORDS.values() for phrase in phrases
    )
    if not has_cue or len(_compact(text)) < 4:
        return Intent("unknown")
    code = classify(text)[0][0]
    if is_sealed(code):  # a sealed category is reported through the protected channel
        return Intent("corruption", category=code)
    return Intent("complaint", category=code)


def detect_intent(text: str) -> Intent:
    norm = normalize_message(text)
    if not norm:
        return Intent("unknown")
    case_number = find_case_number(norm)
    if case_number:
        return Intent("track", case_number=case_number)
    candidates = [norm]
    fixed = fix_keyboard_layout(norm)
    if fixed:
        candidates.append(normalize_message(fixed))
    for candidate in candidates:
        starter = _match_starter(candidate)
        if starter:
            return starter
    for candidate in candidates:
        content = _strip_greeting(candidate)
        if content != candidate and not content:
            return Intent("greeting")
        found = _classify_free_text(content)
        if found.name != "unknown":
            return found
    if _strip_greeting(norm) != norm:
        return Intent("greeting")
    return Intent("unknown")
