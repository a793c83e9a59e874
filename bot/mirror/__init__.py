"""The database side of the spreadsheet mirror: what each kind of entry reads, the sync thread."""
