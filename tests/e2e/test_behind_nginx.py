"""The production server behind a real nginx, as the README's deployment guide sets it up.
Two citizens reach nginx from two addresses (127.0.0.2 and 127.0.0.3: Linux routes all of
127/8 to the loopback): with TRUSTED_PROXIES=1 each has their own limits, with 0 the app
sees only nginx and both share one."""

from __future__ import annotations

import http.client
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlparse

import pytest

from tests.support.servers import free_port, start_server

pytestmark = pytest.mark.e2e

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
LIMITS = {"RATE_LIMIT_TRACK": "3/minute", "RATE_LIMIT_FORMS": "3/minute"}

# The location block of the README's deployment guide.
LOCATION = """
    location / {{
      proxy_pass http://127.0.0.1:{app_port};
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $host;
    }}
"""


def nginx_conf(tmp: Path, routes: dict[int, int]) -> str:
    """A foreground nginx, one process, every file under `tmp`; listen port → app port."""
    servers = "".join(
        f"  server {{\n    listen 127.0.0.1:{listen};\n{LOCATION.format(app_port=app)}  }}\n"
        for listen, app in routes.items()
    )
    temp = "".join(
        f"  {kind}_temp_path {tmp / kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"daemon off;\nmaster_process off;\nworker_processes 1;\npid {tmp / 'nginx.pid'};\n"
        f"error_log {tmp / 'error.log'} warn;\n"
        "events { worker_connections 64; }\n"
        f"http {{\n  access_log {tmp / 'access.log'};\n{temp}{servers}}}\n"
    )


@pytest.fixture(scope="module")
def nginx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """nginx in front of two servers: {"trusting": url, "direct": url}."""
    if not Path(NGINX).exists():
        pytest.fail("nginx is missing: run `bash .ci/ensure-nginx` (installs Debian's nginx)")
    procs = []
    try:
        ports: dict[int, int] = {}
        urls: dict[str, str] = {}
        for name, proxies in (("trusting", "1"), ("direct", "0")):
            proc, server = start_server(
                tmp_path_factory.mktemp(f"instance-{name}"), {**LIMITS, "TRUSTED_PROXIES": proxies}
            )
            procs.append(proc)
            listen = free_port()
            ports[listen] = urlparse(server.url).port or 0
            urls[name] = f"http://127.0.0.1:{listen}"
        tmp = tmp_path_factory.mktemp("nginx")
        (tmp / "nginx.conf").write_text(nginx_conf(tmp, ports))
        proxy = subprocess.Popen(
            [NGINX, "-p", str(tmp), "-c", str(tmp / "nginx.conf")],
            stdout=subprocess.DEVNULL,
            stderr=(tmp / "stderr.log").open("wb"),
        )
        procs.append(proxy)
        for url in urls.values():
            wait_for(url, tmp)
        yield urls
    finally:
        for proc in reversed(procs):
            proc.terminate()
            proc.wait(10)


def wait_for(url: str, tmp: Path) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if Citizen(url, "127.0.0.1").get("/healthz") == 200:
                return
        except OSError:
            time.sleep(0.1)
    logs = [(tmp / n).read_text() for n in ("stderr.log", "error.log") if (tmp / n).exists()]
    raise RuntimeError("nginx did not start: " + "\n".join(logs)[-2000:])


class Citizen:
    """A phone at its own address: every connection leaves from `address`."""

    def __init__(self, base: str, address: str, forged: str = "") -> None:
        u = urlparse(base)
        self.forged = forged  # an X-Forwarded-For the phone makes up itself
        self.host, self.port = u.hostname or "", u.port or 80
        self.address = address
        self.cookies: dict[str, str] = {}
        self.csrf = ""

    def request(
        self, method: str, path: str, form: dict[str, str] | None = None
    ) -> tuple[int, str]:
        conn = http.client.HTTPConnection(
            self.host, self.port, timeout=10, source_address=(self.address, 0)
        )
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if self.forged:
            headers["X-Forwarded-For"] = self.forged
            self.forged = self.forged.rsplit(".", 1)[0] + f".{int(self.forged[-1]) + 1}"
        body = None
        if form is not None:
            body = urlencode({"csrf_token": self.csrf, **form})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            conn.request(method, path, body=body, headers=headers)
            r = conn.getresponse()
            page = r.read().decode("utf-8", "replace")
            for raw in r.headers.get_all("Set-Cookie") or []:
                for k, morsel in SimpleCookie(raw).items():
                    self.cookies[k] = morsel.value
            return r.status, page
        finally:
            conn.close()

    def get(self, path: str) -> int:
        status, page = self.request("GET", path)
        found = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page) or re.search(
            r'name="csrf_token" value="([^"]+)"', page
        )
        if found:
            self.csrf = found.group(1)
        return status

    def track(self) -> int:
        if not self.csrf:
            self.get("/track")
        return self.request("POST", "/track", {"case_number": "2570-000001", "code": "AAAAAA"})[0]

    def complain(self) -> int:
        if not self.csrf:
            self.get("/complaint")
        return self.request("POST", "/complaint", {"category": "light", "details": ""})[0]


def test_behind_nginx_each_citizen_has_their_own_limits(nginx: dict[str, str]) -> None:
    a, b = Citizen(nginx["trusting"], "127.0.0.2"), Citizen(nginx["trusting"], "127.0.0.3")
    assert [a.track() for _ in range(4)] == [404, 404, 404, 429]
    assert b.track() == 404
    assert [a.complain() for _ in range(4)] == [400, 400, 400, 429]
    assert b.complain() == 400
    # nginx appends the real address to a made-up header; the app takes only that one.
    liar = Citizen(nginx["trusting"], "127.0.0.4", forged="203.0.113.1")
    assert [liar.track() for _ in range(4)] == [404, 404, 404, 429]


def test_behind_nginx_without_trusted_proxies_everyone_is_nginx(nginx: dict[str, str]) -> None:
    a, b = Citizen(nginx["direct"], "127.0.0.2"), Citizen(nginx["direct"], "127.0.0.3")
    assert [a.track() for _ in range(3)] == [404, 404, 404]
    assert b.track() == 429
    assert [a.complain() for _ in range(3)] == [400, 400, 400]
    assert b.complain() == 429
