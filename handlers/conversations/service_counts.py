"""Monthly service statistics in chat, for linked staff only.

“สถิติบริการ”: which service → which month → how many people → summary to confirm.
Entering a month again replaces its figure; the summary says which figure it replaces.
One function per step.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Protocol, cast

from handlers.clock import local_date
from handlers.conversations.menu import CANCEL, CONFIRM, EDIT
from handlers.conversations.messages import Inbound, Reply, choices
from handlers.conversations.session import Context, Outcome, Session, Step
from handlers.conversations.staff import SERVICE_COUNT, is_staff, refusal, staff_menu
from handlers.reports.service_entry import (
    CountInvalid,
    CountWriter,
    check_month,
    find_service,
    month_text,
    parse_any_month,
    parse_count,
    record_count,
)
from handlers.reports.service_stats import ServiceCountStore
from handlers.satisfaction.ports import HasSatisfaction
from handlers.satisfaction.services import Service
from handlers.thai.answers import strip_polite
from handlers.thai.digits import thai_to_arabic

FLOW = "service_count"
START = SERVICE_COUNT


class CountStore(CountWriter, ServiceCountStore, Protocol):
    pass


class HasServiceCounts(Protocol):
    @property
    def service_counts(self) -> CountStore: ...


def _counts(ctx: Context) -> CountStore:
    """The service counts part of the store (it shares the store's transaction)."""
    return cast(HasServiceCounts, ctx.store).service_counts


def _services(ctx: Context) -> list[Service]:
    return cast(HasSatisfaction, ctx.store).satisfaction.services()


def _text(msg: Inbound) -> str:
    return msg.text.strip() if msg.kind in ("text", "postback") else ""


def start(ctx: Context, msg: Inbound, text: str) -> Outcome:
    if not is_staff(ctx):
        return refusal()
    s = Session(FLOW, "service", {})
    return _next(s, ctx, [Reply("บันทึกสถิติจำนวนผู้รับบริการรายเดือน")])


def _ask_service(ctx: Context) -> Reply:
    # Buttons cut long names ("งานสวัสดิการเบี้ย…"): the text numbers every full name.
    services = _services(ctx)
    lines = [f"{i}. {x.name}" for i, x in enumerate(services, 1)]
    return Reply(
        "งานบริการใดครับ เลือกจากปุ่ม หรือพิมพ์หมายเลข ชื่อ หรือรหัสงานบริการ\n" + "\n".join(lines),
        choices(*[x.name for x in services][:12], CANCEL),
    )


def _numbered(services: list[Service], text: str) -> Service | None:
    """The service a number from the list names ("2", "๒", "2.")."""
    cleaned = thai_to_arabic(strip_polite(text)).strip().rstrip(".")
    if cleaned.isdigit() and 1 <= int(cleaned) <= len(services):
        return services[int(cleaned) - 1]
    return None


def on_service(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    text, services = _text(msg), _services(ctx)
    if not text:  # a menu word or an emoji: just the question again
        return Outcome([_ask_service(ctx)], s)
    found = _numbered(services, text) or find_service(services, strip_polite(text))
    if found is None:
        return Outcome([Reply(f"ไม่พบงานบริการ “{text}” ครับ"), _ask_service(ctx)], s)
    s.data["service"] = found.code
    return _next(s, ctx, [])


def _this_and_last_month(ctx: Context) -> tuple[date, date]:
    this = local_date(ctx.now).replace(day=1)
    last = (this - timedelta(days=1)).replace(day=1)
    return this, last


def _ask_month(ctx: Context) -> Reply:
    this, last = _this_and_last_month(ctx)
    return Reply(
        "ของเดือนใดครับ เลือกจากปุ่มหรือพิมพ์ชื่อเดือนและปี พ.ศ. เช่น พฤศจิกายน 2569",
        choices(month_text(this), month_text(last), CANCEL),
    )


def on_month(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    text = _text(msg)
    if not text:
        return Outcome([_ask_month(ctx)], s)
    this, last = _this_and_last_month(ctx)
    relative = {"เดือนนี้": this, "เดือนปัจจุบัน": this, "เดือนที่แล้ว": last, "เดือนก่อน": last}
    try:
        month = relative.get(strip_polite(text).replace(" ", "")) or parse_any_month(text)
        check_month(month, local_date(ctx.now))
    except CountInvalid as problem:
        return Outcome([Reply(str(problem)), _ask_month(ctx)], s)
    s.data["month"] = month.isoformat()
    return _next(s, ctx, [])


def _ask_count(s: Session) -> Reply:
    return Reply("มีผู้รับบริการกี่รายครับ (พิมพ์ตัวเลข เช่น 120 หรือ 1,350)", choices(CANCEL))


def on_count(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    if not _text(msg):
        return Outcome([_ask_count(s)], s)
    try:
        s.data["count"] = parse_count(_text(msg))
    except CountInvalid as problem:
        return Outcome([Reply(str(problem)), _ask_count(s)], s)
    return _next(s, ctx, [])


def _service_of(s: Session, ctx: Context) -> Service | None:
    return find_service(
        cast(HasSatisfaction, ctx.store).satisfaction.services(True), s.data["service"]
    )


def _ask_confirm(s: Session, ctx: Context) -> Reply:
    month = date.fromisoformat(str(s.data["month"]))
    service = _service_of(s, ctx)
    earlier = [
        c.count
        for c in _counts(ctx).counts_between(month, month)
        if c.service_code == s.data["service"]
    ]
    lines = [
        "สรุปสถิติการให้บริการ",
        f"งานบริการ: {service.name if service else s.data['service']}",
        f"เดือน: {month_text(month)}",
        f"จำนวนผู้รับบริการ: {int(s.data['count']):,} ราย",
    ]
    if earlier:
        lines.append(f"(แทนค่าเดิม {earlier[0]:,} ราย)")
    return Reply("\n".join(lines) + "\n\nกด “ยืนยัน” เพื่อบันทึก", choices(CONFIRM, EDIT, CANCEL))


def on_confirm(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    text = _text(msg)
    if text == EDIT:
        s.data.clear()
        return _next(s, ctx, [Reply("เริ่มกรอกใหม่ตั้งแต่งานบริการครับ")])
    if text != CONFIRM:
        return Outcome([Reply("กรุณากด “ยืนยัน” “แก้ไข” หรือ “ยกเลิก” ครับ"), _ask_confirm(s, ctx)], s)
    if not is_staff(ctx):
        return refusal()
    service = _service_of(s, ctx)
    if service is None:
        return Outcome([staff_menu("บันทึกไม่สำเร็จ: ไม่พบงานบริการนี้แล้ว")], None)
    try:
        done = record_count(
            _counts(ctx),
            service,
            date.fromisoformat(str(s.data["month"])),
            int(s.data["count"]),
            ctx.now,
            local_date(ctx.now),
            ctx.actor.name or f"staff:{ctx.actor.staff_id}",
        )
    except CountInvalid as problem:
        return Outcome([staff_menu(f"บันทึกไม่สำเร็จ: {problem}")], None)
    # The reply reaches the user only after the engine's caller commits this transaction.
    replaced = "" if done.before is None else f" (แทนค่าเดิม {done.before:,} ราย)"
    return Outcome(
        [
            staff_menu(
                f"บันทึกแล้ว: {service.name} เดือน{month_text(done.month)}"
                f" จำนวน {done.count:,} ราย{replaced} ขอบคุณครับ"
            )
        ],
        None,
    )


def _next(s: Session, ctx: Context, before: list[Reply]) -> Outcome:
    """Ask for the first thing still missing; the summary when nothing is."""
    d = s.data
    if "service" not in d:
        s.step = "service"
        return Outcome([*before, _ask_service(ctx)], s)
    if "month" not in d:
        s.step = "month"
        return Outcome([*before, _ask_month(ctx)], s)
    if "count" not in d:
        s.step = "count"
        return Outcome([*before, _ask_count(s)], s)
    s.step = "confirm"
    return Outcome([*before, _ask_confirm(s, ctx)], s)


INTENTS = {"service_count": start}
WORDS = {START: "service_count"}
STEPS: dict[str, Step] = {
    "service": on_service,
    "month": on_month,
    "count": on_count,
    "confirm": on_confirm,
}
