"""Alembic migrations of the schema, and the repair of once-empty revisions."""
