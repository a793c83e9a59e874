"""Asset loans in chat (ยืม-คืนทรัพย์สินของราชการ), for linked staff only.

“ยืมทรัพย์สิน”: which asset (numbered) → first day → return day → purpose → summary to
confirm; the unit's head (or the admins) are told. “อนุมัติการยืม N” / “ไม่อนุมัติการยืม N”:
the head or an admin decides (alone, they list the requests waiting). “คืนทรัพย์สิน”: which
loan → a note → confirm. One function per step.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import cast

from handlers.assets.domain import APPROVED, REQUESTED, Asset, Loan
from handlers.assets.ports import AssetStore, HasAssets
from handlers.assets.usecases import (
    APPROVE_WORD,
    REJECT_WORD,
    AssetInvalid,
    Person,
    check_dates,
    decide,
    may_decide,
    may_return,
    parse_loan_day,
    record_return,
    request_loan,
)
from handlers.clock import local_date
from handlers.conversations.menu import CANCEL, CONFIRM, EDIT, SKIP
from handlers.conversations.messages import Inbound, Reply, choices
from handlers.conversations.session import Context, Outcome, Session, Step
from handlers.conversations.staff import (
    ASSET_LOAN,
    ASSET_RETURN,
    is_staff,
    refusal,
    staff_menu,
)
from handlers.thai.answers import strip_polite
from handlers.thai.dates import format_thai_date
from handlers.thai.digits import thai_to_arabic

FLOW = "asset_loan"
TODAY = "วันนี้"
TOMORROW = "พรุ่งนี้"
MAX_TEXT = 500
MAX_BUTTONS = 11  # LINE shows 13 quick replies; the rest are for ยกเลิก and a spare
OVERDUE_MARK = "⚠ เกินกำหนดคืน"


def assets_of(ctx: Context) -> AssetStore:
    """The asset register part of the store (it shares the store's transaction)."""
    return cast(HasAssets, ctx.store).assets


def _person(ctx: Context) -> Person:
    a = ctx.actor
    return Person(a.staff_id, a.name, a.unit, a.role)


def _text(msg: Inbound) -> str:
    return msg.text.strip() if msg.kind in ("text", "postback") else ""


def _today(ctx: Context) -> date:
    return local_date(ctx.now)


def _pick(text: str, count: int) -> int | None:
    """The 0-based index of a numbered choice ("2", "๒", "2."), or None."""
    cleaned = thai_to_arabic(text).strip().rstrip(".")
    if cleaned.isdigit() and 1 <= int(cleaned) <= count:
        return int(cleaned) - 1
    return None


def loan_line(n: int, loan: Loan, today: date) -> str:
    late = f" {OVERDUE_MARK}" if loan.overdue(today) else ""
    return f"{n}. {loan.asset_label} ยืมโดย {loan.borrower_name} {span(loan)}{late}"


def span(loan: Loan) -> str:
    """ "12 มี.ค. 69 – 14 มี.ค. 69"."""
    first, last = (format_thai_date(d, short=True) for d in (loan.start_on, loan.due_on))
    return f"{first} – {last}"


def _overdue_reminder(ctx: Context) -> list[Reply]:
    """A borrower who starts anything about assets is reminded of what they owe back."""
    today = _today(ctx)
    mine = [
        x
        for x in assets_of(ctx).open_loans()
        if x.borrower_id == ctx.actor.staff_id and x.overdue(today)
    ]
    if not mine:
        return []
    lines = [loan_line(i, x, today) for i, x in enumerate(mine, 1)]
    return [Reply("ท่านมีทรัพย์สินที่เกินกำหนดคืน กรุณาคืนโดยเร็ว\n" + "\n".join(lines))]


# --- asking to borrow ------------------------------------------------------------------------


def start_loan(ctx: Context, msg: Inbound, text: str) -> Outcome:
    if not is_staff(ctx):
        return refusal()
    assets = assets_of(ctx).list_assets()
    if not assets:
        return Outcome([staff_menu("ยังไม่มีทรัพย์สินในทะเบียนให้ยืม กรุณาติดต่อผู้ดูแลระบบครับ")], None)
    s = Session(FLOW, "asset", {"ids": [a.id for a in assets]})
    head = Reply("ขอยืมทรัพย์สินของราชการ")
    return _next(s, ctx, [*_overdue_reminder(ctx), head])


def _offered(s: Session, ctx: Context) -> list[Asset]:
    store = assets_of(ctx)
    found = [store.asset(int(i)) for i in s.data.get("ids", [])]
    return [a for a in found if a is not None]


def _ask_asset(s: Session, ctx: Context) -> Reply:
    assets = _offered(s, ctx)
    lines = [f"{i}. {a.label}" for i, a in enumerate(assets, 1)]
    buttons = [str(i) for i in range(1, min(len(assets), MAX_BUTTONS) + 1)]
    return Reply(
        "ต้องการยืมทรัพย์สินรายการใดครับ พิมพ์หมายเลขหน้ารายการ\n" + "\n".join(lines),
        choices(*buttons, CANCEL),
    )


def on_asset(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    assets = _offered(s, ctx)
    text = strip_polite(_text(msg))
    if not text:  # a menu word or an emoji: just the question again
        return Outcome([_ask_asset(s, ctx)], s)
    index = _pick(text, len(assets))
    chosen = assets[index] if index is not None else _named(assets, text)
    if chosen is None:
        return Outcome(
            [Reply(f"ไม่พบรายการ “{text}” กรุณาพิมพ์หมายเลขหน้ารายการครับ"), _ask_asset(s, ctx)], s
        )
    s.data["asset"] = chosen.id
    return _next(s, ctx, [])


def _named(assets: list[Asset], text: str) -> Asset | None:
    """The asset typed by its name, code or a part of its name that names only it ("เต็นท์")."""
    exact = next((a for a in assets if text in (a.name, a.label, a.code)), None)
    if exact is not None or len(text) < 3:
        return exact
    partial = [a for a in assets if text.casefold() in a.name.casefold()]
    return partial[0] if len(partial) == 1 else None


def _ask_start(s: Session, ctx: Context) -> Reply:
    return Reply(
        "เริ่มยืมวันที่เท่าไรครับ (เช่น วันนี้ พรุ่งนี้ หรือ 15 ม.ค. 2569)",
        choices(TODAY, TOMORROW, CANCEL),
    )


def on_start(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    try:
        day = parse_loan_day(_text(msg), _today(ctx))
        check_dates(day, day, _today(ctx))
    except AssetInvalid as problem:
        return Outcome([Reply(f"{problem} ครับ"), _ask_start(s, ctx)], s)
    s.data["start"] = day.isoformat()
    return _next(s, ctx, [])


def _ask_due(s: Session, ctx: Context) -> Reply:
    return Reply(
        "กำหนดคืนวันที่เท่าไรครับ (เช่น พรุ่งนี้ หรือ 17 ม.ค. 2569)",
        choices(TODAY, TOMORROW, CANCEL),
    )


def on_due(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    start = date.fromisoformat(str(s.data["start"]))
    try:
        day = parse_loan_day(_text(msg), _today(ctx))
        check_dates(start, day, _today(ctx))
    except AssetInvalid as problem:
        return Outcome([Reply(f"{problem} ครับ"), _ask_due(s, ctx)], s)
    s.data["due"] = day.isoformat()
    return _next(s, ctx, [])


def _ask_purpose(s: Session, ctx: Context) -> Reply:
    return Reply("ยืมไปใช้ในงานใดครับ (วัตถุประสงค์ของการยืม)", choices(CANCEL))


def on_purpose(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    text = _text(msg)
    if not text:
        return Outcome([Reply("กรุณาพิมพ์วัตถุประสงค์ของการยืมครับ"), _ask_purpose(s, ctx)], s)
    if len(text) > MAX_TEXT:
        problem = f"ข้อความยาวเกินไป กรุณาสรุปให้ไม่เกิน {MAX_TEXT} ตัวอักษรครับ"
        return Outcome([Reply(problem), _ask_purpose(s, ctx)], s)
    s.data["purpose"] = text
    return _next(s, ctx, [])


def summary_text(s: Session, ctx: Context) -> str:
    asset = assets_of(ctx).asset(int(s.data["asset"]))
    start, due = (date.fromisoformat(str(s.data[k])) for k in ("start", "due"))
    return "\n".join(
        [
            "สรุปคำขอยืมทรัพย์สิน",
            f"ทรัพย์สิน: {asset.label if asset else s.data['asset']}",
            f"วันที่ยืม: {format_thai_date(start)}",
            f"กำหนดคืน: {format_thai_date(due)}",
            f"วัตถุประสงค์: {s.data['purpose']}",
        ]
    )


def _ask_confirm(s: Session, ctx: Context) -> Reply:
    return Reply(summary_text(s, ctx) + "\n\nกด “ยืนยัน” เพื่อส่งคำขอ", choices(CONFIRM, EDIT, CANCEL))


def on_confirm(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    text = _text(msg)
    if text == EDIT:
        ids = s.data.get("ids", [])
        s.data = {"ids": ids}
        return _next(s, ctx, [Reply("เริ่มกรอกใหม่ตั้งแต่การเลือกทรัพย์สินครับ")])
    if text != CONFIRM:
        return Outcome([Reply("กรุณากด “ยืนยัน” “แก้ไข” หรือ “ยกเลิก” ครับ"), _ask_confirm(s, ctx)], s)
    if not is_staff(ctx):
        return refusal()
    d = s.data
    try:
        loan = request_loan(
            assets_of(ctx),
            ctx.store,
            _person(ctx),
            asset_id=int(d["asset"]),
            start=date.fromisoformat(str(d["start"])),
            due=date.fromisoformat(str(d["due"])),
            purpose=str(d["purpose"]),
            now=ctx.now,
        )
    except AssetInvalid as problem:
        # The dates were taken meanwhile (or have passed): ask for them again, keep the rest.
        d.pop("start", None)
        d.pop("due", None)
        return _next(s, ctx, [Reply(f"ส่งคำขอไม่สำเร็จ: {problem}ครับ")])
    return Outcome(
        [
            staff_menu(
                f"ส่งคำขอยืมเลขที่ {loan.id} แล้วครับ ระบบแจ้งหัวหน้าหน่วยงานเพื่อพิจารณาอนุมัติ "
                "และจะแจ้งผลให้ท่านทราบ"
            )
        ],
        None,
    )


def _next(s: Session, ctx: Context, before: list[Reply]) -> Outcome:
    """Ask for the first thing still missing; the summary when nothing is."""
    for key, step, ask in (
        ("asset", "asset", _ask_asset),
        ("start", "start", _ask_start),
        ("due", "due", _ask_due),
        ("purpose", "purpose", _ask_purpose),
    ):
        if key not in s.data:
            s.step = step
            return Outcome([*before, ask(s, ctx)], s)
    s.step = "confirm"
    return Outcome([*before, _ask_confirm(s, ctx)], s)


# --- deciding (the unit head or an admin) ---------------------------------------------------

_NUMBER = re.compile(r"(\d+)")


def _decide_start(ctx: Context, msg: Inbound, approve: bool) -> Outcome:
    if not is_staff(ctx):
        return refusal()
    word = APPROVE_WORD if approve else REJECT_WORD
    rest = thai_to_arabic(msg.text[len(word) :])
    found = _NUMBER.search(rest)
    if found is None:
        return _waiting(ctx)
    try:
        loan = decide(
            assets_of(ctx), ctx.store, int(found.group(1)), _person(ctx), approve, ctx.now
        )
    except AssetInvalid as problem:
        return Outcome([staff_menu(f"{problem}ครับ")], None)
    done = "อนุมัติ" if approve else "ไม่อนุมัติ"
    return Outcome(
        [
            staff_menu(
                f"บันทึกการ{done}คำขอยืมเลขที่ {loan.id} ({loan.asset_label} "
                f"ผู้ยืม {loan.borrower_name}) แล้ว ระบบแจ้งผู้ยืมแล้วครับ"
            )
        ],
        None,
    )


def _waiting(ctx: Context) -> Outcome:
    """The requests this person may decide, each with its two buttons."""
    store, me = assets_of(ctx), _person(ctx)
    today = _today(ctx)
    first, last = today - timedelta(days=366), today + timedelta(days=366)
    waiting = [
        x
        for x in store.loans_overlapping(first, last)
        if x.status == REQUESTED
        and may_decide(store, me, x.asset_unit)
        and x.borrower_id != me.user_id
    ]
    if not waiting:
        return Outcome([staff_menu("ไม่มีคำขอยืมทรัพย์สินที่รอท่านพิจารณาครับ")], None)
    lines = [
        f"เลขที่ {x.id}: {x.asset_label} ผู้ยืม {x.borrower_name} ({x.unit}) "
        f"{span(x)} วัตถุประสงค์: {x.purpose}"
        for x in waiting
    ]
    buttons = [w for x in waiting[:6] for w in (f"{APPROVE_WORD} {x.id}", f"{REJECT_WORD} {x.id}")]
    return Outcome(
        [Reply("คำขอยืมทรัพย์สินที่รอพิจารณา\n" + "\n".join(lines), choices(*buttons, CANCEL))],
        None,
    )


def start_approve(ctx: Context, msg: Inbound, text: str) -> Outcome:
    return _decide_start(ctx, msg, True)


def start_reject(ctx: Context, msg: Inbound, text: str) -> Outcome:
    return _decide_start(ctx, msg, False)


# --- returning -------------------------------------------------------------------------------


def start_return(ctx: Context, msg: Inbound, text: str) -> Outcome:
    if not is_staff(ctx):
        return refusal()
    store, me = assets_of(ctx), _person(ctx)
    mine = [x for x in store.open_loans() if may_return(store, me, x, x.asset_unit)]
    if not mine:
        return Outcome([staff_menu("ไม่มีทรัพย์สินที่ยืมอยู่และรอบันทึกการคืนครับ")], None)
    s = Session(FLOW, "return_pick", {"loans": [x.id for x in mine]})
    return Outcome([_ask_return(s, ctx)], s)


def _open(s: Session, ctx: Context) -> list[Loan]:
    store = assets_of(ctx)
    found = [store.loan(int(i)) for i in s.data.get("loans", [])]
    return [x for x in found if x is not None and x.status == APPROVED]


def _ask_return(s: Session, ctx: Context) -> Reply:
    loans, today = _open(s, ctx), _today(ctx)
    lines = [loan_line(i, x, today) for i, x in enumerate(loans, 1)]
    buttons = [str(i) for i in range(1, min(len(loans), MAX_BUTTONS) + 1)]
    return Reply(
        "คืนทรัพย์สินรายการใดครับ พิมพ์หมายเลขหน้ารายการ\n" + "\n".join(lines),
        choices(*buttons, CANCEL),
    )


def on_return_pick(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    loans = _open(s, ctx)
    text = strip_polite(_text(msg))
    index = _pick(text, len(loans))
    if index is None:
        named = [i for i, x in enumerate(loans) if len(text) >= 3 and text in x.asset_label]
        index = named[0] if len(named) == 1 else None
    if index is None:
        again = [] if not text else [Reply("กรุณาพิมพ์หมายเลขหน้ารายการครับ")]
        return Outcome([*again, _ask_return(s, ctx)], s)
    s.data["loan"] = loans[index].id
    s.step = "return_note"
    return Outcome([_ask_note(s)], s)


def _ask_note(s: Session) -> Reply:
    return Reply(
        "สภาพทรัพย์สินที่คืนเป็นอย่างไรครับ (เช่น ครบถ้วน ใช้งานได้ปกติ) หรือกด “ข้าม”",
        choices(SKIP, CANCEL),
    )


def on_return_note(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    text = _text(msg)
    if len(text) > MAX_TEXT:
        problem = f"ข้อความยาวเกินไป กรุณาสรุปให้ไม่เกิน {MAX_TEXT} ตัวอักษรครับ"
        return Outcome([Reply(problem), _ask_note(s)], s)
    s.data["note"] = "" if text == SKIP else text
    s.step = "return_confirm"
    return Outcome([_ask_return_confirm(s, ctx)], s)


def _ask_return_confirm(s: Session, ctx: Context) -> Reply:
    loan = assets_of(ctx).loan(int(s.data["loan"]))
    what = loan.asset_label if loan else ""
    note = s.data.get("note") or "-"
    return Reply(
        f"บันทึกการคืน {what} (คำขอยืมเลขที่ {s.data['loan']})\nสภาพเมื่อคืน: {note}\n\nกด “ยืนยัน” เพื่อบันทึก",
        choices(CONFIRM, CANCEL),
    )


def on_return_confirm(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    if _text(msg) != CONFIRM:
        return Outcome([Reply("กรุณากด “ยืนยัน” หรือ “ยกเลิก” ครับ"), _ask_return_confirm(s, ctx)], s)
    if not is_staff(ctx):
        return refusal()
    try:
        loan = record_return(
            assets_of(ctx),
            ctx.store,
            int(s.data["loan"]),
            _person(ctx),
            str(s.data["note"]),
            ctx.now,
        )
    except AssetInvalid as problem:
        return Outcome([staff_menu(f"บันทึกไม่สำเร็จ: {problem}ครับ")], None)
    late = "" if not loan.returned_late() else f" (เกินกำหนดคืน {format_thai_date(loan.due_on)})"
    return Outcome([staff_menu(f"บันทึกการคืน{loan.asset_label}แล้วครับ{late} ขอบคุณครับ")], None)


INTENTS = {
    "asset_loan": start_loan,
    "asset_return": start_return,
    "asset_approve": start_approve,
    "asset_reject": start_reject,
}
WORDS = {
    ASSET_LOAN: "asset_loan",
    ASSET_RETURN: "asset_return",
    APPROVE_WORD: "asset_approve",
    REJECT_WORD: "asset_reject",
}
PREFIXES = {f"{APPROVE_WORD} ": "asset_approve", f"{REJECT_WORD} ": "asset_reject"}
STEPS: dict[str, Step] = {
    "asset": on_asset,
    "start": on_start,
    "due": on_due,
    "purpose": on_purpose,
    "confirm": on_confirm,
    "return_pick": on_return_pick,
    "return_note": on_return_note,
    "return_confirm": on_return_confirm,
}
