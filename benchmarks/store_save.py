"""Saving one finished session with 10,000 on file: Tandem's store beside stock TinyDB.

Bar (DESIGN section 7): <= 20 ms median. Stock TinyDB (JSONStorage, every session
in one file) rewrites the whole file on each insert; it is measured in the same
run on the same 10,000 sessions. Also shown: the first save after opening (its
week file is read then), and the autosave after every step of a session in
progress (record plus engine snapshot).

    python3 benchmarks/store_save.py
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from tui.core.record import Status
from tui.store import Store
from tui.store.samples import sample_history, sample_session

SESSIONS = 10_000
SAVES = 60
STOCK_SAVES = 10
# The generated history (about 19 sessions a week) ends on 2026-11-20. New sessions are spread
# over its last 30 days, so they land in full week files that grow further as the run goes on.
NEW = datetime(2026, 10, 21, 20, 0, tzinfo=UTC)
PACE = timedelta(days=30) / SAVES


def new_sessions(count: int, status: Status = Status.COMPLETED) -> list[dict[str, Any]]:
    rng = random.Random(99 + count)
    return [sample_session(rng, NEW + PACE * number, status=status) for number in range(count)]


def timed(action: Callable[[dict[str, Any]], object], records: list[dict[str, Any]]) -> list[float]:
    times = []
    for record in records:
        started = time.perf_counter()
        action(record)
        times.append((time.perf_counter() - started) * 1000)
    return times


def ours(folder: Path, history: list[dict[str, Any]]) -> dict[str, float]:
    with Store.open(folder) as store:
        store.import_json({"format": "tandem-backup", "schema": 1, "settings": None, "sessions": history})
    cold = []
    for record in new_sessions(5):
        with Store.open(folder) as store:
            cold += timed(store.save_session, [record])
    with Store.open(folder) as store:
        warm = timed(store.save_session, new_sessions(SAVES))
        running = new_sessions(1, Status.IN_PROGRESS)[0]
        steps = [
            {**running, "steps": running["steps"][:count], "snapshot": {"schema": 1, "outcome": running, "step": count}}
            for count in range(1, SAVES + 1)
        ]
        autosave = timed(store.save_session, steps)
    return {
        "median": statistics.median(warm),
        "p90": statistics.quantiles(warm, n=10)[-1],
        "cold": statistics.median(cold),
        "autosave": statistics.median(autosave),
    }


def stock(path: Path, history: list[dict[str, Any]]) -> float:
    db = TinyDB(path)
    db.insert_multiple(history)
    times = timed(db.insert, new_sessions(STOCK_SAVES))
    db.close()
    return statistics.median(times)


def main() -> None:
    history = list(sample_history(SESSIONS))
    with tempfile.TemporaryDirectory() as temp:
        mine = ours(Path(temp) / "data", history)
        stock_median = stock(Path(temp) / "stock.json", history)
        stock_size = (Path(temp) / "stock.json").stat().st_size / 1e6
    print(f"save one finished session, {SESSIONS:,} on file (median of {SAVES}):")
    print(f"  Tandem store        {mine['median']:7.1f} ms   (bar 20 ms; 90th percentile {mine['p90']:.1f} ms)")
    print(f"  stock TinyDB        {stock_median:7.1f} ms   (JSONStorage, one {stock_size:.0f} MB file, median of {STOCK_SAVES})")
    print(f"  stock / Tandem      {stock_median / mine['median']:7.0f} x")
    print(f"first save after opening      {mine['cold']:6.1f} ms   (reads its week file)")
    print(f"autosave after a step         {mine['autosave']:6.1f} ms   (in-progress record with snapshot)")


if __name__ == "__main__":
    main()
