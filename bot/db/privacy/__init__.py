"""PDPA in the database: privacy acknowledgements, export, erasure and retention."""
