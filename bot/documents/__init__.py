"""Reading the office's own documents (CSV, XLSX, DOCX) into plain tables."""
