"""The gift register in chat (No Gift Policy), for linked staff only.

“แจ้งรับของขวัญ”: from whom → what → estimated value → the day received → what was done
with it → summary to confirm. “ไม่มีการรับของขวัญ”: declares that nothing was received in
the current month, after a confirmation. One function per step.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import cast

from handlers.clock import local_date
from handlers.conversations.menu import CANCEL, CONFIRM, EDIT
from handlers.conversations.messages import Inbound, Reply, choices
from handlers.conversations.session import Context, Outcome, Session, Step
from handlers.conversations.staff import (
    GIFT_REPORT,
    NO_GIFT,
    is_staff,
    refusal,
    staff_menu,
)
from handlers.gifts.ports import GiftStore, HasGifts
from handlers.gifts.usecases import (
    GiftInvalid,
    Staff,
    declare_none,
    month_name,
    month_of,
    parse_received_on,
    parse_value,
    report_gift,
)
from handlers.thai.dates import format_thai_date

FLOW = "gift"
REPORT = GIFT_REPORT
DECLARE_NONE = NO_GIFT
TODAY = "วันนี้"
YESTERDAY = "เมื่อวาน"
RETURNED = "ส่งคืนผู้ให้แล้ว"
HANDED_OVER = "ส่งมอบให้หน่วยงาน"
KEPT = "เก็บไว้ตามระเบียบ"
MAX_TEXT = 500


def gifts_of(ctx: Context) -> GiftStore:
    """The gift register part of the store (it shares the store's transaction)."""
    return cast(HasGifts, ctx.store).gifts


def _staff(ctx: Context) -> Staff:
    return Staff(ctx.actor.staff_id, ctx.actor.name, ctx.actor.unit)


def _text(msg: Inbound) -> str:
    return msg.text.strip() if msg.kind in ("text", "postback") else ""


# --- reporting a gift --------------------------------------------------------------------


def start_report(ctx: Context, msg: Inbound, text: str) -> Outcome:
    if not is_staff(ctx):
        return refusal()
    s = Session(FLOW, "giver", {})
    head = Reply("แจ้งการรับทรัพย์สินหรือประโยชน์อื่นใด (ของขวัญ) ตามนโยบาย No Gift Policy")
    return _next(s, [head])


def _ask_giver(s: Session) -> Reply:
    return Reply("ได้รับจากใครครับ (ชื่อบุคคลหรือหน่วยงาน/บริษัท)", choices(CANCEL))


def on_giver(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    return _free_text(s, msg, "giver", "กรุณาพิมพ์ชื่อผู้ให้ครับ", _ask_giver)


def _ask_what(s: Session) -> Reply:
    return Reply("สิ่งที่ได้รับคืออะไรครับ เช่น “กระเช้าผลไม้ 1 กระเช้า”", choices(CANCEL))


def on_what(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    return _free_text(s, msg, "what", "กรุณาพิมพ์สิ่งที่ได้รับครับ", _ask_what)


def _ask_value(s: Session) -> Reply:
    return Reply("มูลค่าโดยประมาณกี่บาทครับ (พิมพ์ตัวเลข เช่น 500 หรือ 1,500)", choices(CANCEL))


def on_value(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    if not _text(msg):  # a menu word or an emoji: just the question again
        return Outcome([_ask_value(s)], s)
    try:
        value = parse_value(_text(msg))
    except GiftInvalid as problem:
        return Outcome([Reply(f"{problem} ครับ"), _ask_value(s)], s)
    s.data["value"] = str(value)
    return _next(s, [])


def _ask_received(s: Session) -> Reply:
    return Reply(
        "ได้รับเมื่อวันที่เท่าไรครับ (เช่น วันนี้ เมื่อวาน หรือ 15 ม.ค. 2568)",
        choices(TODAY, YESTERDAY, CANCEL),
    )


def on_received(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    if not _text(msg):
        return Outcome([_ask_received(s)], s)
    try:
        day = parse_received_on(_text(msg), local_date(ctx.now))
    except GiftInvalid as problem:
        return Outcome([Reply(f"{problem} ครับ"), _ask_received(s)], s)
    s.data["received_on"] = day.isoformat()
    return _next(s, [])


def _ask_action(s: Session) -> Reply:
    return Reply(
        "ได้ดำเนินการกับสิ่งที่ได้รับอย่างไรครับ เลือกจากปุ่มหรือพิมพ์อธิบาย",
        choices(RETURNED, HANDED_OVER, KEPT, CANCEL),
    )


def on_action(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    return _free_text(s, msg, "action", "กรุณาระบุการดำเนินการกับสิ่งที่ได้รับครับ", _ask_action)


def _free_text(
    s: Session, msg: Inbound, key: str, again: str, ask: Callable[[Session], Reply]
) -> Outcome:
    text = _text(msg)
    if not text:
        return Outcome([Reply(again), ask(s)], s)
    if len(text) > MAX_TEXT:
        return Outcome([Reply(f"ข้อความยาวเกินไป กรุณาสรุปให้ไม่เกิน {MAX_TEXT} ตัวอักษรครับ"), ask(s)], s)
    s.data[key] = text
    return _next(s, [])


def summary_text(data: dict[str, object]) -> str:
    day = date.fromisoformat(str(data["received_on"]))
    return "\n".join(
        [
            "สรุปการแจ้งรับของขวัญ",
            f"ผู้ให้: {data.get('giver')}",
            f"สิ่งที่ได้รับ: {data.get('what')}",
            f"มูลค่าโดยประมาณ: {Decimal(str(data.get('value'))):,.2f} บาท",
            f"วันที่ได้รับ: {format_thai_date(day)}",
            f"การดำเนินการ: {data.get('action')}",
        ]
    )


def _ask_confirm(s: Session) -> Reply:
    return Reply(summary_text(s.data) + "\n\nกด “ยืนยัน” เพื่อบันทึก", choices(CONFIRM, EDIT, CANCEL))


def on_confirm(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    text = _text(msg)
    if text == EDIT:
        s.data.clear()
        return _next(s, [Reply("เริ่มกรอกใหม่ตั้งแต่ผู้ให้ครับ")])
    if text != CONFIRM:
        return Outcome([Reply("กรุณากด “ยืนยัน” “แก้ไข” หรือ “ยกเลิก” ครับ"), _ask_confirm(s)], s)
    if not is_staff(ctx):
        return refusal()
    d = s.data
    try:
        report_gift(
            gifts_of(ctx),
            _staff(ctx),
            received_on=date.fromisoformat(str(d["received_on"])),
            giver=str(d["giver"]),
            what=str(d["what"]),
            estimated_value=Decimal(str(d["value"])),
            action=str(d["action"]),
            now=ctx.now,
        )
    except GiftInvalid as problem:
        return Outcome([staff_menu(f"บันทึกไม่สำเร็จ: {problem}")], None)
    return Outcome(
        [staff_menu("ได้รับแจ้งการรับของขวัญแล้วครับ เจ้าหน้าที่ผู้รับผิดชอบด้านคุณธรรมจะตรวจสอบต่อไป ขอบคุณครับ")],
        None,
    )


def _next(s: Session, before: list[Reply]) -> Outcome:
    """Ask for the first thing still missing; the summary when nothing is."""
    d = s.data
    for key, step, ask in (
        ("giver", "giver", _ask_giver),
        ("what", "what", _ask_what),
        ("value", "value", _ask_value),
        ("received_on", "received", _ask_received),
        ("action", "action", _ask_action),
    ):
        if key not in d:
            s.step = step
            return Outcome([*before, ask(s)], s)
    s.step = "confirm"
    return Outcome([*before, _ask_confirm(s)], s)


# --- declaring none for the month ----------------------------------------------------------


def start_none(ctx: Context, msg: Inbound, text: str) -> Outcome:
    if not is_staff(ctx):
        return refusal()
    first, _ = month_of(local_date(ctx.now))
    s = Session(FLOW, "none_confirm", {"month": first.isoformat()})
    return Outcome([_ask_none(s)], s)


def _ask_none(s: Session) -> Reply:
    month = month_name(date.fromisoformat(str(s.data["month"])))
    return Reply(
        f"ในเดือน{month} ท่านไม่ได้รับทรัพย์สินหรือประโยชน์อื่นใดจากการปฏิบัติหน้าที่ ใช่หรือไม่ครับ"
        "\n\nกด “ยืนยัน” เพื่อบันทึก",
        choices(CONFIRM, CANCEL),
    )


def on_none_confirm(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    if _text(msg) != CONFIRM:
        return Outcome([Reply("กรุณากด “ยืนยัน” หรือ “ยกเลิก” ครับ"), _ask_none(s)], s)
    if not is_staff(ctx):
        return refusal()
    try:
        entry = declare_none(gifts_of(ctx), _staff(ctx), ctx.now)
    except GiftInvalid as problem:
        return Outcome([staff_menu(f"{problem}ครับ")], None)
    month = month_name(entry.period_start or local_date(ctx.now))
    return Outcome([staff_menu(f"บันทึกการแจ้งไม่มีการรับของขวัญของเดือน{month}แล้วครับ ขอบคุณครับ")], None)


INTENTS = {"gift": start_report, "gift_none": start_none}
WORDS = {REPORT: "gift", DECLARE_NONE: "gift_none"}
STEPS: dict[str, Step] = {
    "giver": on_giver,
    "what": on_what,
    "value": on_value,
    "received": on_received,
    "action": on_action,
    "confirm": on_confirm,
    "none_confirm": on_none_confirm,
}
