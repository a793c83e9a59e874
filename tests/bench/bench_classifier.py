"""Speed of the complaint classifier next to a plain baseline measured in the same run.

Run: ``PYTHAINLP_OFFLINE=1 python tests/bench/bench_classifier.py [--model PATH]``

* warm-up: a fresh interpreter imports, loads the model file and dictionary and
  classifies one text (target < 2 s);
* batch throughput on real complaint texts, one core (target >= 3,000 texts/s);
* single-text latency p50/p99 (target p99 < 5 ms).
The baseline is TF-IDF over newmm tokens (default dictionary) + LogisticRegression.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")  # one core, as on a small office server
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import joblib  # noqa: E402
import numpy as np  # noqa: E402
from eval_classifier import plain_baseline  # noqa: E402

from handlers.classify.data import DEFAULT_DATA, load_examples, random_split  # noqa: E402
from handlers.classify.model import Classifier, default_model_path  # noqa: E402

WARMUP_OURS = """
import time; t = time.perf_counter()
from handlers.classify import Classifier
Classifier.load({path!r}, rebuild=False).classify("ไฟถนนดับ")
print(time.perf_counter() - t)
"""
WARMUP_BASELINE = """
import sys, time; sys.path.insert(0, {bench!r}); t = time.perf_counter()
import joblib
from eval_classifier import plain_tokenize
parts = joblib.load({path!r}); plain_tokenize("ไฟถนนดับ")
print(time.perf_counter() - t)
"""


def warmup(code: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return float(out.stdout.strip().splitlines()[-1])


def throughput(predict, texts: list[str], batch: int = 256) -> float:
    predict(texts[:batch])  # warm caches
    start = time.perf_counter()
    for i in range(0, len(texts), batch):
        predict(texts[i : i + batch])
    return len(texts) / (time.perf_counter() - start)


def latency(predict, texts: list[str]) -> tuple[float, float]:
    for t in texts[:50]:
        predict([t])
    times = []
    for t in texts:
        start = time.perf_counter()
        predict([t])
        times.append((time.perf_counter() - start) * 1000)
    return float(np.percentile(times, 50)), float(np.percentile(times, 99))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=default_model_path())
    args = parser.parse_args()
    clf = Classifier.load(args.model)
    train, test = random_split(load_examples(DEFAULT_DATA))
    texts = [e.text for e in test] * 3
    base_rank = plain_baseline(train)
    with tempfile.TemporaryDirectory() as tmp:
        # Warm-up of the baseline: load its pickled vectorizer + model, tokenise once.
        parts = [c.cell_contents for c in base_rank.__closure__ or ()]
        base_path = str(Path(tmp) / "baseline.joblib")
        joblib.dump(parts, base_path)
        bench_dir = str(Path(__file__).parent)
        w_base = min(
            warmup(WARMUP_BASELINE.format(path=base_path, bench=bench_dir)) for _ in range(2)
        )
    w_ours = min(warmup(WARMUP_OURS.format(path=str(args.model))) for _ in range(2))
    tp_ours = throughput(clf.predict_proba, texts)
    tp_base = throughput(base_rank, texts)
    p50_o, p99_o = latency(clf.predict_proba, texts[: len(test)])
    p50_b, p99_b = latency(base_rank, texts[: len(test)])
    print(f"\n{len(test)} held-out Traffy texts (x3 for throughput), one thread\n")
    print("| metric | ours | plain baseline | ours / baseline | target | ok |")
    print("|---|---|---|---|---|---|")
    rows = [
        ("warm-up, s", w_ours, w_base, w_ours < 2.0, "< 2 s"),
        ("batch texts/s", tp_ours, tp_base, tp_ours >= 3000, ">= 3000"),
        ("p50 one text, ms", p50_o, p50_b, True, ""),
        ("p99 one text, ms", p99_o, p99_b, p99_o < 5.0, "< 5 ms"),
    ]
    for name, ours, base, ok, target in rows:
        verdict = "yes" if ok else "NO"
        print(f"| {name} | {ours:.2f} | {base:.2f} | {ours / base:.2f} | {target} | {verdict} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
