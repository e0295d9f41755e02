"""One module of routes per kind of record."""
