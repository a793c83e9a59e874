"""The integrity measures as published: the register (o42 in 2566: มาตรการส่งเสริมคุณธรรมและ
ความโปร่งใสภายในหน่วยงาน) and the report of what was done on each (o43).

The o43 report shows only what staff reported inside the evidence window, each entry dated
with its percent; a measure nobody reported on is marked with its status word, never with a
sentence pretending to be a result. The expected outcome of the register is the register's,
not a result: the ผลลัพธ์ column holds the outcomes staff reported.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from handlers.ita.windows import Window
from handlers.measures.domain import Measure, ProgressUpdate, status_for
from handlers.reports.item_links import LinkedItem, codes_text, items_text, scores_text
from handlers.reports.model import Image, Report, Table, with_thai_digits
from handlers.reports.progress import (
    average,
    dated_lines,
    day_of,
    percent_on,
    period_label,
    status_word,
    within,
)
from handlers.thai.dates import format_thai_date

MEASURES_TITLE = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
RESULTS_TITLE = "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"

REGISTER_COLUMNS = ("ประเด็น", "มาตรการ", "ขั้นตอน/วิธีการ", "ระยะเวลา", "ผู้รับผิดชอบ")
REGISTER_WIDTHS = (2.6, 3.6, 5.0, 1.8, 2.0)
# The seeds' layout, once measures are linked to the ITA items they answer.
LINKED_COLUMNS = (
    "ประเด็น",
    "ข้อคำถาม ITA",
    "ผลการวิเคราะห์ข้อมูล",
    "มาตรการ",
    "ขั้นตอน/วิธีการปฏิบัติ",
    "ระยะเวลาดำเนินการ",
    "ส่วนงานที่รับผิดชอบ",
)
LINKED_WIDTHS = (1.8, 2.8, 1.6, 2.4, 3.4, 1.6, 1.6)
# Measure id -> the ITA items it answers.
Linked = Mapping[int, list[LinkedItem]]

RESULT_COLUMNS = (
    "มาตรการ/แนวทาง",
    "ขั้นตอนหรือวิธีการปฏิบัติ",
    "ผู้รับผิดชอบ",
    "ระยะเวลา",
    "ผลการดำเนินการ",
    "ผลลัพธ์",
)
SUGGESTIONS = "ข้อเสนอแนะ"
RESULT_WIDTHS = (3.0, 4.0, 1.6, 1.6, 3.4, 3.0)
SUGGESTION_WIDTH = 2.0

# A stored photo name -> its file on this machine, or None when the file is gone.
PhotoFinder = Callable[[str], str | None]


def _subtitle(office: str, fiscal_year: int) -> str:
    return f"{office + ' ' if office else ''}ประจำปีงบประมาณ พ.ศ. {fiscal_year}"


def measure_title(m: Measure) -> str:
    issue = f"ประเด็น: {m.issue}\n" if m.issue else ""
    return f"{issue}{m.no}. {m.title}"


def build_register(
    measures: list[Measure],
    window: Window,
    office: str = "",
    thai_digits: bool = False,
    linked: Linked | None = None,
) -> Report:
    """o42: the year's integrity measures as the office declared them. When some measures
    are linked to ITA items, the table takes the seeds' layout: each measure's items and
    their scores (left empty where a measure has none, or no scores were imported)."""
    fy = window.fiscal_year
    linked = linked or {}
    rows: list[tuple[str, ...]]
    if any(linked.get(m.id or -1) for m in measures):
        rows = [_linked_row(m, linked) for m in measures]
        table = Table(LINKED_COLUMNS, rows, widths=LINKED_WIDTHS)
    else:
        rows = [(m.issue, f"{m.no}. {m.title}", m.steps, period_label(m), m.unit) for m in measures]
        table = Table(REGISTER_COLUMNS, rows, widths=REGISTER_WIDTHS)
    report = Report(
        kind="measures",
        title=f"{MEASURES_TITLE} ประจำปีงบประมาณ พ.ศ. {fy}",
        subtitle=office,
        tables=[table],
        notes=[f"จำนวน {len(measures)} มาตรการ"] if measures else [],
        figures={
            "fiscal_year": fy,
            "measures": len(measures),
            "items": [
                {
                    "no": m.no,
                    "issue": m.issue,
                    "title": m.title,
                    "unit": m.unit,
                    "period": m.period_text,
                    "period_start": m.period_start.isoformat() if m.period_start else None,
                    "period_end": m.period_end.isoformat() if m.period_end else None,
                }
                | ({"ita_items": _item_figures(linked.get(m.id or -1, []))} if linked else {})
                for m in measures
            ],
        },
    )
    return with_thai_digits(report) if thai_digits else report


def _linked_row(m: Measure, linked: Linked) -> tuple[str, ...]:
    items = linked.get(m.id or -1, [])
    return (
        m.issue,
        items_text(items),
        scores_text(items),
        f"{m.no}. {m.title}",
        m.steps,
        period_label(m),
        m.unit,
    )


def _item_figures(items: list[LinkedItem]) -> list[dict[str, object]]:
    return [{"code": i.code, "title": i.title, "score": i.score} for i in items]


def _outcomes(updates: list[ProgressUpdate]) -> str:
    seen: list[str] = []
    for u in updates:
        if u.outcome and u.outcome not in seen:
            seen.append(u.outcome)
    return "\n".join(seen)


def build_results(
    measures: list[Measure],
    progress: dict[int, list[ProgressUpdate]],
    window: Window,
    office: str = "",
    register_code: str = "",
    find_photo: PhotoFinder | None = None,
    thai_digits: bool = False,
    linked: Linked | None = None,
) -> Report:
    """o43: what staff reported on each integrity measure within the window, with their
    photos. `register_code` is the code the year's measures were published under ("o42");
    it is left out of the opening paragraph when empty. A measure linked to ITA items names
    them under its title."""
    fy = window.fiscal_year
    linked = linked or {}
    suggestions = any(m.note for m in measures)
    rows: list[tuple[str, ...]] = []
    images: list[Image] = []
    items: list[dict[str, object]] = []
    percents: list[int] = []
    for m in measures:
        reported = within(progress.get(m.id or -1, []), window)
        percent = percent_on(reported, window.as_of)
        percents.append(percent)
        answered = linked.get(m.id or -1, [])
        answers = f"\nข้อคำถาม ITA: {codes_text(answered)}" if answered else ""
        row = (
            measure_title(m) + answers,
            m.steps,
            m.unit,
            period_label(m),
            dated_lines(reported) or status_word(percent),
            _outcomes(reported),
        )
        rows.append((*row, m.note) if suggestions else row)
        items.append(
            {
                "no": m.no,
                "title": m.title,
                "unit": m.unit,
                "percent": percent,
                "status": status_for(percent).value,
            }
        )
        if linked:  # the key appears once the year's measures are linked to ITA items
            items[-1]["ita_items"] = [i.code for i in answered]
        for u in reported:
            for name in u.photos:
                path = find_photo(name) if find_photo else None
                if path:
                    caption = f"มาตรการที่ {m.no}: {format_thai_date(day_of(u))}"
                    images.append(Image(caption=caption, path=path, url=""))
    completed = sum(1 for p in percents if p >= 100)
    started = sum(1 for p in percents if 0 < p < 100)
    columns = (*RESULT_COLUMNS, SUGGESTIONS) if suggestions else RESULT_COLUMNS
    widths = (*RESULT_WIDTHS, SUGGESTION_WIDTH) if suggestions else RESULT_WIDTHS
    report = Report(
        kind="measure_results",
        title=RESULTS_TITLE,
        subtitle=_subtitle(office, fy),
        intro=[_intro(office, fy, len(measures), register_code, window)] if measures else [],
        tables=[Table(columns, rows, widths=widths)],
        notes=[
            f"มาตรการทั้งหมด {len(measures)} มาตรการ ดำเนินการแล้วเสร็จ {completed} มาตรการ "
            f"อยู่ระหว่างดำเนินการ {started} มาตรการ "
            f"ยังไม่ดำเนินการ {len(measures) - completed - started} มาตรการ"
        ],
        images=images,
        figures={
            "fiscal_year": fy,
            "measures": len(measures),
            "completed": completed,
            "average_percent": average(percents),
            "items": items,
        },
    )
    return with_thai_digits(report) if thai_digits else report


def _intro(office: str, fy: int, count: int, code: str, window: Window) -> str:
    who = f"ตามที่ {office} ได้ประกาศ" if office else "ตามที่ได้ประกาศ"
    published = f" ({code})" if code else ""
    return (
        f"{who}มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {fy}"
        f"{published} จำนวน {count} มาตรการ เพื่อยกระดับคุณธรรมและความโปร่งใสในการดำเนินงาน"
        " นั้น บัดนี้ได้ดำเนินการตามมาตรการดังกล่าวแล้ว จึงขอรายงานผลการดำเนินการ"
        f" ตั้งแต่วันที่ {format_thai_date(window.start)}"
        f" ถึงวันที่ {format_thai_date(window.as_of)} ดังนี้"
    )
