"""End-to-end fixtures: the production server (waitress) in its own process, headless Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "tests" / "e2e" / "screenshots"
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    env: dict[str, str]

    def flask(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run a `flask --app bot` command against this server's database."""
        cmd = [str(Path(sys.executable).parent / "flask"), "--app", "bot", *args]
        return subprocess.run(cmd, env=self.env, cwd=ROOT, capture_output=True, text=True)


def start_server(
    instance: Path, extra_env: dict[str, str] | None = None
) -> tuple[subprocess.Popen[bytes], Server]:
    """Migrate, then serve the app with waitress exactly as `make run` does."""
    port = free_port()
    env = {
        **os.environ,
        "PRONGSAI_INSTANCE": str(instance),
        "PYTHAINLP_OFFLINE": "1",
        "SHEETS_BACKEND": "off",
        **(extra_env or {}),
    }
    bin_dir = Path(sys.executable).parent
    subprocess.run(
        [str(bin_dir / "flask"), "--app", "bot", "init-db"],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    log = (instance / "server.log").open("wb")
    proc = subprocess.Popen(
        [
            str(bin_dir / "waitress-serve"),
            "--host",
            "127.0.0.1",
            f"--port={port}",
            f"--threads={os.environ.get('SERVER_THREADS', '16')}",
            # As `make run`: X-Forwarded-* reach the app, which trusts TRUSTED_PROXIES of them.
            "--no-clear-untrusted-proxy-headers",
            "--call",
            "bot:create_app",
        ],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1) as r:
                if r.status == 200:
                    return proc, Server(url, env)
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not start: " + (instance / "server.log").read_text()[-2000:])


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    instance = tmp_path_factory.mktemp("instance")
    proc, srv = start_server(instance)
    yield srv
    proc.terminate()
    proc.wait(10)


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


def shot(page: object, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
    return path
