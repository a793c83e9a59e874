"""The content of the reports offices publish (o12, o13, o43, …): rows and sections only.

Formats (HTML, DOCX, XLSX) are rendered in bot/reports from the generic Report model.
"""
