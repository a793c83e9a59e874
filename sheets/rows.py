"""Row builders: an entity in, its sheet row out. One builder per outbox kind, in a registry,
so measures, progress updates and satisfaction entries plug in without touching the sync.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from handlers import categories
from handlers.clock import local
from handlers.domain import Channel, Complaint, Status
from handlers.thai.dates import format_thai_date, format_thai_datetime
from sheets.layout import COMPLAINTS, SUMMARY, Tab

Cell = str | int | float
Row = list[Cell]

# Characters XML 1.0 (so XLSX) cannot hold; a citizen can paste them into LINE.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Google Sheets refuses cells longer than this.
MAX_CELL_CHARS = 50_000

SEALED_CATEGORY = "corruption"
SEALED_MARK = "— ปิดผนึก: ดูได้เฉพาะผู้ได้รับมอบหมาย —"

CHANNEL_TH = {Channel.LINE: "LINE", Channel.WEB: "เว็บไซต์", Channel.CHAT: "ทดสอบ"}


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
    # when the text means nothing (the edit is then refused with a note).
    edits: dict[str, Callable[[str], str | None]] = field(default_factory=dict)


REGISTRY: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    REGISTRY[kind.name] = kind
    return kind


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


def parse_status(value: str) -> Status | None:
    """A status from what an admin typed or picked: the Thai label or the code."""
    v = " ".join(str(value).split())
    for s in Status:
        if v in (s.thai, s.value):
            return s
    return None


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
    if c.category == SEALED_CATEGORY:
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
                "photos": "\n".join(p.rsplit("/", 1)[-1] for p in c.photos),
                "channel": CHANNEL_TH.get(c.channel, str(c.channel)),
                "contact": "ไม่ประสงค์ออกนาม" if c.anonymous else c.contact_name,
                "phone": "" if c.anonymous else c.phone,
            }
        )
    row: Row = []
    for col in COMPLAINTS.columns:
        v = values.get(col.key, "")
        row.append(text(v) if isinstance(v, str) else v)
    return row


def _status_edit(value: str) -> str | None:
    s = parse_status(value)
    return s.value if s else None


COMPLAINT = register(Kind("complaint", COMPLAINTS, complaint_row, {"status": _status_edit}))


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
}
# Rows left blank after the figures, so a figure that disappears is cleared, not left stale.
SUMMARY_SPARE_ROWS = 20


def _summary_label(key: str) -> str:
    if key in _SUMMARY_LABELS:
        return _SUMMARY_LABELS[key]
    parts = key.split(".")
    if parts[:2] == ["complaints", "by_status"] and len(parts) == 3:
        try:
            return f"เรื่องร้องเรียน สถานะ: {Status(parts[2]).thai}"
        except ValueError:
            pass
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
    complaints["by_status"] = {s.value: complaints.get("by_status", {}).get(s.value, 0)
                               for s in Status}
    complaints["by_category"] = {
        c.code: complaints.get("by_category", {}).get(c.code, 0)
        for c in categories.load_categories()
    }
    data["complaints"] = complaints
    flat: list[tuple[str, Cell]] = []
    _flatten("", data, flat)
    rows: list[Row] = [
        [key, _summary_label(key), value, fy, thai_dt(at), iso(at)] for key, value in flat
    ]
    width = len(SUMMARY.columns)
    rows.extend([[""] * width for _ in range(SUMMARY_SPARE_ROWS)])
    return rows
