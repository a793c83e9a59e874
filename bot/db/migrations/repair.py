"""Databases migrated through a revision while it was still an empty placeholder.

Revisions 0004-0006 were first committed empty (reserved for work that landed later). A
database migrated to head in between is stamped past them without their tables, so Alembic
would never create those tables. `repair` finds each such revision by a table it creates and
runs its upgrade once, before the normal upgrade to head.
"""

from __future__ import annotations

from alembic.migration import MigrationContext
from alembic.operations import Operations
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

# (revision, a table its upgrade creates)
ONCE_EMPTY = (("0004", "measures"), ("0005", "services"), ("0006", "complaint_stats"))


def repair(engine: Engine, script: ScriptDirectory) -> list[str]:
    """Run the upgrade of every once-empty revision the database is stamped past but lacks;
    the revisions repaired, oldest first."""
    repaired: list[str] = []
    with engine.begin() as conn:
        ctx = MigrationContext.configure(conn)
        current = ctx.get_current_revision()
        if current is None:
            return repaired  # a new database: the normal upgrade creates everything
        passed = {r.revision for r in script.iterate_revisions(current, "base")}
        tables = set(inspect(conn).get_table_names())
        for revision, table in ONCE_EMPTY:
            if revision in passed and table not in tables:
                module = script.get_revision(revision).module
                with Operations.context(ctx):
                    module.upgrade()
                repaired.append(revision)
    return repaired
