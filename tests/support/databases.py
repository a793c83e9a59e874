"""Test databases: the schema is migrated once per test session (per xdist worker) into a
template, and each test gets a copy of it: a copied SQLite file, or with TEST_DATABASE_URL
(PostgreSQL) a database created from the template on that server, dropped afterwards."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path
from types import SimpleNamespace

from bot import db


class TemplateDatabase:
    """The newest schema (with the rows the migrations add), ready to be copied."""

    def __init__(self, folder: Path, server: str = "") -> None:
        self.server = server
        if server:
            self.name = f"prongsai_template_{uuid.uuid4().hex[:12]}"
            _admin(server, f'CREATE DATABASE "{self.name}"')
            self.url = _url(server, self.name)
        else:
            self.path = folder / "template.db"
            self.url = f"sqlite:///{self.path}"
        try:
            self._migrate()
        except BaseException:
            self.drop()
            raise

    def _migrate(self) -> None:
        engine = db.make_engine(self.url)
        try:
            # db.upgrade needs only the URL and the engine of an app.
            app = SimpleNamespace(
                config={"DATABASE_URL": self.url}, extensions={"db_engine": engine}
            )
            db.upgrade(app)  # type: ignore[arg-type]
            if not self.server:
                with engine.connect() as conn:  # all of the WAL into the file that is copied
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            engine.dispose()  # PostgreSQL copies a template only while nobody is connected

    def drop(self) -> None:
        if self.server:
            _admin(self.server, f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


class TestDatabases:
    """The test's own database, copied from the template when its first app asks; several
    apps in one test share it."""

    def __init__(self, tmp_path: Path, template: TemplateDatabase) -> None:
        self.tmp_path = tmp_path
        self.template = template
        self.created: list[str] = []

    def new(self) -> str:
        if not self.template.server:
            path = self.tmp_path / "test.db"
            if not path.exists():
                shutil.copyfile(self.template.path, path)
            return f"sqlite:///{path}"
        server = self.template.server
        if self.created:  # several apps in one test share the test's database
            return _url(server, self.created[0])
        name = f"prongsai_test_{uuid.uuid4().hex[:12]}"
        _admin(server, f'CREATE DATABASE "{name}" TEMPLATE "{self.template.name}"')
        self.created.append(name)
        return _url(server, name)

    def drop_all(self) -> None:
        for name in self.created:
            _admin(self.template.server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _url(server: str, name: str) -> str:
    return server.rsplit("/", 1)[0] + "/" + name


def _admin(server: str, sql: str) -> None:
    import psycopg

    dsn = server.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(sql)
