"""Citizen web pages: forms, tracking, the health check, security headers and rate limits."""
