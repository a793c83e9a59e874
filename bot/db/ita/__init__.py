"""The office's own edits of an ITA year's catalogue (a copy of the shipped file, edited)."""
