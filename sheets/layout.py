"""The worksheets: one tab per kind of entry, Thai headers, column A the entry's stable ID.

The layout is data, shared by every backend, so the XLSX file and the Google Sheet have
the same tabs and columns and an admin can move between them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from handlers.domain import STATUS_TH, Status

# Google Sheets refuses more than 26 columns' worth of surprises only at A1 parsing time;
# keeping every tab within A..Z keeps the A1 helpers trivial.
MAX_COLUMNS = 26


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: int = 16  # characters, for the XLSX file


@dataclass(frozen=True)
class Tab:
    key: str
    title: str
    columns: tuple[Column, ...]
    # The column whose cell admins may change, offered as a dropdown of these values.
    dropdown_key: str | None = None
    dropdown: tuple[str, ...] = ()
    # Columns whose edits flow back into the database (see sheets.sync.pull).
    editable: tuple[str, ...] = ()
    # Where the sync explains an edit it could not apply (หมายเหตุระบบ).
    notes_key: str | None = None
    _index: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        assert self.columns[0].key == "id", "column A is always the stable ID"
        assert len(self.columns) <= MAX_COLUMNS
        self._index.update({c.key: i for i, c in enumerate(self.columns)})

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]

    def col(self, key: str) -> int:
        """0-based index of a column."""
        return self._index[key]

    def letter(self, key: str) -> str:
        return col_letter(self.col(key))

    @property
    def last_letter(self) -> str:
        return col_letter(len(self.columns) - 1)

    def a1(self, cells: str) -> str:
        """An A1 range on this tab, the title quoted as Sheets requires."""
        return f"{quote_title(self.title)}!{cells}"


def col_letter(index: int) -> str:
    return chr(ord("A") + index)


def quote_title(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


SYSTEM_NOTES = Column("system_notes", "หมายเหตุระบบ", 40)

STATUS_CHOICES: tuple[str, ...] = tuple(STATUS_TH[s] for s in Status)

COMPLAINTS = Tab(
    key="complaints",
    title="เรื่องร้องเรียน",
    columns=(
        Column("id", "เลขที่เรื่อง", 14),
        Column("received", "วันที่รับเรื่อง", 26),
        Column("received_iso", "วันที่รับเรื่อง (ISO)", 26),
        Column("category", "ประเภทเรื่อง", 28),
        Column("status", "สถานะ", 20),
        Column("unit", "หน่วยงานรับผิดชอบ", 24),
        Column("details", "รายละเอียด", 60),
        Column("location", "สถานที่", 30),
        Column("map", "แผนที่", 30),
        Column("photos", "รูปภาพ", 20),
        Column("channel", "ช่องทาง", 10),
        Column("contact", "ผู้ร้อง", 20),
        Column("phone", "โทรศัพท์", 14),
        Column("due", "กำหนดแจ้งผล", 20),
        Column("updated", "ปรับปรุงล่าสุด", 26),
        Column("updated_iso", "ปรับปรุงล่าสุด (ISO)", 26),
        SYSTEM_NOTES,
    ),
    dropdown_key="status",
    dropdown=STATUS_CHOICES,
    editable=("status",),
    notes_key="system_notes",
)

# Measures, progress updates and satisfaction entries have their tabs from the start so the
# spreadsheet's shape does not change under the admins when those features arrive.
MEASURES = Tab(
    key="measures",
    title="มาตรการ",
    columns=(
        Column("id", "รหัสมาตรการ", 14),
        Column("fiscal_year", "ปีงบประมาณ", 10),
        Column("order", "ลำดับ", 8),
        Column("name", "มาตรการ", 50),
        Column("indicators", "ตัวชี้วัด ITA", 16),
        Column("unit", "หน่วยงานรับผิดชอบ", 24),
        Column("period", "ระยะเวลาดำเนินการ", 24),
        Column("percent", "ร้อยละความคืบหน้า", 12),
        Column("status", "สถานะ", 16),
        Column("updated", "ปรับปรุงล่าสุด", 26),
        Column("updated_iso", "ปรับปรุงล่าสุด (ISO)", 26),
        SYSTEM_NOTES,
    ),
    notes_key="system_notes",
)

PROGRESS = Tab(
    key="progress",
    title="ความคืบหน้า",
    columns=(
        Column("id", "รหัสรายงาน", 14),
        Column("reported", "วันที่รายงาน", 26),
        Column("reported_iso", "วันที่รายงาน (ISO)", 26),
        Column("measure", "รหัสมาตรการ", 14),
        Column("measure_name", "มาตรการ", 40),
        Column("unit", "หน่วยงาน", 24),
        Column("reporter", "ผู้รายงาน", 20),
        Column("percent", "ร้อยละความคืบหน้า", 12),
        Column("done", "สิ่งที่ดำเนินการ", 50),
        Column("outcome", "ผลที่ได้", 40),
        Column("evidence", "หลักฐาน", 20),
    ),
)

SATISFACTION = Tab(
    key="satisfaction",
    title="ความพึงพอใจ",
    columns=(
        Column("id", "รหัส", 14),
        Column("rated", "วันที่ประเมิน", 26),
        Column("rated_iso", "วันที่ประเมิน (ISO)", 26),
        Column("service", "งานบริการ", 30),
        Column("score", "คะแนน (1-5)", 10),
        Column("comment", "ข้อเสนอแนะ", 50),
        Column("channel", "ช่องทาง", 10),
        Column("case", "เลขที่เรื่องที่เกี่ยวข้อง", 14),
    ),
)

SUMMARY = Tab(
    key="summary",
    title="สรุป",
    columns=(
        Column("id", "รหัส", 36),
        Column("label", "รายการ", 40),
        Column("value", "ค่า", 12),
        Column("fiscal_year", "ปีงบประมาณ", 10),
        Column("updated", "ปรับปรุงล่าสุด", 26),
        Column("updated_iso", "ปรับปรุงล่าสุด (ISO)", 26),
    ),
)

TABS: tuple[Tab, ...] = (COMPLAINTS, MEASURES, PROGRESS, SATISFACTION, SUMMARY)
TABS_BY_KEY: dict[str, Tab] = {t.key: t for t in TABS}
