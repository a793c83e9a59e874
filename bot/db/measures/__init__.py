"""Measures in the database: the register, progress reports and their store."""
