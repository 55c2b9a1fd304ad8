"""A breathing pacer for two: a shape that grows on the in-breath and shrinks on the out-breath."""

from __future__ import annotations

import math

from textual.widgets import Static

from tui.core.breath import BreathPhase, BreathReading

WORDS = {BreathPhase.IN: "Breathe in", BreathPhase.HOLD: "Hold", BreathPhase.OUT: "Breathe out"}
SMALLEST, LARGEST = 2, 24


class BreathPacer(Static):
    def show(self, reading: BreathReading) -> None:
        size = {
            BreathPhase.IN: reading.fraction,
            BreathPhase.HOLD: 1.0,
            BreathPhase.OUT: 1.0 - reading.fraction,
        }[reading.phase]
        width = SMALLEST + round(size * (LARGEST - SMALLEST))
        rows = max(1, math.ceil(width / 6))
        shape = "\n".join("█" * width for _ in range(rows))
        self.update(f"{shape}\n\n{WORDS[reading.phase]} … {math.ceil(reading.seconds_left)}")
        self.set_class(reading.phase is BreathPhase.IN, "-in")
        self.set_class(reading.phase is BreathPhase.OUT, "-out")
