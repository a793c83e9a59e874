"""The production server (waitress, as `make run` starts it) in its own process, on a free
port and an instance folder of the caller's, so that test workers never share either."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.support.settings import CHEAP_HASHING

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    env: dict[str, str]
    instance: Path

    def flask(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run a `flask --app bot` command against this server's database."""
        cmd = [str(BIN / "flask"), "--app", "bot", *args]
        return subprocess.run(cmd, env=self.env, cwd=ROOT, capture_output=True, text=True)


def start_server(
    instance: Path, extra_env: dict[str, str] | None = None, *, cheap_hashing: bool = True
) -> tuple[subprocess.Popen[bytes], Server]:
    """Migrate, then serve the app with waitress exactly as `make run` does (but for hashing,
    cheap unless a benchmark asks for production costs)."""
    env = {
        **os.environ,
        **(CHEAP_HASHING if cheap_hashing else {}),
        "PRONGSAI_INSTANCE": str(instance),
        "PYTHAINLP_OFFLINE": "1",
        "SHEETS_BACKEND": "off",
        **(extra_env or {}),
    }
    subprocess.run(
        [str(BIN / "flask"), "--app", "bot", "init-db"],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    log_path = instance / "server.log"
    for _ in range(5):
        port = free_port()
        proc = _serve(env, port, log_path)
        url = f"http://127.0.0.1:{port}"
        if _listening(proc, port, log_path) and _healthy(url):
            return proc, Server(url, env, instance)
        proc.kill()
        proc.wait(10)
        if "already in use" not in log_path.read_text(errors="replace"):
            break  # not a port taken meanwhile by another process: no point in retrying
    raise RuntimeError("server did not start: " + log_path.read_text(errors="replace")[-2000:])


@contextlib.contextmanager
def running_server(instance: Path, extra_env: dict[str, str] | None = None) -> Iterator[Server]:
    proc, srv = start_server(instance, extra_env)
    try:
        yield srv
    finally:
        proc.terminate()
        proc.wait(10)


def _serve(env: dict[str, str], port: int, log_path: Path) -> subprocess.Popen[bytes]:
    with log_path.open("wb") as log:
        return subprocess.Popen(
            [
                str(BIN / "waitress-serve"),
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


def _listening(proc: subprocess.Popen[bytes], port: int, log_path: Path) -> bool:
    """Our process bound the port (waitress says so), not some other server that answers."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if f"Serving on http://127.0.0.1:{port}" in log_path.read_text(errors="replace"):
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.1)
    return False


def _healthy(url: str) -> bool:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1) as r:
                if r.status == 200:
                    return True
        except OSError:
            time.sleep(0.2)
    return False
