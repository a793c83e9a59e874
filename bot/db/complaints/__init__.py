"""Complaints in the database: tables, counters, the store and its queries."""

from bot.db.complaints import stats  # noqa: F401  (its ORM events keep the counters)
