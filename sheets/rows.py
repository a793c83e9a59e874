"""Row builders: an entity in, its sheet row out. One builder per outbox kind, in a registry,
so measures, progress updates and satisfaction entries plug in without touching the sync.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from handlers.assets.domain import Loan
from handlers.clock import local
from handlers.complaints import categories
from handlers.complaints.domain import Complaint, Status
from handlers.complaints.policy import is_sealed
from handlers.gifts.domain import GiftReport
from handlers.ita.catalogue import (
    PLAN_ANTI_CORRUPTION,
    PLAN_INTEGRITY,
    PLAN_OPERATING,
    PLANS,
)
from handlers.measures.domain import Measure, ProgressUpdate
from handlers.satisfaction.model import Kind as RatingKind
from handlers.satisfaction.model import Rating
from handlers.satisfaction.survey import DIMENSION_CODES, HANDLING
from handlers.shared import Channel, channel_label
from handlers.thai.dates import (
    BE_OFFSET,
    MONTHS_FULL,
    MONTHS_SHORT,
    format_thai_date,
    format_thai_datetime,
)
from sheets.layout import (
    ASSET_LOANS,
    COMPLAINTS,
    GIFTS,
    MEASURES,
    PROGRESS,
    SATISFACTION,
    SERVICE_COUNTS,
    SUMMARY,
    Tab,
)

Cell = str | int | float
Row = list[Cell]

# Characters XML 1.0 (so XLSX) cannot hold; a citizen can paste them into LINE.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Google Sheets refuses cells longer than this.
MAX_CELL_CHARS = 50_000

SEALED_MARK = "— ปิดผนึก: ดูได้เฉพาะผู้ได้รับมอบหมาย —"


def text(value: object) -> str:
    """A cell's text: control characters dropped, length capped. Never interpreted later:
    the backends write it RAW / as a string cell."""
    s = "" if value is None else str(value)
    return _ILLEGAL.sub("", s)[:MAX_CELL_CHARS]


def iso(dt: datetime | None) -> str:
    """Bangkok time with its offset: sorts as text and parses in formulas (DATEVALUE)."""
    return local(dt).isoformat(timespec="seconds") if dt else ""


def thai_dt(dt: datetime | None) -> str:
    return format_thai_datetime(local(dt)) if dt else ""


@dataclass(frozen=True)
class Kind:
    """How one outbox kind is mirrored."""

    name: str  # the outbox row's kind, e.g. "complaint"
    tab: Tab
    build: Callable[[Any], Row]
    # For each editable column: the sheet's text -> the value the use case takes, or None
    # when the text means nothing (the edit is then refused with a note). A parser may
    # instead raise ValueError with a Thai sentence saying why.
    edits: dict[str, Callable[[str], str | None]] = field(default_factory=dict)
    # Rows of other kinds that show figures of this entity, as (kind, sheet ID): they are
    # rewritten in place when this entity is mirrored (a progress report moves its
    # measure's percent), without an outbox row of their own.
    refresh: Callable[[Any], list[tuple[str, str]]] | None = None


REGISTRY: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    REGISTRY[kind.name] = kind
    return kind


def tab_row(tab: Tab, values: dict[str, Cell]) -> Row:
    """A row in the tab's column order; text cleaned, missing cells empty."""
    row: Row = []
    for col in tab.columns:
        v = values.get(col.key, "")
        row.append(text(v) if isinstance(v, str) else v)
    return row


def same_text(sheet: object, want: object) -> bool:
    """Whether a cell read back holds the text we wrote: line ends and the spaces around
    the text (which spreadsheet programs change on their own) do not count as an edit."""
    return _tidy(sheet) == _tidy(want)


def _tidy(value: object) -> str:
    return str("" if value is None else value).replace("\r\n", "\n").replace("\r", "\n").strip()


def blank_row(tab: Tab, entity_id: str, note: str) -> Row:
    """What stays of an entry that no longer exists (erased under PDPA): its ID and a note."""
    row: Row = [""] * len(tab.columns)
    row[0] = entity_id
    if tab.notes_key:
        row[tab.col(tab.notes_key)] = note
    return row


# --- complaints ---------------------------------------------------------------------------


def status_label(status: Status) -> str:
    return status.thai


# Labels an older version wrote into sheets, still read as their status.
OLD_STATUS_LABELS = {"ไม่รับพิจารณา": Status.REJECTED}


def parse_status(value: str) -> Status | None:
    """A status from what an admin typed or picked: the Thai label or the code."""
    v = " ".join(str(value).split())
    if v in OLD_STATUS_LABELS:
        return OLD_STATUS_LABELS[v]
    for s in Status:
        if v in (s.thai, s.value):
            return s
    return None


def _photo_ref(photo: str) -> str:
    """A link to the photo's page as given (the app's loader makes one), else the file's
    name alone: a server path means nothing to a sheet reader."""
    if photo.startswith(("http://", "https://", "/admin/")):
        return photo
    return photo.rsplit("/", 1)[-1]


def complaint_row(c: Complaint) -> Row:
    cat = categories.get(c.category)
    values: dict[str, Cell] = {
        "id": c.case_number,
        "received": thai_dt(c.created_at),
        "received_iso": iso(c.created_at),
        "category": cat.name_th if cat else c.category,
        "status": status_label(c.status),
        "due": format_thai_date(local(c.due_at)),
        "updated": thai_dt(c.updated_at or c.created_at),
        "updated_iso": iso(c.updated_at or c.created_at),
    }
    if is_sealed(c.category):
        # Corruption reports are sealed: the mirror is read by every admin, the report's
        # content and its reporter only by the integrity officer (in the app itself).
        values["details"] = SEALED_MARK
    else:
        loc = c.location
        values.update(
            {
                "unit": c.unit,
                "details": c.details,
                "location": loc.describe() if loc else "",
                "map": (loc.map_url or "") if loc else "",
                "photos": "\n".join(_photo_ref(p) for p in c.photos),
                "channel": channel_label(c.channel),
                "contact": "ไม่ประสงค์ออกนาม" if c.anonymous else c.contact_name,
                "phone": "" if c.anonymous else c.phone,
            }
        )
    return tab_row(COMPLAINTS, values)


def _status_edit(value: str) -> str | None:
    s = parse_status(value)
    return s.value if s else None


COMPLAINT = register(Kind("complaint", COMPLAINTS, complaint_row, {"status": _status_edit}))


# --- stable IDs of measures, progress reports and ratings ----------------------------------
# A measure is known by its fiscal year, plan and number (what the office's register says
# and what an import matches on), never by a database row number, so the sheet keeps
# pointing at the right rows after a re-import or a database rebuilt from the documents.
# Integrity measures keep the IDs they had before there were other plans ("2568-M03").

PLAN_LETTERS: dict[str, str] = {
    PLAN_INTEGRITY: "M",
    PLAN_OPERATING: "OP",
    PLAN_ANTI_CORRUPTION: "AC",
}
_LETTER_PLANS = {letter: plan for plan, letter in PLAN_LETTERS.items()}
_MEASURE_KEY = re.compile(r"^(\d{4})-(M|OP|AC)(\d{2,4})$")


def measure_key(fiscal_year: int, no: int, plan: str = PLAN_INTEGRITY) -> str:
    return f"{fiscal_year}-{PLAN_LETTERS[plan]}{no:02d}"


def parse_plan_item_key(value: str) -> tuple[int, str, int] | None:
    """(fiscal year, plan, number) of a canonical ID of any plan's item ("2568-OP03");
    anything else (an ID typed by hand as "2568-M3", a stray value) is None, so it can
    never edit an item."""
    m = _MEASURE_KEY.match(str(value).strip())
    if not m:
        return None
    fy, plan, no = int(m.group(1)), _LETTER_PLANS[m.group(2)], int(m.group(3))
    return (fy, plan, no) if measure_key(fy, no, plan) == str(value).strip() else None


def parse_measure_key(value: str) -> tuple[int, int] | None:
    """(fiscal year, number) of a canonical integrity measure ID; None for anything else."""
    found = parse_plan_item_key(value)
    if found is None or found[1] != PLAN_INTEGRITY:
        return None
    return found[0], found[2]


def numbered_key(prefix: str, entity_id: int | str) -> str:
    return f"{prefix}{int(entity_id):06d}"


def parse_numbered_key(prefix: str, value: str) -> int | None:
    v = str(value).strip()
    if not v.startswith(prefix) or not v[len(prefix) :].isdigit():
        return None
    n = int(v[len(prefix) :])
    return n if numbered_key(prefix, n) == v else None


PROGRESS_PREFIX = "P"
RATING_PREFIX = "S"


# --- measures ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MeasureEntry:
    """A measure as the sheet shows it: its register entry, newest progress (in
    `measure.latest`), how many reports there are and when it last changed."""

    measure: Measure
    updated_at: datetime | None = None
    reports: int = 0


def _date(d: Any) -> str:
    return format_thai_date(d) if d else ""


def measure_row(e: MeasureEntry) -> Row:
    m = e.measure
    latest = m.latest
    changed = [t for t in (e.updated_at, latest.created_at if latest else None) if t]
    updated = max(changed, key=lambda t: local(t)) if changed else None
    values: dict[str, Cell] = {
        "id": measure_key(m.fiscal_year, m.no, m.plan),
        "fiscal_year": m.fiscal_year,
        "plan": PLANS.get(m.plan, m.plan),
        "budget": float(m.budget) if m.budget is not None else "",
        "order": m.no,
        "issue": m.issue,
        "title": m.title,
        "steps": m.steps,
        "indicators": ", ".join(m.indicators),
        "unit": m.unit,
        "period": m.period_text,
        "start": _date(m.period_start),
        "end": _date(m.period_end),
        "end_iso": m.period_end.isoformat() if m.period_end else "",
        "outcome": m.outcome,
        "percent": m.percent,
        "status": m.status.thai,
        "reports": e.reports,
        "last_report": thai_dt(latest.created_at) if latest else "",
        "updated": thai_dt(updated),
        "updated_iso": iso(updated),
    }
    return tab_row(MEASURES, values)


def register_text(value: str) -> str:
    """An admin's text for a measure field. Text only: a formula typed into the cell
    (read back as "=…") is refused rather than stored as whatever it computed."""
    v = _tidy(value)
    if v.startswith("="):
        raise ValueError("ช่องนี้รับเฉพาะข้อความ ไม่รับสูตรคำนวณ")
    return v


MEASURE = register(
    Kind(
        "measure",
        MEASURES,
        measure_row,
        {key: register_text for key in MEASURES.editable},
    )
)


# --- progress reports ---------------------------------------------------------------------


@dataclass(frozen=True)
class ProgressEntry:
    update: ProgressUpdate
    fiscal_year: int
    measure_no: int
    measure_title: str = ""
    plan: str = PLAN_INTEGRITY

    @property
    def measure_key(self) -> str:
        return measure_key(self.fiscal_year, self.measure_no, self.plan)


def progress_row(e: ProgressEntry) -> Row:
    p = e.update
    # Photos are files on the server: the sheet names them, never holds them.
    names = [ph.rsplit("/", 1)[-1] for ph in p.photos]
    values: dict[str, Cell] = {
        "id": numbered_key(PROGRESS_PREFIX, p.id or 0),
        "reported": thai_dt(p.created_at),
        "reported_iso": iso(p.created_at),
        "measure": e.measure_key,
        "measure_name": e.measure_title.split("\n", 1)[0],
        "unit": p.unit,
        "reporter": p.staff_name,
        "percent": p.percent,
        "status": p.status.thai,
        "done": p.done,
        "outcome": p.outcome,
        "photo_count": len(names),
        "evidence": "\n".join(names),
        "channel": channel_label(p.channel),
    }
    return tab_row(PROGRESS, values)


PROGRESS_KIND = register(
    Kind(
        "progress",
        PROGRESS,
        progress_row,
        refresh=lambda e: [("measure", e.measure_key)],
    )
)


# --- satisfaction ---------------------------------------------------------------------------

RATING_KIND_TH = {RatingKind.SERVICE: "งานบริการ", RatingKind.COMPLAINT: "การจัดการเรื่องร้องเรียน"}


@dataclass(frozen=True)
class SatisfactionEntry:
    """A rating with its service's name. `sealed`: it rates a sealed (corruption) case, so
    its comment stays out of the sheet like the case's own details."""

    rating: Rating
    service_name: str = ""
    service_unit: str = ""
    sealed: bool = False


def satisfaction_row(e: SatisfactionEntry) -> Row:
    r = e.rating
    scores = {k: int(v) for k, v in r.scores.items()}
    values: dict[str, Cell] = {
        "id": numbered_key(RATING_PREFIX, r.id or 0),
        "rated": thai_dt(r.created_at),
        "rated_iso": iso(r.created_at),
        "kind": RATING_KIND_TH.get(r.kind, str(r.kind)),
        "service": e.service_name or r.service_code,
        "service_unit": e.service_unit,
        "channel": channel_label(r.channel),
        "mean": round(sum(scores.values()) / len(scores), 2) if scores else "",
        # Respondent details the survey asked for; never the LINE ID or its hash.
        "comment": SEALED_MARK if e.sealed and r.comment else r.comment,
        "gender": r.gender,
        "age_band": r.age_band,
        "occupation": r.occupation,
        "case": r.case_number,
    }
    for code in (*DIMENSION_CODES, HANDLING):
        values[code] = scores.get(code, "")
    return tab_row(SATISFACTION, values)


SATISFACTION_KIND = register(Kind("satisfaction", SATISFACTION, satisfaction_row))


# --- asset loans ------------------------------------------------------------------------------

LOAN_PREFIX = "L"


def asset_loan_row(loan: Loan) -> Row:
    values: dict[str, Cell] = {
        "id": numbered_key(LOAN_PREFIX, loan.id or 0),
        "requested": thai_dt(loan.created_at),
        "requested_iso": iso(loan.created_at),
        "asset": loan.asset_name,
        "asset_code": loan.asset_code,
        "asset_unit": loan.asset_unit,
        "borrower": loan.borrower_name,
        "unit": loan.unit,
        "start": format_thai_date(loan.start_on),
        "due": format_thai_date(loan.due_on),
        "due_iso": loan.due_on.isoformat(),
        "purpose": loan.purpose,
        "status": loan.status_th,
        "approver": loan.approver,
        "decided": thai_dt(loan.approved_at),
        "returned": thai_dt(loan.returned_at),
        "returned_late": "ใช่" if loan.returned_late() else "",
        "return_note": loan.return_note,
    }
    return tab_row(ASSET_LOANS, values)


ASSET_LOAN_KIND = register(Kind("asset_loan", ASSET_LOANS, asset_loan_row))


# --- the summary tab ------------------------------------------------------------------------

_SUMMARY_LABELS = {
    "complaints.total": "เรื่องร้องเรียนทั้งหมด",
    "complaints.corruption": "เรื่องทุจริต ประพฤติมิชอบ",
    "complaints.overdue": "เรื่องที่เกินกำหนดแจ้งผล",
    "complaints.median_days_to_resolve": "ระยะเวลาดำเนินการ (มัธยฐาน วัน)",
    "satisfaction.responses": "จำนวนผู้ประเมินความพึงพอใจ",
    "satisfaction.mean": "คะแนนความพึงพอใจเฉลี่ย",
    "satisfaction.percent_satisfied": "ร้อยละผู้พึงพอใจ",
    "measures.total": "มาตรการทั้งหมด",
    "measures.completed": "มาตรการที่แล้วเสร็จ",
    "measures.average_percent": "ความคืบหน้าเฉลี่ย (ร้อยละ)",
    "measures.overdue": "มาตรการที่เกินกำหนด",
    "service_stats.total": "จำนวนผู้รับบริการทั้งหมด (ราย)",
    "gifts.reports": "รายการรับของขวัญและประโยชน์อื่นใด",
    "gifts.declared_none": "การแจ้งไม่มีการรับของขวัญ (รายเดือน)",
    "gifts.total_value": "มูลค่าของขวัญที่ได้รับโดยประมาณ (บาท)",
    "assets.loans": "การยืมทรัพย์สินในปีงบประมาณ (ครั้ง)",
    "assets.out": "ทรัพย์สินที่อยู่ระหว่างยืม",
    "assets.overdue": "ทรัพย์สินที่เกินกำหนดคืน",
}
# Rows left blank after the figures, so a figure that disappears is cleared, not left stale.
SUMMARY_SPARE_ROWS = 20


_RATING_FIGURES = {
    "responses": "จำนวนผู้ประเมิน",
    "mean": "คะแนนเฉลี่ย",
    "percent_satisfied": "ร้อยละผู้พึงพอใจ",
}


def _summary_label(key: str, names: dict[str, str] | None = None) -> str:
    if key in _SUMMARY_LABELS:
        return _SUMMARY_LABELS[key]
    parts = key.split(".")
    if parts[:2] == ["satisfaction", "by_service"] and len(parts) == 4:
        name = (names or {}).get(parts[2], parts[2])
        return f"ความพึงพอใจ {name}: {_RATING_FIGURES.get(parts[3], parts[3])}"
    if parts[:2] == ["satisfaction", "complaint_handling"] and len(parts) == 3:
        return f"ความพึงพอใจต่อการจัดการเรื่องร้องเรียน: {_RATING_FIGURES.get(parts[2], parts[2])}"
    if parts[1:2] == ["by_month"] and len(parts) == 3:
        what = {"complaints": "เรื่องร้องเรียน", "service_stats": "ผู้รับบริการ"}.get(parts[0])
        try:
            year, month = (int(x) for x in parts[2].split("-"))
            if what:
                return f"{what} เดือน {MONTHS_SHORT[month - 1]} {year + BE_OFFSET}"
        except (ValueError, IndexError):
            pass
    if parts[:2] == ["service_stats", "by_service"] and len(parts) == 3:
        return f"ผู้รับบริการ {(names or {}).get(parts[2], parts[2])}"
    if parts[:2] == ["complaints", "by_status"] and len(parts) == 3:
        try:
            return f"เรื่องร้องเรียน สถานะ: {Status(parts[2]).thai}"
        except ValueError:
            pass
    if parts[:2] == ["complaints", "by_channel"] and len(parts) == 3:
        return f"เรื่องร้องเรียน ช่องทาง: {channel_label(parts[2])}"
    if parts[:2] == ["complaints", "by_category"] and len(parts) == 3:
        cat = categories.get(parts[2])
        return f"เรื่องร้องเรียน ประเภท: {cat.name_th if cat else parts[2]}"
    return key


def _flatten(prefix: str, value: Any, out: list[tuple[str, Cell]]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            _flatten(f"{prefix}.{k}" if prefix else str(k), v, out)
    elif isinstance(value, bool):
        out.append((prefix, "ใช่" if value else "ไม่"))
    elif isinstance(value, int | float):
        out.append((prefix, value))
    elif value is None:
        out.append((prefix, ""))
    elif isinstance(value, str):
        out.append((prefix, text(value)))
    # Lists (e.g. per-service tables) belong in their own reports, not in this tab.


def summary_rows(summary: dict[str, Any], at: datetime) -> list[Row]:
    """The summary figures, one a row, every status and category listed even at zero so the
    rows keep their places between syncs; followed by blank rows that clear leftovers."""
    data = dict(summary)
    fy = data.pop("fiscal_year", "")
    complaints = dict(data.get("complaints", {}))
    complaints["by_status"] = {
        s.value: complaints.get("by_status", {}).get(s.value, 0) for s in Status
    }
    complaints["by_category"] = {
        c.code: complaints.get("by_category", {}).get(c.code, 0)
        for c in categories.load_categories()
    }
    # Paper questionnaires are ratings, never complaints; the terminal chat's are tests.
    complaints["by_channel"] = {
        ch.value: complaints.get("by_channel", {}).get(ch.value, 0)
        for ch in Channel
        if ch not in (Channel.PAPER, Channel.CHAT)
    }
    data["complaints"] = complaints
    names: dict[str, str] = {}
    satisfaction = data.get("satisfaction")
    if isinstance(satisfaction, dict) and isinstance(satisfaction.get("by_service"), dict):
        satisfaction = dict(satisfaction)
        by_service: dict[str, Any] = {}
        for code, figures in satisfaction["by_service"].items():
            figures = dict(figures) if isinstance(figures, dict) else {}
            # The service's name goes into the labels, not into rows of its own.
            names[code] = str(figures.pop("name", code))
            by_service[code] = figures
        satisfaction["by_service"] = by_service
        data["satisfaction"] = satisfaction
    flat: list[tuple[str, Cell]] = []
    _flatten("", data, flat)
    rows: list[Row] = [
        [key, _summary_label(key, names), value, fy, thai_dt(at), iso(at)] for key, value in flat
    ]
    width = len(SUMMARY.columns)
    rows.extend([[""] * width for _ in range(SUMMARY_SPARE_ROWS)])
    return rows


# --- monthly service counts ------------------------------------------------------------------
# One row per service and month, known by both: "2568-11:tax" (BE year, month, service code),
# so entering the month again rewrites the row and a rebuilt database finds the same rows.

_SERVICE_COUNT_KEY = re.compile(r"^(\d{4})-(\d{2}):([a-z0-9][a-z0-9_-]{0,29})$")


def service_count_key(code: str, month: date) -> str:
    return f"{month.year + BE_OFFSET}-{month.month:02d}:{code}"


def parse_service_count_key(value: str) -> tuple[str, date] | None:
    """(service code, the month's first day) of a canonical ID; None for anything else."""
    found = _SERVICE_COUNT_KEY.match(str(value).strip())
    if not found or not 1 <= int(found[2]) <= 12:
        return None
    month = date(int(found[1]) - BE_OFFSET, int(found[2]), 1)
    return (found[3], month) if service_count_key(found[3], month) == str(value).strip() else None


@dataclass(frozen=True)
class ServiceCountEntry:
    code: str
    month: date  # its first day
    count: int
    service_name: str = ""
    service_unit: str = ""
    updated_at: datetime | None = None
    updated_by: str = ""


def service_count_row(e: ServiceCountEntry) -> Row:
    values: dict[str, Cell] = {
        "id": service_count_key(e.code, e.month),
        "month": f"{MONTHS_FULL[e.month.month - 1]} {e.month.year + BE_OFFSET}",
        "month_iso": f"{e.month.year:04d}-{e.month.month:02d}",
        "service": e.service_name or e.code,
        "service_unit": e.service_unit,
        "count": e.count,
        "updated": thai_dt(e.updated_at),
        "updated_iso": iso(e.updated_at),
        "updated_by": e.updated_by,
    }
    return tab_row(SERVICE_COUNTS, values)


SERVICE_COUNT_KIND = register(Kind("service_count", SERVICE_COUNTS, service_count_row))


# --- the gift register -------------------------------------------------------------------------

GIFT_PREFIX = "G"
GIFT_KIND_TH = {"gift": "รับของขวัญหรือประโยชน์อื่นใด", "none": "ไม่มีการรับของขวัญ"}


def gift_row(g: GiftReport) -> Row:
    month = g.period_start
    values: dict[str, Cell] = {
        "id": numbered_key(GIFT_PREFIX, g.id or 0),
        "kind": GIFT_KIND_TH.get(g.kind, g.kind),
        "reported": thai_dt(g.created_at),
        "reported_iso": iso(g.created_at),
        "staff": g.staff_name,
        "unit": g.unit,
        "received_on": _date(g.received_on),
        "period": f"{MONTHS_FULL[month.month - 1]} {month.year + BE_OFFSET}" if month else "",
        "giver": g.giver,
        "what": g.what,
        "value": float(g.estimated_value) if g.estimated_value is not None else "",
        "action": g.action,
        "reviewed": thai_dt(g.reviewed_at),
        "reviewed_by": g.reviewed_by,
        "review_note": g.review_note,
    }
    return tab_row(GIFTS, values)


GIFT_KIND = register(Kind("gift", GIFTS, gift_row))
