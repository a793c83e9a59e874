"""The database: one engine per app, a session per request, migrations with Alembic."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Any

from alembic.config import Config
from flask import Flask, current_app, g
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from bot.db.store import SqlStore

MIGRATIONS = Path(__file__).parent / "migrations"


def make_engine(url: str) -> Engine:
    kwargs: dict[str, Any] = {}
    if url.startswith("sqlite"):
        # Many threads share the file: wait for the writer instead of failing at once.
        kwargs["connect_args"] = {"timeout": 30, "check_same_thread": False}
    else:
        kwargs["pool_pre_ping"] = True
    engine = create_engine(url, **kwargs)
    if url.startswith("sqlite"):
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")  # readers never wait for the writer
    cur.execute("PRAGMA synchronous=NORMAL")  # durable at each commit in WAL mode
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def init_app(app: Flask) -> None:
    url = app.config["DATABASE_URL"]
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url)
    app.extensions["db_engine"] = engine
    app.extensions["db_sessions"] = sessionmaker(engine, expire_on_commit=False)
    # SQLite has one writer at a time and its busy handler sleeps in steps of up to 100 ms;
    # serialising this process's write transactions in Python avoids those sleeps.
    app.extensions["db_write_lock"] = (
        threading.Lock() if url.startswith("sqlite") else contextlib.nullcontext()
    )
    app.teardown_appcontext(_close_session)


def new_session(app: Flask | None = None) -> Session:
    """A session of one's own, for background threads and CLI commands."""
    app = app or current_app
    return app.extensions["db_sessions"]()


def write_lock(app: Flask | None = None) -> Any:
    """Held around write transactions of background work (see init_app)."""
    return (app or current_app).extensions["db_write_lock"]


def store() -> SqlStore:
    """The request's store; closed at the end of the request."""
    if "store" not in g:
        g.store = SqlStore(new_session())
    return g.store


def _close_session(_exc: BaseException | None) -> None:
    s = g.pop("store", None)
    if s is not None:
        s.close()


def upgrade(app: Flask) -> list[str]:
    """Create or migrate the schema to the newest revision; the once-empty revisions that
    had to be repaired first (see migrations/repair.py)."""
    from alembic import command
    from alembic.script import ScriptDirectory

    from bot.db.migrations.repair import repair

    cfg = alembic_config(app)
    repaired = repair(app.extensions["db_engine"], ScriptDirectory.from_config(cfg))
    command.upgrade(cfg, "head")
    return repaired


def alembic_config(app: Flask) -> Config:
    """Alembic's configuration for the app's own engine."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", app.config["DATABASE_URL"].replace("%", "%%"))
    cfg.attributes["engine"] = app.extensions["db_engine"]
    return cfg
