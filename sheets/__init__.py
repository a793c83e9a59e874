"""The spreadsheet mirror: worksheet layout, row builders, backends (Google Sheets, XLSX)
and the sync that drains the outbox into them.

Dependencies point inwards: this package uses the core (`handlers`), gspread and openpyxl,
never Flask or `bot`. The database side is reached through `sheets.ports.MirrorSource`,
which `bot.mirror.source` implements.
"""
