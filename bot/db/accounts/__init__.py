"""Office accounts in the database: users, login counters, the audit log, API tokens."""
