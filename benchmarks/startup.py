"""Start to first interactive screen, beside a hello-world Textual app measured in the same run.

Bar (DESIGN section 7): <= 1.5 x hello world, with 10,000 sessions on file.
Each run is a fresh process (interpreter start and imports included), headless,
ending once the first screen has been drawn and takes keys. The library cache
is warm, as on every start but the first after an install or an edit; the
cold start is printed too.

    python3 benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import tui
from tui.core.partners import Partner, Partners
from tui.core.settings import Settings
from tui.store import Store
from tui.store.samples import sample_history

SESSIONS = 10_000

# Both end at the same moment: the first screen has mounted and been drawn once, ready for keys.
HELLO = """
from textual.app import App
from textual.widgets import Static

class Hello(App):
    def compose(self):
        yield Static("Hello, world")

    def on_mount(self):
        self.call_after_refresh(self.exit)

Hello().run(headless=True)
"""

# `tandem --data-dir DIR` itself, headless, ending when home has been drawn.
TANDEM = """
import sys
from functools import partialmethod
from tui.app import TandemApp
from tui.cli import main
from tui.screens.home import HomeScreen

TandemApp.run = partialmethod(TandemApp.run, headless=True)
HomeScreen.on_screen_resume = lambda screen: screen.call_after_refresh(screen.app.exit)
sys.exit(main(["--data-dir", sys.argv[1]]))
"""


def populate(folder: Path) -> None:
    store = Store.open(folder)
    try:
        store.import_json({"format": "tandem-backup", "schema": 1, "settings": None, "sessions": list(sample_history(SESSIONS))})
        store.save_settings(Settings(partners=Partners(Partner("Robin"), Partner("Ana"))))
    finally:
        store.close()


def timed(code: str, *args: str, cache: Path | None = None) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one fresh process."""
    env = os.environ if cache is None else {**os.environ, "XDG_CACHE_HOME": str(cache)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True, env=env)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def compile_tandem() -> None:
    """Byte-compile the package, as `pip install` does; Textual's own modules already are."""
    compileall.compile_dir(Path(tui.__file__).parent, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    compile_tandem()
    with tempfile.TemporaryDirectory() as folder:
        data, cache = Path(folder) / "data", Path(folder) / "cache"
        populate(data)
        timed(HELLO), timed(TANDEM, str(data), cache=cache)  # warm the file cache for both, and the library cache
        hello, warm, cold = [], [], []
        for run in range(runs):  # interleaved, so machine noise hits all alike
            hello.append(timed(HELLO))
            warm.append(timed(TANDEM, str(data), cache=cache))
            cold.append(timed(TANDEM, str(data), cache=Path(folder) / f"empty-{run}"))
    # CPU time is printed beside wall time: on a shared machine it moves less with others' load.
    for column, name in ((0, "wall"), (1, "CPU")):
        h = statistics.median(run[column] for run in hello)
        print(f"{name}: hello-world Textual app {h * 1000:.0f} ms")
        for runs_of, what in ((warm, "Tandem"), (cold, "Tandem, first start after an install or edit")):
            t = statistics.median(run[column] for run in runs_of)
            print(f"  {what}, {SESSIONS:,} sessions on file: {t * 1000:.0f} ms, ratio {t / h:.2f}   (bar 1.5)")
    print(f"medians of {runs} runs each")


if __name__ == "__main__":
    main()
