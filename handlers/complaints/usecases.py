"""Filing, tracking and changing the status of complaints."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from handlers.clock import local_date
from handlers.complaints import categories
from handlers.complaints.domain import Complaint, Location, Status, format_case_number
from handlers.ports import Store
from handlers.secrets_codes import check_code, dummy_hash, hash_code, new_code
from handlers.shared import Channel, DomainError
from handlers.thai.dates import fiscal_year
from handlers.thai.digits import thai_to_arabic

MAX_DETAILS = 3000
MIN_DETAILS = 5
MAX_PHOTOS = 3
PHONE_RE = re.compile(r"^0\d{8,9}$")


@dataclass
class ComplaintDraft:
    category: str = ""
    details: str = ""
    photos: list[str] = field(default_factory=list)
    location: Location | None = None
    contact_name: str = ""
    phone: str = ""
    anonymous: bool = False
    line_user_id: str | None = None


@dataclass(frozen=True)
class Filed:
    complaint: Complaint
    secret_code: str


def clean_phone(text: str) -> str | None:
    """A Thai phone number with separators removed, or None when it is not one."""
    digits = re.sub(r"[\s\-().]", "", thai_to_arabic(text))
    if digits.startswith("+66"):
        digits = "0" + digits[3:]
    return digits if PHONE_RE.match(digits) else None


def validate(draft: ComplaintDraft) -> list[str]:
    """Problems with a draft, in Thai, for the citizen to fix. Empty when it can be filed."""
    problems = []
    if categories.get(draft.category) is None:
        problems.append("กรุณาเลือกประเภทเรื่อง")
    details = draft.details.strip()
    if len(details) < MIN_DETAILS:
        problems.append(f"กรุณาเล่ารายละเอียดอย่างน้อย {MIN_DETAILS} ตัวอักษร")
    elif len(details) > MAX_DETAILS:
        problems.append(f"รายละเอียดยาวเกิน {MAX_DETAILS} ตัวอักษร")
    if len(draft.photos) > MAX_PHOTOS:
        problems.append(f"แนบรูปได้ไม่เกิน {MAX_PHOTOS} รูป")
    if draft.phone and clean_phone(draft.phone) is None:
        problems.append("เบอร์โทรศัพท์ไม่ถูกต้อง (เช่น 0812345678)")
    return problems


def file_complaint(
    store: Store,
    draft: ComplaintDraft,
    channel: Channel,
    now: datetime,
    received_at: datetime | None = None,
) -> Filed:
    """File a draft. `received_at`, when the complaint arrived earlier than it is recorded
    (staff keying in a letter), dates the case: its fiscal year, number and due date."""
    problems = validate(draft)
    if problems:
        raise DomainError(" / ".join(problems))
    category = categories.get(draft.category)
    assert category is not None
    filed_at = received_at or now
    fy = fiscal_year(local_date(filed_at))
    code = new_code()
    # Restricted (corruption) reports keep no contact unless the reporter chose to give it.
    anonymous = draft.anonymous
    complaint = Complaint(
        case_number=format_case_number(fy, store.next_case_seq(fy)),
        fiscal_year=fy,
        category=category.code,
        details=draft.details.strip(),
        channel=channel,
        created_at=filed_at,
        updated_at=now,
        unit=category.default_unit,
        photos=list(draft.photos),
        location=draft.location,
        line_user_id=draft.line_user_id,
        contact_name="" if anonymous else draft.contact_name.strip(),
        phone="" if anonymous else (clean_phone(draft.phone) or ""),
        anonymous=anonymous,
        secret_hash=hash_code(code),
    )
    store.add_complaint(complaint)
    store.add_outbox("complaint", complaint.case_number, now)
    return Filed(complaint, code)


def set_status(
    store: Store, case_number: str, status: str, note: str, now: datetime, actor: str = ""
) -> Complaint:
    complaint = store.get_complaint(case_number.strip().upper())
    if complaint is None:
        raise DomainError(f"ไม่พบเรื่องเลขที่ {case_number}")
    try:
        new = Status(status)
    except ValueError:
        valid = ", ".join(s.value for s in Status)
        raise DomainError(f"สถานะ “{status}” ไม่ถูกต้อง ใช้ได้: {valid}") from None
    change = complaint.change_status(new, note.strip(), now, actor)
    store.save_status_change(complaint, change)
    store.add_outbox("complaint", complaint.case_number, now)
    if complaint.line_user_id:
        text = status_notice(complaint)
        if complaint.status.closed:
            # One notice, not two: a push costs the office money.
            text += "\n\n" + rating_invitation(complaint.case_number)
        store.add_notice(complaint.line_user_id, text, now)
    return complaint


def status_notice(complaint: Complaint) -> str:
    last = complaint.history[-1] if complaint.history else None
    lines = [
        f"แจ้งความคืบหน้าเรื่องเลขที่ {complaint.case_number}",
        f"สถานะ: {complaint.status.thai}",
    ]
    if last and last.note:
        lines.append(f"หมายเหตุ: {last.note}")
    return "\n".join(lines)


def reopen_notice(complaint: Complaint, reason: str) -> str:
    return "\n".join(
        [
            f"เรื่องเลขที่ {complaint.case_number} ได้รับการเปิดพิจารณาอีกครั้ง",
            f"สถานะ: {complaint.status.thai}",
            f"เหตุผล: {reason}",
        ]
    )


def rating_invitation(case_number: str) -> str:
    """Added to the notice that tells a complainant their case is done."""
    return f"ช่วยประเมินความพึงพอใจต่อการจัดการเรื่องนี้ (ใช้เวลาไม่ถึงนาที) พิมพ์หรือแตะ: ประเมินเรื่อง {case_number}"


def track(store: Store, case_number: str, code: str) -> Complaint | None:
    """The complaint when the number and the secret code match; None otherwise (no hint which)."""
    complaint = store.get_complaint(case_number.strip().upper())
    # A missing case is checked against a stand-in hash: the same work as a wrong code.
    stored = complaint.secret_hash if complaint is not None else dummy_hash()
    if not check_code(code, stored) or complaint is None:
        return None
    return complaint
