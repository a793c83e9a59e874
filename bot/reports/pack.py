"""A year's evidence pack: every item Prongsai builds, as HTML, DOCX and XLSX, with an index."""

from __future__ import annotations

import zipfile
from datetime import datetime
from html import escape
from pathlib import Path

from bot.db.store import SqlStore
from bot.reports import FORMATS, file_name, render
from bot.reports.evidence import EvidenceError, build_target, resolve


def write_pack(
    store: SqlStore,
    year: int,
    now: datetime,
    out: Path,
    *,
    office: str = "",
    address: str = "",
) -> tuple[list[str], list[tuple[str, str]]]:
    """Write the zip; returns the codes built and (code, Thai reason) for those left out."""
    from bot.db.ita.store import catalogue_for

    catalogue = catalogue_for(store.session, year)
    built: list[str] = []
    skipped: list[tuple[str, str]] = []
    rows: list[str] = []
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in catalogue.items:
            if not item.kind:
                continue
            try:
                report = build_target(
                    store, resolve(store, year, item.code, now), now, office=office, address=address
                )
            except EvidenceError as e:
                skipped.append((item.code, str(e)))
                rows.append(_row(item.code.upper(), item.title, str(e), []))
                continue
            names = [file_name(item.code, year, fmt) for fmt in FORMATS]
            for name, fmt in zip(names, FORMATS, strict=True):
                z.writestr(name, render(report, fmt))
            built.append(item.code)
            rows.append(_row(item.code.upper(), item.title, report.as_of, names))
        z.writestr("index.html", _index(year, office, catalogue.based_on, rows))
    return built, skipped


def _row(code: str, title: str, note: str, names: list[str]) -> str:
    links = " · ".join(
        f'<a href="{escape(n)}">{escape(n.rsplit(".", 1)[1].upper())}</a>' for n in names
    )
    return (
        f"<tr><th scope=row>{escape(code)}</th><td>{escape(title)}</td>"
        f"<td>{links}</td><td>{escape(note)}</td></tr>"
    )


def _index(year: int, office: str, based_on: int, rows: list[str]) -> str:
    fallback = (
        f"<p>ยังไม่มีบัญชีรายการของปี {year} ใช้บัญชีรายการปี {based_on}</p>" if based_on != year else ""
    )
    return f"""<!doctype html>
<html lang="th"><head><meta charset="utf-8"><title>หลักฐาน ITA ปี {year}</title>
<style>body {{ font-family: 'TH Sarabun New', sans-serif; font-size: 16pt; }}
table {{ border-collapse: collapse; }}
th, td {{ border: 1px solid #000; padding: 2pt 6pt; }}</style>
</head><body><main>
<h1>หลักฐานการประเมินคุณธรรมและความโปร่งใส (ITA) ปี {year}</h1>
<p>{escape(office)}</p>{fallback}
<table><caption>รายการที่ระบบจัดทำ</caption>
<thead><tr><th scope=col>รายการ</th><th scope=col>ชื่อรายการ</th><th scope=col>ไฟล์</th>
<th scope=col>หมายเหตุ</th></tr></thead>
<tbody>{"".join(rows)}</tbody></table>
</main></body></html>
"""
