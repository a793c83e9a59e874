"""Use cases: plain functions that receive their store. They never commit; the caller does."""
