"""Web pages: citizen forms, health check."""
