"""The spreadsheet mirror: worksheet layout, row builders, backends and the outbox sync."""

# Uses the core (`handlers`), gspread and openpyxl, never Flask or `bot`; the database is
# reached through `sheets.ports.MirrorSource`, which `bot.mirror.source` implements.
