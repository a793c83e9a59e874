"""Office accounts in the database: users, login failures, the audit log, API tokens."""
