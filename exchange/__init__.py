"""Data exchange with the district's student information system (OneRoster CSV)."""
