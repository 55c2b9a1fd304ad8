"""How fast the exercise library loads.

Bars (DESIGN section 7): the whole built-in library in <= 50 ms; a generated
20,000-card deck of one-line cards in <= 0.1 s. For scale, the same deck is
also parsed by PyYAML's pure-Python and LibYAML safe loaders in the same run;
a deck whose cards carry level and tags (three times the nodes) is shown too.

    python3 benchmarks/library_load.py
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import yaml

from tui.core.library import ExerciseFolder, load_library
from tui.core.loader import load_file
from tui.core.yaml_source import WITH_LIBYAML
from tui.paths import builtin_exercises_dir

CARDS = 20_000


def generated_deck(cards: int, *, detailed: bool) -> bytes:
    """A deck of plain one-line cards (what the bar is set for), or of cards with level and tags."""
    lines = ["id: big-deck", "type: cards", "title: A very large deck", "order: by_level", "draw: 10", "cards:"]
    for number in range(cards):
        text = f'"Question {number}: what would you like [me] to know about your day? ☕"'
        if detailed:
            lines += [f"  - text: {text}", f"    level: {number % 3 + 1}", "    tags: [generated, everyday]"]
        else:
            lines.append(f"  - {text}")
    return ("\n".join(lines) + "\n").encode()


def best_and_median(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times)


def main() -> None:
    folder = [ExerciseFolder(builtin_exercises_dir(), builtin=True)]
    library = load_library(folder)
    cards = sum(len(getattr(exercise, "cards", ())) for exercise in library)
    best, median = best_and_median(lambda: load_library(folder), 20)
    print(f"built-in library ({len(library)} exercises, {cards} cards): "
          f"median {median * 1000:.1f} ms, best {best * 1000:.1f} ms   (bar 50 ms)")

    for detailed in (False, True):
        data = generated_deck(CARDS, detailed=detailed)
        result = load_file("big.yaml", data)
        assert not result.problems and len(result.exercises[0].cards) == CARDS
        _, median = best_and_median(lambda: load_file("big.yaml", data), 5)
        _, libyaml = best_and_median(lambda: yaml.load(data, Loader=yaml.CSafeLoader), 5)
        _, pure = best_and_median(lambda: yaml.load(data, Loader=yaml.SafeLoader), 3)
        kind = "cards with level and tags (no bar)" if detailed else "one-line cards (bar 100 ms)"
        print(f"{CARDS:,} {kind}:")
        print(f"  Tandem loader (LibYAML={WITH_LIBYAML}) {median * 1000:6.0f} ms"
              f" | PyYAML pure-Python safe_load {pure * 1000:6.0f} ms | LibYAML safe_load {libyaml * 1000:6.0f} ms"
              f" | Tandem / LibYAML {median / libyaml:.2f}")

if __name__ == "__main__":
    main()
