"""Handling complaints on the office side: due dates, the queue, assignment, sealed cases."""
