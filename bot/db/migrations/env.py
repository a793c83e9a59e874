"""Alembic environment: migrates the app's engine (or the URL given in the config)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from bot.db.schema import metadata

config = context.config
target_metadata = metadata


def _url() -> str:
    url = config.get_main_option("sqlalchemy.url")
    if url is None:
        raise RuntimeError("alembic: neither an engine nor sqlalchemy.url is configured")
    return url


def run_migrations_online() -> None:
    engine = config.attributes.get("engine") or create_engine(_url())
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER much
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
