"""A drafted starting text for each issue's analysis paragraph, written from the scores in
the register of the seeds' analyses (seed 004: "... ได้รับคะแนน ๘๘.๒๙ คะแนน จึงควรพัฒนา
ปรับปรุงให้ดียิ่งขึ้นต่อไป"). The admin edits it; it only states what the scores say."""

from __future__ import annotations

from decimal import Decimal

from handlers.ita.analysis import Analysis, IssueResult, ItemResult

INSTRUMENT_NAMES = {
    "IIT": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)",
    "EIT": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)",
    "OIT": "แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT)",
}


def points(value: Decimal) -> str:
    return f"{value:.2f}"


def draft_paragraph(issue: IssueResult, analysis: Analysis) -> str:
    """Which items fall below the threshold and by how much, which stand, and the change
    since last year; empty when the issue has no score yet."""
    scored = [i for i in issue.items if i.score is not None]
    if not scored:
        return ""
    threshold = analysis.threshold
    sentences = [f"จากผลการประเมินปีงบประมาณ พ.ศ. {analysis.year} ประเด็นที่ {issue.no} {issue.title}"]
    flagged = issue.flagged
    if flagged:
        sentences.append(
            f"มีข้อที่ต้องปรับปรุง {len(flagged)} ข้อ ได้แก่ "
            + " ".join(_weak(i, threshold) for i in flagged)
        )
        zeros = [i.code for i in flagged if i.instrument == "OIT" and i.score == 0]
        if zeros:
            sentences.append(
                f"ข้อ {' '.join(zeros)} ของ{INSTRUMENT_NAMES['OIT']} ได้ 0 คะแนน"
                " จึงควรปรับปรุงการเปิดเผยข้อมูลดังกล่าวโดยเร่งด่วน"
            )
    else:
        sentences.append(f"ทุกข้อที่มีคะแนนได้ตั้งแต่ {points(threshold)} คะแนนขึ้นไป")
    sentences.extend(_by_instrument(issue, threshold))
    sentences.extend(_change(issue, analysis.previous_year))
    return " ".join(sentences)


def _weak(item: ItemResult, threshold: Decimal) -> str:
    score = item.score if item.score is not None else Decimal(0)
    short = threshold - score
    gap = f" ต่ำกว่าเกณฑ์ {points(short)} คะแนน" if short > 0 else ""
    return f"{item.code} {item.title} ได้ {points(score)} คะแนน{gap}".replace("  ", " ")


def _by_instrument(issue: IssueResult, threshold: Decimal) -> list[str]:
    """For each instrument whose items all pass: its lowest score, to keep the standard."""
    out = []
    for instrument, name in INSTRUMENT_NAMES.items():
        items = [i for i in issue.by_instrument(instrument) if i.score is not None]
        if not items or any(i.flagged for i in items):
            continue
        low = min(items, key=lambda i: i.score or Decimal(0))
        if all(i.score == 100 for i in items):
            out.append(f"ข้อของ{name} ในประเด็นนี้ได้ 100 คะแนนทุกข้อ จึงควรรักษามาตรฐานดังกล่าวไว้")
        else:
            out.append(
                f"ข้อของ{name} ในประเด็นนี้ได้ตั้งแต่ {points(threshold)} คะแนนขึ้นไป"
                f" ต่ำสุดคือ {low.code} ได้ {points(low.score or Decimal(0))} คะแนน"
                " จึงควรพัฒนาให้ดียิ่งขึ้นต่อไป"
            )
    return out


def _change(issue: IssueResult, previous_year: int) -> list[str]:
    changed = [i for i in issue.items if i.change is not None and i.change != 0]
    compared = [i for i in issue.items if i.change is not None]
    if not compared:
        return []
    if not changed:
        return [f"เมื่อเทียบกับปี พ.ศ. {previous_year} คะแนนทุกข้อที่เทียบได้เท่าเดิม"]
    down = [i for i in changed if i.change is not None and i.change < 0]
    up = [i for i in changed if i.change is not None and i.change > 0]
    parts = []
    if down:
        parts.append("ลดลง " + " ".join(f"{i.code} ({_signed(i)})" for i in down))
    if up:
        parts.append("เพิ่มขึ้น " + " ".join(f"{i.code} ({_signed(i)})" for i in up))
    return [f"เมื่อเทียบกับปี พ.ศ. {previous_year} คะแนน" + " และ".join(parts) + " คะแนน"]


def _signed(item: ItemResult) -> str:
    change = item.change or Decimal(0)
    return f"{'+' if change > 0 else ''}{points(change)}"
