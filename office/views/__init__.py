"""The office's pages, one module per feature."""
