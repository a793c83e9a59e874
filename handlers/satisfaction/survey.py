"""The survey Thai offices report: five dimensions on a five-point scale, and the bands
that turn a mean into words (as in the offices' o17 reports)."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.thai.digits import thai_to_arabic


@dataclass(frozen=True)
class Dimension:
    code: str
    name_th: str
    question: str


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension("process", "ขั้นตอนและระยะเวลา", "ขั้นตอนการให้บริการและระยะเวลาที่ใช้"),
    Dimension("staff", "เจ้าหน้าที่ผู้ให้บริการ", "เจ้าหน้าที่ผู้ให้บริการ (สุภาพ เต็มใจ ให้คำแนะนำ)"),
    Dimension("facilities", "สิ่งอำนวยความสะดวก", "สิ่งอำนวยความสะดวก (ที่นั่งรอ ป้ายบอกทาง ที่จอดรถ)"),
    Dimension("quality", "คุณภาพการให้บริการ", "คุณภาพของงานบริการที่ได้รับ"),
    Dimension("overall", "ความพึงพอใจโดยรวม", "ความพึงพอใจโดยรวมต่อการให้บริการ"),
)
DIMENSION_CODES: tuple[str, ...] = tuple(d.code for d in DIMENSIONS)

# The one question asked about how a complaint was handled.
HANDLING = "handling"
HANDLING_NAME = "การจัดการเรื่องร้องเรียน"

SCALE: dict[int, str] = {5: "มากที่สุด", 4: "มาก", 3: "ปานกลาง", 2: "น้อย", 1: "น้อยที่สุด"}
SATISFIED = (4, 5)

# Interpretation of a mean, as Thai reports write it (class width 0.80 from 1.00 to 5.00).
BANDS: tuple[tuple[float, str], ...] = (
    (4.21, "มากที่สุด"),
    (3.41, "มาก"),
    (2.61, "ปานกลาง"),
    (1.81, "น้อย"),
    (1.00, "น้อยที่สุด"),
)
BAND_RANGES: tuple[tuple[str, str], ...] = (
    ("4.21–5.00", "มากที่สุด"),
    ("3.41–4.20", "มาก"),
    ("2.61–3.40", "ปานกลาง"),
    ("1.81–2.60", "น้อย"),
    ("1.00–1.80", "น้อยที่สุด"),
)


def band(mean: float | None) -> str:
    """The Thai words for a mean; the mean is rounded to the two decimals a report shows,
    so that the printed figure and its words always agree."""
    if mean is None:
        return "-"
    shown = round(mean + 1e-9, 2)
    for floor, words in BANDS:
        if shown >= floor:
            return words
    return BANDS[-1][1]


def score_label(score: int) -> str:
    """What a tappable score says: "5 มากที่สุด"."""
    return f"{score} {SCALE[score]}"


def parse_score(text: str) -> int | None:
    """A score from a tapped label ("5 มากที่สุด"), a digit (Thai digits too) or the words."""
    t = " ".join(thai_to_arabic(text).split())
    if not t:
        return None
    if t[0].isdigit():
        head = t.split(" ", 1)[0]
        if head.isdigit() and 1 <= int(head) <= 5:
            rest = t[len(head) :].strip()
            return int(head) if not rest or rest == SCALE[int(head)] else None
        return None
    for score, words in SCALE.items():
        if t == words:
            return score
    return None


# Optional details about the respondent that reports break results down by.
GENDERS: tuple[str, ...] = ("ชาย", "หญิง", "เพศทางเลือก", "ไม่ระบุ")
AGE_BANDS: tuple[str, ...] = (
    "ต่ำกว่า 20 ปี",
    "20–29 ปี",
    "30–39 ปี",
    "40–49 ปี",
    "50–59 ปี",
    "60 ปีขึ้นไป",
)
OCCUPATIONS: tuple[str, ...] = (
    "เกษตรกร",
    "รับจ้างทั่วไป",
    "ค้าขาย/ธุรกิจส่วนตัว",
    "พนักงานบริษัท",
    "ข้าราชการ/พนักงานรัฐ",
    "นักเรียน/นักศึกษา",
    "ผู้สูงอายุ/ไม่ได้ทำงาน",
    "อื่น ๆ",
)
RESPONDENT_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "gender": ("เพศ", GENDERS),
    "age_band": ("อายุ", AGE_BANDS),
    "occupation": ("อาชีพ", OCCUPATIONS),
}

MAX_COMMENT = 1000
