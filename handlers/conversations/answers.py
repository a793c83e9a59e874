"""Typed answers where buttons were offered: "ยืนยันค่ะ", "ได้ครับ", "ประปา", "45", "5 ดาว"
and "ยืนยน" each mean one of the buttons, and the step is given that button's text. What
means none of them reaches the step as typed (a story, an address, a phone number)."""

from __future__ import annotations

from collections.abc import Sequence

from handlers.conversations.menu import CANCEL, CONFIRM, SKIP
from handlers.thai.answers import bare_number, closest, number_fits, strip_polite

# Words that agree; they mean the offered button that goes ahead (ยืนยัน, รับทราบและยอมรับ).
YES = frozenset({"ได้", "ตกลง", "ใช่", "ถูกต้อง", "โอเค", "ok", "okay", "yes", "ส่ง", "ส่งเลย", "ยืนยัน"})
GO_AHEAD = (CONFIRM, "รับทราบและยอมรับ")
# Words that decline an optional step; they mean ข้าม when it is offered.
NOTHING = frozenset({"ไม่มี", "ไม่ต้อง", "ไม่ระบุ", "skip", "ไม่มีข้อเสนอแนะ"})
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
    if lower in NOTHING and SKIP in offered:
        return SKIP
    n = bare_number(t)
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
