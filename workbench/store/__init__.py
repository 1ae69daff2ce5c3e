"""The SQLite store: an append-only event log plus projections derived from it."""

from workbench.store.db import DEFAULT_DB, Store, resolve_db_path

__all__ = ["DEFAULT_DB", "Store", "resolve_db_path"]
