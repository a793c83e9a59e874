"""LINE in the database: stored webhook events, pushes, known users."""
