from __future__ import annotations

import threading

from tui.store_queue import StoreQueue


def test_jobs_run_in_order_off_the_calling_thread() -> None:
    seen: list[tuple[int, str]] = []
    errors: list[Exception] = []
    writes = StoreQueue(errors.append)
    for number in range(50):
        writes.submit(lambda n: seen.append((n, threading.current_thread().name)), number)
    writes.drain()
    assert [n for n, _ in seen] == list(range(50))
    assert {name for _, name in seen} == {"tandem-store"}
    writes.close()


def test_a_failing_job_is_reported_and_the_next_still_runs() -> None:
    errors: list[Exception] = []
    done: list[int] = []
    writes = StoreQueue(errors.append)
    writes.submit(lambda: 1 / 0)
    writes.submit(done.append, 1)
    writes.close()
    assert isinstance(errors[0], ZeroDivisionError) and done == [1]
