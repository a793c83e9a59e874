"""The office's integrity measures (o42) and the progress staff report on them (o43, o12)."""
