"""Where the couple's data lives: TinyDB files, written atomically, sessions sharded by week.

Never imports Textual or the screens; the app calls it from thread workers.
"""

from tui.store.storage import AtomicJSONStorage, DamagedFile, ReadOnlyStore, StoreError
from tui.store.store import STORE_SCHEMA, Store, StoreLocked
from tui.store.summary import Summary

__all__ = [
    "STORE_SCHEMA",
    "AtomicJSONStorage",
    "DamagedFile",
    "ReadOnlyStore",
    "Store",
    "StoreError",
    "StoreLocked",
    "Summary",
]
