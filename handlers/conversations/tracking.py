"""“ติดตามเรื่อง”: a user's own cases, or one case by its number (plus code when not linked)."""

from __future__ import annotations

import re

from handlers.clock import local
from handlers.complaints.domain import Complaint, find_case_number
from handlers.conversations.menu import MENU, TRACK
from handlers.conversations.messages import Inbound, Reply
from handlers.conversations.session import Context, Outcome
from handlers.secrets_codes import ALPHABET, check_code
from handlers.thai.dates import format_thai_datetime

CODE_RE = re.compile(rf"(?<![A-Z0-9])[{ALPHABET}]{{6}}(?![A-Z0-9])")


def list_cases(ctx: Context, msg: Inbound) -> Outcome:
    cases = ctx.store.complaints_of_user(msg.user_id, limit=10)
    if not cases:
        return Outcome(
            [
                Reply(
                    "ยังไม่พบเรื่องที่ท่านแจ้งผ่านบัญชีนี้ หากแจ้งแบบไม่ระบุตัวตน "
                    "พิมพ์เลขที่เรื่องตามด้วยรหัสติดตาม เช่น 2570-000123 ABC234",
                    MENU,
                )
            ],
            None,
        )
    lines = ["เรื่องของท่าน:"]
    lines += [f"• {c.case_number} {c.status.thai}" for c in cases]
    lines.append("พิมพ์เลขที่เรื่องเพื่อดูรายละเอียด")
    return Outcome([Reply("\n".join(lines), MENU)], None)


def show_case(ctx: Context, msg: Inbound) -> Outcome:
    number = find_case_number(msg.text) or ""
    complaint = ctx.store.get_complaint(number)
    if complaint is not None and not _may_see(complaint, msg):
        complaint = None
    if complaint is None:
        return Outcome(
            [
                Reply(
                    f"ไม่พบเรื่องเลขที่ {number} ในบัญชีของท่าน หากแจ้งแบบไม่ระบุตัวตน "
                    "กรุณาพิมพ์เลขที่เรื่องตามด้วยรหัสติดตามที่ได้รับ",
                    MENU,
                )
            ],
            None,
        )
    return Outcome([Reply(describe(complaint), MENU)], None)


def _may_see(c: Complaint, msg: Inbound) -> bool:
    if c.line_user_id and c.line_user_id == msg.user_id:
        return True
    text = msg.text.upper().replace(c.case_number, " ")
    return any(check_code(code, c.secret_hash) for code in CODE_RE.findall(text))


def describe(c: Complaint) -> str:
    lines = [
        f"เรื่องเลขที่ {c.case_number}",
        f"สถานะ: {c.status.thai}",
        f"รับเรื่องเมื่อ: {format_thai_datetime(local(c.created_at))}",
    ]
    for h in c.history:
        note = f" — {h.note}" if h.note else ""
        lines.append(f"• {format_thai_datetime(local(h.at))} {h.status.thai}{note}")
    return "\n".join(lines)


def _track(ctx: Context, msg: Inbound, text: str) -> Outcome:
    if find_case_number(msg.text):
        return show_case(ctx, msg)
    return list_cases(ctx, msg)


INTENTS = {"track": _track}
WORDS = {TRACK: "track"}
