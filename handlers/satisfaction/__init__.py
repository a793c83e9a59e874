"""Satisfaction: the survey, the services, rating use cases and the published statistics."""
