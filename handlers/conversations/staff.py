"""What staff conversations share: their menu and the polite refusal for everyone else."""

from __future__ import annotations

from handlers.conversations import menu
from handlers.conversations.messages import Reply, choices
from handlers.conversations.session import Context, Outcome

PROGRESS = "รายงานความคืบหน้า"
MY_WORK = "งานของฉัน"
UNLINK = "ยกเลิกการเชื่อมบัญชี"
REGISTER = "ลงทะเบียน"
# The staff registers' starters (their conversations live in service_counts.py and gifts.py).
SERVICE_COUNT = "สถิติบริการ"
GIFT_REPORT = "แจ้งรับของขวัญ"
NO_GIFT = "ไม่มีการรับของขวัญ"
# Asset loans (their conversation lives in assets.py).
ASSET_LOAN = "ยืมทรัพย์สิน"
ASSET_RETURN = "คืนทรัพย์สิน"

STAFF_MENU = choices(
    PROGRESS, MY_WORK, SERVICE_COUNT, GIFT_REPORT, NO_GIFT, ASSET_LOAN, ASSET_RETURN
) + choices(menu.COMPLAINT, menu.TRACK)


def staff_menu(text: str) -> Reply:
    return Reply(text, STAFF_MENU)


def staff_greeting(ctx: Context) -> Reply:
    """What a linked staff member sees on "สวัสดี" or on opening the chat: their own menu."""
    name = f" {ctx.actor.name}" if ctx.actor.name else ""
    return staff_menu(
        f"สวัสดีครับ{name} เลือกงานจากเมนูด้านล่าง หรือพิมพ์ เช่น “มาตรการ ๓ ๖๐% จัดอบรมแล้ว” ได้เลยครับ"
    )


def refusal() -> Outcome:
    """Citizens who try a staff command are told kindly what it is and how staff get in."""
    return Outcome(
        [
            menu.menu(
                "ขออภัยครับ คำสั่งนี้สำหรับเจ้าหน้าที่ของสำนักงานที่ลงทะเบียนบัญชีแล้วเท่านั้น "
                f"หากท่านเป็นเจ้าหน้าที่ กรุณาขอรหัสจากผู้ดูแลระบบแล้วพิมพ์ “{REGISTER} รหัส” "
                "หากต้องการแจ้งเรื่องหรือติดตามเรื่อง เลือกจากเมนูด้านล่างได้เลยครับ"
            )
        ],
        None,
    )


def is_staff(ctx: Context) -> bool:
    return ctx.actor.is_staff and ctx.actor.staff_id is not None
