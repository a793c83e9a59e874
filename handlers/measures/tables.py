"""Reading measures out of the tables offices publish (o42 plans, o43 reports).

The file readers in bot/ turn CSV, XLSX and DOCX into plain tables: a table is a list of
rows, a row a list of cell texts, and a cell's paragraphs are separated by newlines. Here
those tables become measures:

- columns are recognised by what their header means, not by exact wording;
- a header row repeated on every page is skipped (in part too), and a table that goes on
  after a page break without a header continues the one before it (same number of columns);
- a row with an empty measure cell continues the measure above it, and so does a row split
  across pages: one with no number, no unit and no period of its own, in a numbered
  document, at the top of a page that goes on from the one before, or whose steps go on
  with the numbering of the measure above;
- a row with nothing but a heading is the issue (ประเด็น) of the measures below it, and so
  is a row that is all one section heading ("๒.การให้บริการ…" across the table);
- a group header row across the table ("การนำผลการวิเคราะห์ไปสู่การปฏิบัติ"), repeated
  on every page, is never a measure, nor is the issue heading written again;
- every row joined to the measure above it or skipped is listed for a person to check
  (ParsedDocument.notes), with its table and row number;
- paragraphs inside a cell are kept;
- a results column (ผลการดำเนินการ, สรุปผลการดำเนินการ…) becomes the reported result.
"""

from __future__ import annotations

import html
import re
from collections import Counter
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
# Above the list of rows that were joined to the measure before them or skipped.
NOTES_HEADING = "แถวที่รวมเข้ากับมาตรการก่อนหน้าหรือไม่นับเป็นมาตรการ"
_LEADING_NUMBER = re.compile(r"^\s*(\d{1,3})\s*(?:[.)]\s*|\s+)(?=\S)")
_BULLET = re.compile(r"^[\s\-–•*·]+")
_TAG = re.compile(r"<[^>]*>")
_HEADING_START = re.compile(r"^\s*(?:\d{1,2}\s*[.)]|ประเด็น|ด้านที่)")
# A numbered step anywhere in a cell ("๑.ประกาศ… ๒.ประชุม…"), not a decimal or a date.
_STEP_NUMBER = re.compile(r"(?:^|\s)(\d{1,2})\s*[.)](?!\d)")


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


@dataclass(frozen=True)
class RowNote:
    """A table row that did not become a measure of its own: joined to one, or skipped."""

    table: int  # counting every table of the file from 1
    row: int  # counting every row of that table from 1
    kind: str  # "merged" or "skipped"
    text: str  # for a person: "ตารางที่ 2 แถวที่ 1: ต่อจากมาตรการที่ 3 (ตารางแบ่งหน้า)"
    measure: int | None = None  # the number of the measure a merged row joined

    def as_json(self) -> dict[str, object]:
        return {
            "table": self.table,
            "row": self.row,
            "kind": self.kind,
            "measure": self.measure,
            "text": self.text,
        }


@dataclass
class ParsedDocument:
    """The measures of a document, and its rows that were joined to a measure or skipped."""

    measures: list[ParsedMeasure]
    notes: list[RowNote]


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
        self.notes: list[_Note] = []
        self.table_no = 0
        self.row_no = 0
        # Header texts seen in each column, and group captions ("การนำผลการวิเคราะห์ไป
        # สู่การปฏิบัติ") seen so far: a page repeats them, and a repeat is never a measure.
        self.header_texts: dict[int, set[str]] = {}
        self.captions: set[str] = set()
        # At the top of a page that goes on from the previous one (a table without a header
        # after a measures table, or a repeated header), until the next measure or heading.
        self.top = False

    def feed(self, table: Table) -> None:
        self.table_no += 1
        first = True  # the first non-empty row of this table is still to come
        for self.row_no, raw in enumerate(table, start=1):
            cells = [clean_cell(c) for c in raw]
            if not any(cells):
                continue
            header = recognise_header(cells)
            if header is not None:
                same = self._repeats_header(header, len(cells))
                if same:
                    # A header repeated on a page, perhaps with blanks: keep every column.
                    header = self.columns or header
                    self._note("skipped", "หัวตารางซ้ำ ไม่นับเป็นมาตรการ")
                self.columns, self.width = header, len(cells)
                self._remember_header(cells)
                self.top = same and bool(self.rows)
                first = False
                continue
            if self.columns is None:
                self._remember_caption(cells)
                continue
            if len(cells) != self.width:
                # A table of another shape: the measures table has ended.
                self.columns = None
                self.top = False
                continue
            if first:
                # A table with no header of its own goes on from the one before it.
                self.top = bool(self.rows)
                first = False
            self._row(cells)

    def _repeats_header(self, header: dict[str, int], width: int) -> bool:
        if self.columns is None or width != self.width:
            return False
        return all(self.columns.get(name) == i for name, i in header.items())

    def _note(self, kind: str, text: str, measure: int | None = None) -> None:
        self.notes.append(_Note(self.table_no, self.row_no, kind, text, measure))

    def _remember_header(self, cells: list[str]) -> None:
        for i, cell in enumerate(cells):
            if cell:
                self.header_texts.setdefault(i, set()).add(_squash(cell))

    def _remember_caption(self, cells: list[str]) -> None:
        texts = {c for c in cells if c}
        if len(texts) == 1:
            text = texts.pop()
            if _is_caption(text):
                self.captions.add(text)

    def _row(self, cells: list[str]) -> None:
        assert self.columns is not None
        fields = {name: cells[i] for name, i in self.columns.items() if i < len(cells)}
        title = fields.get("title", "")
        filled = [c for c in cells if c]
        banner = _banner(cells, self.columns)
        if banner is not None:
            self._banner(banner)
            return
        if len(filled) == 1 and self._repeated(filled[0]):
            self._note("skipped", "แถวหัวกลุ่มซ้ำ ไม่นับเป็นมาตรการ")
            return
        if self._repeats_headings(cells):
            self._note("skipped", "หัวตารางซ้ำ ไม่นับเป็นมาตรการ")
            return
        if fields.get("issue"):
            self.issue = _strip_number(fields["issue"])[1]
        others = [c for i, c in enumerate(cells) if c and i != self.columns["title"]]
        if title and not others and (_HEADING_START.match(title) or not self.rows):
            # Only a heading in the measure column: the issue of the measures below it.
            self._heading(title)
            return
        if not title or self._continues(fields):
            if self.rows and self._merge(fields):
                where = " (ตารางแบ่งหน้า)" if self.top else ""
                self._note("merged", "ต่อจากมาตรการที่ {no}" + where, len(self.rows) - 1)
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
        self.top = False

    def _heading(self, text: str) -> None:
        self.issue = _strip_number(text)[1]
        self.top = False

    def _repeated(self, text: str) -> bool:
        """A group caption or the current issue heading, written again (a page repeats it)."""
        return text in self.captions or (bool(self.issue) and _strip_number(text)[1] == self.issue)

    def _banner(self, text: str) -> None:
        if self._repeated(text):
            self._note("skipped", "แถวหัวกลุ่มซ้ำ ไม่นับเป็นมาตรการ")
        elif not _is_caption(text):
            self._heading(text)
        else:
            self.captions.add(text)
            self._note("skipped", "แถวหัวกลุ่ม ไม่นับเป็นมาตรการ")

    def _repeats_headings(self, cells: list[str]) -> bool:
        # The column headings again, in part (a blank or reworded cell keeps it from being
        # recognised as a header): most filled cells are the heading seen in that column.
        filled = [(i, c) for i, c in enumerate(cells) if c]
        same = sum(1 for i, c in filled if _squash(c) in self.header_texts.get(i, ()))
        return same > 0 and same * 3 >= len(filled) * 2

    def _continues(self, fields: dict[str, str]) -> bool:
        """Whether a row with a title goes on with the measure above instead of starting one.

        Only a row without a number, a unit or a period of its own can: a row broken by a
        page break in a numbered document; the first rows of a page that goes on from the
        one before; or steps that go on with the numbering of the measure above ("๔." after
        "๑.–๓.").
        """
        if not self.rows or fields.get("no") or _strip_number(fields["title"])[0] is not None:
            return False
        if fields.get("unit") or fields.get("period"):
            return False
        if self.numbered:
            return True
        last = self.rows[-1]
        if not (last.get("unit") or last.get("period")):
            return False  # a register that leaves them blank: nothing to tell rows apart by
        return self.top or _steps_go_on(last.get("steps", ""), fields.get("steps", ""))

    def _merge(self, fields: dict[str, str]) -> bool:
        last = self.rows[-1]
        merged = False
        for name, text in fields.items():
            if not text or name in ("no", "issue", "issue_heading"):
                continue
            last[name] = f"{last[name]}\n{text}" if last.get(name) else text
            merged = True
        return merged

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

    def row_notes(self, measures: list[ParsedMeasure]) -> list[RowNote]:
        notes = []
        for n in self.notes:
            no = measures[n.measure].measure.no if n.measure is not None else None
            text = f"ตารางที่ {n.table} แถวที่ {n.row}: " + n.text.format(no=no)
            notes.append(RowNote(n.table, n.row, n.kind, text, no))
        return notes

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


@dataclass(frozen=True)
class _Note:
    table: int
    row: int
    kind: str
    text: str  # "{no}" stands for the number the measure gets once all are read
    measure: int | None  # index of the measure a merged row joined


def _squash(text: str) -> str:
    return "".join(text.split())


def _is_caption(text: str) -> bool:
    """A banner that names the table or a column ("การนำผลการวิเคราะห์ไปสู่การปฏิบัติ"), not
    a section heading of the measures below it ("๒.การให้บริการ…", "ประเด็นที่ ๓ …")."""
    return not _HEADING_START.match(text) and header_field(text) is not None


def _banner(cells: list[str], columns: dict[str, int]) -> str | None:
    """The text of a row that is all or mostly one text (a group header across the table),
    in the measure or first column, with no unit and no period of its own."""
    filled = [c for c in cells if c]
    if len(filled) < 2:
        return None
    text, count = Counter(filled).most_common(1)[0]
    if count < 2 or count * 3 < len(filled) * 2:
        return None
    if text not in (cells[columns["title"]], cells[0]):
        return None
    for name in ("unit", "period"):
        i = columns.get(name)
        if i is not None and cells[i] and cells[i] != text:
            return None
    return text


def _steps_go_on(before: str, after: str) -> bool:
    """Whether `after` starts with the step that follows the last numbered step of `before`."""
    first = _LEADING_NUMBER.match(thai_to_arabic(after))
    numbers = _STEP_NUMBER.findall(thai_to_arabic(before))
    if first is None or not numbers:
        return False
    return int(first.group(1)) == int(numbers[-1]) + 1


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


def parse_document(tables: list[Table], fiscal_year: int) -> ParsedDocument:
    """Every measure in the document's tables, in document order, numbered; and the rows
    that were joined to a measure above them or skipped."""
    reader = _Reader(fiscal_year)
    for table in tables:
        reader.feed(table)
    measures = reader.measures()
    return ParsedDocument(measures, reader.row_notes(measures))


def parse_tables(tables: list[Table], fiscal_year: int) -> list[ParsedMeasure]:
    """Every measure in the document's tables, in document order, numbered."""
    return parse_document(tables, fiscal_year).measures
