"""A small load generator: C concurrent keep-alive clients posting prepared bodies.

Runs as its own process (spread over worker processes) so that the server under test and
the clients do not share one interpreter lock.
"""

from __future__ import annotations

import http.client
import json
import multiprocessing as mp
import sys
import threading
import time
from urllib.parse import urlparse


def _client(
    url: str, bodies: list[tuple[bytes, dict[str, str]]], out: list[float], errors: list[int]
) -> None:
    u = urlparse(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    for body, headers in bodies:
        t0 = time.perf_counter()
        try:
            conn.request("POST", u.path, body=body, headers=headers)
            r = conn.getresponse()
            r.read()
            ok = r.status == 200
        except OSError:
            conn.close()
            conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
            ok = False
        out.append(time.perf_counter() - t0)
        if not ok:
            errors.append(1)


def _proc(
    url: str, jobs: list[list[tuple[bytes, dict[str, str]]]], start_at: float, q: mp.Queue
) -> None:  # type: ignore[type-arg]
    lat: list[float] = []
    errors: list[int] = []
    while time.time() < start_at:
        time.sleep(0.001)
    threads = [threading.Thread(target=_client, args=(url, j, lat, errors)) for j in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    q.put((lat, len(errors)))


def run(
    url: str, bodies: list[tuple[bytes, dict[str, str]]], clients: int = 32, processes: int = 4
) -> dict[str, float]:
    per_client = [bodies[i::clients] for i in range(clients)]
    groups = [per_client[i::processes] for i in range(processes)]
    q: mp.Queue = mp.Queue()  # type: ignore[type-arg]
    start_at = time.time() + 1.0
    procs = [mp.Process(target=_proc, args=(url, g, start_at, q)) for g in groups]
    for p in procs:
        p.start()
    results = [q.get() for _ in procs]
    for p in procs:
        p.join()
    elapsed_end = time.time()
    lat = sorted(x for r, _ in results for x in r)
    errors = sum(e for _, e in results)
    wall = elapsed_end - start_at
    return {
        "requests": len(lat),
        "errors": errors,
        "throughput": len(lat) / wall,
        "p50_ms": lat[len(lat) // 2] * 1000,
        "p99_ms": lat[int(len(lat) * 0.99) - 1] * 1000,
    }


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1], [(b"{}", {})] * 100)))
