"""Start to first interactive screen, beside a hello-world Textual app measured in the same run.

Bar (DESIGN section 7): <= 1.5 x hello world, with 10,000 sessions on file.
Each run is a fresh process (interpreter start and imports included), headless,
ending once the first screen has been drawn and takes keys.

    python3 benchmarks/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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

# The same steps as `tandem --data-dir DIR`, run headless.
TANDEM = """
import sys
from tui.cli import library_folders
from tui.core.library import load_library
from tui.paths import Paths
from tui.store import Store
from tui.app import create_app
from tui.screens.home import HomeScreen

paths = Paths.resolve(sys.argv[1])
store = Store.open(paths.data_dir)
app = create_app(load_library(library_folders(paths, [])), store)
HomeScreen.on_screen_resume = lambda screen: screen.call_after_refresh(app.exit)
try:
    app.run(headless=True)
finally:
    store.close()
"""


def populate(folder: Path) -> None:
    store = Store.open(folder)
    try:
        store.import_json({"format": "tandem-backup", "schema": 1, "settings": None, "sessions": list(sample_history(SESSIONS))})
        store.save_settings(Settings(partners=Partners(Partner("Robin"), Partner("Ana"))))
    finally:
        store.close()


def timed(code: str, *args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        populate(data)
        timed(HELLO), timed(TANDEM, str(data))  # warm the file cache for both
        hello, tandem = [], []
        for _ in range(runs):  # interleaved, so machine noise hits both alike
            hello.append(timed(HELLO))
            tandem.append(timed(TANDEM, str(data)))
    h, t = statistics.median(hello), statistics.median(tandem)
    print(f"hello-world Textual app: median {h * 1000:.0f} ms over {runs} runs")
    print(f"Tandem, {SESSIONS:,} sessions on file: median {t * 1000:.0f} ms")
    print(f"ratio {t / h:.2f}   (bar 1.5)")


if __name__ == "__main__":
    main()
