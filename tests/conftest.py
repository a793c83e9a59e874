"""Fixtures every test folder shares: an isolated environment, apps on a per-test copy of a
migrated template database, and a small trained classifier.

Helpers that tests call directly live in tests/support/, fakes of adapters in tests/fakes/;
nothing imports from a conftest.py.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

import handlers.classify
from bot import create_app
from bot.admin.auth import ensure_first_admin
from handlers import secrets_codes
from handlers.classify import Classifier, set_default
from handlers.classify.data import DEFAULT_DATA, load_examples, random_split
from tests.support.databases import TemplateDatabase, TestDatabases
from tests.support.settings import ADMIN_PASSWORD, CHEAP_HASHING

CLASSIFIER_TRAIN_SIZE = 2000  # enough for realistic behaviour, small enough to train in seconds


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test sees the developer's own configuration or instance folder."""
    for name in (
        "DATABASE_URL",
        "LINE_CHANNEL_SECRET",
        "LINE_CHANNEL_ACCESS_TOKEN",
        "LINE_API_HOST",
        "LINE_DATA_API_HOST",
        "SHEETS_BACKEND",
        "SHEETS_XLSX_PATH",
        "ADMIN_PASSWORD",
        "SECRET_KEY",
        "BACKGROUND_WORKERS",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PRONGSAI_INSTANCE", str(tmp_path / "instance"))
    monkeypatch.setenv("PYTHAINLP_OFFLINE", "1")
    for name, value in CHEAP_HASHING.items():
        monkeypatch.setenv(name, value)  # read by create_app, as in production
    # Tests of the core hash codes without an app; each test starts from the cheap cost.
    secrets_codes.configure(int(CHEAP_HASHING["CODE_HASH_ITERATIONS"]))


@pytest.fixture(scope="session")
def database_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TemplateDatabase]:
    """Migrated once per session (per xdist worker); make_app gives each test a copy."""
    template = TemplateDatabase(
        tmp_path_factory.mktemp("template"), os.environ.get("TEST_DATABASE_URL", "")
    )
    yield template
    template.drop()


@pytest.fixture
def make_app(tmp_path: Path, database_template: TemplateDatabase) -> Iterator[Callable[..., Flask]]:
    """Apps on the test's own database, a copy of the migrated template (apps made in one
    test share it); settings override the test defaults."""
    apps: list[Flask] = []

    def _make(**overrides: Any) -> Flask:
        config: dict[str, Any] = {
            "TESTING": True,
            "DATABASE_URL": databases.new(),
            "BACKGROUND_WORKERS": False,
            "UPLOAD_FOLDER": str(tmp_path / "uploads"),
            "SHEETS_BACKEND": "off",
            "SECRET_KEY": "test-secret",
            "ADMIN_PASSWORD": ADMIN_PASSWORD,
            "RATELIMIT_ENABLED": False,
            "PRIVACY_NOTICE_REQUIRED": False,
        }
        config.update(overrides)
        app = create_app(config)
        ensure_first_admin(app)
        apps.append(app)
        return app

    databases = TestDatabases(tmp_path, database_template)
    yield _make
    for app in apps:
        worker = app.extensions.get("prongsai_worker")
        if worker is not None:
            worker.stop()
            worker.join(timeout=5)
        app.extensions["db_engine"].dispose()
    databases.drop_all()


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def default_model_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever file and model the test points the default at, the next test sees the old."""
    for name in ("_path", "_loaded", "_reported"):
        monkeypatch.setattr(handlers.classify, name, getattr(handlers.classify, name))


@pytest.fixture(scope="session")
def small_classifier(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Classifier]:
    """One small classifier trained on the real Traffy sample, the default while in use."""
    if not DEFAULT_DATA.exists():
        pytest.skip(f"training data not found at {DEFAULT_DATA}")
    clf = _trained_once_per_run(tmp_path_factory)
    set_default(clf)
    yield clf
    set_default(None)


def _trained_once_per_run(tmp_path_factory: pytest.TempPathFactory) -> Classifier:
    """Training takes half a minute: under xdist the first worker that needs the classifier
    trains and saves it, the others load the file (a saved model classifies exactly as the
    trained one does)."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return _train_small_classifier()
    shared = tmp_path_factory.getbasetemp().parent  # this run's, above each worker's own
    path = shared / "small_classifier.npz"
    with (shared / "small_classifier.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if path.exists():
            return Classifier.load(path)
        clf = _train_small_classifier()
        clf.save(path)
        return clf


def _train_small_classifier() -> Classifier:
    train, _ = random_split(load_examples(DEFAULT_DATA))
    train = train[:CLASSIFIER_TRAIN_SIZE]
    return Classifier().train([e.text for e in train], [e.codes for e in train])
