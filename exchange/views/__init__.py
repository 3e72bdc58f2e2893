"""The office's pages for data exchange: import, export, the contacts template."""
