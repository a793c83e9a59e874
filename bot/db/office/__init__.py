"""The office in the database: its units and category names."""
