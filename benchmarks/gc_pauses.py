"""Garbage-collection pauses once the history has listed ten years of sessions.

Bar (DESIGN section 7): storage work never blocks the UI loop for more than 50 ms.
Every summary the history has listed stays in memory, and a full collection walks
every object the collector tracks, on whichever thread it falls: the UI's
included. In a fresh interpreter with the app's modules imported and frozen (as
`tandem` does before the app runs), a stand-in for the UI's allocation runs
twice: before the store has read anything (the baseline), and after every
summary has been read page by page as the history screen reads them.

    python3 benchmarks/gc_pauses.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from store_history import SESSIONS, populate

BAR_MS = 50

# Runs in a fresh interpreter; prints one JSON object of figures.
PROBE = """
import gc, json, sys, time
from pathlib import Path

import tui.app
from tui.screens.history import FIRST_PAGE, PAGE
from tui.store import Store

store = Store.open(Path(sys.argv[1]))
gc.freeze()

def pauses_while_the_ui_works():
    '''Worst pause of any collection and of a full one while the UI opens and closes 40 screens:
    each 20,000 small objects that live while it draws 20 frames of 1,000 passing ones.'''
    worst = {"any": 0.0, "full": 0.0, "full_count": 0}
    started = 0.0

    def note(phase, info):
        nonlocal started
        if phase == "start":
            started = time.perf_counter()
            return
        pause = (time.perf_counter() - started) * 1000
        worst["any"] = max(worst["any"], pause)
        if info["generation"] == 2:
            worst["full"] = max(worst["full"], pause)
            worst["full_count"] += 1

    class Cell:
        __slots__ = ("text", "style", "meta")

        def __init__(self, text, style):
            self.text, self.style, self.meta = text, style, {}

    gc.callbacks.append(note)
    for _ in range(40):
        screen = [[Cell(str(column), (row, column)) for column in range(10)] for row in range(2000)]
        for frame in range(20):
            drawn = [Cell(str(column), (frame, column)) for column in range(1000)]
        del screen, drawn
    gc.callbacks.remove(note)
    return worst

figures = {"baseline": pauses_while_the_ui_works(), "tracked_before": len(gc.get_objects())}
shown = {}
offset, size = 0, FIRST_PAGE
while True:
    page = store.summaries(limit=size, offset=offset)
    shown.update((summary.id, summary) for summary in page)
    if len(page) < size:
        break
    offset, size = offset + size, PAGE
figures["shown"] = len(shown)
figures["listed"] = pauses_while_the_ui_works()
figures["tracked_listed"] = len(gc.get_objects())
print(json.dumps(figures))
"""


def probe(folder: Path) -> dict[str, Any]:
    output = subprocess.run([sys.executable, "-c", PROBE, str(folder)], capture_output=True, text=True, check=True).stdout
    return json.loads(output)


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "data"
        imported = populate(folder, SESSIONS)
        print(f"{SESSIONS:,} sessions imported in {imported:.1f} s; 3 runs, each a fresh interpreter")
        # The first open after import checks every summary file against its week; measure the steady state.
        probe(folder)
        runs = [probe(folder) for _ in range(3)]
    assert all(run["shown"] == SESSIONS for run in runs)
    listed = max(run["listed"]["full"] for run in runs)
    verdict = "within" if listed <= BAR_MS else "OVER"
    tracked = max(run["tracked_listed"] - run["tracked_before"] for run in runs)
    print(f"worst full collection        {listed:6.1f} ms with every summary listed ({verdict} the {BAR_MS} ms bar); "
          f"{max(run['baseline']['full'] for run in runs):.1f} ms before the store read anything")
    print(f"worst collection of any kind {max(run['listed']['any'] for run in runs):6.1f} ms with every summary listed; "
          f"{max(run['baseline']['any'] for run in runs):.1f} ms before")
    print(f"objects the collector tracks {tracked:8,} more with every summary listed ({tracked / SESSIONS:.1f} a session; "
          f"{max(run['tracked_listed'] for run in runs):,} in all)")
    print(f"full collections per run     {runs[0]['listed']['full_count']:6d} listed, {runs[0]['baseline']['full_count']} before")


if __name__ == "__main__":
    main()
