"""Store writes, one at a time and in order, off the UI loop.

Thread workers may run side by side, so an older autosave could land after a
newer one; a single writer thread keeps saves in the order they were made.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any

_STOP = object()


class StoreQueue:
    def __init__(self, on_error: Callable[[Exception], None]) -> None:
        self._jobs: queue.Queue[Any] = queue.Queue()
        self._on_error = on_error
        self._thread = threading.Thread(target=self._run, name="tandem-store", daemon=True)
        self._thread.start()

    def submit(self, job: Callable[..., object], *args: object) -> None:
        self._jobs.put((job, args))

    def drain(self) -> None:
        """Wait until every write submitted so far has finished."""
        self._jobs.join()

    def close(self) -> None:
        self._jobs.put(_STOP)
        self._thread.join()

    def _run(self) -> None:
        while True:
            item = self._jobs.get()
            try:
                if item is _STOP:
                    return
                job, args = item
                job(*args)
            except Exception as error:  # noqa: BLE001 - reported to the user, the queue keeps going
                self._on_error(error)
            finally:
                self._jobs.task_done()
