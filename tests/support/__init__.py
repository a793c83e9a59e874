"""Helpers that tests call directly (import them from here, never from a conftest.py)."""
