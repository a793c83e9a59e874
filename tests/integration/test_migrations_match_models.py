"""The migrations build exactly the tables the models declare: a model changed without its
migration (or the other way round) shows here, not on an office's server."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask

from bot.db.schema import metadata


def test_the_migrated_schema_matches_the_models(app: Flask) -> None:
    with app.extensions["db_engine"].connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []
