"""The complaint and corruption-report conversation, one function per step."""

from __future__ import annotations

from typing import Any

from handlers.complaints import categories
from handlers.complaints.domain import Location
from handlers.complaints.policy import is_sealed, public_categories, sealed_categories
from handlers.complaints.usecases import (
    MAX_DETAILS,
    MAX_PHOTOS,
    MIN_DETAILS,
    ComplaintDraft,
    clean_phone,
    file_complaint,
)
from handlers.conversations import menu
from handlers.conversations.answers import NO, YES
from handlers.conversations.menu import ANONYMOUS, CANCEL, CONFIRM, EDIT, SKIP
from handlers.conversations.messages import Inbound, QuickReply, Reply, choices
from handlers.conversations.session import Context, Outcome, Session, Step
from handlers.shared import DomainError
from handlers.thai.answers import strip_polite

FLOW = "complaint"
OTHER_CATEGORIES = "หมวดอื่น ๆ"
DONE_PHOTOS = "เสร็จแล้ว"
USE_LINE_NAME = "ใช้ชื่อ LINE"
# Typed at the category step, a sentence this long is a story; shorter, only when the
# classifier is this sure of its category.
STORY_LENGTH = 15
SURE = 0.5

# Only what is true: the content stays sealed, but the case is counted in the published
# statistics of corruption complaints (o29), so the notice says so.
PROTECTION = (
    "🔒 การคุ้มครองผู้แจ้งเบาะแส: เนื้อหาของเรื่องนี้เปิดดูได้เฉพาะเจ้าหน้าที่ผู้รับผิดชอบ"
    "เรื่องร้องเรียนการทุจริตเท่านั้น รายงานที่เผยแพร่นับเพียงจำนวนเรื่อง ไม่เปิดเผยเนื้อหา"
    "หรือผู้แจ้ง และโดยค่าเริ่มต้นจะไม่บันทึกตัวตนของท่าน (ไม่เก็บบัญชี LINE ชื่อ หรือเบอร์โทร) "
    "ท่านติดตามเรื่องได้ด้วยเลขที่เรื่องและรหัสติดตาม"
)

EDIT_FIELDS = {
    "ประเภทเรื่อง": "category",
    "รายละเอียด": "details",
    "รูปภาพ": "photos",
    "สถานที่": "location",
    "ช่องทางติดต่อ": "contact",
}


# --- starting -------------------------------------------------------------------------


def start(ctx: Context, msg: Inbound, *, corruption: bool = False, text: str = "") -> Outcome:
    """Open a complaint; `text` is a free sentence that started it (becomes the details)."""
    if corruption:
        category = sealed_categories()[0].code
        s = Session(FLOW, "details", {"category": category, "anonymous": True})
        if text:
            s.data["details"] = text[:MAX_DETAILS]
        if _has_details(s):
            return _to_photos(s, [Reply(PROTECTION)])
        return Outcome([Reply(PROTECTION), _ask_details(s)], s)
    s = Session(FLOW, "category", {})
    if text:
        s.data["details"] = text[:MAX_DETAILS]
    return Outcome([_ask_category(s, ctx)], s)


def _start_complaint(ctx: Context, msg: Inbound, text: str) -> Outcome:
    return start(ctx, msg, text=text)


def _start_corruption(ctx: Context, msg: Inbound, text: str) -> Outcome:
    return start(ctx, msg, corruption=True, text=text)


INTENTS = {"complaint": _start_complaint, "corruption": _start_corruption}
WORDS = {
    "ร้องเรียน": "complaint",
    "ร้องทุกข์": "complaint",
    menu.COMPLAINT: "complaint",
    menu.CORRUPTION: "corruption",
    "แจ้งทุจริต": "corruption",
}


# --- category --------------------------------------------------------------------------


def _ask_category(s: Session, ctx: Context, show_all: bool = False) -> Reply:
    suggested = [] if show_all else _suggestions(s, ctx)
    if suggested:
        s.data["suggested"] = suggested
        names = [categories.by_code()[c].name_th for c in suggested]
        return Reply(
            f"เรื่องนี้น่าจะเป็นเรื่อง “{names[0]}” ใช่หรือไม่ครับ เลือกประเภทที่ตรงที่สุด",
            choices(*names, OTHER_CATEGORIES, CANCEL),
        )
    s.data.pop("suggested", None)
    names = [c.name_th for c in public_categories()]
    return Reply("เรื่องที่ต้องการแจ้งเป็นเรื่องประเภทใดครับ", choices(*names, CANCEL))


def _suggestions(s: Session, ctx: Context) -> list[str]:
    details = s.data.get("details", "")
    if not details or ctx.suggest is None:
        return []
    ranked = [code for code, _ in ctx.suggest(details)]
    public = {c.code for c in public_categories()}
    return [c for c in ranked if c in public][:3]


def on_category(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    text = msg.text.strip()
    if msg.kind == "location" and msg.latitude is not None:
        # Sent before the category: it is the complaint's place; the question comes again.
        _keep_location(s, msg)
        reask = _ask_category(s, ctx, show_all="suggested" not in s.data)
        return Outcome([Reply("ได้รับตำแหน่งแล้วครับ"), reask], s)
    if msg.kind in ("text", "postback") and text == OTHER_CATEGORIES:
        return Outcome([_ask_category(s, ctx, show_all=True)], s)
    chosen = categories.match(text) if msg.kind in ("text", "postback") else None
    if chosen is None and msg.kind == "text" and s.data.get("suggested"):
        # "ใช่ค่ะ" answers "น่าจะเป็นเรื่อง … ใช่หรือไม่"; "ไม่ใช่" asks for the full list.
        said = strip_polite(text).casefold()
        if said in YES:
            chosen = categories.by_code()[s.data["suggested"][0]]
        elif said in NO:
            return Outcome([_ask_category(s, ctx, show_all=True)], s)
    if chosen is None and msg.kind == "text" and _is_story(text, ctx):
        return _story_at_category(s, text, ctx)
    if chosen is None:
        reask = _ask_category(s, ctx, show_all="suggested" not in s.data)
        return Outcome([Reply("กรุณาเลือกประเภทเรื่องจากปุ่มด้านล่างครับ"), reask], s)
    if is_sealed(chosen.code):
        s.data.update(category=chosen.code, anonymous=True)
        return _after(s, "category", [Reply(PROTECTION)])
    s.data["category"] = chosen.code
    return _after(s, "category")


def _is_story(text: str, ctx: Context) -> bool:
    """Thai words that tell what happened, typed where a category was asked: a sentence, or
    a few words the classifier is sure about ("น้ำไม่ไหล"); "ไม่แน่ใจ" is neither."""
    bare = strip_polite(text)
    if len(bare) < MIN_DETAILS or not any("\u0e01" <= ch <= "\u0e2e" for ch in bare):
        return False
    if len(bare) >= STORY_LENGTH:
        return True
    ranked = ctx.suggest(bare) if ctx.suggest is not None else []
    return bool(ranked) and ranked[0][1] >= SURE


def _story_at_category(s: Session, text: str, ctx: Context) -> Outcome:
    """The story is kept as the details and the categories it suggests are offered."""
    before = s.data.get("details", "").strip()
    s.data["details"] = (f"{before}\n{text}" if before else text)[:MAX_DETAILS]
    return Outcome(
        [Reply("รับรายละเอียดของเรื่องไว้แล้วครับ"), _ask_category(s, ctx)],
        s,
    )


def _sealed(s: Session) -> bool:
    """A whistleblower's report: protected wording, no LINE name, no change of category."""
    return is_sealed(s.data.get("category", ""))


# --- details ---------------------------------------------------------------------------


def _ask_details(s: Session) -> Reply:
    if _sealed(s):
        return Reply(
            "กรุณาเล่าเรื่องที่พบ: ใคร ทำอะไร ที่ไหน เมื่อไร (ไม่ต้องระบุชื่อตัวเอง)",
            choices(CANCEL),
        )
    return Reply("กรุณาเล่ารายละเอียดของเรื่อง เช่น เกิดอะไรขึ้น ที่ไหน ตั้งแต่เมื่อไร", choices(CANCEL))


def on_details(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    if msg.kind != "text":
        return Outcome([Reply("กรุณาพิมพ์รายละเอียดเป็นข้อความครับ"), _ask_details(s)], s)
    text = msg.text.strip()
    if len(text) < MIN_DETAILS:
        return Outcome([Reply("รายละเอียดสั้นเกินไป กรุณาเล่าเพิ่มอีกนิดครับ"), _ask_details(s)], s)
    if len(text) > MAX_DETAILS:
        return Outcome([Reply(f"ข้อความยาวเกิน {MAX_DETAILS} ตัวอักษร กรุณาสรุปให้สั้นลงครับ")], s)
    s.data["details"] = text
    return _after(s, "details")


# --- photos ----------------------------------------------------------------------------


def _ask_photos(s: Session) -> Reply:
    n = len(s.data.get("photos", []))
    head = f"ได้รับรูปที่ {n} แล้ว " if n else ""
    return Reply(
        f"{head}ส่งรูปถ่ายประกอบได้อีก {MAX_PHOTOS - n} รูป หรือกด “{SKIP if not n else DONE_PHOTOS}”",
        (
            QuickReply("ถ่ายรูป", kind="camera"),
            QuickReply("เลือกรูป", kind="camera_roll"),
            *choices(DONE_PHOTOS if n else SKIP, CANCEL),
        ),
    )


def _to_photos(s: Session, before: list[Reply]) -> Outcome:
    s.step = "photos"
    return Outcome([*before, _ask_photos(s)], s)


def on_photos(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    photos: list[str] = s.data.setdefault("photos", [])
    if msg.kind == "image":
        if not msg.image_path:
            reason = msg.image_error or "รับรูปไม่สำเร็จ"
            return Outcome([Reply(f"{reason} กรุณาลองส่งใหม่ครับ"), _ask_photos(s)], s)
        photos.append(msg.image_path)
        if len(photos) >= MAX_PHOTOS:
            return _after(s, "photos", [Reply(f"ได้รับรูปครบ {MAX_PHOTOS} รูปแล้วครับ")])
        return Outcome([_ask_photos(s)], s)
    if msg.kind in ("text", "postback") and msg.text.strip() in (SKIP, DONE_PHOTOS, "เสร็จ"):
        return _after(s, "photos")
    return Outcome([Reply("ส่งเป็นรูปภาพ หรือกดปุ่มด้านล่างครับ"), _ask_photos(s)], s)


# --- location --------------------------------------------------------------------------


def _ask_location(s: Session) -> Reply:
    return Reply(
        "ระบุสถานที่เกิดเหตุ: กด “ส่งตำแหน่ง” พิมพ์ชื่อสถานที่ หรือกด “ข้าม”",
        (QuickReply("ส่งตำแหน่ง", kind="location"), *choices(SKIP, CANCEL)),
    )


def _keep_location(s: Session, msg: Inbound) -> None:
    s.data["location"] = {
        "latitude": msg.latitude,
        "longitude": msg.longitude,
        "address": msg.address[:300],
    }


def on_location(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    if msg.kind == "location" and msg.latitude is not None:
        _keep_location(s, msg)
        return _after(s, "location")
    if msg.kind in ("text", "postback"):
        text = msg.text.strip()
        if text == SKIP:
            s.data.pop("location", None)
            return _after(s, "location")
        if len(text) >= 3:
            s.data["location"] = {"latitude": None, "longitude": None, "address": text[:300]}
            return _after(s, "location")
    return Outcome([Reply("ยังไม่ได้รับตำแหน่งครับ"), _ask_location(s)], s)


# --- contact ---------------------------------------------------------------------------


def _ask_contact(s: Session) -> Reply:
    if _sealed(s):
        return Reply(
            "ต้องการให้เจ้าหน้าที่ติดต่อกลับแบบปกปิดหรือไม่ หากต้องการ พิมพ์เบอร์โทรศัพท์ "
            f"หากไม่ต้องการ กด “{ANONYMOUS}” (แนะนำ)",
            choices(ANONYMOUS, CANCEL),
        )
    return Reply(
        f"พิมพ์เบอร์โทรศัพท์เพื่อให้เจ้าหน้าที่ติดต่อกลับ (ไม่บังคับ) หรือกด “{USE_LINE_NAME}” หรือ “{ANONYMOUS}”",
        choices(USE_LINE_NAME, ANONYMOUS, CANCEL),
    )


def on_contact(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    if msg.kind not in ("text", "postback"):
        return Outcome([_ask_contact(s)], s)
    text = msg.text.strip()
    if text == ANONYMOUS:
        s.data.update(anonymous=True, phone="", contact_name="")
        return _after(s, "contact")
    if text in (USE_LINE_NAME, SKIP) and not _sealed(s):
        s.data.update(anonymous=False, phone="", contact_name=msg.display_name)
        return _after(s, "contact")
    phone = clean_phone(text)
    if phone is None:
        return Outcome(
            [Reply("เบอร์โทรศัพท์ไม่ถูกต้อง กรุณาพิมพ์เป็นตัวเลข เช่น 0812345678"), _ask_contact(s)],
            s,
        )
    # A whistleblower who leaves a number gives that number only, not their LINE name.
    name = "" if _sealed(s) else msg.display_name
    s.data.update(anonymous=False, phone=phone, contact_name=name)
    return _after(s, "contact")


# --- confirm and edit ------------------------------------------------------------------


def summary_text(data: dict[str, Any]) -> str:
    cat = categories.get(data.get("category", ""))
    loc = data.get("location") or {}
    if data.get("anonymous"):
        contact = "ไม่ระบุตัวตน (ติดตามเรื่องด้วยเลขเรื่องและรหัสติดตาม)"
    else:
        contact = " ".join(x for x in (data.get("contact_name", ""), data.get("phone", "")) if x)
    place = loc.get("address") or (
        f"พิกัด {loc['latitude']:.5f}, {loc['longitude']:.5f}" if loc.get("latitude") else "-"
    )
    return "\n".join(
        [
            "สรุปเรื่องที่จะแจ้ง",
            f"ประเภท: {cat.name_th if cat else '-'}",
            f"รายละเอียด: {data.get('details', '')}",
            f"รูปภาพ: {len(data.get('photos', []))} รูป",
            f"สถานที่: {place}",
            f"ติดต่อกลับ: {contact or 'ชื่อ LINE'}",
        ]
    )


def _ask_confirm(s: Session) -> Reply:
    return Reply(summary_text(s.data) + "\n\nกด “ยืนยัน” เพื่อส่งเรื่อง", choices(CONFIRM, EDIT, CANCEL))


def on_confirm(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    text = msg.text.strip() if msg.kind in ("text", "postback") else ""
    if text == EDIT:
        s.step = "edit"
        return Outcome([Reply("ต้องการแก้ไขส่วนใดครับ", choices(*EDIT_FIELDS, CANCEL))], s)
    if text != CONFIRM:
        return Outcome([Reply("กรุณากด “ยืนยัน” “แก้ไข” หรือ “ยกเลิก” ครับ"), _ask_confirm(s)], s)
    return _file(s, msg, ctx)


def on_edit(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    field_step = EDIT_FIELDS.get(msg.text.strip()) if msg.kind in ("text", "postback") else None
    if field_step is None:
        return Outcome([Reply("กรุณาเลือกส่วนที่ต้องการแก้ไข", choices(*EDIT_FIELDS, CANCEL))], s)
    if field_step == "category" and _sealed(s):
        return Outcome(
            [Reply("เรื่องแจ้งเบาะแสทุจริตเปลี่ยนประเภทไม่ได้ครับ", choices(*EDIT_FIELDS, CANCEL))],
            s,
        )
    s.data["editing"] = True
    s.step = field_step
    if field_step == "photos":
        s.data["photos"] = []
    return Outcome([ASK[field_step](s) if field_step != "category" else _ask_category(s, ctx)], s)


def _file(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    d = s.data
    loc = d.get("location")
    anonymous = bool(d.get("anonymous"))
    sealed = is_sealed(d.get("category", ""))
    draft = ComplaintDraft(
        category=d.get("category", ""),
        details=d.get("details", ""),
        photos=list(d.get("photos", [])),
        location=Location(loc["latitude"], loc["longitude"], loc["address"]) if loc else None,
        contact_name=d.get("contact_name", ""),
        phone=d.get("phone", ""),
        anonymous=anonymous,
        # An anonymous reporter, or a whistleblower even when they leave a phone number,
        # is not linked to their chat account at all.
        line_user_id=None if anonymous or sealed else msg.user_id,
    )
    try:
        filed = file_complaint(ctx.store, draft, ctx.channel, ctx.now)
    except DomainError as e:
        s.step = "edit"
        return Outcome([Reply(f"ยังส่งเรื่องไม่ได้: {e}", choices(*EDIT_FIELDS, CANCEL))], s)
    c = filed.complaint
    lines = [
        "ได้รับเรื่องของท่านแล้ว ขอบคุณครับ",
        f"เลขที่เรื่อง: {c.case_number}",
        f"รหัสติดตาม: {filed.secret_code}",
        "เก็บเลขที่เรื่องและรหัสติดตามไว้ เพื่อติดตามผลทางไลน์ (พิมพ์เลขที่เรื่องตามด้วยรหัส) หรือที่หน้าเว็บ “ติดตามเรื่อง”",
        "สำนักงานจะแจ้งผลการดำเนินการภายใน 15 วัน",
    ]
    return Outcome([Reply("\n".join(lines))], None)


# --- moving between steps ----------------------------------------------------------------

ORDER = ["category", "details", "photos", "location", "contact", "confirm"]

ASK = {
    "details": _ask_details,
    "photos": _ask_photos,
    "location": _ask_location,
    "contact": _ask_contact,
    "confirm": _ask_confirm,
}


def _after(s: Session, step: str, before: list[Reply] | None = None) -> Outcome:
    """Go to the next step that still needs an answer (back to the summary when editing)."""
    before = before or []
    if s.data.pop("editing", False) and s.data.get("details"):
        nxt = "confirm"
    else:
        nxt = ORDER[ORDER.index(step) + 1]
        if nxt == "details" and _has_details(s):
            nxt = "photos"
        if nxt == "location" and s.data.get("location"):  # sent earlier, at the category
            nxt = "contact"
    s.step = nxt
    return Outcome([*before, ASK[nxt](s)], s)


def _has_details(s: Session) -> bool:
    """A sentence that started the conversation counts as the details only if long enough."""
    return len(s.data.get("details", "").strip()) >= MIN_DETAILS


STEPS: dict[str, Step] = {
    "category": on_category,
    "details": on_details,
    "photos": on_photos,
    "location": on_location,
    "contact": on_contact,
    "confirm": on_confirm,
    "edit": on_edit,
}
