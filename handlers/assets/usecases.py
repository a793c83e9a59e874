"""The asset register's use cases: register an asset, request a loan, approve or refuse it,
record the return; and the figures of a year.

Each check fails with AssetInvalid, whose text is the Thai sentence the person is shown.
Loan changes queue the loan for the sheet and leave notices for the people concerned.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from handlers.assets.domain import APPROVED, REJECTED, REQUESTED, RETURNED, Asset, Loan
from handlers.assets.ports import AssetStore, Outside
from handlers.clock import local_date
from handlers.thai.dates import fiscal_year, format_thai_date, parse_day
from handlers.thai.periods import parse_period

OUTBOX_KIND = "asset_loan"
MAX_TEXT = 500
MAX_NAME = 200
MAX_CODE = 60
# A request further ahead than this is most likely a mistyped year.
MAX_DAYS_AHEAD = 366

APPROVE_WORD = "อนุมัติการยืม"
REJECT_WORD = "ไม่อนุมัติการยืม"


class AssetInvalid(ValueError):
    """A request or change that cannot be made; `str()` is the Thai reason."""


@dataclass(frozen=True)
class Person:
    """Who acts: an office account (the borrower, a unit head, an admin)."""

    user_id: int | None
    name: str
    unit: str
    role: str = "staff"


# --- the register -----------------------------------------------------------------------------


def add_asset(store: AssetStore, name: str, unit: str, code: str, units: list[str]) -> Asset:
    """Register an asset kept by one of the office's `units`."""
    name, unit, code = " ".join(name.split()), " ".join(unit.split()), code.strip()
    if not name:
        raise AssetInvalid("กรุณาระบุชื่อทรัพย์สิน")
    if len(name) > MAX_NAME or len(code) > MAX_CODE:
        raise AssetInvalid(f"ชื่อทรัพย์สินยาวได้ไม่เกิน {MAX_NAME} ตัวอักษร และเลขที่ไม่เกิน {MAX_CODE} ตัวอักษร")
    if unit not in units:
        raise AssetInvalid(f"ไม่รู้จักหน่วยงาน “{unit}” (หน่วยงานของสำนักงาน: {', '.join(units)})")
    if code and any(a.code == code for a in store.list_assets(include_inactive=True)):
        raise AssetInvalid(f"มีทรัพย์สินเลขที่ {code} ในทะเบียนอยู่แล้ว")
    return store.add_asset(Asset(name=name, unit=unit, code=code))


def set_active(store: AssetStore, asset_id: int, active: bool) -> Asset:
    done = store.set_asset_active(asset_id, active)
    if done is None:
        raise AssetInvalid("ไม่พบทรัพย์สินนี้ในทะเบียน")
    return done


# --- reading what staff type -----------------------------------------------------------------


def parse_loan_day(text: str, today: date) -> date:
    """ "วันนี้", "พรุ่งนี้", a Thai date ("15 ม.ค. 2569", "15/1/69") or 2569-01-15."""
    cleaned = (text or "").strip().replace(" ", "")
    relative = {"วันนี้": 0, "พรุ่งนี้": 1, "มะรืนนี้": 2}
    if cleaned in relative:
        return today + timedelta(days=relative[cleaned])
    try:
        return parse_day(cleaned)
    except ValueError:
        pass
    period = parse_period(text, fiscal_year(today))
    if period.start is None or period.start != period.end:
        raise AssetInvalid(
            f"อ่านวันที่ “{text.strip()}” ไม่ได้ กรุณาระบุเป็น วันนี้ พรุ่งนี้ หรือวัน เดือน ปี พ.ศ. เช่น 15 ม.ค. 2569"
        )
    return period.start


def check_dates(start: date, due: date, today: date) -> None:
    if start < today:
        raise AssetInvalid("วันที่เริ่มยืมต้องไม่เป็นวันที่ผ่านมาแล้ว")
    if start > today + timedelta(days=MAX_DAYS_AHEAD):
        raise AssetInvalid("วันที่เริ่มยืมอยู่ห่างจากวันนี้เกิน 1 ปี กรุณาตรวจสอบปี พ.ศ. อีกครั้ง")
    if due < start:
        raise AssetInvalid("วันกำหนดคืนต้องไม่ก่อนวันที่เริ่มยืม")


def clash(store: AssetStore, asset_id: int, start: date, due: date, today: date) -> Loan | None:
    """The approved loan that keeps the asset busy on some of those days, if any."""
    return next(
        (loan for loan in store.loans_of_asset(asset_id) if loan.clashes(start, due, today)),
        None,
    )


def clash_text(loan: Loan, today: date) -> str:
    since = format_thai_date(loan.start_on)
    if loan.overdue(today):
        span = f"ตั้งแต่ {since} และยังไม่ได้คืน (กำหนดคืน {format_thai_date(loan.due_on)})"
    else:
        span = f"ตั้งแต่ {since} ถึง {format_thai_date(loan.due_on)}"
    return f"ทรัพย์สินนี้มีผู้ยืม ({loan.borrower_name}) {span} ซึ่งตรงกับช่วงวันที่ขอยืม กรุณาเลือกวันอื่น"


# --- loans ------------------------------------------------------------------------------------


def request_loan(
    store: AssetStore,
    outside: Outside,
    borrower: Person,
    *,
    asset_id: int,
    start: date,
    due: date,
    purpose: str,
    now: datetime,
) -> Loan:
    """A staff member asks to borrow an asset; the unit's head (or admins) are told."""
    today = local_date(now)
    asset = store.asset(asset_id)
    if asset is None or not asset.active:
        raise AssetInvalid("ไม่พบทรัพย์สินนี้ในทะเบียน หรือทรัพย์สินนี้งดให้ยืมแล้ว")
    purpose = purpose.strip()
    if not purpose:
        raise AssetInvalid("กรุณาระบุวัตถุประสงค์ของการยืม")
    if len(purpose) > MAX_TEXT:
        raise AssetInvalid(f"วัตถุประสงค์ยาวเกินไป กรุณาสรุปให้ไม่เกิน {MAX_TEXT} ตัวอักษร")
    check_dates(start, due, today)
    busy = clash(store, asset_id, start, due, today)
    if busy is not None:
        raise AssetInvalid(clash_text(busy, today))
    loan = store.add_loan(
        Loan(
            asset_id=asset_id,
            borrower_id=borrower.user_id,
            borrower_name=borrower.name,
            unit=borrower.unit,
            start_on=start,
            due_on=due,
            purpose=purpose,
            created_at=now,
        )
    )
    loan = replace(loan, asset_name=asset.name, asset_unit=asset.unit, asset_code=asset.code)
    outside.add_outbox(OUTBOX_KIND, str(loan.id), now)
    for line_id in approvers_to_tell(store, asset.unit, borrower.user_id):
        outside.add_notice(line_id, request_notice(loan), now)
    return loan


def approvers_to_tell(store: AssetStore, unit: str, borrower_id: int | None) -> list[str]:
    """The LINE users who may approve a loan of `unit`'s asset: its head(s) and the admins
    of that unit; when none of them is linked to LINE, every linked admin. Never the
    borrower."""
    heads = set(store.unit_heads(unit))
    linked = [a for a in store.linked_accounts() if a.user_id != borrower_id]
    chosen = [a for a in linked if a.user_id in heads or (a.role == "admin" and a.unit == unit)]
    if not chosen:
        chosen = [a for a in linked if a.role == "admin"]
    return sorted({a.line_user_id for a in chosen})


def request_notice(loan: Loan) -> str:
    return "\n".join(
        [
            f"คำขอยืมทรัพย์สิน เลขที่ {loan.id}",
            f"ผู้ขอยืม: {loan.borrower_name} ({loan.unit})",
            f"ทรัพย์สิน: {loan.asset_label} ของ{loan.asset_unit}",
            f"ระยะเวลา: {format_thai_date(loan.start_on)} ถึง {format_thai_date(loan.due_on)}",
            f"วัตถุประสงค์: {loan.purpose}",
            f"พิมพ์ “{APPROVE_WORD} {loan.id}” เพื่ออนุมัติ หรือ “{REJECT_WORD} {loan.id}” เพื่อไม่อนุมัติครับ",
        ]
    )


def may_decide(store: AssetStore, person: Person, asset_unit: str) -> bool:
    """Admins decide on every loan; a unit head on loans of their unit's assets."""
    if person.role == "admin":
        return True
    return person.user_id is not None and person.user_id in store.unit_heads(asset_unit)


def _loan_with_asset(store: AssetStore, loan_id: int) -> tuple[Loan, Asset]:
    loan = store.loan(loan_id)
    asset = store.asset(loan.asset_id) if loan else None
    if loan is None or asset is None:
        raise AssetInvalid(f"ไม่พบคำขอยืมเลขที่ {loan_id}")
    return loan, asset


def decide(
    store: AssetStore,
    outside: Outside,
    loan_id: int,
    approver: Person,
    approve: bool,
    now: datetime,
) -> Loan:
    """The unit head or an admin approves or refuses a request; the borrower is told."""
    loan, asset = _loan_with_asset(store, loan_id)
    if not may_decide(store, approver, asset.unit):
        raise AssetInvalid(f"ผู้อนุมัติการยืมทรัพย์สินของ{asset.unit} คือหัวหน้าหน่วยงานหรือผู้ดูแลระบบ")
    if approver.user_id is not None and approver.user_id == loan.borrower_id:
        raise AssetInvalid("ผู้ขอยืมอนุมัติคำขอของตนเองไม่ได้")
    if loan.status != REQUESTED:
        raise AssetInvalid(f"คำขอยืมเลขที่ {loan_id} {loan.status_th}ไปแล้ว")
    if approve:
        today = local_date(now)
        busy = clash(store, loan.asset_id, loan.start_on, loan.due_on, today)
        if busy is not None:
            raise AssetInvalid(clash_text(busy, today))
    done = store.save_loan(
        replace(
            loan, status=APPROVED if approve else REJECTED, approver=approver.name, approved_at=now
        )
    )
    outside.add_outbox(OUTBOX_KIND, str(loan_id), now)
    line_id = _borrower_line_id(store, done)
    if line_id:
        word = "อนุมัติ" if approve else "ไม่อนุมัติ"
        text = (
            f"คำขอยืม{asset.name} เลขที่ {loan_id} ได้รับการ{word}แล้ว โดย {approver.name}"
            f"\nกรุณาคืนภายในวันที่ {format_thai_date(done.due_on)} ครับ"
            if approve
            else f"คำขอยืม{asset.name} เลขที่ {loan_id} ไม่ได้รับอนุมัติ โดย {approver.name} ครับ"
        )
        outside.add_notice(line_id, text, now)
    return done


def _borrower_line_id(store: AssetStore, loan: Loan) -> str:
    found = [a for a in store.linked_accounts() if a.user_id == loan.borrower_id]
    return found[0].line_user_id if found else ""


def may_return(store: AssetStore, person: Person, loan: Loan, asset_unit: str) -> bool:
    """The borrower, the asset unit's head or an admin records a return."""
    mine = person.user_id is not None and person.user_id == loan.borrower_id
    return mine or may_decide(store, person, asset_unit)


def record_return(
    store: AssetStore, outside: Outside, loan_id: int, by: Person, note: str, now: datetime
) -> Loan:
    loan, asset = _loan_with_asset(store, loan_id)
    if not may_return(store, by, loan, asset.unit):
        raise AssetInvalid("การคืนทรัพย์สินบันทึกได้โดยผู้ยืม หัวหน้าหน่วยงาน หรือผู้ดูแลระบบ")
    if loan.status != APPROVED:
        raise AssetInvalid(f"คำขอยืมเลขที่ {loan_id} อยู่ในสถานะ{loan.status_th} จึงบันทึกการคืนไม่ได้")
    note = note.strip()
    if len(note) > MAX_TEXT:
        raise AssetInvalid(f"บันทึกการคืนยาวเกินไป กรุณาสรุปให้ไม่เกิน {MAX_TEXT} ตัวอักษร")
    done = store.save_loan(
        replace(loan, status=RETURNED, returned_at=now, returned_by=by.name, return_note=note)
    )
    outside.add_outbox(OUTBOX_KIND, str(loan_id), now)
    return done


# --- figures ------------------------------------------------------------------------------------


def figures(loans: list[Loan], first: date, last: date, today: date) -> dict[str, int]:
    """{"loans": approved loans starting from `first` to `last`, "out": assets with
    borrowers on `today`, "overdue": of those, past their due date}. A loan given twice
    (read by period and as still open) counts once."""
    loans = list({x.id if x.id is not None else id(x): x for x in loans}.values())
    lent = [x for x in loans if x.status in (APPROVED, RETURNED) and first <= x.start_on <= last]
    return {
        "loans": len(lent),
        "out": sum(1 for x in loans if x.out(today)),
        "overdue": sum(1 for x in loans if x.overdue(today)),
    }
