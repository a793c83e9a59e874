"""Satisfaction in the database: services, ratings, counters and their store."""
