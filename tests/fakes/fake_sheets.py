"""A local stand-in for the Google Sheets v4 API, for the real gspread client to talk to over
real HTTP on 127.0.0.1, with quota enforcement and fault injection.

Implements spreadsheets.get, values.get / batchGet / update / append / batchUpdate, and
spreadsheets.batchUpdate with addSheet, updateSheetProperties and setDataValidation.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import requests
from werkzeug import Request, Response
from werkzeug.serving import make_server

GOOGLE = "https://sheets.googleapis.com"
_CELLS = re.compile(r"^([A-Z]*)(\d*)(?::([A-Z]*)(\d*))?$")


@dataclass
class Fault:
    """One injected failure for the next matching request ("read", "write" or "any").

    status: answer with this HTTP status; delay: sleep this long before answering (a client
    with a shorter timeout sees a timeout); apply: carry out the request first (Google did
    the work, but the client does not learn it)."""

    match: str = "write"
    status: int | None = None
    delay: float = 0.0
    apply: bool = False
    retry_after: float | None = None


@dataclass(frozen=True)
class Formula:
    """A cell an admin typed a formula into: Sheets shows what it computes and keeps the
    formula, which valueRenderOption=FORMULA returns."""

    formula: str
    shown: Any


@dataclass
class Sheet:
    sheet_id: int
    title: str
    index: int
    row_count: int = 1000
    column_count: int = 26
    frozen_rows: int = 0
    rows: list[list[Any]] = field(default_factory=list)
    validations: list[dict[str, Any]] = field(default_factory=list)

    def last_row(self) -> int:
        """1-based row of the last non-empty row (0 when empty)."""
        for i in range(len(self.rows) - 1, -1, -1):
            if any(v not in ("", None) for v in self.rows[i]):
                return i + 1
        return 0

    def set(self, r: int, c: int, value: Any) -> None:
        while len(self.rows) < r:
            self.rows.append([])
        row = self.rows[r - 1]
        while len(row) < c:
            row.append("")
        row[c - 1] = value

    def get(self, r: int, c: int) -> Any:
        if r - 1 < len(self.rows) and c - 1 < len(self.rows[r - 1]):
            return self.rows[r - 1][c - 1]
        return ""


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def col_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n


def col_letters(n: int) -> str:
    s = ""
    while n:
        n, rem = divmod(n - 1, 26)
        s = chr(65 + rem) + s
    return s


def quote_title(title: str) -> str:
    if re.fullmatch(r"[A-Za-z0-9_]+", title):
        return title
    return "'" + title.replace("'", "''") + "'"


class FakeSheets:
    def __init__(
        self,
        spreadsheet_id: str = "fake-spreadsheet",
        write_quota: int | None = None,
        read_quota: int | None = None,
        window: float = 60.0,
    ) -> None:
        self.spreadsheet_id = spreadsheet_id
        self.sheets: dict[str, Sheet] = {"Sheet1": Sheet(0, "Sheet1", 0)}
        self.write_quota = write_quota
        self.read_quota = read_quota
        self.window = window
        self._times: dict[str, deque[float]] = {"read": deque(), "write": deque()}
        self.faults: deque[Fault] = deque()
        self.lock = threading.RLock()
        self.log: list[tuple[str, str, str]] = []  # (type, method, what) of served requests
        self.value_input_options: list[str] = []
        self.formulas: list[tuple[str, int, int]] = []  # cells entered as formulas
        self.throttled = 0
        self.failed = 0
        self._server: Any = None
        self._thread: threading.Thread | None = None

    # --- running ------------------------------------------------------------------------------

    def start(self) -> str:
        self._server = make_server("127.0.0.1", 0, self.wsgi, threaded=True)
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )
        self._thread.start()
        return self.url

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}"

    def session(self) -> requests.Session:
        """A requests session that sends what gspread means for Google to this server."""
        return RoutedSession(self.url)

    # --- test helpers ---------------------------------------------------------------------------

    def inject(self, fault: Fault, times: int = 1) -> None:
        with self.lock:
            self.faults.extend([fault] * times)

    @property
    def writes(self) -> int:
        return sum(1 for t, _, _ in self.log if t == "write")

    @property
    def reads(self) -> int:
        return sum(1 for t, _, _ in self.log if t == "read")

    def values(self, title: str) -> list[list[Any]]:
        with self.lock:
            return [list(r) for r in self.sheets[title].rows]

    def column(self, title: str, col: int = 1) -> list[Any]:
        return [r[col - 1] if len(r) >= col else "" for r in self.values(title)]

    def edit(self, title: str, a1: str, value: Any) -> None:
        """An admin typing into a cell in the browser."""
        m = _CELLS.match(a1)
        assert m
        with self.lock:
            self.sheets[title].set(int(m.group(2)), col_number(m.group(1)), value)

    def edit_formula(self, title: str, a1: str, formula: str, shown: Any) -> None:
        """An admin typing a formula (USER_ENTERED) into a cell in the browser."""
        self.edit(title, a1, Formula(formula, shown))

    # --- the WSGI app -------------------------------------------------------------------------

    def wsgi(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        raw = environ.get("RAW_URI") or environ.get("REQUEST_URI") or request.full_path
        path = urlsplit(raw).path
        try:
            response = self._dispatch(request, path)
        except ApiError as e:
            response = _error(e.status, str(e))
        return response(environ, start_response)

    def _dispatch(self, request: Request, path: str) -> Response:
        prefix = "/v4/spreadsheets/"
        if not path.startswith(prefix):
            raise ApiError(404, f"not found: {path}")
        rest = path[len(prefix) :]
        method = request.method
        if rest.startswith(self.spreadsheet_id + "/values/"):
            tail = rest[len(self.spreadsheet_id + "/values/") :]
            if tail.endswith(":append") and method == "POST":
                return self._serve(
                    "write",
                    request,
                    lambda: self._append(request, unquote(tail[: -len(":append")])),
                )
            if method == "GET":
                return self._serve("read", request, lambda: self._get(request, unquote(tail)))
            if method == "PUT":
                return self._serve("write", request, lambda: self._update(request, unquote(tail)))
        if rest == self.spreadsheet_id + "/values:batchGet" and method == "GET":
            return self._serve("read", request, lambda: self._batch_get(request))
        if rest == self.spreadsheet_id + "/values:batchUpdate" and method == "POST":
            return self._serve("write", request, lambda: self._values_batch_update(request))
        if rest == self.spreadsheet_id + ":batchUpdate" and method == "POST":
            return self._serve("write", request, lambda: self._batch_update(request))
        if rest == self.spreadsheet_id and method == "GET":
            return self._serve("read", request, self._metadata)
        if rest.split("/")[0].split(":")[0] != self.spreadsheet_id:
            raise ApiError(404, "Requested entity was not found.")
        raise ApiError(400, f"unsupported: {method} {path}")

    def _serve(self, kind: str, request: Request, work: Any) -> Response:
        fault = self._take_fault(kind)
        if fault is None:
            self._check_quota(kind)
            with self.lock:
                body = work()
                self.log.append((kind, request.method, request.path))
            return _json(body)
        with self.lock:
            self.failed += 1
        if fault.apply:
            with self.lock:
                body = work()
                self.log.append((kind, request.method, request.path))
        if fault.delay:
            time.sleep(fault.delay)
        if fault.status:
            headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after else {}
            return _error(fault.status, "injected fault", headers)
        return _json(body if fault.apply else {})

    def _take_fault(self, kind: str) -> Fault | None:
        with self.lock:
            if self.faults and self.faults[0].match in (kind, "any"):
                return self.faults.popleft()
        return None

    def _check_quota(self, kind: str) -> None:
        quota = self.write_quota if kind == "write" else self.read_quota
        if quota is None:
            return
        with self.lock:
            now = time.monotonic()
            times = self._times[kind]
            while times and times[0] <= now - self.window:
                times.popleft()
            if len(times) >= quota:
                self.throttled += 1
                raise ApiError(
                    429,
                    "Quota exceeded for quota metric 'Write requests' "
                    "and limit 'Write requests per minute per user'",
                )
            times.append(now)

    # --- ranges ---------------------------------------------------------------------------------

    def _resolve(self, a1: str) -> tuple[Sheet, int, int, int | None, int | None]:
        """(sheet, first row, first col, last row or None, last col or None), 1-based."""
        if "!" in a1:
            title, cells = a1.rsplit("!", 1)
        else:
            title, cells = a1, ""
        if title.startswith("'") and title.endswith("'"):
            title = title[1:-1].replace("''", "'")
        sheet = self.sheets.get(title)
        if sheet is None:
            if not cells and re.fullmatch(r"[A-Z]+\d*(:[A-Z]+\d*)?", title):
                sheet, cells = next(iter(self.sheets.values())), title
            else:
                raise ApiError(400, f"Unable to parse range: {a1}")
        m = _CELLS.match(cells)
        if not m:
            raise ApiError(400, f"Unable to parse range: {a1}")
        c1, r1, c2, r2 = m.groups()
        first_col = col_number(c1) if c1 else 1
        first_row = int(r1) if r1 else 1
        if ":" in cells:
            last_col = col_number(c2) if c2 else None
            last_row = int(r2) if r2 else None
        elif cells:
            last_col, last_row = (first_col if c1 else None), (first_row if r1 else None)
        else:
            last_col = last_row = None
        return sheet, first_row, first_col, last_row, last_col

    def _range_name(self, sheet: Sheet, r1: int, c1: int, r2: int, c2: int) -> str:
        return f"{quote_title(sheet.title)}!{col_letters(c1)}{r1}:{col_letters(c2)}{r2}"

    def _read_range(self, a1: str, render: str) -> dict[str, Any]:
        sheet, r1, c1, r2, c2 = self._resolve(a1)
        last = sheet.last_row()
        r2 = min(r2 or last, last)
        out: list[list[Any]] = []
        for r in range(r1, r2 + 1):
            row = sheet.rows[r - 1] if r - 1 < len(sheet.rows) else []
            cells = row[c1 - 1 : c2 if c2 else None]
            cells = [_render(v, render) for v in cells]
            while cells and cells[-1] == "":
                cells.pop()
            out.append(cells)
        while out and not out[-1]:
            out.pop()
        body: dict[str, Any] = {"range": a1, "majorDimension": "ROWS"}
        if out:
            body["values"] = out
        return body

    def _write_values(self, a1: str, values: list[list[Any]], option: str) -> dict[str, Any]:
        if option not in ("RAW", "USER_ENTERED"):
            raise ApiError(400, "Invalid valueInputOption")
        self.value_input_options.append(option)
        sheet, r1, c1, _, _ = self._resolve(a1)
        width = max((len(r) for r in values), default=0)
        if r1 + len(values) - 1 > sheet.row_count:
            raise ApiError(400, f"Range ({a1}) exceeds grid limits. Max rows: {sheet.row_count}")
        if c1 + width - 1 > sheet.column_count:
            raise ApiError(
                400, f"Range ({a1}) exceeds grid limits. Max columns: {sheet.column_count}"
            )
        for i, row in enumerate(values):
            for j, v in enumerate(row):
                self._store(sheet, r1 + i, c1 + j, v, option)
        return {
            "updatedRange": self._range_name(
                sheet, r1, c1, r1 + len(values) - 1, c1 + max(width, 1) - 1
            ),
            "updatedRows": len(values),
            "updatedColumns": width,
            "updatedCells": sum(len(r) for r in values),
        }

    def _store(self, sheet: Sheet, r: int, c: int, v: Any, option: str) -> None:
        if v is None:
            return  # Sheets leaves the cell as it is
        if option == "USER_ENTERED" and isinstance(v, str) and v.startswith(("=", "+", "-", "@")):
            self.formulas.append((sheet.title, r, c))
        sheet.set(r, c, v)

    # --- handlers -------------------------------------------------------------------------------

    def _metadata(self) -> dict[str, Any]:
        return {
            "spreadsheetId": self.spreadsheet_id,
            "properties": {"title": "Prongsai test", "locale": "th_TH", "timeZone": "Asia/Bangkok"},
            "sheets": [
                {
                    "properties": {
                        "sheetId": s.sheet_id,
                        "title": s.title,
                        "index": s.index,
                        "sheetType": "GRID",
                        "gridProperties": {
                            "rowCount": s.row_count,
                            "columnCount": s.column_count,
                            "frozenRowCount": s.frozen_rows,
                        },
                    }
                }
                for s in sorted(self.sheets.values(), key=lambda s: s.index)
            ],
        }

    def _get(self, request: Request, a1: str) -> dict[str, Any]:
        return self._read_range(a1, request.args.get("valueRenderOption", "FORMATTED_VALUE"))

    def _batch_get(self, request: Request) -> dict[str, Any]:
        ranges = parse_qs(urlsplit(request.full_path).query).get("ranges", [])
        render = request.args.get("valueRenderOption", "FORMATTED_VALUE")
        return {
            "spreadsheetId": self.spreadsheet_id,
            "valueRanges": [self._read_range(r, render) for r in ranges],
        }

    def _update(self, request: Request, a1: str) -> dict[str, Any]:
        body = request.get_json()
        out = self._write_values(
            a1, body.get("values", []), request.args.get("valueInputOption", "")
        )
        return {"spreadsheetId": self.spreadsheet_id, **out}

    def _values_batch_update(self, request: Request) -> dict[str, Any]:
        body = request.get_json()
        option = body.get("valueInputOption", "")
        # Check every range first: Google applies all of a batch or none of it.
        for d in body.get("data", []):
            sheet, r1, _, _, _ = self._resolve(d["range"])
            if r1 + len(d.get("values", [])) - 1 > sheet.row_count:
                raise ApiError(400, f"Range ({d['range']}) exceeds grid limits")
        responses = [
            self._write_values(d["range"], d.get("values", []), option)
            for d in body.get("data", [])
        ]
        return {
            "spreadsheetId": self.spreadsheet_id,
            "totalUpdatedRows": sum(r["updatedRows"] for r in responses),
            "responses": responses,
        }

    def _append(self, request: Request, a1: str) -> dict[str, Any]:
        body = request.get_json()
        option = request.args.get("valueInputOption", "")
        values = body.get("values", [])
        sheet, _, c1, _, _ = self._resolve(a1)
        first = sheet.last_row() + 1
        if (
            request.args.get("insertDataOption") == "INSERT_ROWS"
            or first + len(values) - 1 > sheet.row_count
        ):
            sheet.row_count = max(sheet.row_count, first - 1) + len(values)
        table = self._range_name(sheet, 1, c1, max(first - 1, 1), sheet.column_count)
        target = f"{quote_title(sheet.title)}!{col_letters(c1)}{first}"
        updates = self._write_values(target, values, option)
        return {
            "spreadsheetId": self.spreadsheet_id,
            "tableRange": table,
            "updates": {"spreadsheetId": self.spreadsheet_id, **updates},
        }

    def _batch_update(self, request: Request) -> dict[str, Any]:
        body = request.get_json()
        reqs = body.get("requests", [])
        # Validate the whole batch before changing anything (Google's batches are atomic).
        titles = set(self.sheets)
        ids = {s.sheet_id for s in self.sheets.values()}
        for r in reqs:
            if "addSheet" in r:
                p = r["addSheet"].get("properties", {})
                if p.get("title") in titles:
                    raise ApiError(
                        400,
                        f'A sheet with the name "{p.get("title")}" already '
                        "exists. Please enter another name.",
                    )
                titles.add(p.get("title"))
                ids.add(p.get("sheetId", -1))
            elif "setDataValidation" in r or "updateSheetProperties" in r:
                rng = r.get("setDataValidation", {}).get("range") or r.get(
                    "updateSheetProperties", {}
                ).get("properties", {})
                if rng.get("sheetId") not in ids:
                    raise ApiError(400, f"No grid with id: {rng.get('sheetId')}")
            else:
                raise ApiError(400, f"unsupported request: {list(r)}")
        replies: list[dict[str, Any]] = []
        for r in reqs:
            if "addSheet" in r:
                p = r["addSheet"]["properties"]
                sid = p.get(
                    "sheetId", max((s.sheet_id for s in self.sheets.values()), default=0) + 1
                )
                g = p.get("gridProperties", {})
                sheet = Sheet(
                    sid,
                    p["title"],
                    len(self.sheets),
                    g.get("rowCount", 1000),
                    g.get("columnCount", 26),
                    g.get("frozenRowCount", 0),
                )
                self.sheets[sheet.title] = sheet
                replies.append(
                    {
                        "addSheet": {
                            "properties": {
                                "sheetId": sid,
                                "title": sheet.title,
                                "index": sheet.index,
                            }
                        }
                    }
                )
            elif "updateSheetProperties" in r:
                p = r["updateSheetProperties"]["properties"]
                sheet = self._by_id(p["sheetId"])
                g = p.get("gridProperties", {})
                sheet.frozen_rows = g.get("frozenRowCount", sheet.frozen_rows)
                sheet.column_count = g.get("columnCount", sheet.column_count)
                replies.append({})
            else:
                v = r["setDataValidation"]
                sheet = self._by_id(v["range"]["sheetId"])
                sheet.validations = [x for x in sheet.validations if x["range"] != v["range"]] + [v]
                replies.append({})
        return {"spreadsheetId": self.spreadsheet_id, "replies": replies}

    def _by_id(self, sid: int) -> Sheet:
        for s in self.sheets.values():
            if s.sheet_id == sid:
                return s
        raise ApiError(400, f"No grid with id: {sid}")


def _render(v: Any, render: str) -> Any:
    if isinstance(v, Formula):
        v = v.formula if render == "FORMULA" else v.shown
    if render == "FORMATTED_VALUE" and not isinstance(v, str):
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        return "" if v is None else str(v)
    return v


def _json(body: Any) -> Response:
    return Response(
        json.dumps(body, ensure_ascii=False), 200, content_type="application/json; charset=UTF-8"
    )


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    statuses = {
        400: "INVALID_ARGUMENT",
        404: "NOT_FOUND",
        429: "RESOURCE_EXHAUSTED",
        500: "INTERNAL",
        503: "UNAVAILABLE",
    }
    body = {
        "error": {"code": status, "message": message, "status": statuses.get(status, "UNKNOWN")}
    }
    return Response(
        json.dumps(body),
        status,
        headers=headers or {},
        content_type="application/json; charset=UTF-8",
    )


class RoutedSession(requests.Session):
    """Sends requests meant for sheets.googleapis.com to the fake instead."""

    def __init__(self, base: str) -> None:
        super().__init__()
        self.base = base

    def request(
        self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any
    ) -> requests.Response:
        u = url.decode() if isinstance(url, bytes) else url
        if u.startswith(GOOGLE):
            u = self.base + u[len(GOOGLE) :]
        return super().request(method, u, *args, **kwargs)


@contextmanager
def running(fake: FakeSheets) -> Iterator[FakeSheets]:
    fake.start()
    try:
        yield fake
    finally:
        fake.stop()
