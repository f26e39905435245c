"""The saved workspace: named sets of articles with their metadata, text and scores, in SQLite.

    >>> store = Store.open()                      # data folder: --data-dir, NARRATIVE_LENS_DATA, per-user
    >>> ws = store.create_workspace("me", "Flood coverage")
    >>> store.add_article(ws, ingest.load("a.pdf"), analysis.analyze(text))

Pure Python (sqlite3 from the standard library); safe for several processes at once.
"""

from analysis.store.db import StoreError
from analysis.store.paths import ENV, data_dir, db_path
from analysis.store.workspace import EDITABLE, ROLES, Imported, Store, StoredArticle, Workspace

__all__ = ["EDITABLE", "ENV", "ROLES", "Imported", "Store", "StoreError", "StoredArticle", "Workspace",
           "data_dir", "db_path"]
