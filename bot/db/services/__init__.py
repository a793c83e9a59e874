"""Service statistics in the database: the people each service served, month by month."""
