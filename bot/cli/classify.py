"""`flask --app bot classify`: complaint texts on stdin, one JSON object per line on stdout.

Needs no configuration, database, LINE or Google: only the classifier model file (when it
is missing, the command says so and names `make model`, which builds it).
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from handlers.classify.model import Classifier

BATCH = 256  # lines classified together: one matrix product per batch


@click.command("classify")
@click.option("--top", default=3, show_default=True, help="How many candidates to list.")
def classify_cmd(top: int) -> None:
    """Read one text per line on stdin; write {"category", "candidates", "intent"} per line."""
    # Imported here: the model, numpy and the dictionary load only for this command,
    # not every time the app starts.
    from handlers.classify import ModelNotFoundError, get_default

    try:
        model = get_default()
    except ModelNotFoundError as e:
        click.echo(f"classify: {e}", err=True)
        sys.exit(2)
    batch: list[str] = []
    for line in sys.stdin:
        batch.append(line.rstrip("\r\n"))
        if len(batch) >= BATCH:
            _emit(model, batch, top)
            batch = []
    if batch:
        _emit(model, batch, top)


def _emit(model: Classifier, texts: list[str], top: int) -> None:
    from handlers.intents import detect_intent

    for text, ranked in zip(texts, model.classify_batch(texts), strict=True):
        record = {
            "category": ranked[0][0],
            "candidates": [[code, round(score, 4)] for code, score in ranked[: max(top, 1)]],
            "intent": detect_intent(text).name,
        }
        click.echo(json.dumps(record, ensure_ascii=False))
    sys.stdout.flush()  # a caller piping line by line sees each batch at once
