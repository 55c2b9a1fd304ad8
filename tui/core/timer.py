"""A step's soft timer: deadline-based, pausable, never counting ticks.

Elapsed time is always the clock's reading minus when the current running
stretch began, plus the stretches before it; so however often (or rarely) the
screen redraws, the figures do not drift.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tui.core.clock import Clock

# The wrap-up warning starts when this share of the planned time is left,
# but never earlier than WRAP_UP_MAX_SECONDS before the end.
WRAP_UP_FRACTION = 0.15
WRAP_UP_MAX_SECONDS = 30.0
ADDED_MINUTE = 60


@dataclass(frozen=True)
class TimerReading:
    """Everything a screen shows about a step's time, read at one instant."""

    # Planned seconds including added minutes; None for untimed steps.
    planned: float | None
    added: int
    elapsed: float
    # None for untimed steps.
    remaining: float | None
    overtime: float
    # Share of the planned time used, 0..1 (1 in overtime); None for untimed steps.
    fraction: float | None
    in_wrap_up: bool
    is_over: bool
    paused: bool
    pauses: int
    paused_seconds: float


class StepTimer:
    def __init__(self, clock: Clock, planned: float | None) -> None:
        self._clock = clock
        self.planned = planned
        self.added = 0
        self.pauses = 0
        self._banked = 0.0  # active seconds of the running stretches already ended
        self._running_since: float | None = None
        self._paused_since: float | None = None
        self._paused_banked = 0.0

    @property
    def timed(self) -> bool:
        return self.planned is not None

    @property
    def total(self) -> float | None:
        return None if self.planned is None else self.planned + self.added

    @property
    def paused(self) -> bool:
        return self._paused_since is not None

    def start(self) -> None:
        if self._running_since is None and not self.paused:
            self._running_since = self._clock.now()

    def pause(self) -> None:
        if self._running_since is None:
            return
        now = self._clock.now()
        self._banked += now - self._running_since
        self._running_since = None
        self._paused_since = now
        self.pauses += 1

    def resume(self) -> None:
        if self._paused_since is None:
            return
        now = self._clock.now()
        self._paused_banked += now - self._paused_since
        self._paused_since = None
        self._running_since = now

    def add_minute(self) -> bool:
        if not self.timed:
            return False
        self.added += ADDED_MINUTE
        return True

    @property
    def elapsed(self) -> float:
        return self._elapsed_at(self._clock.now())

    @property
    def paused_seconds(self) -> float:
        return self._paused_at(self._clock.now())

    def _elapsed_at(self, now: float) -> float:
        return self._banked + (now - self._running_since if self._running_since is not None else 0.0)

    def _paused_at(self, now: float) -> float:
        return self._paused_banked + (now - self._paused_since if self._paused_since is not None else 0.0)

    def reading(self) -> TimerReading:
        now = self._clock.now()
        elapsed = self._elapsed_at(now)
        common = {
            "added": self.added,
            "elapsed": elapsed,
            "paused": self.paused,
            "pauses": self.pauses,
            "paused_seconds": self._paused_at(now),
        }
        total = self.total
        if total is None:
            return TimerReading(
                planned=None, remaining=None, overtime=0.0, fraction=None, in_wrap_up=False, is_over=False, **common
            )
        is_over = elapsed >= total
        remaining = max(0.0, total - elapsed)
        return TimerReading(
            planned=total,
            remaining=remaining,
            overtime=max(0.0, elapsed - total),
            fraction=min(1.0, elapsed / total) if total > 0 else 1.0,
            in_wrap_up=not is_over and remaining <= min(WRAP_UP_MAX_SECONDS, WRAP_UP_FRACTION * total),
            is_over=is_over,
            **common,
        )

    def to_dict(self) -> dict[str, Any]:
        """The timer's state without clock readings, which mean nothing in another process."""
        return {
            "planned": self.planned,
            "added": self.added,
            "elapsed": self.elapsed,
            "paused": self.paused,
            "pauses": self.pauses,
            "paused_seconds": self.paused_seconds,
        }

    @classmethod
    def from_dict(cls, clock: Clock, data: dict[str, Any]) -> StepTimer:
        """A timer carrying on from a snapshot; the time between save and restore is not counted."""
        timer = cls(clock, data["planned"])
        timer.added = data["added"]
        timer.pauses = data["pauses"]
        timer._banked = data["elapsed"]
        timer._paused_banked = data["paused_seconds"]
        if data["paused"]:
            timer._paused_since = clock.now()
        else:
            timer.start()
        return timer
