"""Draft measures from a year's ITA analysis: the library's suggestions for the flagged
items become drafts the admin edits, rejects or adopts; an adopted draft becomes an
integrity measure (o42) linked to the ITA items it answers.

The year of a draft is the ITA year whose scores were analysed; its measures go into the
register of the next fiscal year, as in the seeds (the analysis of ITA 2566 sets the
measures of ปีงบประมาณ 2567). Plain functions given the stores; they never commit.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Protocol

from handlers.ita.catalogue import PLAN_INTEGRITY, normalize_code
from handlers.ita.library import ISSUE_TITLES, suggest
from handlers.measures.domain import Measure
from handlers.measures.ports import MeasureStore
from handlers.shared import DomainError
from handlers.thai.periods import Period, parse_period

DRAFT, ADOPTED, REJECTED = "draft", "adopted", "rejected"
STATUS_TH = {DRAFT: "ร่าง", ADOPTED: "รับไปใช้แล้ว", REJECTED: "ไม่ใช้"}
MAX_TITLE, MAX_STEPS, MAX_SHORT = 4000, 8000, 300


@dataclass
class Draft:
    year: int  # the ITA year whose analysis it answers
    issue_no: int
    title: str
    steps: list[str]
    unit: str
    period: str
    codes: list[str]
    source: str = ""
    status: str = DRAFT
    measure_id: int | None = None
    id: int | None = None
    decided_by: str = ""
    created_at: datetime | None = None
    decided_at: datetime | None = None
    edits: list[str] = field(default_factory=list, compare=False)


class DraftStore(Protocol):
    """Drafts and the links of measures to ITA items. Writes join the caller's transaction."""

    def drafts_of_year(self, year: int) -> list[Draft]: ...
    def get_draft(self, draft_id: int) -> Draft | None: ...
    def save_draft(self, draft: Draft) -> int: ...
    def link_items(self, measure_id: int, ita_year: int, codes: list[str]) -> None: ...


def register_year(ita_year: int) -> int:
    """The fiscal year whose measures answer the analysis of `ita_year`."""
    return ita_year + 1


def draft_suggestions(
    store: DraftStore, year: int, flagged: Mapping[int, list[str]], now: datetime
) -> list[Draft]:
    """Drafts of the library's suggestions for each issue's flagged items. A suggestion the
    year already has a draft of (whatever became of it) is not drafted again."""
    have = {(d.issue_no, d.title) for d in store.drafts_of_year(year)}
    made: list[Draft] = []
    for issue_no in sorted(flagged):
        for s in suggest(issue_no, flagged[issue_no]):
            if (issue_no, s.title) in have:
                continue
            draft = Draft(
                year=year,
                issue_no=issue_no,
                title=s.title,
                steps=list(s.steps),
                unit=s.unit,
                period=s.period,
                codes=list(s.for_codes),
                source=s.source,
                created_at=now,
            )
            draft.id = store.save_draft(draft)
            have.add((issue_no, s.title))
            made.append(draft)
    return made


def read_codes(text: str, known: Collection[str]) -> list[str]:
    """Item codes as typed ("e10, O30 ๐๔๓"), canonical and in order; DomainError (Thai) naming
    what is not an item of the year's catalogue (`known`)."""
    codes: list[str] = []
    bad: list[str] = []
    for word in text.replace(",", " ").replace("،", " ").split():
        code = normalize_code(word)
        if code is None or code not in known:
            bad.append(word)
        elif code not in codes:
            codes.append(code)
    if bad:
        raise DomainError(f"ไม่พบข้อคำถาม {' '.join(bad)} ในบัญชีรายการ ITA ของปีนี้")
    return codes


def edit_draft(
    store: DraftStore,
    draft_id: int,
    values: Mapping[str, str],
    known: Collection[str],
) -> Draft:
    """Apply the admin's edits (title, steps one per line, unit, period, codes as typed) to
    a draft still undecided. `edits` on the result names what changed, for the audit log.
    Raises DomainError (Thai) and changes nothing when a value cannot be taken."""
    draft = _undecided(store, draft_id)
    title = " ".join(values.get("title", draft.title).split())
    steps_text = values.get("steps", "\n".join(draft.steps))
    steps = [" ".join(s.split()) for s in steps_text.splitlines() if s.strip()]
    unit = " ".join(values.get("unit", draft.unit).split())
    period = " ".join(values.get("period", draft.period).split())
    codes = read_codes(values["codes"], known) if "codes" in values else draft.codes
    if not title:
        raise DomainError("ชื่อมาตรการต้องไม่ว่าง")
    if not steps:
        raise DomainError("กรุณาระบุขั้นตอน/วิธีการปฏิบัติอย่างน้อย 1 ข้อ")
    if not codes:
        raise DomainError("กรุณาระบุข้อคำถาม ITA ที่มาตรการนี้ตอบอย่างน้อย 1 ข้อ")
    if len(title) > MAX_TITLE or len("\n".join(steps)) > MAX_STEPS:
        raise DomainError("ชื่อมาตรการหรือขั้นตอนยาวเกินไป")
    if len(unit) > MAX_SHORT or len(period) > MAX_SHORT:
        raise DomainError(f"ส่วนงานที่รับผิดชอบหรือระยะเวลายาวเกิน {MAX_SHORT} ตัวอักษร")
    _check_period(period, register_year(draft.year))
    new = replace(draft, title=title, steps=steps, unit=unit, period=period, codes=codes)
    labels = (
        ("title", "ชื่อมาตรการ"),
        ("steps", "ขั้นตอน"),
        ("unit", "ส่วนงาน"),
        ("period", "ระยะเวลา"),
        ("codes", "ข้อคำถาม"),
    )
    new.edits = [label for name, label in labels if getattr(new, name) != getattr(draft, name)]
    if new.edits:
        store.save_draft(new)
    return new


def adopt(
    store: DraftStore, measures: MeasureStore, draft_id: int, actor: str, now: datetime
) -> Measure:
    """Make a draft the next integrity measure of the register year, linked to its items."""
    draft = _undecided(store, draft_id)
    fy = register_year(draft.year)
    period = _check_period(draft.period, fy)
    taken = [m.no for m in measures.measures_of_year(fy, PLAN_INTEGRITY)]
    measure = Measure(
        fiscal_year=fy,
        no=max(taken, default=0) + 1,
        title=draft.title,
        issue=ISSUE_TITLES[draft.issue_no],
        steps="\n".join(f"{i}. {s}" for i, s in enumerate(draft.steps, start=1)),
        unit=draft.unit,
        period_text=draft.period,
        period_start=period.start,
        period_end=period.end,
        plan=PLAN_INTEGRITY,
    )
    measure.id = measures.save_measure(measure)
    measures.add_outbox("measure", str(measure.id), now)
    store.link_items(measure.id, draft.year, list(draft.codes))
    store.save_draft(
        replace(draft, status=ADOPTED, measure_id=measure.id, decided_by=actor, decided_at=now)
    )
    return measure


def reject(store: DraftStore, draft_id: int, actor: str, now: datetime) -> Draft:
    draft = replace(_undecided(store, draft_id), status=REJECTED, decided_by=actor, decided_at=now)
    store.save_draft(draft)
    return draft


def restore(store: DraftStore, draft_id: int) -> Draft:
    """Bring a rejected draft back for another look."""
    draft = store.get_draft(draft_id)
    if draft is None or draft.status != REJECTED:
        raise DomainError("ร่างนี้ไม่ได้อยู่ในรายการที่ไม่ใช้")
    draft = replace(draft, status=DRAFT, decided_by="", decided_at=None)
    store.save_draft(draft)
    return draft


def _undecided(store: DraftStore, draft_id: int) -> Draft:
    draft = store.get_draft(draft_id)
    if draft is None:
        raise DomainError("ไม่พบร่างมาตรการนี้")
    if draft.status == ADOPTED:
        raise DomainError("ร่างมาตรการนี้รับไปใช้แล้ว แก้ไขได้ที่ทะเบียนมาตรการ")
    if draft.status == REJECTED:
        raise DomainError("ร่างมาตรการนี้อยู่ในรายการที่ไม่ใช้ กรุณานำกลับมาพิจารณาก่อน")
    return draft


def _check_period(text: str, fy: int) -> Period:
    period = parse_period(text, fy)
    if not text or period.warning:
        raise DomainError(
            f"อ่านระยะเวลา “{text}” ไม่ได้ เขียนเช่น ไตรมาส 1, ม.ค.-มี.ค. {fy}, ตลอดปีงบประมาณ"
        )
    return period
