"""The ITA assessment: each year's catalogue of IIT, EIT and OIT items, kept as data."""
