"""The worksheets: one tab per kind of entry, Thai headers, column A the entry's stable ID.

The layout is data, shared by every backend, so the XLSX file and the Google Sheet have
the same tabs and columns and an admin can move between them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from handlers.complaints.domain import STATUS_TH, Status

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

# Measures, progress updates and satisfaction entries: column A is an ID that survives a
# re-import of the register and a rebuilt database ("2568-M03", "P000012", "S000034"); an
# item of the operating or anti-corruption plan is "2568-OP03" or "2568-AC03".
MEASURES = Tab(
    key="measures",
    title="มาตรการ",
    columns=(
        Column("id", "รหัสมาตรการ", 12),
        Column("fiscal_year", "ปีงบประมาณ", 10),
        Column("order", "ลำดับ", 8),
        Column("issue", "ประเด็น", 30),
        Column("title", "มาตรการ", 50),
        Column("steps", "ขั้นตอน/วิธีการดำเนินการ", 50),
        Column("indicators", "ตัวชี้วัด ITA", 16),
        Column("unit", "หน่วยงานรับผิดชอบ", 24),
        Column("period", "ระยะเวลาดำเนินการ", 24),
        Column("start", "วันเริ่ม", 18),
        Column("end", "วันสิ้นสุด", 18),
        Column("end_iso", "วันสิ้นสุด (ISO)", 12),
        Column("outcome", "ผลที่คาดว่าจะได้รับ", 40),
        Column("percent", "ร้อยละความคืบหน้า", 12),
        Column("status", "สถานะ", 18),
        Column("reports", "จำนวนรายงานความคืบหน้า", 10),
        Column("last_report", "รายงานล่าสุด", 26),
        Column("updated", "ปรับปรุงล่าสุด", 26),
        Column("updated_iso", "ปรับปรุงล่าสุด (ISO)", 26),
        # Added with the other plans: after the columns admins already had, so the
        # editable ones stay where they were.
        Column("plan", "แผน", 24),
        Column("budget", "งบประมาณ (บาท)", 14),
        SYSTEM_NOTES,
    ),
    # What the office writes in its register; numbers, dates and progress come from the
    # system (the dates are read from the period text).
    editable=("title", "steps", "unit", "period", "outcome"),
    notes_key="system_notes",
)

PROGRESS = Tab(
    key="progress",
    title="ความคืบหน้า",
    columns=(
        Column("id", "รหัสรายงาน", 12),
        Column("reported", "วันที่รายงาน", 26),
        Column("reported_iso", "วันที่รายงาน (ISO)", 26),
        Column("measure", "รหัสมาตรการ", 12),
        Column("measure_name", "มาตรการ", 40),
        Column("unit", "หน่วยงาน", 24),
        Column("reporter", "ผู้รายงาน", 20),
        Column("percent", "ร้อยละความคืบหน้า", 12),
        Column("status", "สถานะ", 18),
        Column("done", "สิ่งที่ดำเนินการ", 50),
        Column("outcome", "ผลที่ได้", 40),
        Column("photo_count", "จำนวนรูปหลักฐาน", 10),
        Column("evidence", "ไฟล์รูปหลักฐาน", 30),
        Column("channel", "ช่องทาง", 10),
    ),
)

SATISFACTION = Tab(
    key="satisfaction",
    title="ความพึงพอใจ",
    columns=(
        Column("id", "รหัส", 12),
        Column("rated", "วันที่ประเมิน", 26),
        Column("rated_iso", "วันที่ประเมิน (ISO)", 26),
        Column("kind", "ประเภทการประเมิน", 22),
        Column("service", "งานบริการ", 30),
        Column("service_unit", "หน่วยงาน", 24),
        Column("channel", "ช่องทาง", 10),
        # One column per question of the survey (handlers.satisfaction.survey.DIMENSIONS).
        Column("process", "ขั้นตอนและระยะเวลา", 10),
        Column("staff", "เจ้าหน้าที่ผู้ให้บริการ", 10),
        Column("facilities", "สิ่งอำนวยความสะดวก", 10),
        Column("quality", "คุณภาพการให้บริการ", 10),
        Column("overall", "ความพึงพอใจโดยรวม", 10),
        Column("handling", "การจัดการเรื่องร้องเรียน", 10),
        Column("mean", "คะแนนเฉลี่ย (1-5)", 10),
        Column("comment", "ข้อเสนอแนะ", 50),
        Column("gender", "เพศ", 10),
        Column("age_band", "อายุ", 14),
        Column("occupation", "อาชีพ", 20),
        Column("case", "เลขที่เรื่องที่เกี่ยวข้อง", 14),
    ),
)

# The monthly service counts: one row per service and month ("2568-11:tax"); entering the
# month again rewrites that row, clearing the figure leaves the ID and a note.
SERVICE_COUNTS = Tab(
    key="service_counts",
    title="สถิติการให้บริการ",
    columns=(
        Column("id", "รหัส", 22),
        Column("month", "เดือน", 18),
        Column("month_iso", "เดือน (ISO)", 10),
        Column("service", "งานบริการ", 30),
        Column("service_unit", "หน่วยงาน", 24),
        Column("count", "จำนวนผู้รับบริการ (ราย)", 12),
        Column("updated", "บันทึกล่าสุด", 26),
        Column("updated_iso", "บันทึกล่าสุด (ISO)", 26),
        Column("updated_by", "ผู้บันทึก", 20),
        SYSTEM_NOTES,
    ),
    notes_key="system_notes",
)

# The gift register (No Gift Policy): gifts reported and declarations of none ("G000012").
GIFTS = Tab(
    key="gifts",
    title="การรับของขวัญ",
    columns=(
        Column("id", "รหัส", 12),
        Column("kind", "ประเภทรายการ", 22),
        Column("reported", "วันที่แจ้ง", 26),
        Column("reported_iso", "วันที่แจ้ง (ISO)", 26),
        Column("staff", "ผู้แจ้ง", 24),
        Column("unit", "หน่วยงาน", 24),
        Column("received_on", "วันที่ได้รับ", 18),
        Column("period", "เดือนที่แจ้งว่าไม่มีการรับ", 18),
        Column("giver", "ผู้ให้", 30),
        Column("what", "สิ่งที่ได้รับ", 40),
        Column("value", "มูลค่าโดยประมาณ (บาท)", 14),
        Column("action", "การดำเนินการ", 40),
        Column("reviewed", "ตรวจสอบเมื่อ", 26),
        Column("reviewed_by", "ผู้ตรวจสอบ", 20),
        Column("review_note", "บันทึกการตรวจสอบ", 40),
        SYSTEM_NOTES,
    ),
    notes_key="system_notes",
)

# Asset loans (ยืม-คืนทรัพย์สิน): "L000012". Whether a loan is overdue changes with the day,
# not with the loan, so the sheet gives the due date (ISO) for a formula rather than a flag.
ASSET_LOANS = Tab(
    key="asset_loans",
    title="ยืม-คืนทรัพย์สิน",
    columns=(
        Column("id", "เลขที่คำขอ", 12),
        Column("requested", "วันที่ขอยืม", 26),
        Column("requested_iso", "วันที่ขอยืม (ISO)", 26),
        Column("asset", "ทรัพย์สิน", 30),
        Column("asset_code", "เลขที่ทรัพย์สิน", 16),
        Column("asset_unit", "หน่วยงานที่ดูแล", 24),
        Column("borrower", "ผู้ยืม", 20),
        Column("unit", "หน่วยงานผู้ยืม", 24),
        Column("start", "วันที่ยืม", 18),
        Column("due", "กำหนดคืน", 18),
        Column("due_iso", "กำหนดคืน (ISO)", 12),
        Column("purpose", "วัตถุประสงค์", 40),
        Column("status", "สถานะ", 14),
        Column("approver", "ผู้อนุมัติ/ไม่อนุมัติ", 20),
        Column("decided", "วันที่พิจารณา", 26),
        Column("returned", "วันที่คืน", 26),
        Column("returned_late", "คืนเกินกำหนด", 10),
        Column("return_note", "บันทึกการคืน", 40),
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

TABS: tuple[Tab, ...] = (
    COMPLAINTS,
    MEASURES,
    PROGRESS,
    SATISFACTION,
    SERVICE_COUNTS,
    GIFTS,
    ASSET_LOANS,
    SUMMARY,
)
