"""What the webhook benchmarks share: signed bodies to post, a bare endpoint to compare with."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

from tests.support.line import sign, text_event, webhook_body
from tests.support.servers import ROOT, free_port

RESULTS = ROOT / "tests" / "bench" / "results"


def signed_bodies(n: int) -> list[tuple[bytes, dict[str, str]]]:
    out = []
    for i in range(n):
        user = "U" + uuid.uuid4().hex
        body = webhook_body(text_event("สวัสดี" if i % 2 else "ติดตามเรื่อง", user))
        out.append(
            (body.encode(), {"Content-Type": "application/json", "X-Line-Signature": sign(body)})
        )
    return out


def start_bare() -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "waitress-serve"),
            "--host",
            "127.0.0.1",
            f"--port={port}",
            f"--threads={os.environ.get('SERVER_THREADS', '16')}",
            "--call",
            "tests.bench.bare_app:create_app",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1)
            return proc, url
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("bare server did not start")
