"""“สรุป”: an admin or executive linked in LINE gets the fiscal year's key figures as a card.
Anyone else is politely told it is not for them (the figures are the office's own)."""

from __future__ import annotations

from typing import Any

from handlers.clock import local_date
from handlers.complaints.domain import OPEN_STATUSES
from handlers.conversations.menu import MENU
from handlers.conversations.messages import Inbound, Reply
from handlers.conversations.session import Context, Outcome
from handlers.summaries import summary
from handlers.thai.dates import fiscal_year, format_thai_datetime

WORD = "สรุป"
ALLOWED = ("admin", "executive")
BRAND = "#0b6e4f"


def _summary(ctx: Context, msg: Inbound, text: str) -> Outcome:
    if ctx.actor.role not in ALLOWED:
        return Outcome(
            [
                Reply(
                    "ขออภัยครับ “สรุป” ใช้ได้เฉพาะผู้บริหารและผู้ดูแลระบบที่เชื่อมบัญชี LINE "
                    "กับระบบแล้ว หากต้องการบริการอื่น เลือกจากเมนูด้านล่างได้เลยครับ",
                    MENU,
                )
            ],
            None,
        )
    fy = fiscal_year(local_date(ctx.now))
    data = summary(ctx.store, fy, ctx.now)
    rows = figures(data)
    title = f"สรุปภาพรวม ปีงบประมาณ พ.ศ. {fy}"
    text = "\n".join([title, *(f"{k}: {v}" for k, v in rows)])
    return Outcome([Reply(text, flex=flex_card(title, rows, ctx))], None)


def figures(data: dict[str, Any]) -> list[tuple[str, str]]:
    """The key figures as (label, value) lines; sections not present are left out."""
    c = data["complaints"]
    by = c.get("by_status", {})
    open_ = sum(by.get(s.value, 0) for s in OPEN_STATUSES)
    median = c.get("median_days_to_resolve")
    rows = [
        ("เรื่องร้องเรียนทั้งหมด", f"{c['total']:,} เรื่อง"),
        ("กำลังดำเนินการ", f"{open_:,} เรื่อง"),
        ("แล้วเสร็จ", f"{by.get('resolved', 0):,} เรื่อง"),
        ("เกินกำหนด 15 วัน", f"{c.get('overdue', 0):,} เรื่อง"),
        ("แจ้งเบาะแสทุจริต", f"{c.get('corruption', 0):,} เรื่อง"),
        ("แก้ไขเสร็จ (มัธยฐาน)", "-" if median is None else f"{median:g} วัน"),
    ]
    sat = data.get("satisfaction") or {}
    if sat.get("responses"):
        mean = sat.get("mean")
        rows.append(("ความพึงพอใจเฉลี่ย", f"{mean} / 5 ({sat['responses']:,} คน)" if mean else "-"))
    m = data.get("measures") or {}
    if m.get("total"):
        rows.append(("มาตรการเสร็จแล้ว", f"{m.get('completed', 0)} / {m['total']}"))
        rows.append(("ความคืบหน้าเฉลี่ย", f"{m.get('average_percent', 0)}%"))
        if m.get("overdue"):
            rows.append(("มาตรการเลยกำหนด", f"{m['overdue']}"))
    return rows


def flex_card(title: str, rows: list[tuple[str, str]], ctx: Context) -> dict[str, Any]:
    """A LINE Flex bubble: a coloured header and one label/value line per figure."""
    return {
        "type": "bubble",
        "header": {
            "type": "box",
            "layout": "vertical",
            "backgroundColor": BRAND,
            "contents": [
                {"type": "text", "text": title, "color": "#ffffff", "weight": "bold", "wrap": True}
            ],
        },
        "body": {
            "type": "box",
            "layout": "vertical",
            "spacing": "sm",
            "contents": [
                {
                    "type": "box",
                    "layout": "horizontal",
                    "contents": [
                        {
                            "type": "text",
                            "text": k,
                            "size": "sm",
                            "color": "#5b6776",
                            "flex": 5,
                            "wrap": True,
                        },
                        {
                            "type": "text",
                            "text": v,
                            "size": "sm",
                            "align": "end",
                            "flex": 4,
                            "weight": "bold",
                            "wrap": True,
                        },
                    ],
                }
                for k, v in rows
            ],
        },
        "footer": {
            "type": "box",
            "layout": "vertical",
            "contents": [
                {
                    "type": "text",
                    "text": f"ข้อมูล ณ {format_thai_datetime(ctx.now, short=True)}",
                    "size": "xs",
                    "color": "#5b6776",
                }
            ],
        },
    }


INTENTS = {"summary": _summary}
WORDS = {WORD: "summary", "สรุปผล": "summary", "สรุปภาพรวม": "summary"}
