"""The local XLSX backend: the embedded default, the same tabs as the Google Sheet."""

from __future__ import annotations

import logging
import os
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import cast

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from sheets.layout import Tab, col_letter
from sheets.ports import RangeWrite, SheetsError
from sheets.rows import Cell, Row

log = logging.getLogger(__name__)

# An office-suite lock file older than this was left by a program that crashed: ignored.
STALE_LOCK_SECONDS = 24 * 3600

# What Excel and LibreOffice would read as a formula (or a DDE payload) when typed.
FORMULA_START = ("=", "+", "-", "@")
HEADER_FONT = Font(bold=True)


def set_cell(ws: Worksheet, row: int, col: int, value: Cell) -> None:
    """Write one cell; text always as a string cell. openpyxl makes any string starting
    with "=" a formula, so the type is forced back to 's', and the quote prefix keeps
    Excel from re-reading it as one when an admin edits the cell."""
    cell = ws.cell(row=row, column=col)
    if value == "" or value is None:
        cell.value = None
        return
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(FORMULA_START):
            cell.quotePrefix = True


def file_version(path: Path) -> tuple[int, int, int] | None:
    """What changes whenever anyone saves the file (ours replace it, so the inode moves too)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def lock_files(path: Path) -> list[Path]:
    """Where office programs keep an owner file beside a workbook they have open: LibreOffice's
    ``.~lock.NAME#`` and Excel's ``~$NAME`` (``~$`` over the first two letters of a long name)."""
    names = {f".~lock.{path.name}#", f"~${path.name}", f"~${path.name[2:]}"}
    return [path.with_name(n) for n in sorted(names)]


class XlsxBackend:
    name = "xlsx"

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._wb: Workbook | None = None
        self._version: tuple[int, int, int] | None = None
        self._dirty = False

    # --- the workbook, reloaded when someone else saved the file -----------------------

    def _changed_meanwhile(self) -> SheetsError:
        # Our unsaved rows sit on the copy read before that save: writing it would undo the
        # other save, and reloading would drop our rows. Start the round again from the file.
        self.reset()
        return SheetsError(
            f"{self.path.name} was saved by someone else during the sync; writing again "
            "on the newer file",
            retryable=True,
        )

    def _book(self) -> Workbook:
        version = file_version(self.path)
        if self._wb is not None and version == self._version:
            return self._wb
        if self._dirty:
            raise self._changed_meanwhile()
        if version is None:
            wb = Workbook()
            wb.remove(wb.worksheets[0])  # the empty sheet a new workbook starts with
        else:
            try:
                wb = load_workbook(self.path)
            except (zipfile.BadZipFile, EOFError) as e:
                # Caught halfway through someone else's save (a spreadsheet program writing
                # the file in place): read it again shortly.
                raise SheetsError(f"{self.path} is being saved: {e}", retryable=True) from e
            except (OSError, ValueError, KeyError) as e:
                raise SheetsError(f"cannot read {self.path}: {e}", retryable=False) from e
        self._wb, self._version, self._dirty = wb, version, False
        return wb

    def _sheet(self, tab: Tab) -> Worksheet:
        wb = self._book()
        if tab.title not in wb.sheetnames:
            self.ensure_layout([tab])
        return wb[tab.title]

    # --- the backend ----------------------------------------------------------------------

    def ensure_layout(self, tabs: Sequence[Tab]) -> list[str]:
        wb = self._book()
        created: list[str] = []
        for tab in tabs:
            if tab.title in wb.sheetnames:
                ws = wb[tab.title]
            else:
                ws = wb.create_sheet(tab.title)
                created.append(tab.key)
                self._dirty = True
            have = [c.value for c in ws[1][: len(tab.columns)]] if ws.max_row >= 1 else []
            if have != tab.headers:
                for i, col in enumerate(tab.columns, start=1):
                    set_cell(ws, 1, i, col.header)
                    ws.cell(row=1, column=i).font = HEADER_FONT
                    ws.column_dimensions[col_letter(i - 1)].width = col.width
                self._dirty = True
            if ws.freeze_panes != "A2":
                ws.freeze_panes = "A2"
                self._dirty = True
            if tab.dropdown_key and not self._has_dropdown(ws, tab):
                letter = tab.letter(tab.dropdown_key)
                dv = DataValidation(
                    type="list",
                    formula1='"' + ",".join(tab.dropdown) + '"',
                    allow_blank=True,
                    showDropDown=False,  # False shows the in-cell arrow (the name is inverted)
                    promptTitle="สถานะ",
                    prompt="เลือกสถานะจากรายการ",
                )
                dv.add(f"{letter}2:{letter}1048576")
                ws.add_data_validation(dv)
                self._dirty = True
        self.commit()
        return created

    @staticmethod
    def _has_dropdown(ws: Worksheet, tab: Tab) -> bool:
        start = f"{tab.letter(tab.dropdown_key or 'id')}2"
        return any(str(dv.sqref).startswith(start) for dv in ws.data_validations.dataValidation)

    def read_ids(self, tabs: Sequence[Tab]) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for tab in tabs:
            index: dict[str, int] = {}
            ws = self._sheet(tab)
            for r, (value,) in enumerate(
                ws.iter_rows(min_row=2, max_col=1, values_only=True), start=2
            ):
                eid = "" if value is None else str(value).strip()
                if eid and eid not in index:
                    index[eid] = r
            out[tab.key] = index
        return out

    def _last_row(self, ws: Worksheet) -> int:
        # max_row counts rows that merely carry a style; the table ends at the last value.
        r = ws.max_row
        while r > 1 and all(c.value in (None, "") for c in ws[r]):
            r -= 1
        return r

    def append(self, tab: Tab, rows: list[Row]) -> int:
        ws = self._sheet(tab)
        first = self._last_row(ws) + 1
        for i, row in enumerate(rows):
            for j, value in enumerate(row, start=1):
                set_cell(ws, first + i, j, value)
        self._dirty = True
        return first

    def write(self, writes: Sequence[RangeWrite]) -> None:
        for w in writes:
            ws = self._sheet(w.tab)
            for i, row in enumerate(w.rows):
                for j, value in enumerate(row):
                    set_cell(ws, w.row + i, w.col + 1 + j, value)
            self._dirty = True

    def read_columns(self, tab: Tab, keys: Sequence[str]) -> list[dict[str, Cell]]:
        ws = self._sheet(tab)
        out: list[dict[str, Cell]] = []
        idx = [tab.col(k) for k in keys]
        for r, values in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
            row: dict[str, Cell] = {"_row": r}
            for key, i in zip(keys, idx, strict=True):
                v = values[i] if i < len(values) else None
                # A cell an admin typed a date into reads as a datetime, not a Cell; the
                # sync reads every value through str().
                row[key] = "" if v is None else cast(Cell, v)
            out.append(row)
        return out

    def commit(self) -> None:
        if not self._dirty or self._wb is None:
            return
        self._refuse_if_open()
        if file_version(self.path) != self._version:
            raise self._changed_meanwhile()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            self._wb.save(tmp)
            # Saving takes a while: an admin's save landing meanwhile must not be replaced
            # by our older copy, so look again just before the swap (the window left is the
            # time between two system calls, not the time a save takes).
            if file_version(self.path) != self._version:
                tmp.unlink(missing_ok=True)
                raise self._changed_meanwhile()
            # Atomic: a reader (or a crash) sees the old file or the new one, never half.
            os.replace(tmp, self.path)
        except OSError as e:  # e.g. the file is locked by Excel on Windows
            tmp.unlink(missing_ok=True)
            raise SheetsError(f"cannot save {self.path}: {e}", retryable=True) from e
        self._version = file_version(self.path)
        self._dirty = False

    def _refuse_if_open(self) -> None:
        """While an admin has the file open, a save of theirs would overwrite rows written
        now (their program holds the older copy): the rows wait until the file is closed."""
        now = time.time()
        for lock in lock_files(self.path):
            try:
                age = now - lock.stat().st_mtime
            except FileNotFoundError:
                continue  # not open in that program
            if age > STALE_LOCK_SECONDS:
                log.warning("sheets: ignoring %s, a lock file %.0f hours old", lock, age / 3600)
                continue
            self.reset()
            raise SheetsError(
                f"{self.path.name} เปิดอยู่ในโปรแกรมตารางคำนวณ (มีไฟล์ {lock.name}) "
                "จะบันทึกเมื่อปิดไฟล์แล้ว / open in a spreadsheet program; "
                "the entries are written once it is closed",
                retryable=False,
            )

    def reset(self) -> None:
        # Unsaved changes are dropped: the outbox still has them pending.
        self._wb, self._version, self._dirty = None, None, False
