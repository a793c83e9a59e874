"""End-to-end fixtures: the production server (waitress) in its own process, headless Chromium.

Safe under pytest-xdist: each worker starts its own servers (free ports, instance folders
under its own temporary directory) and its own browser (Playwright gives each launch a
fresh temporary profile)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.servers import Server, running_server
from tests.support.settings import ADMIN_PASSWORD

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server shared by the modules that only file and read as citizens."""
    with running_server(tmp_path_factory.mktemp("instance")) as srv:
        yield srv


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server of the module's own, whose first admin logs in with ADMIN_PASSWORD."""
    with running_server(
        tmp_path_factory.mktemp("office"), {"ADMIN_PASSWORD": ADMIN_PASSWORD}
    ) as srv:
        yield srv


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: run `make browser` (installs Debian's chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def phone(browser: object) -> Iterator[object]:
    """A page sized like a cheap Android phone."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="th-TH")  # type: ignore[attr-defined]
    page = context.new_page()
    yield page
    context.close()
