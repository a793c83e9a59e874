"""Staff accounts in chat: "ลงทะเบียน <code>" links LINE to an office account,
"งานของฉัน" lists the unit's measures, "ยกเลิกการเชื่อมบัญชี" unlinks."""

from __future__ import annotations

import re
from typing import cast

from handlers.conversations import menu
from handlers.conversations.menu import CANCEL, CONFIRM
from handlers.conversations.messages import Inbound, Reply, choices
from handlers.conversations.session import Context, Outcome, Session, Step
from handlers.conversations.staff import (
    MY_WORK,
    REGISTER,
    UNLINK,
    is_staff,
    refusal,
    staff_menu,
)
from handlers.measures.domain import Measure
from handlers.measures.plans import item_label
from handlers.measures.ports import HasMeasures, MeasureStore
from handlers.measures.usecases import find_staff_by_code, my_work
from handlers.thai.dates import format_thai_date
from handlers.thai.digits import thai_to_arabic

FLOW = "staff_link"
_CODE = re.compile(r"^(?:ลงทะเบียน|register)\s*[:：-]?\s*", re.IGNORECASE)


def measures_of(ctx: Context) -> MeasureStore:
    """The measures part of the store (it shares the store's transaction)."""
    return cast(HasMeasures, ctx.store).measures


# --- linking ---------------------------------------------------------------------------


def start_register(ctx: Context, msg: Inbound, text: str) -> Outcome:
    code = _CODE.sub("", msg.text).strip()
    if is_staff(ctx):
        return Outcome(
            [staff_menu(f"บัญชี LINE นี้เชื่อมกับบัญชีเจ้าหน้าที่ {ctx.actor.name} อยู่แล้วครับ")],
            None,
        )
    if not code:
        return Outcome(
            [Reply("กรุณาพิมพ์รหัสลงทะเบียนที่ได้รับจากผู้ดูแลระบบ (8 ตัวอักษร)", choices(CANCEL))],
            Session(FLOW, "code"),
        )
    return _link(ctx, msg, code)


def on_code(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    if msg.kind not in ("text", "postback") or not msg.text.strip():
        return Outcome([Reply("กรุณาพิมพ์รหัสลงทะเบียนเป็นข้อความครับ", choices(CANCEL))], s)
    return _link(ctx, msg, _CODE.sub("", msg.text).strip())


def _link(ctx: Context, msg: Inbound, code: str) -> Outcome:
    store = measures_of(ctx)
    account = find_staff_by_code(store, thai_to_arabic(code), ctx.now)
    if account is None:
        return Outcome(
            [menu.menu("รหัสลงทะเบียนไม่ถูกต้องหรือหมดอายุแล้วครับ กรุณาตรวจสอบรหัส หรือขอรหัสใหม่จากผู้ดูแลระบบ")],
            None,
        )
    store.link_line_user(account.id, msg.user_id)
    unit = f" หน่วยงาน {account.unit}" if account.unit else ""
    return Outcome(
        [
            staff_menu(
                f"เชื่อมบัญชีเรียบร้อยแล้ว สวัสดีคุณ{account.name}{unit}\n"
                "ต่อไปนี้พิมพ์ “รายงานความคืบหน้า” เพื่อรายงานผลการดำเนินงานตามมาตรการ "
                "หรือ “งานของฉัน” เพื่อดูมาตรการของหน่วยงานและงานที่เลยกำหนด"
            )
        ],
        None,
    )


# --- unlinking -------------------------------------------------------------------------


def start_unlink(ctx: Context, msg: Inbound, text: str) -> Outcome:
    if not is_staff(ctx):
        return refusal()
    return Outcome(
        [
            Reply(
                f"ยกเลิกการเชื่อมบัญชี LINE นี้กับบัญชีเจ้าหน้าที่ {ctx.actor.name} ใช่หรือไม่ครับ "
                "(หลังยกเลิก ต้องขอรหัสใหม่จากผู้ดูแลระบบเพื่อเชื่อมอีกครั้ง)",
                choices(CONFIRM, CANCEL),
            )
        ],
        Session(FLOW, "unlink"),
    )


def on_unlink(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    if msg.kind in ("text", "postback") and msg.text.strip() == CONFIRM:
        measures_of(ctx).unlink_line_user(msg.user_id)
        return Outcome([menu.menu("ยกเลิกการเชื่อมบัญชีเรียบร้อยแล้วครับ")], None)
    return Outcome([Reply("กด “ยืนยัน” เพื่อยกเลิกการเชื่อมบัญชี หรือ “ยกเลิก”", choices(CONFIRM, CANCEL))], s)


# --- the unit's work -------------------------------------------------------------------


def show_my_work(ctx: Context, msg: Inbound, text: str) -> Outcome:
    if not is_staff(ctx):
        return refusal()
    work = my_work(measures_of(ctx), ctx.actor.unit, ctx.now)
    unit = ctx.actor.unit or "ทุกหน่วยงาน"
    if not work.measures:
        return Outcome([staff_menu(f"ยังไม่มีมาตรการที่{unit}รับผิดชอบในระบบครับ")], None)
    n, late = len(work.measures), len(work.overdue)
    if work.several_plans:
        lines = [f"งานตามแผนของ{unit} ปีงบประมาณ พ.ศ. {work.fiscal_year} ({n} รายการ)"]
        noun = "รายการ"
    else:
        lines = [f"มาตรการของ{unit} ปีงบประมาณ พ.ศ. {work.fiscal_year} ({n} มาตรการ)"]
        noun = "มาตรการ"
    lines += [measure_line(m, m in work.overdue, work.several_plans) for m in work.measures]
    if work.overdue:
        lines.append(f"\n⚠️ เลยกำหนดแล้ว {late} {noun} กรุณารายงานความคืบหน้า")
    else:
        lines.append(f"\nไม่มี{noun}ที่เลยกำหนดครับ")
    return Outcome([staff_menu("\n".join(lines))], None)


def measure_line(m: Measure, overdue: bool, labelled: bool = False, full: bool = False) -> str:
    """ "3. จัดอบรม… — 60% (กำลังดำเนินการ) ถึง 31 ธ.ค. 67"; with `labelled` (the year has
    items of several plans) the number is the plan's: "แผนดำเนินงาน 3. ซ่อมถนน…"; with
    `full` the whole first line of the title (where buttons carry only the number)."""
    end = f" ถึง {format_thai_date(m.period_end, short=True)}" if m.period_end else ""
    flag = " ⚠️ เลยกำหนด" if overdue else ""
    number = item_label(m.plan, m.no) if labelled else str(m.no)
    title = m.title.split("\n", 1)[0].strip(" -•") if full else m.short_title
    return f"{number}. {title} — {m.percent}% ({m.status.thai}){end}{flag}"


def help_menu(ctx: Context, msg: Inbound, text: str) -> Outcome:
    """“เมนู”: staff see their own buttons; everyone else the citizens' menu."""
    if is_staff(ctx):
        return Outcome([staff_menu(f"สวัสดีคุณ{ctx.actor.name} เลือกงานที่ต้องการได้เลยครับ")], None)
    return Outcome([menu.greeting()], None)


INTENTS = {
    "register": start_register,
    "my_work": show_my_work,
    "unlink": start_unlink,
    "help": help_menu,
}
WORDS = {REGISTER: "register", MY_WORK: "my_work", UNLINK: "unlink", "เลิกเชื่อมบัญชี": "unlink"}
PREFIXES = {f"{REGISTER} ": "register"}
STEPS: dict[str, Step] = {"code": on_code, "unlink": on_unlink}
