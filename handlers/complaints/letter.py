"""The result letter to a complainant, as an official Thai letter (หนังสือภายนอก): what it
says, decided here; the page that prints it only lays it out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from handlers.complaints.domain import Status
from handlers.office import OfficeSettings
from handlers.thai.dates import format_thai_date

# Titles a name may already begin with; then it is written as given, else "คุณ" goes first.
TITLES = (
    "นาย",
    "นางสาว",
    "นาง",
    "น.ส.",
    "เด็กชาย",
    "เด็กหญิง",
    "ด.ช.",
    "ด.ญ.",
    "คุณ",
    "ดร.",
    "ว่าที่",
    "พระ",
    "ผศ.",
    "รศ.",
    "ศ.",
    "พล.",
    "พ.ต.",
    "ร.ต.",
    "จ.ส.",
    "ส.อ.",
    "ส.ต.",
    "ด.ต.",
)
DOTS = "................................"


@dataclass(frozen=True)
class ResultLetter:
    number: str  # after "ที่"
    office_name: str
    address: str
    date_text: str
    subject: str
    addressee: str  # after "เรียน"
    reference: str  # after "อ้างถึง"
    paragraphs: tuple[str, ...]
    signer_name: str
    signer_position: str
    owner_unit: str  # ส่วนราชการเจ้าของเรื่อง
    phone: str


def addressee(contact_name: str, anonymous: bool) -> str:
    """Who the letter is to: the name with its title as given ("นางสมศรี …"), "คุณ" before
    a bare name, and "ผู้ร้องเรียน" when the complainant gave none or chose anonymity."""
    name = " ".join(contact_name.split())
    if anonymous or not name:
        return "ผู้ร้องเรียน"
    return name if name.startswith(TITLES) else f"คุณ{name}"


def _outcome(status: Status, office: str, note: str) -> str:
    note = " ".join(note.split())
    if status is Status.RESOLVED:
        said = f"บัดนี้ {office} ได้ดำเนินการตามเรื่องดังกล่าวแล้วเสร็จ"
        return f"{said} ผลการดำเนินการ คือ {note}" if note else said
    if status is Status.REJECTED:
        said = f"บัดนี้ {office} ได้พิจารณาเรื่องดังกล่าวแล้ว ไม่รับไว้พิจารณา"
        return f"{said} เนื่องจาก {note}" if note else said
    if status is Status.FORWARDED:
        said = f"บัดนี้ {office} ได้ส่งเรื่องดังกล่าวให้หน่วยงานที่มีอำนาจหน้าที่ดำเนินการแล้ว"
        return f"{said} ({note})" if note else said
    said = f"บัดนี้ {office} อยู่ระหว่างดำเนินการตามเรื่องดังกล่าว"
    return f"{said} ความคืบหน้า คือ {note}" if note else said


def result_letter(
    office: OfficeSettings,
    *,
    case_number: str,
    filed_on: date,
    category_th: str,
    details: str,
    status: Status,
    note: str,
    contact_name: str,
    anonymous: bool,
    unit: str,
    today: date,
    track_url: str,
) -> ResultLetter:
    name = office.display_name
    gist = " ".join(details.split())
    gist = gist if len(gist) <= 200 else gist[:199].rstrip() + "…"
    category = f"เรื่อง{category_th}" if category_th else "เรื่อง"
    opening = f"ตามที่อ้างถึง ท่านได้ร้องเรียน{category} ต่อ {name}"
    opening += f" ความว่า “{gist}” ความละเอียดแจ้งแล้ว นั้น" if gist else " ความละเอียดแจ้งแล้ว นั้น"
    follow = (
        f"ท่านสามารถติดตามเรื่องได้ที่ {track_url} ด้วยเลขที่เรื่อง {case_number} "
        "และรหัสติดตามเรื่องที่ได้รับเมื่อยื่นเรื่อง จึงเรียนมาเพื่อโปรดทราบ"
    )
    return ResultLetter(
        number=office.letter_prefix or DOTS,
        office_name=name,
        address=office.address,
        date_text=format_thai_date(today),
        subject="แจ้งผลการพิจารณาเรื่องร้องเรียน",
        addressee=addressee(contact_name, anonymous),
        reference=f"เรื่องร้องเรียน เลขที่ {case_number} ลงวันที่ {format_thai_date(filed_on)}",
        paragraphs=(opening, _outcome(status, name, note), follow),
        signer_name=office.signer_name,
        signer_position=office.signer_position,
        owner_unit=unit or name,
        phone=office.phone,
    )
