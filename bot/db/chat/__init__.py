"""Chat state in the database: open conversations and pending notices."""
