"""Webhook acknowledgement under 32 concurrent clients, against a bare Flask endpoint.

Both are served by waitress with the same settings in the same run; the figure that matters
is the ratio. Targets: throughput ≥ 0.5 × bare, p99 ≤ 100 ms on the 2-core machine.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.bench import load
from tests.bench.support import RESULTS, signed_bodies, start_bare
from tests.support.line import CHANNEL_SECRET
from tests.support.servers import start_server

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "6000"))


def test_webhook_ack_throughput_and_p99(tmp_path: Path) -> None:
    bodies = signed_bodies(REQUESTS)
    bare_proc, bare_url = start_bare()
    try:
        load.run(bare_url + "/callback", bodies[:500])  # warm-up
        bare = load.run(bare_url + "/callback", bodies)
    finally:
        bare_proc.terminate()
        bare_proc.wait(10)

    proc, srv = start_server(tmp_path, {"LINE_CHANNEL_SECRET": CHANNEL_SECRET}, cheap_hashing=False)
    try:
        load.run(srv.url + "/callback", signed_bodies(500))  # warm-up
        ours = load.run(srv.url + "/callback", bodies)
        stored = srv.flask("summary", "--json")
    finally:
        proc.terminate()
        proc.wait(10)

    ratio = ours["throughput"] / bare["throughput"]
    report = {
        "bare": bare,
        "webhook": ours,
        "throughput_ratio": ratio,
        "cpus": os.cpu_count(),
        "requests": REQUESTS,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "webhook.json").write_text(json.dumps(report, indent=2))
    print("\nwebhook ack benchmark:", json.dumps(report, indent=2))
    assert stored.returncode == 0
    assert ours["errors"] == 0 and bare["errors"] == 0
    assert ratio >= 0.5, f"throughput ratio {ratio:.2f} < 0.5"
    assert ours["p99_ms"] <= 100, f"p99 {ours['p99_ms']:.1f} ms > 100 ms"
