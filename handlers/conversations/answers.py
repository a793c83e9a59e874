"""Typed answers where buttons were offered: "ยืนยันค่ะ", "ได้ครับ", "ประปา", "45", "5 ดาว"
and "ยืนยน" each mean one of the buttons, and the step is given that button's text. What
means none of them reaches the step as typed (a story, an address, a phone number)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from handlers.conversations.menu import CANCEL, CONFIRM, SKIP
from handlers.thai.answers import bare_number, closest, number_fits, strip_polite

# Words that agree; they mean the offered button that goes ahead (ยืนยัน, รับทราบและยอมรับ).
YES = frozenset({"ได้", "ตกลง", "ใช่", "ถูกต้อง", "โอเค", "ok", "okay", "yes", "ส่ง", "ส่งเลย", "ยืนยัน"})
GO_AHEAD = (CONFIRM, "รับทราบและยอมรับ")
# Words that say a suggestion is wrong ("น่าจะเป็นเรื่อง … ใช่หรือไม่" — "ไม่ใช่").
NO = frozenset({"ไม่ใช่", "ไม่", "ผิด", "no"})
# Words that decline an optional step; they mean ข้าม when it is offered.
NOTHING = frozenset(
    {
        "ไม่มี",
        "ไม่ต้อง",
        "ไม่ระบุ",
        "skip",
        "ไม่มีข้อเสนอแนะ",
        "ไม่มีรูป",
        "ไม่มีภาพ",
        "ไม่มีรูปภาพ",
        "ไม่ส่งรูป",
        "ไม่มีเพิ่ม",
        "ไม่มีเพิ่มเติม",
        "ไม่มีแล้ว",
        "ไม่ต้องการ",
        "ไม่มีรายละเอียดเพิ่ม",
        "ไม่มีรายละเอียดเพิ่มเติม",
        "พอแล้ว",
        "แค่นี้",
        "ไม่ทราบ",
        "ไม่รู้",
    }
)
# The button that ends a step which took something already ("เสร็จแล้ว" after a photo).
DONE = "เสร็จแล้ว"
# How people say a score on the 1–5 scale (5 มากที่สุด … 1 น้อยที่สุด) in words.
SCORE_WORDS = {
    **dict.fromkeys(("มากที่สุด", "ดีมาก", "ดีที่สุด", "พอใจมาก", "ประทับใจ", "เยี่ยม", "ยอดเยี่ยม"), 5),
    **dict.fromkeys(("มาก", "ดี", "พอใจ"), 4),
    **dict.fromkeys(("ปานกลาง", "พอใช้", "เฉยๆ", "เฉย ๆ", "กลางๆ", "กลาง ๆ", "ธรรมดา"), 3),
    **dict.fromkeys(("น้อย", "ไม่ค่อยดี", "ไม่ค่อยพอใจ"), 2),
    **dict.fromkeys(("น้อยที่สุด", "แย่", "แย่มาก", "ไม่ดี", "ไม่พอใจ"), 1),
}
_SCALE = re.compile(r"^[1-5] \D")
MIN_PART = 3  # shorter pieces ("ไฟ", "ถ") name too many things


def resolve(text: str, offered: Sequence[str]) -> str | None:
    """The offered button `text` means, or None when it means none of them (or several)."""
    if not offered:
        return None
    t = " ".join(text.split())
    if t in offered:
        return t
    bare = strip_polite(t)
    lower = bare.casefold()
    for o in offered:
        if bare == o or lower == o.casefold():
            return o
    if lower in YES:
        return next((o for o in GO_AHEAD if o in offered), None)
    if lower in NOTHING and (SKIP in offered or DONE in offered):
        return SKIP if SKIP in offered else DONE
    n = bare_number(t)
    scale = [o for o in offered if _SCALE.match(o)]
    if n is None and len(scale) == 5:
        n = SCORE_WORDS.get(lower)
    if n is not None:
        fits = [o for o in offered if number_fits(n, o)]
        return fits[0] if len(fits) == 1 else None
    # Cancelling is said in full or by tapping; a fragment never cancels a draft.
    choosable = [o for o in offered if o != CANCEL]
    if len(bare) >= MIN_PART:
        parts = [o for o in choosable if bare in o]
        if len(parts) == 1:
            return parts[0]
    return closest(bare, offered)
