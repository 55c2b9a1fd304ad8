"""Opening ten years of history: first page, full index, stats, search, memory, exporting it.

Bars (DESIGN section 7), with 10,000 sessions on file: first rows of the history
<= 300 ms; resident memory <= 150 MB. Each figure comes from a fresh interpreter
that has only opened the store, as the app would at start. The export of the
history's rows as a journal is timed against a baseline that fetches each
session with `get_session`, as the history screen did before `get_sessions`.

    python3 benchmarks/store_history.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tui.store import Store
from tui.store.exchange import journal_markdown
from tui.store.samples import sample_history

SESSIONS = 10_000

# Runs in a fresh interpreter; prints one JSON object of figures.
PROBE = """
import json, sys, time
from datetime import date
from pathlib import Path

def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

figures = {"rss_before_mb": rss_mb()}
started = time.perf_counter()
from tui.store import Store
store = Store.open(Path(sys.argv[1]))
figures["open_ms"] = (time.perf_counter() - started) * 1000
started = time.perf_counter()
page = store.summaries(limit=50)
figures["first_page_ms"] = (time.perf_counter() - started) * 1000
figures["rss_listed_mb"] = rss_mb()
started = time.perf_counter()
figures["count"] = store.count()
figures["count_ms"] = (time.perf_counter() - started) * 1000
started = time.perf_counter()
store.stats(date(2026, 11, 20))
figures["stats_ms"] = (time.perf_counter() - started) * 1000
for name, query in (("search_first_ms", "sunday dreams"), ("search_again_ms", "zoë trip")):
    started = time.perf_counter()
    store.summaries(query)
    figures[name] = (time.perf_counter() - started) * 1000
figures["rss_everything_mb"] = rss_mb()
print(json.dumps(figures))
"""


def populate(folder: Path, count: int) -> float:
    records = list(sample_history(count))
    started = time.perf_counter()
    with Store.open(folder) as store:
        store.import_json({"format": "tandem-backup", "schema": 1, "settings": None, "sessions": records})
    return time.perf_counter() - started


def probe(folder: Path) -> dict[str, float]:
    output = subprocess.run([sys.executable, "-c", PROBE, str(folder)], capture_output=True, text=True, check=True).stdout
    return json.loads(output)


def export_seconds(folder: Path, *, one_by_one: bool) -> float:
    """Time to make the journal of every row the history shows, once its rows are all listed."""
    with Store.open(folder) as store:
        shown = [summary.id for summary in store.summaries()]
        started = time.perf_counter()
        if one_by_one:
            journal_markdown(record for session_id in shown if (record := store.get_session(session_id)) is not None)
        else:
            journal_markdown(store.get_sessions(shown))
        return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "data"
        imported = populate(folder, SESSIONS)
        size = sum(path.stat().st_size for path in folder.rglob("*.json")) / 1e6
        print(f"{SESSIONS:,} sessions imported in {imported:.1f} s; {size:.0f} MB on disk "
              f"in {len(list(folder.glob('sessions/*.json')))} week files")
        # The first open after import checks every summary file against its week; measure the steady state.
        probe(folder)
        runs = [probe(folder) for _ in range(3)]
        best = {key: min(run[key] for run in runs) for key in runs[0]}
        print(f"open + first 50 rows     {best['open_ms'] + best['first_page_ms']:7.1f} ms   (bar 300 ms; "
              f"importing tui.store and opening {best['open_ms']:.1f} ms, rows {best['first_page_ms']:.1f} ms)")
        print(f"count (reads every week) {best['count_ms']:7.1f} ms   ({int(best['count']):,} sessions)")
        print(f"stats after that         {best['stats_ms']:7.1f} ms")
        print(f"search, first / again    {best['search_first_ms']:7.1f} / {best['search_again_ms']:.1f} ms")
        print(f"resident memory          {best['rss_listed_mb']:7.1f} MB after open and first page (bar 150 MB); "
              f"{best['rss_everything_mb']:.1f} MB with every summary loaded and stats "
              f"(interpreter alone {best['rss_before_mb']:.1f} MB)")
        baseline = min(export_seconds(folder, one_by_one=True) for _ in range(3))
        batched = min(export_seconds(folder, one_by_one=False) for _ in range(3))
        print(f"export every row as md   {batched * 1000:7.0f} ms   (one get_session per id: {baseline * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
