"""Build the classifier model file: ``python -m handlers.classify.train [--data P] [--out P]``.

Deterministic: the data is deduplicated the same way every time and the solver is seeded,
so the same data gives the same model.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from handlers.classify import DEFAULT_MODEL_PATH
from handlers.classify.data import DEFAULT_DATA, load_examples
from handlers.classify.model import Classifier


def train_and_save(data: Path, out: Path) -> Classifier:
    start = time.perf_counter()
    examples = load_examples(data)
    clf = Classifier().train([e.text for e in examples], [e.codes for e in examples])
    clf.meta["data"] = data.name
    clf.meta["train_seconds"] = round(time.perf_counter() - start, 1)
    clf.save(out)
    return clf


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="Traffy sample CSV")
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL_PATH, help="model file")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"training data not found: {args.data}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    clf = train_and_save(args.data, args.out)
    print(
        f"trained on {clf.meta['n_texts']} deduplicated texts ({clf.meta['n_rows']} rows) "
        f"in {time.perf_counter() - start:.1f}s -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
