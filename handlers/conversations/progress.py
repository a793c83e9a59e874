"""“รายงานความคืบหน้า”: a staff member reports progress on one of their unit's measures,
or on an item of the office's other plans (operating, anti-corruption) of the same year.

Guided: pick a measure → percent done or status → what was done → outcome → photos as
evidence (optional) → confirm. Or in one line: "มาตรการ ๓ ๖๐% จัดอบรมแล้ว ๔๕ คน", matched
to a measure by number or by title; when the title match is unsure the best three are
offered, never a silent guess. "มาตรการ 3" is always integrity measure 3; an item of
another plan is named with its plan ("แผนดำเนินงาน 3"), and a bare number that fits items
of several plans is asked about. One function per step.
"""

from __future__ import annotations

import re

from handlers.conversations.menu import CANCEL, CONFIRM, EDIT, SKIP
from handlers.conversations.messages import Inbound, QuickReply, Reply, choices
from handlers.conversations.register import measure_line, measures_of
from handlers.conversations.session import Context, Outcome, Session, Step
from handlers.conversations.staff import PROGRESS, is_staff, refusal, staff_menu
from handlers.ita.catalogue import PLAN_INTEGRITY
from handlers.measures.domain import Measure, ProgressUpdate
from handlers.measures.matching import match_title, parse_free_form
from handlers.measures.plans import BUTTON_TAGS, item_label, item_name, parse_item_ref
from handlers.measures.usecases import MAX_PHOTOS, Work, my_work, record_progress
from handlers.thai.digits import thai_to_arabic
from handlers.thai.numbers import parse_percent

FLOW = "progress"
FINISHED = "เสร็จแล้ว 100%"
NOT_STARTED = "ยังไม่เริ่ม"
DONE_PHOTOS = "เสร็จแล้ว"
MIN_TEXT = 3
MAX_CHOICES = 12  # LINE shows 13 quick replies; one is ยกเลิก

_BARE_PERCENT = re.compile(r"^(\d{1,3})(?:\.\d+)?\s*$")


# --- starting -------------------------------------------------------------------------


def start(ctx: Context, msg: Inbound, text: str) -> Outcome:
    if not is_staff(ctx):
        return refusal()
    work = my_work(measures_of(ctx), ctx.actor.unit, ctx.now)
    if not work.measures:
        unit = ctx.actor.unit or "หน่วยงานของท่าน"
        return Outcome([staff_menu(f"ยังไม่มีมาตรการที่{unit}รับผิดชอบในระบบครับ")], None)
    s = Session(FLOW, "pick", {"fiscal_year": work.fiscal_year, "labelled": work.several_plans})
    form = parse_free_form(msg.text)
    # A one-line report goes straight to the summary once its measure is known.
    s.data["quick"] = form.percent is not None and bool(form.done)
    if form.percent is not None:
        s.data["percent"] = form.percent
    if form.number is not None:
        chosen = _numbered(work.measures, form.plan, form.number)
        if form.done:
            s.data["done"] = form.done
        if chosen is None:
            return _not_mine(s, ctx, form.plan, form.number, work)
        return _chosen(s, chosen)
    if form.done:
        found = match_title(form.done, work.measures)
        s.data["done"] = form.done
        if found.measure is not None:
            return _chosen(s, found.measure)
        return _offer(s, found.candidates, f"ไม่แน่ใจว่าเป็น{_noun(s)}ใด กรุณาเลือก{_noun(s)}ที่ตรงที่สุดครับ")
    return _offer(s, work.measures, f"รายงานความคืบหน้า{_noun(s)}ใดครับ")


def _noun(s: Session) -> str:
    """What the items are called: measures, or items of several plans."""
    return "รายการ" if s.data.get("labelled") else "มาตรการ"


def _numbered(measures: list[Measure], plan: str, number: int) -> Measure | None:
    return next((m for m in measures if m.plan == plan and m.no == number), None)


def _not_mine(s: Session, ctx: Context, plan: str, number: int, work: Work) -> Outcome:
    year = s.data["fiscal_year"]
    other = measures_of(ctx).find_measure(year, number, plan)
    name = item_name(plan, number)
    if other is not None:
        head = f"{name} ไม่ได้อยู่ในความรับผิดชอบของ{ctx.actor.unit or 'หน่วยงานของท่าน'}ครับ"
    else:
        head = f"ไม่พบ{name} ในปีงบประมาณ พ.ศ. {year} ครับ"
    return _offer(s, work.measures, head + f" กรุณาเลือก{_noun(s)}ของหน่วยงาน")


# --- picking a measure -----------------------------------------------------------------


def _button(m: Measure, labelled: bool) -> QuickReply:
    # A button carries the number only (a title cut to LINE's 20 characters would end
    # mid-word); the message above it lists each number with its full title. What it sends
    # names the plan, so the pick is never ambiguous.
    tag = BUTTON_TAGS.get(m.plan, "") if labelled else BUTTON_TAGS[PLAN_INTEGRITY]
    return QuickReply(label=f"{tag} {m.no}", text=item_label(m.plan, m.no))


def _offer(s: Session, measures: list[Measure], head: str) -> Outcome:
    s.step = "pick"
    labelled = bool(s.data.get("labelled"))
    s.data["offered"] = [m.id for m in measures[:MAX_CHOICES]]
    lines = [head, *(measure_line(m, False, labelled, full=True) for m in measures)]
    if len(measures) > MAX_CHOICES:
        lines.append(f"พิมพ์เลข{_noun(s)}ที่ต้องการได้เลยครับ")
    buttons = tuple(_button(m, labelled) for m in measures[:MAX_CHOICES])
    return Outcome([Reply("\n".join(lines), (*buttons, *choices(CANCEL)))], s)


def on_pick(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    work = my_work(measures_of(ctx), ctx.actor.unit, ctx.now)
    text = thai_to_arabic(msg.text.strip()) if msg.kind in ("text", "postback") else ""
    if not text:
        return _offer(s, work.measures, f"กรุณาเลือก{_noun(s)}จากปุ่มด้านล่าง หรือพิมพ์เลข{_noun(s)}ครับ")
    ref = parse_item_ref(text)
    if ref is not None and ref.plan is not None:
        # A whole one-line report typed instead of picking keeps its percent and text.
        form = parse_free_form(msg.text)
        if form.percent is not None and form.done:
            s.data.update(percent=form.percent, done=form.done, quick=True)
        chosen = _numbered(work.measures, ref.plan, ref.no)
        if chosen is None:
            return _not_mine(s, ctx, ref.plan, ref.no, work)
        return _chosen(s, chosen)
    if ref is not None:
        # A bare number: an item of whichever plan has it, asked about when several do.
        same = [m for m in work.measures if m.no == ref.no]
        if len(same) == 1:
            return _chosen(s, same[0])
        if not same:
            return _not_mine(s, ctx, PLAN_INTEGRITY, ref.no, work)
        return _offer(s, same, f"เลข {ref.no} มีในหลายแผน กรุณาเลือกจากปุ่มด้านล่างครับ")
    found = match_title(text, work.measures)
    if found.measure is not None:
        return _chosen(s, found.measure)
    return _offer(s, found.candidates, f"ไม่แน่ใจว่าเป็น{_noun(s)}ใด กรุณาเลือกจากปุ่มด้านล่างครับ")


def _chosen(s: Session, m: Measure) -> Outcome:
    s.data.pop("offered", None)
    name = item_name(m.plan, m.no)
    s.data.update(measure_id=m.id, measure_no=m.no, measure_title=m.short_title, measure_name=name)
    s.data.setdefault("previous_percent", m.percent)
    head = Reply(f"{name}: {m.short_title}\nความคืบหน้าล่าสุด {m.percent}%")
    if s.data.get("quick") and "percent" in s.data and s.data.get("done"):
        s.step = "confirm"
        return Outcome([_ask_confirm(s)], s)
    return _next(s, [head])


# --- percent or status -----------------------------------------------------------------


def _ask_percent(s: Session) -> Reply:
    return Reply(
        "ดำเนินการไปแล้วร้อยละเท่าใดครับ (พิมพ์ตัวเลข 0-100 เช่น 60)",
        choices("25%", "50%", "75%", FINISHED, NOT_STARTED, CANCEL),
    )


def read_percent(text: str) -> int | None:
    """60, "60%", "ร้อยละ ๖๐", "เสร็จแล้ว" (100), "ยังไม่เริ่ม" (0); None when not one."""
    cleaned = thai_to_arabic(text.strip())
    if cleaned in (FINISHED, "เสร็จแล้ว", "เสร็จ", "แล้วเสร็จ", "100%"):
        return 100
    if cleaned in (NOT_STARTED, "ยังไม่ได้เริ่ม", "ยังไม่ดำเนินการ"):
        return 0
    bare = _BARE_PERCENT.match(cleaned)
    if bare:
        value = round(float(cleaned))
        return value if 0 <= value <= 100 else None
    return parse_percent(cleaned)


def on_percent(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    value = read_percent(msg.text) if msg.kind in ("text", "postback") else None
    if value is None:
        return Outcome(
            [Reply("กรุณาตอบเป็นตัวเลข 0 ถึง 100 เช่น 60% หรือกดปุ่มด้านล่างครับ"), _ask_percent(s)], s
        )
    s.data["percent"] = value
    return _next(s, [])


# --- what was done, and what came of it ------------------------------------------------


def _ask_done(s: Session) -> Reply:
    return Reply(
        "ดำเนินการอะไรไปแล้วบ้างครับ เช่น “จัดอบรมคุณธรรมเจ้าหน้าที่ 45 คน เมื่อ 15 ม.ค.”",
        choices(CANCEL),
    )


def on_done(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    text = msg.text.strip() if msg.kind == "text" else ""
    if len(text) < MIN_TEXT:
        return Outcome([Reply("กรุณาเล่าสิ่งที่ดำเนินการเป็นข้อความสั้น ๆ ครับ"), _ask_done(s)], s)
    s.data["done"] = text
    return _next(s, [])


def _ask_outcome(s: Session) -> Reply:
    return Reply(
        "ผลลัพธ์ที่เกิดขึ้นคืออะไรครับ เช่น “เจ้าหน้าที่ผ่านการประเมินร้อยละ 90” หรือกด “ข้าม”",
        choices(SKIP, CANCEL),
    )


def on_outcome(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    text = msg.text.strip() if msg.kind in ("text", "postback") else ""
    if text == SKIP:
        s.data["outcome"] = ""
    elif len(text) >= MIN_TEXT:
        s.data["outcome"] = text
    else:
        return Outcome([Reply("กรุณาพิมพ์ผลลัพธ์ หรือกด “ข้าม” ครับ"), _ask_outcome(s)], s)
    return _next(s, [])


# --- photos as evidence ----------------------------------------------------------------


def _ask_photos(s: Session) -> Reply:
    n = len(s.data.get("photos", []))
    head = f"ได้รับรูปที่ {n} แล้ว " if n else ""
    return Reply(
        f"{head}ส่งรูปหลักฐานการดำเนินงานได้อีก {MAX_PHOTOS - n} รูป หรือกด “{DONE_PHOTOS if n else SKIP}”",
        (
            QuickReply("ถ่ายรูป", kind="camera"),
            QuickReply("เลือกรูป", kind="camera_roll"),
            *choices(DONE_PHOTOS if n else SKIP, CANCEL),
        ),
    )


def on_photos(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    photos: list[str] = s.data.setdefault("photos", [])
    if msg.kind == "image":
        if not msg.image_path:
            reason = msg.image_error or "รับรูปไม่สำเร็จ"
            return Outcome([Reply(f"{reason} กรุณาลองส่งใหม่ครับ"), _ask_photos(s)], s)
        photos.append(msg.image_path)
        if len(photos) >= MAX_PHOTOS:
            s.data["photos_done"] = True
            return _next(s, [Reply(f"ได้รับรูปครบ {MAX_PHOTOS} รูปแล้วครับ")])
        return Outcome([_ask_photos(s)], s)
    if msg.kind in ("text", "postback") and msg.text.strip() in (SKIP, DONE_PHOTOS, "เสร็จ"):
        s.data["photos_done"] = True
        return _next(s, [])
    return Outcome([Reply("ส่งเป็นรูปภาพ หรือกดปุ่มด้านล่างครับ"), _ask_photos(s)], s)


# --- confirming ------------------------------------------------------------------------


def _name(data: dict[str, object]) -> str:
    # A draft from before there were plans names only its measure's number.
    return str(data.get("measure_name") or f"มาตรการที่ {data.get('measure_no')}")


def summary_text(data: dict[str, object]) -> str:
    photos = data.get("photos") or []
    return "\n".join(
        [
            "สรุปรายงานความคืบหน้า",
            f"{_name(data)}: {data.get('measure_title')}",
            f"ความคืบหน้า: {data.get('percent')}% (เดิม {data.get('previous_percent', 0)}%)",
            f"สิ่งที่ดำเนินการ: {data.get('done')}",
            f"ผลลัพธ์: {data.get('outcome') or '-'}",
            f"รูปหลักฐาน: {len(photos) if isinstance(photos, list) else 0} รูป",
        ]
    )


def _ask_confirm(s: Session) -> Reply:
    return Reply(summary_text(s.data) + "\n\nกด “ยืนยัน” เพื่อบันทึก", choices(CONFIRM, EDIT, CANCEL))


def on_confirm(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    text = msg.text.strip() if msg.kind in ("text", "postback") else ""
    if text == EDIT:
        for key in ("percent", "done", "outcome", "photos", "photos_done"):
            s.data.pop(key, None)
        return _next(s, [Reply("เริ่มกรอกใหม่ตั้งแต่ความคืบหน้าครับ")])
    if text != CONFIRM:
        return Outcome([Reply("กรุณากด “ยืนยัน” “แก้ไข” หรือ “ยกเลิก” ครับ"), _ask_confirm(s)], s)
    if not is_staff(ctx):
        return refusal()
    d = s.data
    update = record_progress(
        measures_of(ctx),
        ProgressUpdate(
            measure_id=int(d["measure_id"]),
            percent=int(d["percent"]),
            done=str(d.get("done", "")),
            outcome=str(d.get("outcome", "")),
            photos=list(d.get("photos", [])),
            staff_id=ctx.actor.staff_id,
            staff_name=ctx.actor.name,
            unit=ctx.actor.unit,
            channel=ctx.channel.value,
            created_at=ctx.now,
        ),
    )
    return Outcome(
        [
            staff_menu(
                f"บันทึกความคืบหน้า{_name(d)} แล้วครับ: {update.percent}% ({update.status.thai}) ขอบคุณครับ"
            )
        ],
        None,
    )


# --- moving between steps ----------------------------------------------------------------


def _next(s: Session, before: list[Reply]) -> Outcome:
    """Ask for the first thing still missing; the summary when nothing is."""
    d = s.data
    if "percent" not in d:
        s.step, ask = "percent", _ask_percent(s)
    elif not d.get("done"):
        s.step, ask = "done", _ask_done(s)
    elif "outcome" not in d:
        s.step, ask = "outcome", _ask_outcome(s)
    elif not d.get("photos_done"):
        s.step, ask = "photos", _ask_photos(s)
    else:
        s.step, ask = "confirm", _ask_confirm(s)
    return Outcome([*before, ask], s)


INTENTS = {"progress": start}
WORDS = {PROGRESS: "progress", "รายงานผล": "progress", "ความคืบหน้า": "progress"}
PREFIXES = {f"{PROGRESS} ": "progress"}
STEPS: dict[str, Step] = {
    "pick": on_pick,
    "percent": on_percent,
    "done": on_done,
    "outcome": on_outcome,
    "photos": on_photos,
    "confirm": on_confirm,
}
