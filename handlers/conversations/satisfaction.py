"""“ประเมินความพึงพอใจ”: rate a service in a few taps; “ประเมินเรื่อง <เลขที่>”: rate how a
complaint was handled. One function per step."""

from __future__ import annotations

from typing import cast

from handlers.complaints.domain import find_case_number
from handlers.conversations.menu import CANCEL, MENU, SATISFACTION, SKIP
from handlers.conversations.messages import LABEL_MAX, Inbound, QuickReply, Reply, choices
from handlers.conversations.session import Context, Outcome, Session, Step
from handlers.satisfaction import services as service_list
from handlers.satisfaction.ports import HasSatisfaction, SatisfactionStore
from handlers.satisfaction.services import Service
from handlers.satisfaction.survey import (
    DIMENSIONS,
    MAX_COMMENT,
    RESPONDENT_FIELDS,
    parse_score,
    score_label,
)
from handlers.satisfaction.usecases import (
    RatingDraft,
    may_rate_case,
    rate_complaint_handling,
    rate_service,
    rated_today,
    respondent_key,
)
from handlers.shared import DomainError

FLOW = "satisfaction"
RATE_CASE = "ประเมินเรื่อง"
MORE = "งานอื่น ๆ"
PAGE = 11  # services per page: LINE shows at most 13 quick replies
SCORES = choices(*(score_label(s) for s in (5, 4, 3, 2, 1)), CANCEL)
ABOUT = list(RESPONDENT_FIELDS)
ABOUT_INTRO = "ขอทราบข้อมูลผู้ตอบเพื่อใช้ในรายงานผล (ไม่บังคับ กด “ข้าม” เพื่อส่งผลประเมินเลย)\n"


def _ratings(ctx: Context) -> SatisfactionStore:
    return cast(HasSatisfaction, ctx.store).satisfaction


def _key(msg: Inbound) -> str:
    return respondent_key("line", msg.user_id)


# --- starting -------------------------------------------------------------------------


def _start(ctx: Context, msg: Inbound, text: str) -> Outcome:
    s = Session(FLOW, "service", {"page": 0})
    open_ = _open_services(ctx, msg)
    if not open_:
        if _ratings(ctx).services():
            words = "วันนี้ท่านประเมินครบทุกงานบริการแล้ว ขอบคุณมากครับ"
        else:
            words = "ขออภัย ยังไม่มีรายการงานบริการให้ประเมิน"
        return Outcome([Reply(words, MENU)], None)
    return Outcome([_ask_service(s, open_)], s)


def _start_case(ctx: Context, msg: Inbound, text: str) -> Outcome:
    number = find_case_number(msg.text) or ""
    if not number:
        return Outcome(
            [Reply(f"กรุณาพิมพ์ “{RATE_CASE}” ตามด้วยเลขที่เรื่อง เช่น {RATE_CASE} 2570-000123", MENU)], None
        )
    problem = may_rate_case(ctx.store, _ratings(ctx), number, msg.user_id)
    if problem:
        return Outcome([Reply(problem, MENU)], None)
    s = Session(FLOW, "case_score", {"case": number})
    return Outcome([_ask_case_score(s)], s)


INTENTS = {"satisfaction": _start, "rate_case": _start_case}
WORDS = {SATISFACTION: "satisfaction", "แบบประเมิน": "satisfaction", "ประเมินบริการ": "satisfaction"}
# Words that start a conversation when a message begins with them.
PREFIXES = {RATE_CASE: "rate_case"}


# --- service ----------------------------------------------------------------------------


def _open_services(ctx: Context, msg: Inbound) -> list[Service]:
    """Active services this user has not rated today (nobody is asked twice a day)."""
    ratings = _ratings(ctx)
    key = _key(msg)
    return [s for s in ratings.services() if not rated_today(ratings, key, s.code, ctx.now)]


def service_label(name: str) -> str:
    """A quick-reply label for a service: without the leading "งาน" when that makes it fit,
    otherwise whole Thai words and an ellipsis (the full name is still what gets sent)."""
    if len(name) <= LABEL_MAX:
        return name
    short = name.removeprefix("งาน")
    if len(short) <= LABEL_MAX:
        return short
    from handlers.thai.tokenize import tokenize

    label = ""
    for word in tokenize(short):
        if len(label + word) > LABEL_MAX - 1:
            break
        label += word
    return (label or short[: LABEL_MAX - 1]) + "…"


def _ask_service(s: Session, open_: list[Service]) -> Reply:
    page = int(s.data.get("page", 0))
    if page * PAGE >= len(open_):
        page = s.data["page"] = 0
    shown = open_[page * PAGE : (page + 1) * PAGE]
    more = (MORE,) if len(open_) > PAGE else ()
    return Reply(
        "ขอบคุณที่สละเวลาประเมินครับ (ใช้เวลาไม่ถึงนาที) วันนี้ท่านรับบริการงานใดครับ",
        (
            *(QuickReply(service_label(x.name), x.name) for x in shown),
            *choices(*more, CANCEL),
        ),
    )


def on_service(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    open_ = _open_services(ctx, msg)
    text = msg.text.strip() if msg.kind in ("text", "postback") else ""
    if text == MORE:
        s.data["page"] = int(s.data.get("page", 0)) + 1
        return Outcome([_ask_service(s, open_)], s)
    chosen = service_list.match(_ratings(ctx).services(), text)
    if chosen is None:
        return Outcome([Reply("กรุณาเลือกงานบริการจากปุ่มด้านล่างครับ"), _ask_service(s, open_)], s)
    if all(x.code != chosen.code for x in open_):
        if not open_:
            return Outcome([Reply("วันนี้ท่านประเมินครบทุกงานบริการแล้ว ขอบคุณมากครับ", MENU)], None)
        return Outcome(
            [
                Reply(f"วันนี้ท่านประเมิน “{chosen.name}” ไปแล้ว ขอบคุณครับ เลือกงานอื่นได้"),
                _ask_service(s, open_),
            ],
            s,
        )
    s.data = {"service": chosen.code, "service_name": chosen.name, "scores": {}}
    s.step = "score"
    return Outcome([_ask_score(s)], s)


# --- scores -----------------------------------------------------------------------------


def _dimension_index(s: Session) -> int:
    return len(s.data.get("scores", {}))


def _ask_score(s: Session) -> Reply:
    i = _dimension_index(s)
    d = DIMENSIONS[i]
    return Reply(f"ข้อ {i + 1}/{len(DIMENSIONS)} {d.name_th}\n{d.question} — พอใจระดับใด", SCORES)


def on_score(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    score = parse_score(msg.text) if msg.kind in ("text", "postback") else None
    if score is None:
        return Outcome([Reply("กรุณาแตะคะแนน 1–5 จากปุ่มด้านล่างครับ"), _ask_score(s)], s)
    scores: dict[str, int] = s.data.setdefault("scores", {})
    scores[DIMENSIONS[_dimension_index(s)].code] = score
    if _dimension_index(s) < len(DIMENSIONS):
        return Outcome([_ask_score(s)], s)
    s.step = "comment"
    return Outcome([_ask_comment()], s)


# --- comment and respondent details ------------------------------------------------------


def _ask_comment() -> Reply:
    return Reply("มีข้อเสนอแนะเพื่อปรับปรุงบริการหรือไม่ครับ พิมพ์มาได้เลย หรือกด “ข้าม”", choices(SKIP, CANCEL))


def _comment_of(msg: Inbound) -> tuple[str | None, str]:
    """(comment, problem): the comment ("" when skipped), or None and a Thai problem."""
    if msg.kind not in ("text", "postback"):
        return None, "กรุณาพิมพ์ข้อเสนอแนะเป็นข้อความ หรือกด “ข้าม” ครับ"
    text = msg.text.strip()
    if text == SKIP:
        return "", ""
    if len(text) > MAX_COMMENT:
        return None, f"ข้อความยาวเกิน {MAX_COMMENT} ตัวอักษร กรุณาสรุปให้สั้นลงครับ"
    return text, ""


def on_comment(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    comment, problem = _comment_of(msg)
    if comment is None:
        return Outcome([Reply(problem), _ask_comment()], s)
    s.data["comment"] = comment
    s.data["about"] = {}
    s.step = "about"
    return Outcome([_ask_about(s)], s)


def _ask_about(s: Session) -> Reply:
    field = ABOUT[len(s.data.get("about", {}))]
    label, options = RESPONDENT_FIELDS[field]
    head = ABOUT_INTRO if field == ABOUT[0] else ""
    return Reply(f"{head}{label}ของท่าน", choices(*options, SKIP, CANCEL))


def on_about(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    about: dict[str, str] = s.data.setdefault("about", {})
    field = ABOUT[len(about)]
    _, options = RESPONDENT_FIELDS[field]
    text = msg.text.strip() if msg.kind in ("text", "postback") else ""
    if text == SKIP:
        return _save(s, msg, ctx)
    chosen = next(
        (o for o in options if text == o or (len(text) >= 4 and o.startswith(text))), None
    )
    if chosen is None:
        return Outcome([Reply("กรุณาเลือกจากปุ่มด้านล่าง หรือกด “ข้าม” ครับ"), _ask_about(s)], s)
    about[field] = chosen
    if len(about) < len(ABOUT):
        return Outcome([_ask_about(s)], s)
    return _save(s, msg, ctx)


def _save(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    about = s.data.get("about", {})
    draft = RatingDraft(
        service_code=s.data["service"],
        scores=dict(s.data.get("scores", {})),
        comment=s.data.get("comment", ""),
        gender=about.get("gender", ""),
        age_band=about.get("age_band", ""),
        occupation=about.get("occupation", ""),
    )
    try:
        rate_service(_ratings(ctx), draft, ctx.channel, ctx.now, _key(msg))
    except DomainError as e:
        return Outcome([Reply(str(e), MENU)], None)
    name = s.data.get("service_name", "")
    return Outcome(
        [
            Reply(
                f"ขอบคุณที่ประเมินความพึงพอใจ “{name}” ครับ 🙏 ความเห็นของท่านช่วยให้สำนักงานปรับปรุงบริการให้ดีขึ้น",
                MENU,
            )
        ],
        None,
    )


# --- a complaint's handling -----------------------------------------------------------------


def _ask_case_score(s: Session) -> Reply:
    return Reply(f"ท่านพึงพอใจต่อการจัดการเรื่องเลขที่ {s.data['case']} ระดับใด", SCORES)


def on_case_score(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    score = parse_score(msg.text) if msg.kind in ("text", "postback") else None
    if score is None:
        return Outcome([Reply("กรุณาแตะคะแนน 1–5 จากปุ่มด้านล่างครับ"), _ask_case_score(s)], s)
    s.data["score"] = score
    s.step = "case_comment"
    return Outcome([_ask_comment()], s)


def on_case_comment(s: Session, msg: Inbound, ctx: Context) -> Outcome:
    comment, problem = _comment_of(msg)
    if comment is None:
        return Outcome([Reply(problem), _ask_comment()], s)
    try:
        rate_complaint_handling(
            ctx.store,
            _ratings(ctx),
            s.data["case"],
            msg.user_id,
            int(s.data["score"]),
            comment,
            ctx.channel,
            ctx.now,
        )
    except DomainError as e:
        return Outcome([Reply(str(e), MENU)], None)
    return Outcome([Reply(f"ขอบคุณที่ประเมินการจัดการเรื่องเลขที่ {s.data['case']} ครับ 🙏", MENU)], None)


STEPS: dict[str, Step] = {
    "service": on_service,
    "score": on_score,
    "comment": on_comment,
    "about": on_about,
    "case_score": on_case_score,
    "case_comment": on_case_comment,
}
