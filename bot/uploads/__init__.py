"""Photos citizens and staff upload: checked before anything is written, swept when orphaned."""
