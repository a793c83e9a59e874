"""Speed of the complaint classifier next to a plain baseline measured in the same run.

Run: ``PYTHAINLP_OFFLINE=1 python tests/bench/bench_classifier.py [--model PATH] [--rounds N]``

* warm-up: a fresh interpreter imports, loads the model file and dictionary and
  classifies one text (target < 2 s);
* batch throughput on distinct real complaint texts, one core (target >= 3,000 texts/s);
* single-text latency p50/p99, without the classifier's cache (target p99 < 5 ms).

The machine is shared, so every figure is the median of several rounds in which ours and
the baseline (TF-IDF over newmm tokens + LogisticRegression) alternate, and the ratio
ours / baseline is printed next to the absolute figure: it is what survives the noise.
The process is pinned to one CPU; BLAS threads are limited to one.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")  # one core, as on a small office server
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[-1]})
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import joblib  # noqa: E402
import numpy as np  # noqa: E402
from eval_classifier import plain_baseline  # noqa: E402

from handlers.classify import DEFAULT_MODEL_PATH  # noqa: E402
from handlers.classify.data import DEFAULT_DATA, load_examples, random_split  # noqa: E402
from handlers.classify.model import Classifier  # noqa: E402

WARMUP_OURS = """
import time; t = time.perf_counter()
from handlers.classify import Classifier
Classifier.load({path!r}).classify("ไฟถนนดับ")
print(time.perf_counter() - t)
"""
WARMUP_BASELINE = """
import sys, time; sys.path.insert(0, {bench!r}); t = time.perf_counter()
import joblib
from eval_classifier import plain_tokenize
vec, model = joblib.load({path!r})
model.predict_proba(vec.transform(["ไฟถนนดับ"]))
print(time.perf_counter() - t)
"""


def warmup(code: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return float(out.stdout.strip().splitlines()[-1])


def throughput(
    predict: Callable[[Sequence[str]], object], texts: list[str], batch: int = 256
) -> float:
    start = time.perf_counter()
    for i in range(0, len(texts), batch):
        predict(texts[i : i + batch])
    return len(texts) / (time.perf_counter() - start)


def latency(predict: Callable[[Sequence[str]], object], texts: list[str]) -> tuple[float, float]:
    times = []
    for t in texts:
        start = time.perf_counter()
        predict([t])
        times.append((time.perf_counter() - start) * 1000)
    return float(np.percentile(times, 50)), float(np.percentile(times, 99))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL_PATH)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    clf = Classifier.load(args.model)
    examples = load_examples(DEFAULT_DATA)
    train, test = random_split(examples)
    texts = [e.text for e in examples]  # every text distinct: no cache can help
    base_rank = plain_baseline(train, C=10.0)
    clf.predict_proba(texts[:256])  # warm caches of both before timing
    base_rank(texts[:256])
    m: dict[str, list[float]] = {
        k: [] for k in ("w_o", "w_b", "tp_o", "tp_b", "p50_o", "p50_b", "p99_o", "p99_b")
    }
    with tempfile.TemporaryDirectory() as tmp:
        base_path = str(Path(tmp) / "baseline.joblib")
        joblib.dump((base_rank.vec, base_rank.model), base_path)
        bench_dir = str(Path(__file__).parent)
        for _ in range(args.rounds):
            m["w_o"].append(warmup(WARMUP_OURS.format(path=str(args.model))))
            m["w_b"].append(warmup(WARMUP_BASELINE.format(path=base_path, bench=bench_dir)))
            m["tp_o"].append(throughput(clf.predict_proba, texts))
            m["tp_b"].append(throughput(base_rank, texts))
            p50, p99 = latency(clf.predict_proba, [e.text for e in test])
            m["p50_o"].append(p50)
            m["p99_o"].append(p99)
            p50, p99 = latency(base_rank, [e.text for e in test])
            m["p50_b"].append(p50)
            m["p99_b"].append(p99)
    med = {k: statistics.median(v) for k, v in m.items()}
    ratio = {  # per-round ratios, then their median: both sides of a ratio share the noise
        k: statistics.median(o / b for o, b in zip(m[f"{k}_o"], m[f"{k}_b"], strict=True))
        for k in ("w", "tp", "p50", "p99")
    }
    print(
        f"\n{len(texts)} distinct Traffy texts for throughput, {len(test)} held-out texts for "
        f"latency; one CPU; median of {args.rounds} rounds\n"
    )
    print("| metric | ours | plain baseline | ours / baseline | target | ok |")
    print("|---|---|---|---|---|---|")
    rows = [
        ("warm-up, s", "w", med["w_o"] < 2.0, "< 2 s"),
        ("batch texts/s", "tp", med["tp_o"] >= 3000, ">= 3000"),
        ("p50 one text, ms", "p50", True, ""),
        ("p99 one text, ms", "p99", med["p99_o"] < 5.0, "< 5 ms"),
    ]
    for name, key, ok, target in rows:
        verdict = "yes" if ok else "NO"
        print(
            f"| {name} | {med[key + '_o']:.2f} | {med[key + '_b']:.2f} | {ratio[key]:.2f} "
            f"| {target} | {verdict} |"
        )
    print(
        "\nper round (ours):",
        {k: [round(x, 2) for x in v] for k, v in m.items() if k.endswith("_o")},
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
