"""Fixtures for engine tests: a fake clock, two partners, a fixed wall clock, seeded randomness."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

import pytest

from tui.core.clock import FakeClock
from tui.core.engine import SessionEngine
from tui.core.model import Exercise
from tui.core.partners import Partner, Partners

MakeEngine = Callable[..., SessionEngine]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(1000.0)


@pytest.fixture
def partners() -> Partners:
    # Brackets and accents prove names are carried as plain text.
    return Partners(Partner("Sam [b]", "#e07a5f"), Partner("Zoë", "#3d85c6"))


@pytest.fixture
def wall(clock: FakeClock) -> Callable[[], datetime]:
    """Wall-clock time that follows the fake clock, so start and end times are predictable."""
    origin = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
    return lambda: origin + timedelta(seconds=clock.now() - 1000.0)


@pytest.fixture
def make_engine(clock: FakeClock, partners: Partners, wall: Callable[[], datetime]) -> MakeEngine:
    """An engine over the given exercises; no closing steps unless asked for."""

    def make(exercises: Sequence[Exercise], **options: object) -> SessionEngine:
        options = {"closing": False, "wall": wall, "session_id": "session-1", **options}
        rng = options.pop("rng", random.Random(7))
        return SessionEngine(exercises, partners, clock, rng, **options)

    return make
