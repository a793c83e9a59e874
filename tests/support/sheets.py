"""The real gspread client and app settings pointed at the fake Google Sheets server."""

from __future__ import annotations

from typing import Any

import gspread

from tests.fakes.fake_sheets import FakeSheets


def gclient(fake: FakeSheets, timeout: float = 5.0) -> gspread.Client:
    client = gspread.Client(None, fake.session())
    client.set_timeout(timeout)
    return client


def google_config(fake: FakeSheets) -> dict[str, Any]:
    """App settings: the Google backend, writing to the fake's spreadsheet."""
    return {
        "SHEETS_BACKEND": "google",
        "SPREADSHEET_KEY": fake.spreadsheet_id,
        "SHEETS_GSPREAD_CLIENT_FACTORY": lambda: gclient(fake),
    }
