"""Opening the history screen with ten years of sessions: time to the first rows on screen.

Bar (DESIGN section 7): first rows on screen <= 300 ms, with 10,000 sessions on file.
Measured headless with run_test at 80x24, from pushing the history screen to the
first time the table draws itself with rows in it. Each run opens the store afresh:

- from home:  as a couple would, pressing `h` on the home screen (which has already
              read the newest weeks for its suggestion);
- cold store: the history is the first thing to read the store at all.

Also printed: how long until every row is in the table, and the longest single
step the loading took on the UI loop (adding a page of rows).

    python3 benchmarks/history_open.py [--runs 5]
"""

from __future__ import annotations

import argparse
import gc
import asyncio
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from store_history import SESSIONS, populate

from tui.app import TandemApp
from tui.core.clock import FakeClock
from tui.core.library import ExerciseFolder, load_library
from tui.core.partners import Partner, Partners
from tui.core.settings import Settings
from tui.paths import builtin_exercises_dir
from tui.screens.history import HistoryScreen
from tui.store import Store
from tui.widgets.fill_table import FillTable

BAR_MS = 300


class Timings:
    """Hooks on the table and the screen that note when things happen, relative to `start`."""

    def __init__(self) -> None:
        self.start = 0.0
        self.first_rows: float | None = None
        self.steps: list[float] = []

    def install(self) -> Callable[[], None]:
        render_lines, add_page = FillTable.render_lines, HistoryScreen.add_page
        timings = self

        def render_and_note(table: FillTable, crop):  # type: ignore[no-untyped-def]
            lines = render_lines(table, crop)
            if timings.first_rows is None and table.row_count:
                timings.first_rows = time.perf_counter() - timings.start
            return lines

        def add_and_note(screen: HistoryScreen, *args):  # type: ignore[no-untyped-def]
            started = time.perf_counter()
            add_page(screen, *args)
            timings.steps.append(time.perf_counter() - started)

        FillTable.render_lines = render_and_note  # type: ignore[method-assign]
        HistoryScreen.add_page = add_and_note  # type: ignore[method-assign]

        def uninstall() -> None:
            FillTable.render_lines, HistoryScreen.add_page = render_lines, add_page  # type: ignore[method-assign]

        return uninstall


async def open_history(folder: Path, library, *, from_home: bool) -> dict[str, float]:  # type: ignore[no-untyped-def]
    timings = Timings()
    uninstall = timings.install()
    store = Store.open(folder)
    try:
        app = TandemApp(library, store, FakeClock(0.0), store.load_settings(), rng=random.Random(1))
        gc.freeze()  # as `tandem` does before the app runs (tui/cli.py)
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            timings.start = time.perf_counter()
            if from_home:
                await pilot.press("h")
            else:
                app.push_screen(HistoryScreen())
            while timings.first_rows is None:
                await asyncio.sleep(0.001)
            await app.workers.wait_for_complete()
            every_row = time.perf_counter() - timings.start
            assert isinstance(app.screen, HistoryScreen)
            rows = app.screen.query_one(FillTable).row_count
    finally:
        uninstall()
        store.close()
    assert rows == SESSIONS, rows
    return {"first_ms": timings.first_rows * 1000, "all_ms": every_row * 1000, "step_ms": max(timings.steps) * 1000,
            "median_step_ms": statistics.median(timings.steps) * 1000}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    library = load_library([ExerciseFolder(builtin_exercises_dir(), builtin=True)])
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "data"
        imported = populate(folder, SESSIONS)
        with Store.open(folder) as store:
            store.save_settings(Settings(partners=Partners(Partner("Sam [b]", "coral"), Partner("Zoë", "teal"))))
            # The first open after an import checks every summary file; measure the steady state.
            store.count()
        print(f"{SESSIONS:,} sessions imported in {imported:.1f} s; {runs} runs each, 80x24, headless")
        for label, from_home in (("from home", True), ("cold store", False)):
            results = [asyncio.run(open_history(folder, library, from_home=from_home)) for _ in range(runs)]
            first = [result["first_ms"] for result in results]
            verdict = "within" if statistics.median(first) <= BAR_MS else "OVER"
            print(f"{label:<11} first rows {statistics.median(first):6.1f} ms median ({verdict} the {BAR_MS} ms bar); "
                  f"runs: {' '.join(f'{ms:.0f}' for ms in first)} ms")
            print(f"{'':<11} every row in the table after {statistics.median(r['all_ms'] for r in results):.0f} ms; "
                  f"pages added on the UI loop: median {statistics.median(r['median_step_ms'] for r in results):.1f} ms, "
                  f"longest {max(r['step_ms'] for r in results):.1f} ms")


if __name__ == "__main__":
    main()
