"""The main menu: what a user sees when nothing is open or nothing was understood."""

from __future__ import annotations

from handlers.conversations.messages import Inbound, Reply, choices
from handlers.conversations.session import Context, Outcome

COMPLAINT = "ร้องเรียน/ร้องทุกข์"
CORRUPTION = "แจ้งเบาะแสทุจริต"
SATISFACTION = "ประเมินความพึงพอใจ"
TRACK = "ติดตามเรื่อง"
CANCEL = "ยกเลิก"
SKIP = "ข้าม"
ANONYMOUS = "ไม่ระบุตัวตน"
CONFIRM = "ยืนยัน"
EDIT = "แก้ไข"

MENU = choices(COMPLAINT, CORRUPTION, SATISFACTION, TRACK)


def menu(text: str = "เลือกบริการที่ต้องการได้เลยครับ") -> Reply:
    return Reply(text, MENU)


def greeting() -> Reply:
    return menu(
        "สวัสดีครับ ยินดีต้อนรับสู่ช่องทางร้องเรียนและรับฟังความคิดเห็นของสำนักงาน\n"
        "แจ้งเรื่องเดือดร้อน แจ้งเบาะแสการทุจริต (ไม่ต้องระบุตัวตน) "
        "ประเมินความพึงพอใจ หรือติดตามเรื่องที่แจ้งไว้ เลือกจากเมนูด้านล่างหรือพิมพ์เล่าเรื่องมาได้เลย"
    )


def not_understood() -> Reply:
    return menu("ขออภัย ไม่เข้าใจข้อความนี้ กรุณาเลือกจากเมนูด้านล่างครับ")


def _greeting(ctx: Context, msg: Inbound, text: str) -> Outcome:
    return Outcome([greeting()], None)


# "satisfaction" is started by handlers/conversations/satisfaction.py.
INTENTS = {"greeting": _greeting, "help": _greeting}
WORDS = {"เมนู": "help", "สวัสดี": "greeting"}
