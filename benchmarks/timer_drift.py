"""Timer drift: how far a step's clock strays from true time.

Bar (DESIGN section 7): <= 50 ms over a 10-minute step.

1. A steppable clock drives a 10-minute step in 1 ms steps, redrawing about
   30 times a second (a little late, now and then a frame dropped) with a
   time-out every minute or so; the step's active time is compared with the
   exact sum of the steps.
2. The real monotonic clock drives a short run while every core is kept busy
   (worker processes, plus a thread contending for the GIL), redrawing about 30
   times a second and taking a time-out halfway; the step's active time is
   compared with perf_counter.

Each run also keeps a baseline countdown that subtracts a frame per redraw
(what a tick-counting timer does), to show what the deadline-based timer avoids.

    python3 benchmarks/timer_drift.py [--seconds 5] [--workers N]
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import os
import random
import sys
import threading
import time

from tui.core.clock import FakeClock, MonotonicClock
from tui.core.timer import StepTimer

BAR_MS = 50.0
STEP_SECONDS = 600
FRAME = 1 / 30


def steppable_run() -> tuple[float, float]:
    """Drift of the timer and of the tick-counting baseline, in ms, over a whole 10-minute step.

    Redraws come about every frame, a little late, and now and then one is
    dropped, as a busy event loop does; the clock moves in 1 ms steps between them.
    """
    rng = random.Random(2024)
    clock = FakeClock(123_456.789)
    timer = StepTimer(clock, STEP_SECONDS)
    timer.start()
    active: list[float] = []
    ran = 0.0  # only to end the loop; the truth is the exact sum below
    ticks = 0
    while ran < STEP_SECONDS:
        gap = FRAME * (2 if rng.random() < 0.02 else 1) + rng.uniform(0, 0.004)
        whole_ms, rest = divmod(gap, 0.001)
        for _ in range(int(whole_ms)):
            clock.advance(0.001)
        clock.advance(rest)
        active.append(gap)
        ran += gap
        ticks += 1
        timer.reading()  # a redraw
        if ticks % 2000 == 0:  # a time-out every minute or so
            timer.pause()
            clock.advance(rng.uniform(1, 30))
            timer.resume()
    truth = math.fsum(active)
    return abs(timer.elapsed - truth) * 1000, abs(ticks * FRAME - truth) * 1000


def burn(stop: threading.Event | None = None) -> None:
    """Spin on the CPU until stopped (a thread) or killed (a process)."""
    while stop is None or not stop.is_set():
        sum(range(1000))


def real_run(seconds: float, workers: int) -> tuple[float, float]:
    """Drift of the timer and of the baseline, in ms, over `seconds` of real time under CPU load."""
    processes = [multiprocessing.Process(target=burn, daemon=True) for _ in range(workers)]
    for process in processes:
        process.start()
    stop = threading.Event()
    spinner = threading.Thread(target=burn, args=(stop,), daemon=True)
    spinner.start()
    try:
        timer = StepTimer(MonotonicClock(), STEP_SECONDS)
        began = time.perf_counter()
        timer.start()
        ticks = 0
        paused_for = 0.0
        while time.perf_counter() - began < seconds:
            time.sleep(FRAME)
            timer.reading()  # a redraw
            ticks += 1
            if ticks == int(seconds / FRAME / 2):  # a time-out halfway through
                pause_began = time.perf_counter()
                timer.pause()
                time.sleep(0.5)
                timer.resume()
                paused_for += time.perf_counter() - pause_began
        elapsed = timer.elapsed
        truth = time.perf_counter() - began - paused_for
    finally:
        stop.set()
        for process in processes:
            process.terminate()
        spinner.join()
    return abs(elapsed - truth) * 1000, abs(ticks * FRAME - truth) * 1000


def row(label: str, drift_ms: float, note: str = "") -> str:
    return f"  {label:<24}{drift_ms:14.6f} ms   {note}".rstrip()


def verdict(drift_ms: float) -> str:
    return "ok" if drift_ms <= BAR_MS else "OVER THE BAR"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="length of the real-clock run (default 5)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="busy processes (default one per core)")
    options = parser.parse_args()

    timer_ms, baseline_ms = steppable_run()
    print(f"steppable clock, a 10-minute step in 1 ms steps, late and dropped frames, time-outs (bar {BAR_MS:g} ms):")
    print(row("step timer", timer_ms, verdict(timer_ms)))
    print(row("tick-counting baseline", baseline_ms))

    real_ms, real_baseline_ms = real_run(options.seconds, options.workers)
    over_a_step = real_baseline_ms * STEP_SECONDS / options.seconds / 1000
    print(f"real clock, {options.seconds:g} s with {options.workers} busy processes and a busy thread:")
    print(row("step timer", real_ms, verdict(real_ms) + ", not growing with length"))
    print(row("tick-counting baseline", real_baseline_ms, f"about {over_a_step:.0f} s over a 10-minute step"))
    return 0 if max(timer_ms, real_ms) <= BAR_MS else 1


if __name__ == "__main__":
    sys.exit(main())
