"""The office's No Gift announcement (kind ``no_gift_policy``: o34 in 2565, o31 in 2566):
ประกาศ{office} เรื่อง นโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift
Policy), signed by the office's signer, with what the gift register recorded in the window.

The register's part is counts and a total only: an announcement names no giver and no staff
member (the yearly gift_report lists the entries).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from handlers.gifts.domain import NONE, GiftReport
from handlers.gifts.usecases import figures
from handlers.ita.windows import Window
from handlers.office import OfficeSettings
from handlers.reports.gift_report import in_window
from handlers.reports.model import Report, Table, with_thai_digits
from handlers.thai.dates import BE_OFFSET, MONTHS_FULL, format_thai_date

SUBJECT = "นโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)"
# The chat words of the register (handlers/conversations/staff.py).
GIFT_WORD = "แจ้งรับของขวัญ"
NONE_WORD = "ไม่มีการรับของขวัญ"
# Days to report a gift that could not be refused: the period the NACC's rule on gifts
# received by ethical custom (ประกาศคณะกรรมการ ป.ป.ช. พ.ศ. 2563) gives for reporting one.
REPORT_WITHIN_DAYS = 30
DOTS = "." * 40
CLOSING = "จึงประกาศมาให้ทราบโดยทั่วกัน"
NOT_STARTED = "ปีงบประมาณนี้ยังไม่เริ่มต้น ทะเบียนการรับของขวัญจึงยังไม่มีรายการของปีนี้"


def signed_by(name: str, position: str) -> str:
    """A signature role naming its signer (bot/reports/layout.py prints it as it is):
    dots stand where the office has not set the name or the position yet."""
    return f"({name or DOTS})\n{position or f'ตำแหน่ง {DOTS}'}"


def announced_on(day: date) -> str:
    """ "ประกาศ ณ วันที่ 15 มีนาคม พ.ศ. 2568", as a ประกาศ is dated."""
    return f"ประกาศ ณ วันที่ {day.day} {MONTHS_FULL[day.month - 1]} พ.ศ. {day.year + BE_OFFSET}"


def subject_line(fiscal_year: int) -> str:
    return f"เรื่อง {SUBJECT} ประจำปีงบประมาณ พ.ศ. {fiscal_year}"


def _officer(office: OfficeSettings) -> str:
    who = "เจ้าหน้าที่ผู้รับผิดชอบด้านคุณธรรมและความโปร่งใส"
    if office.integrity_officer_name:
        who += f" ({office.integrity_officer_name})"
    return who


def policy(office: OfficeSettings) -> list[str]:
    """The announcement's paragraphs, in the register of a Thai government ประกาศ."""
    name = office.display_name
    return [
        f"ด้วย{name}ให้ความสำคัญกับการปฏิบัติหน้าที่ด้วยความซื่อสัตย์สุจริต โปร่งใส และตรวจสอบได้ "
        "ตามพระราชบัญญัติประกอบรัฐธรรมนูญว่าด้วยการป้องกันและปราบปรามการทุจริต พ.ศ. 2561 "
        "และระเบียบสำนักนายกรัฐมนตรีว่าด้วยการให้หรือรับของขวัญของเจ้าหน้าที่ของรัฐ พ.ศ. 2544 "
        "เพื่อป้องกันการรับสินบนและการขัดกันระหว่างประโยชน์ส่วนตนกับประโยชน์ส่วนรวม "
        f"จึงประกาศ{SUBJECT} ดังนี้",
        f"1. ผู้บริหาร พนักงาน และบุคลากรทุกคนของ{name} จะไม่รับของขวัญ ของกำนัล "
        "หรือทรัพย์สินหรือประโยชน์อื่นใด จากผู้มาติดต่อหรือผู้เกี่ยวข้องกับการปฏิบัติหน้าที่ "
        "ทั้งในโอกาสเทศกาลและโอกาสอื่นใด และจะไม่เรียกร้องหรือแสวงหาสิ่งดังกล่าว",
        "2. ผู้บริหาร พนักงาน และบุคลากรทุกคน จะไม่ให้ของขวัญ ของกำนัล หรือทรัพย์สินหรือประโยชน์อื่นใด "
        "แก่ผู้บังคับบัญชาหรือบุคคลในครอบครัวของผู้บังคับบัญชา และแก่บุคคลภายนอก "
        "เพื่อประโยชน์ในการปฏิบัติหน้าที่หรือเพื่อแลกกับการให้บริการ",
        "3. กรณีมีผู้มอบของขวัญ ของกำนัล หรือทรัพย์สินหรือประโยชน์อื่นใดให้ ให้ปฏิเสธการรับ "
        "หากไม่อาจปฏิเสธได้หรือได้รับไว้แล้ว ให้แจ้งการรับต่อ"
        f"{_officer(office)} ภายใน {REPORT_WITHIN_DAYS} วันนับแต่วันที่ได้รับ "
        f"ผ่านทะเบียนการรับของขวัญ โดยพิมพ์คำว่า “{GIFT_WORD}” ในไลน์ของ{name} "
        "ระบุผู้ให้ สิ่งที่ได้รับ มูลค่าโดยประมาณ วันที่ได้รับ และการดำเนินการกับสิ่งนั้น",
        f"4. {_officer(office)} ตรวจสอบทุกรายการที่แจ้ง "
        "สิ่งที่ไม่อาจรับไว้ได้ตามกฎหมายให้ส่งคืนผู้ให้ หรือส่งมอบเป็นทรัพย์สินของหน่วยงาน "
        "และรายงานผู้บริหารทราบ ทั้งนี้ หน่วยงานจะเผยแพร่รายงานการรับทรัพย์สินหรือประโยชน์อื่นใด"
        "โดยธรรมจรรยาเป็นประจำทุกปี",
        "5. บุคลากรที่ไม่ได้รับของขวัญ ของกำนัล หรือทรัพย์สินหรือประโยชน์อื่นใดในเดือนใด "
        f"ให้แจ้งโดยพิมพ์คำว่า “{NONE_WORD}” ในไลน์ของ{name} เป็นประจำทุกเดือน",
        f"6. {name}ขอความร่วมมือประชาชน ผู้ประกอบการ และผู้มาติดต่อทุกท่าน "
        "งดให้ของขวัญหรือของกำนัลแก่ผู้บริหารและบุคลากร "
        "โดยแสดงความปรารถนาดีด้วยการกล่าวคำอวยพรหรือบัตรอวยพรแทน",
    ]


def _baht(value: Decimal) -> str:
    return f"{value:,.2f}"


def register_table(entries: list[GiftReport], window: Window) -> Table:
    """What the register recorded in the window: counts and a total, nothing that names anyone."""
    gifts = [r for r in entries if r.is_gift]
    declared = [r for r in entries if r.kind == NONE]
    months = {r.period_start for r in declared if r.period_start is not None}
    total = sum((r.estimated_value or Decimal(0) for r in gifts), Decimal(0))
    return Table(
        columns=("รายการ", "จำนวน"),
        rows=[
            ("การแจ้งรับของขวัญ ของกำนัล หรือทรัพย์สินหรือประโยชน์อื่นใด", f"{len(gifts):,} รายการ"),
            ("มูลค่ารวมโดยประมาณของสิ่งที่แจ้งรับ", f"{_baht(total)} บาท"),
            ("การแจ้งไม่มีการรับของขวัญประจำเดือน", f"{len(declared):,} ครั้ง"),
            ("จำนวนเดือนที่มีการแจ้งไม่มีการรับของขวัญ", f"{len(months):,} เดือน"),
        ],
        title=(
            "ผลการแจ้งผ่านทะเบียนการรับของขวัญ ตั้งแต่วันที่ "
            f"{format_thai_date(window.start)} ถึงวันที่ {format_thai_date(window.as_of)}"
        ),
        widths=(3.0, 1.2),
    )


def build(
    entries: Iterable[GiftReport],
    window: Window,
    office: OfficeSettings,
    *,
    one_line_title: bool = False,
    thai_digits: bool = False,
) -> Report:
    """The announcement as of the window's as-of date. one_line_title: the subject goes on
    the title's line, for when a catalogue item's own title is printed above it."""
    shown = in_window(entries, window)
    title = f"ประกาศ{office.display_name}"
    subject = subject_line(window.fiscal_year)
    intro = policy(office)
    tables: list[Table] = []
    if window.started:
        intro.append(
            f"ทั้งนี้ ทะเบียนการรับของขวัญของ{office.display_name}"
            "ในปีงบประมาณนี้ มีการแจ้งดังตารางต่อไปนี้ (แสดงเฉพาะจำนวน ไม่ระบุชื่อบุคคล)"
        )
        tables.append(register_table(shown, window))
    else:
        intro.append(f"ทั้งนี้ {NOT_STARTED}")
    report = Report(
        title=f"{title} {subject}" if one_line_title else title,
        subtitle="" if one_line_title else subject,
        kind="no_gift_policy",
        landscape=False,
        intro=intro,
        tables=tables,
        notes=[CLOSING, announced_on(window.as_of)],
        signatures=(signed_by(office.signer_name, office.signer_position),),
        figures={
            **figures(shown),
            "declared_none_months": len(
                {r.period_start for r in shown if r.kind == NONE and r.period_start}
            ),
        },
    )
    return with_thai_digits(report) if thai_digits else report
