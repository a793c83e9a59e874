"""The gift register (No Gift Policy) on SQLAlchemy."""
