"""Asset loans in chat: a staff member asks, the unit head approves, the asset comes back;
what is overdue is shown; citizens are refused."""

from __future__ import annotations

from datetime import UTC, date, datetime

from handlers.assets.domain import APPROVED, REQUESTED, RETURNED
from handlers.assets.ports import Account
from handlers.assets.usecases import add_asset
from handlers.conversations.engine import handle
from handlers.conversations.messages import Inbound, Reply
from handlers.conversations.session import Actor, Context
from handlers.intents import detect_intent
from tests.fakes.fake_assets import StoreWithAssets

# 10 March 2026, 09:00 in Bangkok.
NOW = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)
BORROWER = Actor(role="staff", staff_id=11, unit="กองคลัง", name="สมหญิง ใจดี")
HEAD = Actor(role="staff", staff_id=21, unit="สำนักปลัด", name="หัวหน้าสำนักปลัด")
OTHER = Actor(role="staff", staff_id=12, unit="กองช่าง", name="สมศักดิ์ รักงาน")
UNITS = ["สำนักปลัด", "กองคลัง", "กองช่าง"]


def office() -> StoreWithAssets:
    store = StoreWithAssets()
    add_asset(store.assets, "เครื่องฉายภาพ", "สำนักปลัด", "7430-001-0001", UNITS)
    add_asset(store.assets, "กล้องถ่ายรูป", "กองคลัง", "", UNITS)
    store.assets.set_unit_head("สำนักปลัด", 21, NOW)
    store.assets.accounts = [
        Account(11, "staff", "กองคลัง", "U-borrower"),
        Account(21, "staff", "สำนักปลัด", "U-head"),
    ]
    return store


def say(
    store: StoreWithAssets, text: str, actor: Actor, user: str, now: datetime = NOW
) -> list[Reply]:
    msg = Inbound(user_id=user, kind="text", text=text)
    replies = handle(msg, Context(store=store, now=now, actor=actor, understand=detect_intent))
    store.commit()
    return replies


def borrower(store: StoreWithAssets, text: str, now: datetime = NOW) -> str:
    return "\n".join(r.text for r in say(store, text, BORROWER, "U-borrower", now))


def head(store: StoreWithAssets, text: str) -> str:
    return "\n".join(r.text for r in say(store, text, HEAD, "U-head"))


def test_request_approve_by_the_unit_head_and_return() -> None:
    store = office()
    listed = borrower(store, "ยืมทรัพย์สิน")
    # Full names with their numbers, by unit (กองคลัง before สำนักปลัด).
    assert "1. กล้องถ่ายรูป (กองคลัง)" in listed
    assert "2. เครื่องฉายภาพ (สำนักปลัด) เลขที่ 7430-001-0001" in listed
    assert "ไม่พบรายการ “9”" in borrower(store, "9")
    assert "เริ่มยืมวันที่" in borrower(store, "๒")
    assert "ต้องไม่เป็นวันที่ผ่านมาแล้ว" in borrower(store, "9 มี.ค. 2569")
    assert "กำหนดคืน" in borrower(store, "พรุ่งนี้")
    assert "ต้องไม่ก่อนวันที่เริ่มยืม" in borrower(store, "วันนี้")
    assert "วัตถุประสงค์" in borrower(store, "13 มี.ค. 2569")
    summary = borrower(store, "ใช้ประชุมประชาคมหมู่ 3")
    assert "ทรัพย์สิน: เครื่องฉายภาพ (สำนักปลัด) เลขที่ 7430-001-0001" in summary
    assert "วันที่ยืม: 11 มีนาคม 2569" in summary and "กำหนดคืน: 13 มีนาคม 2569" in summary
    assert store.assets.loans == []  # nothing before the confirmation
    assert "ส่งคำขอยืมเลขที่ 1 แล้ว" in borrower(store, "ยืนยัน")
    assert store.assets.loans[0].status == REQUESTED

    # The head reads the request with their next message and approves it.
    told = head(store, "สวัสดี")
    assert "คำขอยืมทรัพย์สิน เลขที่ 1" in told and "พิมพ์ “อนุมัติการยืม 1”" in told
    waiting = say(store, "อนุมัติการยืม", HEAD, "U-head")
    assert "เลขที่ 1: เครื่องฉายภาพ" in waiting[-1].text
    assert [q.text for q in waiting[-1].quick_replies][:2] == ["อนุมัติการยืม 1", "ไม่อนุมัติการยืม 1"]
    assert "บันทึกการอนุมัติคำขอยืมเลขที่ 1" in head(store, "อนุมัติการยืม ๑")
    loan = store.assets.loans[0]
    assert (loan.status, loan.approver, loan.approved_at) == (APPROVED, "หัวหน้าสำนักปลัด", NOW)
    assert "ได้รับการอนุมัติแล้ว" in borrower(store, "สวัสดี")

    # Back on 12 March: nothing is overdue yet; the return is recorded with a note.
    back = datetime(2026, 3, 12, 3, 0, tzinfo=UTC)
    listed = borrower(store, "คืนทรัพย์สิน", back)
    assert "1. เครื่องฉายภาพ เลขที่ 7430-001-0001 ยืมโดย สมหญิง ใจดี 11 มี.ค. 69 – 13 มี.ค. 69" in listed
    assert "เกินกำหนดคืน" not in listed
    assert "สภาพทรัพย์สิน" in borrower(store, "1", back)
    assert "สภาพเมื่อคืน: ครบถ้วน ใช้งานได้" in borrower(store, "ครบถ้วน ใช้งานได้", back)
    assert "บันทึกการคืนเครื่องฉายภาพ" in borrower(store, "ยืนยัน", back)
    loan = store.assets.loans[0]
    assert (loan.status, loan.returned_on, loan.return_note) == (
        RETURNED,
        date(2026, 3, 12),
        "ครบถ้วน ใช้งานได้",
    )


def test_an_overdue_loan_is_flagged_when_the_borrower_comes_back() -> None:
    store = office()
    for text in ("ยืมทรัพย์สิน", "2", "วันนี้", "พรุ่งนี้", "อบรม", "ยืนยัน"):
        borrower(store, text)
    head(store, "อนุมัติการยืม 1")
    later = datetime(2026, 3, 15, 3, 0, tzinfo=UTC)  # due 11 March
    started = borrower(store, "ยืมทรัพย์สิน", later)
    assert "ท่านมีทรัพย์สินที่เกินกำหนดคืน" in started
    assert (
        "เครื่องฉายภาพ เลขที่ 7430-001-0001 ยืมโดย สมหญิง ใจดี 10 มี.ค. 69 – 11 มี.ค. 69 ⚠ เกินกำหนดคืน"
        in started
    )
    borrower(store, "ยกเลิก", later)
    assert "⚠ เกินกำหนดคืน" in borrower(store, "คืนทรัพย์สิน", later)
    borrower(store, "1", later)
    borrower(store, "ข้าม", later)
    assert "(เกินกำหนดคืน 11 มีนาคม 2569)" in borrower(store, "ยืนยัน", later)


def test_someone_who_is_not_the_head_cannot_approve_and_citizens_are_refused() -> None:
    store = office()
    for text in ("ยืมทรัพย์สิน", "2", "วันนี้", "พรุ่งนี้", "อบรม", "ยืนยัน"):
        borrower(store, text)
    other = "\n".join(r.text for r in say(store, "อนุมัติการยืม 1", OTHER, "U-other"))
    assert "หัวหน้าหน่วยงานหรือผู้ดูแลระบบ" in other
    assert store.assets.loans[0].status == REQUESTED
    citizen = "\n".join(r.text for r in say(store, "ยืมทรัพย์สิน", Actor(), "U-citizen"))
    assert "สำหรับเจ้าหน้าที่ของสำนักงานที่ลงทะเบียนบัญชีแล้วเท่านั้น" in citizen


def test_dates_taken_meanwhile_are_asked_again_and_the_rest_is_kept() -> None:
    store = office()
    for text in ("ยืมทรัพย์สิน", "2", "วันนี้", "พรุ่งนี้", "อบรม"):
        borrower(store, text)
    # Someone else's loan of the same asset is approved before the confirmation.
    for text in ("ยืมทรัพย์สิน", "2", "วันนี้", "วันนี้", "ประชุม", "ยืนยัน"):
        say(store, text, OTHER, "U-other")
    head(store, "อนุมัติการยืม 1")
    refused = borrower(store, "ยืนยัน")
    assert "ส่งคำขอไม่สำเร็จ: ทรัพย์สินนี้มีผู้ยืม (สมศักดิ์ รักงาน)" in refused
    assert "เริ่มยืมวันที่" in refused
    borrower(store, "พรุ่งนี้")
    summary = borrower(store, "12 มี.ค. 2569")
    assert "วัตถุประสงค์: อบรม" in summary  # kept
    assert "ส่งคำขอยืมเลขที่ 2" in borrower(store, "ยืนยัน")
