"""`flask --app bot classify`: texts on stdin, one JSON object per line on stdout."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from handlers.classify import Classifier
from handlers.classify.categories import category_codes

LINES = [
    "ไฟถนนดับหน้าวัดสามวันแล้วครับ",
    "น้ำประปาไม่ไหล ๓ วันแล้ว",
    "เจ้าหน้าที่เรียกเงินใต้โต๊ะ 5000 บาท",
    "ติดตามเรื่อง 2570-000123",
    "",
    "สวัสดีครับ 🙏",
]


def test_one_json_object_per_input_line(small_classifier: Classifier, app: Flask) -> None:
    result = app.test_cli_runner().invoke(args=["classify"], input="\n".join(LINES) + "\n")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) == len(LINES)
    for record in records:
        assert set(record) == {"category", "candidates", "intent"}
        assert record["category"] in category_codes()
        assert record["candidates"][0][0] == record["category"]
        assert len(record["candidates"]) == 3
        scores = [score for _, score in record["candidates"]]
        assert scores == sorted(scores, reverse=True) and all(0 <= s <= 1 for s in scores)
    light, supply, bribe, track, empty, hello = records
    assert (light["category"], light["intent"]) == ("light", "complaint")
    assert (supply["category"], supply["intent"]) == ("supply", "complaint")
    assert (bribe["category"], bribe["intent"]) == ("corruption", "corruption")
    assert track["intent"] == "track"
    assert empty["intent"] == "unknown"
    assert hello["intent"] == "greeting"
    assert "ไฟ" not in result.output  # the output is codes, not echoed text


def test_works_with_no_configuration_at_all(
    small_classifier: Classifier,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    # No LINE, no Google, no database file: create_app on its embedded defaults only.
    from bot import create_app

    monkeypatch.chdir(tmp_path)
    app = create_app({"BACKGROUND_WORKERS": False})
    result = app.test_cli_runner().invoke(args=["classify", "--top", "2"], input="ขยะไม่มีคนมาเก็บ\n")
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["category"] == "waste" and len(record["candidates"]) == 2
    assert not list(tmp_path.rglob("*.db"))


@pytest.mark.usefixtures("default_model_restored")
def test_missing_model_fails_clearly(
    make_app: Callable[..., Flask], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The model file named by PRONGSAI_CLASSIFIER_MODEL is missing: the command says so on
    stderr with the command that builds it and exits non-zero; it trains nothing."""
    missing = tmp_path / "none" / "model.npz"
    monkeypatch.setenv("PRONGSAI_CLASSIFIER_MODEL", str(missing))
    result = make_app().test_cli_runner().invoke(args=["classify"], input="ไฟดับ\n")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert str(missing) in result.stderr and "make model" in result.stderr
    assert not missing.parent.exists()
