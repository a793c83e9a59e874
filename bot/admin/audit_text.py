"""The audit log in Thai: each stored action code named as the office would say it, and the
stored details (role codes, status codes, channel codes, ISO days) read back in Thai.

The log itself keeps the codes (filters, CLI and the sheet rebuild read them); only the page
translates, so an old row is shown in Thai as well as a new one."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date

from bot.db.accounts.tables import ROLE_TH
from handlers.complaints.domain import Status
from handlers.shared import channel_label
from handlers.thai.dates import format_thai_date

ACTION_TH: dict[str, str] = {
    "login": "เข้าสู่ระบบ",
    "logout": "ออกจากระบบ",
    "complaint.received": "บันทึกเรื่องร้องเรียนที่รับจากช่องทางอื่น",
    "complaint.status": "เปลี่ยนสถานะเรื่องร้องเรียน",
    "complaint.reopen": "เปิดเรื่องร้องเรียนอีกครั้ง",
    "complaint.assign": "มอบหมายหน่วยงานรับผิดชอบเรื่อง",
    "user.add": "เพิ่มผู้ใช้",
    "user.edit": "แก้ไขบทบาท/หน่วยงานของผู้ใช้",
    "user.activate": "เปิดใช้บัญชีผู้ใช้",
    "user.deactivate": "ปิดใช้บัญชีผู้ใช้",
    "user.reset_password": "ตั้งรหัสผ่านใหม่",
    "integrity.add": "เพิ่มบัญชีผู้รับผิดชอบเรื่องร้องเรียนการทุจริต",
    "integrity.grant": "ให้สิทธิ์ผู้รับผิดชอบเรื่องร้องเรียนการทุจริต",
    "integrity.revoke": "ถอนสิทธิ์ผู้รับผิดชอบเรื่องร้องเรียนการทุจริต",
    "integrity.activate": "เปิดใช้บัญชีผู้รับผิดชอบเรื่องร้องเรียนการทุจริต",
    "integrity.deactivate": "ปิดใช้บัญชีผู้รับผิดชอบเรื่องร้องเรียนการทุจริต",
    "integrity.reset_password": "ตั้งรหัสผ่านใหม่ให้ผู้รับผิดชอบเรื่องร้องเรียนการทุจริต",
    "api_token.create": "ออกโทเค็น API",
    "api_token.revoke": "ยกเลิกโทเค็น API",
    "staff.add": "เพิ่มเจ้าหน้าที่",
    "staff.link_code": "ออกรหัสเชื่อม LINE ให้เจ้าหน้าที่",
    "staff.unlink": "ยกเลิกการเชื่อม LINE ของเจ้าหน้าที่",
    "measures.import": "นำเข้ามาตรการ",
    "measure.edit": "แก้ไขมาตรการ (จากสเปรดชีต)",
    "unit.add": "เพิ่มหน่วยงาน",
    "unit.activate": "เปิดใช้หน่วยงาน",
    "unit.deactivate": "ปิดใช้หน่วยงาน",
    "category.edit": "แก้ไขประเภทเรื่องร้องเรียน",
    "service.save": "บันทึกงานบริการ",
    "service.import": "นำเข้างานบริการ",
    "service_count.save": "บันทึกสถิติการให้บริการ",
    "rating.paper": "บันทึกแบบสอบถามกระดาษ",
    "gift.review": "ตรวจสอบรายงานการรับของขวัญ",
    "asset.add": "เพิ่มทรัพย์สินในทะเบียน",
    "asset.activate": "เปิดให้ยืมทรัพย์สิน",
    "asset.deactivate": "งดให้ยืมทรัพย์สิน",
    "asset_loan.approve": "อนุมัติคำขอยืมทรัพย์สิน",
    "asset_loan.reject": "ไม่อนุมัติคำขอยืมทรัพย์สิน",
    "asset_loan.return": "บันทึกการคืนทรัพย์สิน",
    "asset.head_set": "กำหนดหัวหน้าหน่วยงานผู้อนุมัติการยืมทรัพย์สิน",
    "asset.head_remove": "ยกเลิกหัวหน้าหน่วยงานผู้อนุมัติการยืมทรัพย์สิน",
    "report.download": "ดาวน์โหลดรายงาน",
    "ita.copy": "คัดลอกบัญชีรายการ ITA",
    "ita.edit": "แก้ไขรายการ ITA",
    "ita.reset": "กลับไปใช้บัญชีรายการ ITA มาตรฐาน",
    "pdpa erase": "ลบข้อมูลส่วนบุคคล (PDPA)",
    "sheets.rebuild": "สร้างสเปรดชีตใหม่ทั้งแผ่น",
}

ERASED_TH = {"complaints": "เรื่องร้องเรียน", "ratings": "การประเมิน", "messages": "ข้อความ"}
SUBJECT_TH = {"line": "ผู้ใช้ LINE", "phone": "หมายเลขโทรศัพท์", "case": "เลขที่เรื่อง"}
_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_ENTRIES = re.compile(r"\((\d+) entries\)")


@dataclass(frozen=True)
class AuditLine:
    action: str  # the Thai name
    code: str  # the stored code, for the filter
    target: str
    detail: str


def action_th(code: str) -> str:
    return ACTION_TH.get(code, code)


def _role(text: str) -> str:
    """ "staff กองช่าง" → "เจ้าหน้าที่หน่วยงาน กองช่าง": a role code first, a unit after."""
    role, _, unit = text.strip().partition(" ")
    return " ".join(p for p in (ROLE_TH.get(role, role), unit) if p)


def _status(value: str) -> str:
    try:
        return Status(value).thai
    except ValueError:
        return value


def _days(text: str) -> str:
    def day(m: re.Match[str]) -> str:
        try:
            return format_thai_date(date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            return m[0]

    return _ISO_DAY.sub(day, text)


def detail_th(code: str, detail: str) -> str:
    if not detail:
        return ""
    if code == "complaint.status":
        status, sep, note = detail.partition(": ")
        text = f"สถานะใหม่: {_status(status)}"
        return f"{text} · หมายเหตุ: {note}" if sep and note else text
    if code == "complaint.reopen":
        return f"เหตุผล: {detail}"
    if code == "complaint.assign":
        return f"มอบหมายให้ {detail}"
    if code == "complaint.received":
        channel, _, day = detail.partition(" ")
        return f"ช่องทาง: {channel_label(channel)} · รับเรื่อง {_days(day)}".strip()
    if code == "user.add":
        return _role(detail)
    if code == "user.edit":
        before, _, after = detail.partition(" → ")
        return f"{_role(before)} → {_role(after)}"
    if code.startswith("integrity."):
        return _role(detail)
    if code == "pdpa erase":
        try:
            counts = json.loads(detail)
        except ValueError:
            return detail
        if isinstance(counts, dict):
            return ", ".join(f"{ERASED_TH.get(k, k)} {v} รายการ" for k, v in counts.items())
    if code == "sheets.rebuild":
        return _ENTRIES.sub(r"(\1 รายการ)", detail)
    return _days(detail)


def target_th(code: str, target: str) -> str:
    if code == "pdpa erase":
        return SUBJECT_TH.get(target, target)
    return target


def audit_line(action: str, target: str, detail: str) -> AuditLine:
    return AuditLine(
        action=action_th(action),
        code=action,
        target=target_th(action, target),
        detail=detail_th(action, detail),
    )
