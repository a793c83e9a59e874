"""The result letter's words: who it is to, what it refers to, what it says of the outcome."""

from __future__ import annotations

from datetime import date

import pytest

from handlers.complaints.domain import Status
from handlers.complaints.letter import ResultLetter, addressee, result_letter
from handlers.office import OfficeSettings

OFFICE = OfficeSettings(
    office_name="องค์การบริหารส่วนตำบลหนองรี",
    address="๙๙ หมู่ ๔ ตำบลหนองรี อำเภอเมืองชลบุรี จังหวัดชลบุรี ๒๐๐๐๐",
    phone="038-123456",
    letter_prefix="ชบ ๗๒๒๐๑/",
    signer_name="นายสมหมาย รักษ์ถิ่น",
    signer_position="นายกองค์การบริหารส่วนตำบลหนองรี",
)


@pytest.mark.parametrize(
    ("name", "anonymous", "to"),
    [
        ("สมชาย ใจดี", False, "คุณสมชาย ใจดี"),
        ("นางสมศรี มีสุข", False, "นางสมศรี มีสุข"),
        ("นางสาวอรอุมา ใจงาม", False, "นางสาวอรอุมา ใจงาม"),
        ("น.ส. อรอุมา", False, "น.ส. อรอุมา"),
        ("คุณป้าแดง", False, "คุณป้าแดง"),
        ("", False, "ผู้ร้องเรียน"),
        ("สมชาย ใจดี", True, "ผู้ร้องเรียน"),
    ],
)
def test_the_letter_is_addressed_with_the_title_given(name: str, anonymous: bool, to: str) -> None:
    assert addressee(name, anonymous) == to


def _letter(status: Status, note: str, **kw: object) -> ResultLetter:
    args: dict[str, object] = dict(
        case_number="2568-000007",
        filed_on=date(2025, 2, 1),
        category_th="ถนน ทางเท้า",
        details="ถนนหน้าบ้านเป็นหลุมลึก",
        status=status,
        note=note,
        contact_name="นางสมศรี มีสุข",
        anonymous=False,
        unit="กองช่าง",
        today=date(2025, 2, 10),
        track_url="https://prongsai.nongree.go.th/track",
    )
    args.update(kw)
    return result_letter(OFFICE, **args)  # type: ignore[arg-type]


def test_a_resolved_case_s_letter_reads_as_an_official_letter() -> None:
    letter = _letter(Status.RESOLVED, "ซ่อมผิวถนนเรียบร้อยแล้ว")
    assert letter.number == "ชบ ๗๒๒๐๑/"
    assert letter.date_text == "10 กุมภาพันธ์ 2568"
    assert letter.addressee == "นางสมศรี มีสุข"
    assert letter.reference == "เรื่องร้องเรียน เลขที่ 2568-000007 ลงวันที่ 1 กุมภาพันธ์ 2568"
    first, outcome, last = letter.paragraphs
    assert first == (
        "ตามที่อ้างถึง ท่านได้ร้องเรียนเรื่องถนน ทางเท้า ต่อ องค์การบริหารส่วนตำบลหนองรี "
        "ความว่า “ถนนหน้าบ้านเป็นหลุมลึก” ความละเอียดแจ้งแล้ว นั้น"
    )
    assert outcome == (
        "บัดนี้ องค์การบริหารส่วนตำบลหนองรี ได้ดำเนินการตามเรื่องดังกล่าวแล้วเสร็จ "
        "ผลการดำเนินการ คือ ซ่อมผิวถนนเรียบร้อยแล้ว"
    )
    assert last.endswith("จึงเรียนมาเพื่อโปรดทราบ")
    assert letter.owner_unit == "กองช่าง" and letter.phone == "038-123456"


def test_a_rejected_case_says_not_taken_up_and_why() -> None:
    letter = _letter(Status.REJECTED, "เป็นถนนของกรมทางหลวง", unit="")
    assert letter.paragraphs[1] == (
        "บัดนี้ องค์การบริหารส่วนตำบลหนองรี ได้พิจารณาเรื่องดังกล่าวแล้ว ไม่รับไว้พิจารณา เนื่องจาก เป็นถนนของกรมทางหลวง"
    )
    assert letter.owner_unit == "องค์การบริหารส่วนตำบลหนองรี"


def test_without_settings_the_blanks_are_left_to_fill_by_hand() -> None:
    letter = result_letter(
        OfficeSettings(),
        case_number="2568-000001",
        filed_on=date(2025, 2, 1),
        category_th="",
        details="",
        status=Status.IN_PROGRESS,
        note="",
        contact_name="",
        anonymous=True,
        unit="",
        today=date(2025, 2, 2),
        track_url="http://x/track",
    )
    assert letter.number.startswith("....")
    assert letter.office_name == "หน่วยงาน" and letter.addressee == "ผู้ร้องเรียน"
    assert letter.paragraphs[1] == "บัดนี้ หน่วยงาน อยู่ระหว่างดำเนินการตามเรื่องดังกล่าว"
