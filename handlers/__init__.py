"""The office's work, free of any framework: domain, use cases, conversations, Thai helpers."""
