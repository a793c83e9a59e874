"""Pages in headless Chromium: screenshots kept for people to look at, the admin's login."""

from __future__ import annotations

from pathlib import Path

from tests.support.servers import ROOT

SCREENSHOTS = ROOT / "tests" / "e2e" / "screenshots"


def shot(page: object, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
    return path


def log_in(page: object, url: str, password: str, username: str = "admin") -> None:
    """Through the login form, as a person would."""
    page.goto(url + "/admin/login")  # type: ignore[attr-defined]
    page.fill("#username", username)  # type: ignore[attr-defined]
    page.fill("#password", password)  # type: ignore[attr-defined]
    page.get_by_role("button", name="เข้าสู่ระบบ").click()  # type: ignore[attr-defined]
