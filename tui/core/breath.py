"""The breathing pacer: which part of the breath it is at a given moment."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from tui.core.model import Breathe


class BreathPhase(StrEnum):
    IN = "in"
    HOLD = "hold"
    OUT = "out"


@dataclass(frozen=True)
class BreathReading:
    phase: BreathPhase
    # How far through this part of the breath, 0..1, for a growing/shrinking pacer.
    fraction: float
    seconds_left: float


def breath_at(breathe: Breathe, elapsed: float) -> BreathReading | None:
    """The pacer after `elapsed` active seconds; None when the pattern has no length."""
    if breathe.cycle <= 0:
        return None
    into_cycle = elapsed % breathe.cycle
    parts = ((BreathPhase.IN, breathe.inhale), (BreathPhase.HOLD, breathe.hold), (BreathPhase.OUT, breathe.exhale))
    for phase, length in parts:
        if into_cycle < length:
            return BreathReading(phase, into_cycle / length, length - into_cycle)
        into_cycle -= length
    # Float rounding can leave a hair past the end of the cycle: that is the end of the out-breath.
    return BreathReading(BreathPhase.OUT, 1.0, 0.0)
