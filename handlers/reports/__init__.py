"""The content of the reports offices publish (o12, o13, o16, o17, o43, the complaint
statistics): rows only."""

# Formats (HTML, DOCX, XLSX) are rendered in bot/reports from the generic Report model.
