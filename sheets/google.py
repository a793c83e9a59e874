"""The Google Sheets backend, on gspread's plain HTTP client (no BackOffHTTPClient: its retry
loop never gives up, and retrying is the sync's job so entries stay pending meanwhile)."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import gspread
import requests
from gspread.exceptions import APIError
from gspread.http_client import ParamsType

from sheets.layout import Tab, col_letter
from sheets.ports import RangeWrite, SheetsError
from sheets.quota import TokenBucket
from sheets.rows import Cell, Row

log = logging.getLogger(__name__)

T = TypeVar("T")

# Values are always written RAW: a citizen's "=IMPORTXML(...)" stays text, never a formula.
RAW = "RAW"
_ROW_IN_RANGE = re.compile(r"![A-Z]+(\d+)")


class GoogleBackend:
    name = "google"

    def __init__(
        self,
        client: gspread.Client,
        key: str,
        writes: TokenBucket,
        reads: TokenBucket,
    ) -> None:
        self.http = client.http_client
        self.key = key
        self.writes = writes
        self.reads = reads
        # Called with the write token held, right before each write request: the sync
        # renews its lease there, so a writer that lost its lease never writes.
        self.before_write: Callable[[], None] = lambda: None
        self._layout_ok = False

    @classmethod
    def from_service_account(
        cls,
        filename: str,
        key: str,
        writes: TokenBucket,
        reads: TokenBucket,
        timeout: float = 30.0,
    ) -> GoogleBackend:
        client = gspread.service_account(filename=filename)
        client.set_timeout((min(10.0, timeout), timeout))
        return cls(client, key, writes, reads)

    # --- requests, counted and classified -----------------------------------------------

    def _read(self, fn: Callable[[], T]) -> T:
        with self.reads.token():
            return _call(fn, write=False)

    def _write(self, fn: Callable[[], T]) -> T:
        with self.writes.token():
            self.before_write()
            return _call(fn, write=True)

    # --- the backend ----------------------------------------------------------------------

    def ensure_layout(self, tabs: Sequence[Tab]) -> list[str]:
        if self._layout_ok:
            return []
        created: list[str] = []
        meta = self._read(lambda: self.http.fetch_sheet_metadata(self.key))
        existing = {s["properties"]["title"]: s["properties"] for s in meta.get("sheets", [])}
        used_ids = {p.get("sheetId", 0) for p in existing.values()}
        requests_: list[dict[str, Any]] = []
        sheet_ids: dict[str, int] = {}
        for tab in tabs:
            props = existing.get(tab.title)
            if props is None:
                # Choosing the ID ourselves lets one batchUpdate add the tab and its dropdown.
                sid = _free_sheet_id(tab.key, used_ids)
                used_ids.add(sid)
                sheet_ids[tab.key] = sid
                created.append(tab.key)
                requests_.append(
                    {
                        "addSheet": {
                            "properties": {
                                "sheetId": sid,
                                "title": tab.title,
                                "gridProperties": {
                                    "rowCount": 1000,
                                    "columnCount": len(tab.columns),
                                    "frozenRowCount": 1,
                                },
                            }
                        }
                    }
                )
                continue
            sheet_ids[tab.key] = props["sheetId"]
            grid = props.get("gridProperties", {})
            if grid.get("frozenRowCount", 0) != 1 or grid.get("columnCount", 26) < len(tab.columns):
                requests_.append(
                    {
                        "updateSheetProperties": {
                            "properties": {
                                "sheetId": props["sheetId"],
                                "gridProperties": {
                                    "frozenRowCount": 1,
                                    "columnCount": max(
                                        grid.get("columnCount", 26), len(tab.columns)
                                    ),
                                },
                            },
                            "fields": "gridProperties.frozenRowCount,gridProperties.columnCount",
                        }
                    }
                )
        for tab in tabs:
            if tab.dropdown_key:
                # Set on every start: an admin may have removed or broken it.
                c = tab.col(tab.dropdown_key)
                requests_.append(
                    {
                        "setDataValidation": {
                            "range": {
                                "sheetId": sheet_ids[tab.key],
                                "startRowIndex": 1,
                                "startColumnIndex": c,
                                "endColumnIndex": c + 1,
                            },
                            "rule": {
                                "condition": {
                                    "type": "ONE_OF_LIST",
                                    "values": [{"userEnteredValue": v} for v in tab.dropdown],
                                },
                                "strict": True,
                                "showCustomUi": True,
                                "inputMessage": "เลือกสถานะจากรายการ",
                            },
                        }
                    }
                )
        if requests_:
            self._write(lambda: self.http.batch_update(self.key, {"requests": requests_}))
        ranges = [tab.a1(f"A1:{tab.last_letter}1") for tab in tabs]
        got = self._read(lambda: self.http.values_batch_get(self.key, ranges))
        header_writes = []
        for tab, vr in zip(tabs, got.get("valueRanges", []), strict=False):
            have = [str(v) for v in (vr.get("values") or [[]])[0]]
            if have != tab.headers:
                header_writes.append(
                    {"range": tab.a1(f"A1:{tab.last_letter}1"), "values": [tab.headers]}
                )
        if header_writes:
            body = {"valueInputOption": RAW, "data": header_writes}
            self._write(lambda: self.http.values_batch_update(self.key, body))
        self._layout_ok = True
        return created

    def read_ids(self, tabs: Sequence[Tab]) -> dict[str, dict[str, int]]:
        ranges = [tab.a1("A:A") for tab in tabs]
        got = self._read(
            lambda: self.http.values_batch_get(self.key, ranges, params={"majorDimension": "ROWS"})
        )
        out: dict[str, dict[str, int]] = {}
        for tab, vr in zip(tabs, got.get("valueRanges", []), strict=False):
            index: dict[str, int] = {}
            for i, row in enumerate(vr.get("values", []) or []):
                if i == 0 or not row:
                    continue  # the header row; empty rows
                eid = str(row[0]).strip()
                if eid and eid not in index:
                    index[eid] = i + 1
            out[tab.key] = index
        return out

    def append(self, tab: Tab, rows: list[Row]) -> int:
        params: ParamsType = {"valueInputOption": RAW, "insertDataOption": "INSERT_ROWS"}
        body = {"majorDimension": "ROWS", "values": rows}
        got = self._write(lambda: self.http.values_append(self.key, tab.a1("A1"), params, body))
        updated = str(got.get("updates", {}).get("updatedRange", ""))
        m = _ROW_IN_RANGE.search(updated)
        if not m:
            # The rows are in, but where is unknown: make the sync re-read column A.
            raise SheetsError(
                f"append answered without a range: {updated!r}", retryable=True, uncertain=True
            )
        return int(m.group(1))

    def write(self, writes: Sequence[RangeWrite]) -> None:
        if not writes:
            return
        data = []
        for w in writes:
            width = max(len(r) for r in w.rows)
            first, last = col_letter(w.col), col_letter(w.col + width - 1)
            cells = f"{first}{w.row}:{last}{w.row + len(w.rows) - 1}"
            data.append({"range": w.tab.a1(cells), "majorDimension": "ROWS", "values": w.rows})
        body = {"valueInputOption": RAW, "data": data}
        self._write(lambda: self.http.values_batch_update(self.key, body))

    def read_columns(self, tab: Tab, keys: Sequence[str]) -> list[dict[str, Cell]]:
        ranges = [tab.a1(f"{tab.letter(k)}2:{tab.letter(k)}") for k in keys]
        # FORMULA: a formula an admin typed reads as its "=…" text, not as what it computed,
        # so it is refused as an edit instead of slipping in as a value.
        got = self._read(
            lambda: self.http.values_batch_get(
                self.key, ranges, params={"valueRenderOption": "FORMULA"}
            )
        )
        columns = [vr.get("values", []) or [] for vr in got.get("valueRanges", [])]
        n = max((len(c) for c in columns), default=0)
        out: list[dict[str, Cell]] = []
        for i in range(n):
            row: dict[str, Cell] = {"_row": i + 2}
            for key, col in zip(keys, columns, strict=False):
                row[key] = col[i][0] if i < len(col) and col[i] else ""
            out.append(row)
        return out

    def commit(self) -> None:
        pass  # every accepted request is already durable at Google

    def reset(self) -> None:
        self._layout_ok = False


def _free_sheet_id(key: str, used: set[int]) -> int:
    sid = 1_000 + sum(map(ord, key)) * 7
    while sid in used:
        sid += 1
    return sid


def _call(fn: Callable[[], T], write: bool) -> T:
    """One request; failures become SheetsError saying whether waiting may help and whether
    a write may have been applied even so."""
    try:
        return fn()
    except APIError as e:
        status = e.response.status_code
        retry_after = _retry_after(e.response)
        msg = f"Google Sheets {status}: {e.error.get('message', '')}"[:500]
        if status == 429 or status == 408:
            raise SheetsError(msg, retryable=True, retry_after=retry_after) from e
        if status >= 500:
            raise SheetsError(msg, retryable=True, retry_after=retry_after, uncertain=write) from e
        raise SheetsError(msg, retryable=False) from e
    except (requests.Timeout, requests.ConnectionError) as e:
        raise SheetsError(
            f"Google Sheets unreachable: {type(e).__name__}", retryable=True, uncertain=write
        ) from e
    except (ValueError, requests.RequestException) as e:  # e.g. a garbled answer
        raise SheetsError(
            f"Google Sheets answered badly: {e}"[:500], retryable=True, uncertain=write
        ) from e


def _retry_after(resp: requests.Response) -> float | None:
    try:
        return float(resp.headers.get("Retry-After", ""))
    except ValueError:
        return None
