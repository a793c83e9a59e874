"""Several offices in one deployment: the offices file, each office's settings, and the router
that mounts one app per office (its own database, LINE channel, spreadsheet, uploads, accounts).

Isolation comes from construction, not from filters: an office's app holds only its own
database connection, so no page, export, chat or API of one office can reach another's rows.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from flask import Flask

CODE = re.compile(r"^[a-z0-9][a-z0-9_-]{1,39}$")
# Settings that must never fall back to the process environment in multi-office mode:
# sharing any of them would let offices see each other's data or impersonate each other.
PER_OFFICE = (
    "DATABASE_URL",
    "SECRET_KEY",
    "ADMIN_PASSWORD",
    "LINE_CHANNEL_SECRET",
    "LINE_CHANNEL_ACCESS_TOKEN",
    "SPREADSHEET_KEY",
    "SHEETS_XLSX_PATH",
    "UPLOAD_FOLDER",
    "API_TOKEN",
)

StartResponse = Callable[..., Any]


def load(path: str | Path) -> dict[str, dict[str, Any]]:
    """The offices file: {"offices": {"code": {"name": "...", "DATABASE_URL": "...", ...}}}."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    offices = data.get("offices") if isinstance(data, dict) else None
    if not isinstance(offices, dict) or not offices:
        raise ValueError(f"{path}: expected {{'offices': {{code: settings}}}}")
    for code, settings in offices.items():
        if not CODE.match(code) or not isinstance(settings, dict):
            raise ValueError(f"{path}: office code {code!r} must be lowercase letters/digits")
    return offices


def settings_for(code: str, entry: dict[str, Any], instance: Path) -> dict[str, Any]:
    """An office's own settings; what it does not set is kept inside its own folder."""
    from bot.config import _local_secret_key

    folder = instance / "offices" / code
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, Any] = {k: "" for k in PER_OFFICE}
    out.update(
        DATABASE_URL=f"sqlite:///{folder / 'prongsai.db'}",
        SECRET_KEY=_local_secret_key(folder),
        SHEETS_XLSX_PATH=str(folder / "prongsai.xlsx"),
        UPLOAD_FOLDER=str(folder / "uploads"),
        OFFICE_CODE=code,
        OFFICE_NAME=entry.get("name", code),
        # Each office's login lives under its own path, so signing in to one office never
        # replaces or reveals the session of another in the same browser.
        SESSION_COOKIE_PATH=f"/o/{code}/",
        SESSION_COOKIE_NAME=f"prongsai_{code}",
    )
    out.update({k: v for k, v in entry.items() if k != "name"})
    return out


class OfficeRouter:
    """WSGI: /callback/<office> and /o/<office>/... go to that office's app."""

    def __init__(self, apps: dict[str, Flask], names: dict[str, str]) -> None:
        self.apps = apps
        self.names = names

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "") or "/"
        parts = path.split("/", 3)  # "", first, code, rest
        if len(parts) >= 3 and parts[1] in ("callback", "o") and parts[2] in self.apps:
            app = self.apps[parts[2]]
            if parts[1] == "callback" and len(parts) == 3:
                environ["PATH_INFO"] = "/callback"
                return app(environ, start_response)
            if parts[1] == "o":
                environ["SCRIPT_NAME"] = environ.get("SCRIPT_NAME", "") + f"/o/{parts[2]}"
                environ["PATH_INFO"] = "/" + (parts[3] if len(parts) > 3 else "")
                return app(environ, start_response)
        if path == "/":
            return self._index(start_response)
        start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
        return ["ไม่พบหน้าที่ต้องการ".encode()]

    def _index(self, start_response: StartResponse) -> Iterable[bytes]:
        links = "".join(
            f'<li><a href="/o/{code}/">{html.escape(self.names[code])}</a></li>'
            for code in sorted(self.apps)
        )
        body = (
            '<!doctype html><html lang="th"><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>โปร่งใส</title><h1>เลือกหน่วยงาน</h1><ul>{links}</ul></html>"
        )
        start_response(
            "200 OK",
            [("Content-Type", "text/html; charset=utf-8"), ("X-Content-Type-Options", "nosniff")],
        )
        return [body.encode()]
