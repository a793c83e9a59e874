"""The office's own voice in chat, applied once to every reply at the engine's boundary.

Conversation modules write their Thai in one canonical form (the particle "ครับ", the word
"สำนักงาน" where the office means itself); `Voice.speak` turns that into this office's voice:
its particle (ค่ะ, with คะ ending a question), its name, and the register of a government
document ("ใช่หรือไม่", "ร้อยละ 60", "ปีงบประมาณ พ.ศ. 2570"). A module added later gets all
of this without doing anything. The user's own words are never re-voiced: text in “quotes”
and any `keep` string (what the user typed, what the draft holds) pass through unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from handlers.conversations.messages import Reply

CANONICAL = "ครับ"
PARTICLES = ("ครับ", "ค่ะ")

# A question ends with one of these words, or asks "how many" (กี่ ...) within its clause.
_QUESTION_END = re.compile(
    r"(ใด|ไหม|มั้ย|หรือไม่|หรือยัง|อะไร|บ้าง|เท่าไร|เท่าไหร่|ใคร|อย่างไร|ยังไง|เมื่อไร|เมื่อไหร่|ที่ไหน)$"
)
_CLAUSE = re.compile(r"[^\s“”\"()\[\]:,]*$")
# "สำนักงาน" that names another agency or a unit, never this office.
_OTHER_OFFICE = (
    r"\s*(?:ป\.ป\.ช|ป\.ป\.ท|ปลัด|คณะกรรมการ|ตรวจเงินแผ่นดิน|ที่ดิน|เขต|จังหวัด|อำเภอ"
    r"|ส่งเสริม|ท้องถิ่น|สาธารณสุข|พระพุทธศาสนา|ประกันสังคม|ศึกษาธิการ)"
)
_OFFICE = re.compile(rf"สำนักงาน(?!{_OTHER_OFFICE})")
_MAI = re.compile(r"ไหม(?=ครับ|\s|$|[?)”])")
_PERCENT = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d+)?)\s?%")
_FISCAL = re.compile(r"ปีงบประมาณ\s*(?!พ\.ศ\.)(?=[0-9๐-๙]{4})")
_QUOTED = re.compile(r"“[^”]*”")
# The keys of a LINE Flex card whose values the reader sees as text.
_CARD_TEXT = frozenset({"text", "altText"})
# Shorter kept strings ("ได้ครับ") would shield the office's own sentences that contain them.
_KEEP_MIN = 8


@dataclass(frozen=True)
class Voice:
    particle: str = CANONICAL  # ครับ or ค่ะ
    office_name: str = ""

    @classmethod
    def of(cls, particle: str | None, office_name: str | None) -> Voice:
        """From settings as stored: an unknown particle falls back to ครับ."""
        p = (particle or "").strip()
        return cls(p if p in PARTICLES else CANONICAL, (office_name or "").strip())

    @property
    def question(self) -> str:
        return "คะ" if self.particle == "ค่ะ" else "ครับ"

    def _after(self, before: str) -> str:
        """The particle that follows `before`: คะ ends a question and follows นะ (นะคะ)."""
        return self.question if before.endswith("นะ") or is_question(before) else self.particle

    def speak(self, text: str, keep: Iterable[str] = ()) -> str:
        """`text` in this office's voice; quoted text and `keep` strings stay as they are."""
        out: list[str] = []
        at = 0
        for start, end in _protected(text, keep):
            out.append(self._voice(text[at:start]))
            out.append(text[start:end])
            at = end
        out.append(self._voice(text[at:]))
        return "".join(out)

    def reply(self, r: Reply, keep: Iterable[str] = ()) -> Reply:
        """The reply's text and its card's texts (a Flex card shows instead of the text)."""
        kept = tuple(keep)
        flex = self._card(r.flex, kept) if r.flex else r.flex
        return replace(r, text=self.speak(r.text, kept), flex=flex)

    def _card(self, node: Any, keep: tuple[str, ...]) -> Any:
        if isinstance(node, dict):
            return {
                k: self.speak(v, keep)
                if k in _CARD_TEXT and isinstance(v, str)
                else self._card(v, keep)
                for k, v in node.items()
            }
        if isinstance(node, list):
            return [self._card(v, keep) for v in node]
        return node

    def _voice(self, part: str) -> str:
        part = _MAI.sub("หรือไม่", part)
        part = _PERCENT.sub(r"ร้อยละ \1", part)
        part = _FISCAL.sub("ปีงบประมาณ พ.ศ. ", part)
        if self.office_name:
            part = _OFFICE.sub(self.office_name, part)
        if self.particle == CANONICAL:
            return part
        pieces = part.split(CANONICAL)
        voiced = [pieces[0]]
        for before, after in zip(pieces, pieces[1:], strict=False):
            voiced.append(self._after(before))
            voiced.append(after)
        return "".join(voiced)


def is_question(before: str) -> bool:
    """Whether the particle that follows `before` ends a question."""
    clause = _CLAUSE.search(before)
    words = clause.group(0) if clause else ""
    return bool(words) and (bool(_QUESTION_END.search(words)) or "กี่" in words)


def _protected(text: str, keep: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of `text` that are someone's own words, merged and in order."""
    spans = [m.span() for m in _QUOTED.finditer(text)]
    for k in {k for k in keep if len(k) >= _KEEP_MIN}:
        at = text.find(k)
        while at >= 0:
            spans.append((at, at + len(k)))
            at = text.find(k, at + len(k))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def strings_in(value: object) -> list[str]:
    """Every string in a draft's data (nested dicts and lists included)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings_in(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in strings_in(v)]
    return []
