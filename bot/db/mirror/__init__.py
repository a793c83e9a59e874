"""The spreadsheet mirror in the database: the outbox and the sync state."""
