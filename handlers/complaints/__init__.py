"""Complaints: domain, categories, ports, use cases, handling policy, due dates, queue, stats."""
