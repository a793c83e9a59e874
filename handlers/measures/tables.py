"""Reading measures out of the tables offices publish (o42 plans, o43 reports).

The file readers in bot/ turn CSV, XLSX and DOCX into plain tables: a table is a list of
rows, a row a list of cell texts, and a cell's paragraphs are separated by newlines. Here
those tables become measures:

- columns are recognised by what their header means, not by exact wording;
- a header row repeated on every page is skipped, and a table that goes on after a page
  break without a header continues the one before it (same number of columns);
- a row with an empty measure cell continues the measure above it, and so does a row split
  across pages (numbered document, unnumbered row, no unit and no period of its own);
- a row with nothing but a heading is the issue (ประเด็น) of the measures below it;
- paragraphs inside a cell are kept;
- a results column (ผลการดำเนินการ, สรุปผลการดำเนินการ…) becomes the reported result.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date

from handlers.measures.domain import Measure
from handlers.thai.digits import thai_to_arabic
from handlers.thai.indicators import find_indicators
from handlers.thai.normalize import normalize
from handlers.thai.numbers import UnreadableAmount, parse_baht
from handlers.thai.periods import parse_period

Table = list[list[str]]

# The first pattern that matches a header cell names its column; the order matters
# ("สรุปผลการดำเนินการตามมาตรการ" is a result, not a measure; "วิธีการนำผลวิเคราะห์ไปสู่
# การปฏิบัติ" is the measure itself, not its steps).
FIELD_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("no", re.compile(r"^(?:ลำดับ(?:ที่)?|ที่|ข้อ|no\.?)$", re.IGNORECASE)),
    ("result", re.compile(r"สรุปผล|ผลการดำเนิน|ผลการปฏิบัติ|ผลดำเนินการ|ผลการด[ำา]เนินงาน")),
    ("outcome", re.compile(r"ผลลัพธ์|ผลที่คาด|ผลสัมฤทธิ์|ความสำเร็จ|เป้าหมาย|ผลผลิต")),
    ("period", re.compile(r"ระยะเวลา|ช่วงเวลา|กำหนดเวลา|ห้วงเวลา|ระยะดำเนินการ")),
    ("unit", re.compile(r"รับผิดชอบ|ผู้ที่เกี่ยวข้อง|ผู้เกี่ยวข้อง|ผู้ดำเนินการ|หน่วยงานดำเนินการ")),
    ("indicators", re.compile(r"ตัวชี้วัด|ข้อคำถาม|ข้อตัวชี้วัด|indicator", re.IGNORECASE)),
    ("title", re.compile(r"มาตรการ|แนวทาง|ไปสู่การปฏิบัติ|กิจกรรม|โครงการ|measure", re.IGNORECASE)),
    ("steps", re.compile(r"ขั้นตอน|วิธีการ|วิธีดำเนิน|วิธีปฏิบัติ|การดำเนินการ|รายละเอียด")),
    ("issue", re.compile(r"หัวข้อ|ประเด็น|ด้าน")),
    # "งบประมาณ (บาท)" is an amount; "แหล่งงบประมาณ" (where the money comes from) is not.
    ("budget", re.compile(r"^(?!.*แหล่ง).*(?:งบประมาณ|วงเงิน)")),
    ("note", re.compile(r"หมายเหตุ")),
]
HEADER_MAX_CHARS = 80
_LEADING_NUMBER = re.compile(r"^\s*(\d{1,3})\s*(?:[.)]\s*|\s+)(?=\S)")
_BULLET = re.compile(r"^[\s\-–•*·]+")
_TAG = re.compile(r"<[^>]*>")
_HEADING_START = re.compile(r"^\s*(?:\d{1,2}\s*[.)]|ประเด็น|ด้านที่)")


@dataclass
class ParsedMeasure:
    """A measure read from a document, with what a person should check about it."""

    measure: Measure
    warnings: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        m = self.measure
        return {
            "no": m.no,
            "issue": m.issue,
            "title": m.title,
            "steps": m.steps,
            "unit": m.unit,
            "period_text": m.period_text,
            "period_start": _iso(m.period_start),
            "period_end": _iso(m.period_end),
            "indicators": list(m.indicators),
            "result": m.result,
            "plan": m.plan,
            "budget": str(m.budget) if m.budget is not None else None,
            "warnings": list(m.warnings),
        }


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def clean_cell(text: str) -> str:
    """A cell's text with markup removed, each paragraph normalised, empty ones dropped."""
    text = html.unescape(text or "")
    # Paragraph and list-item ends are line breaks; any other tag is dropped.
    text = re.sub(r"</p>|<br\s*/?>|</li>", "\n", text, flags=re.IGNORECASE)
    text = _TAG.sub(" ", text)
    paragraphs = [normalize(p) for p in text.replace("\r", "\n").split("\n")]
    return "\n".join(p for p in paragraphs if p)


def header_field(cell: str) -> str | None:
    """Which column a header cell names, or None."""
    text = normalize(cell).replace("\n", " ")
    if not text or len(text) > HEADER_MAX_CHARS:
        return None
    for name, pattern in FIELD_PATTERNS:
        if pattern.search(text):
            return name
    return None


def recognise_header(cells: list[str]) -> dict[str, int] | None:
    """Column index of each field when `cells` is the header of a measures table."""
    filled = [(i, c) for i, c in enumerate(cells) if c.strip()]
    if len(filled) < 2:
        return None
    columns: dict[str, int] = {}
    for i, cell in filled:
        name = header_field(cell)
        if name is None:
            continue
        columns.setdefault(name, i)
    recognised = sum(1 for i, c in filled if header_field(c) is not None)
    if "title" not in columns or recognised * 3 < len(filled) * 2:
        return None
    if not {"period", "unit", "steps"} & set(columns):
        return None
    return columns


class _Reader:
    def __init__(self, fiscal_year: int) -> None:
        self.fy = fiscal_year
        self.columns: dict[str, int] | None = None
        self.width = 0
        self.rows: list[dict[str, str]] = []  # each measure's raw fields, in order
        self.numbers: list[int | None] = []
        self.issue = ""
        self.numbered = False

    def feed(self, table: Table) -> None:
        for raw in table:
            cells = [clean_cell(c) for c in raw]
            if not any(cells):
                continue
            header = recognise_header(cells)
            if header is not None:
                self.columns, self.width = header, len(cells)
                continue
            if self.columns is None:
                continue
            if len(cells) != self.width:
                # A table of another shape: the measures table has ended.
                self.columns = None
                continue
            self._row(cells)

    def _row(self, cells: list[str]) -> None:
        assert self.columns is not None
        fields = {name: cells[i] for name, i in self.columns.items() if i < len(cells)}
        title = fields.get("title", "")
        others = [c for i, c in enumerate(cells) if c and i != self.columns["title"]]
        if fields.get("issue"):
            self.issue = _strip_number(fields["issue"])[1]
        if title and not others and (_HEADING_START.match(title) or not self.rows):
            # Only a heading in the measure column: the issue of the measures below it.
            self.issue = _strip_number(title)[1]
            return
        if not title or self._split_row(fields):
            if self.rows:
                self._merge(fields)
            return
        number, clean_title = _strip_number(title)
        if fields.get("no"):
            explicit = _leading_int(fields["no"])
            number = explicit if explicit is not None else number
        if number is not None:
            self.numbered = True
        fields["title"] = clean_title
        fields["issue_heading"] = self.issue
        self.rows.append(fields)
        self.numbers.append(number)

    def _split_row(self, fields: dict[str, str]) -> bool:
        # A row broken by a page break: the document numbers its measures, this row has no
        # number, and it carries neither a unit nor a period of its own.
        if not self.numbered or not self.rows:
            return False
        title = fields.get("title", "")
        if _strip_number(title)[0] is not None or fields.get("no"):
            return False
        return not fields.get("unit") and not fields.get("period")

    def _merge(self, fields: dict[str, str]) -> None:
        last = self.rows[-1]
        for name, text in fields.items():
            if not text or name in ("no", "issue", "issue_heading"):
                continue
            last[name] = f"{last[name]}\n{text}" if last.get(name) else text

    def measures(self) -> list[ParsedMeasure]:
        out: list[ParsedMeasure] = []
        used: set[int] = set()
        previous = 0
        for fields, number in zip(self.rows, self.numbers, strict=True):
            warnings: list[str] = []
            if number is None or number in used:
                if number in used:
                    warnings.append(f"ลำดับที่ {number} ซ้ำในเอกสาร ตั้งเป็นลำดับที่ {previous + 1}")
                number = previous + 1
                while number in used:
                    number += 1
            used.add(number)
            previous = number
            out.append(self._measure(fields, number, warnings))
        return out

    def _measure(self, fields: dict[str, str], number: int, warnings: list[str]) -> ParsedMeasure:
        period_text = fields.get("period", "")
        period = parse_period(period_text, self.fy)
        if period.warning:
            warnings.append(period.warning)
        unit = fields.get("unit", "").replace("\n", " ")
        if not unit:
            warnings.append("ไม่ได้ระบุผู้รับผิดชอบ")
        try:
            budget = parse_baht(fields.get("budget", ""))
        except UnreadableAmount:
            budget = None
            written = " ".join(fields["budget"].split())
            warnings.append(f"อ่านงบประมาณ “{written}” ไม่ได้ (ระบุเป็นจำนวนเงินบาท)")
        issue = fields.get("issue_heading", "")
        indicators = find_indicators(
            " ".join([issue, fields.get("title", ""), fields.get("indicators", "")])
        )
        measure = Measure(
            fiscal_year=self.fy,
            no=number,
            title=fields.get("title", ""),
            issue=issue,
            steps=fields.get("steps", ""),
            unit=unit,
            period_text=period.text,
            period_start=period.start,
            period_end=period.end,
            indicators=indicators,
            outcome=fields.get("outcome", ""),
            result=fields.get("result", ""),
            note=fields.get("note", ""),
            warnings=warnings,
            budget=budget,
        )
        return ParsedMeasure(measure, warnings)


def _leading_int(text: str) -> int | None:
    m = re.match(r"^\s*(\d{1,3})", thai_to_arabic(text))
    return int(m.group(1)) if m else None


def _strip_number(text: str) -> tuple[int | None, str]:
    """("๓. มาตรการ…") → (3, "มาตรการ…"); bullets before an unnumbered title are dropped."""
    first, _, rest = text.partition("\n")
    arabic = thai_to_arabic(first)
    m = _LEADING_NUMBER.match(arabic)
    if m:
        number: int | None = int(m.group(1))
        # Thai digits have the same length as Arabic ones, so offsets carry over.
        first = first[m.end() :]
    else:
        number = None
        first = _BULLET.sub("", first)
    cleaned = "\n".join(p for p in (first.strip(), rest.strip()) if p)
    return number, cleaned


def parse_tables(tables: list[Table], fiscal_year: int) -> list[ParsedMeasure]:
    """Every measure in the document's tables, in document order, numbered."""
    reader = _Reader(fiscal_year)
    for table in tables:
        reader.feed(table)
    return reader.measures()
