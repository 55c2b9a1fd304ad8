"""Presence: a quiet timed step together, with a breathing pacer when asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tui.core.breath import BreathPhase, breath_at
from tui.core.clock import FakeClock
from tui.core.model import Breathe, Presence, Seat
from tui.core.steps import SeatRole, StepKind

if TYPE_CHECKING:
    from tests.core.conftest import MakeEngine

BOX = Breathe(inhale=4, hold=2, exhale=6)


def breathing(**changes: object) -> Presence:
    fields = {"id": "breathe", "title": "Breathe", "duration": 120, "prompt": "Breathe with the circle."}
    fields["breathe"] = BOX
    return Presence(**(fields | changes))


@pytest.mark.parametrize(
    ("elapsed", "phase", "fraction", "left"),
    [
        (0, BreathPhase.IN, 0.0, 4),
        (1, BreathPhase.IN, 0.25, 3),
        (4, BreathPhase.HOLD, 0.0, 2),
        (5, BreathPhase.HOLD, 0.5, 1),
        (9, BreathPhase.OUT, 0.5, 3),
        (12, BreathPhase.IN, 0.0, 4),  # the next cycle
        (121.5, BreathPhase.IN, 0.375, 2.5),
    ],
)
def test_pacer_position(elapsed: float, phase: BreathPhase, fraction: float, left: float) -> None:
    reading = breath_at(BOX, elapsed)
    assert (reading.phase, reading.seconds_left) == (phase, pytest.approx(left))
    assert reading.fraction == pytest.approx(fraction)


def test_a_pattern_without_a_hold_skips_it_and_an_empty_one_has_no_pacer() -> None:
    assert breath_at(Breathe(inhale=3, hold=0, exhale=3), 3).phase is BreathPhase.OUT
    assert breath_at(Breathe(inhale=0, hold=0, exhale=0), 3) is None


def test_a_whole_presence_step(make_engine: MakeEngine, clock: FakeClock) -> None:
    engine = make_engine([breathing()])
    engine.start()
    view = engine.current
    assert (view.kind, view.header, view.floor) == (StepKind.PRESENCE, "Together", None)
    assert view.prompt == "Breathe with the circle."
    assert view.roles == {Seat.LEFT: SeatRole.TOGETHER, Seat.RIGHT: SeatRole.TOGETHER}
    clock.advance(5)
    assert engine.current.breath.phase is BreathPhase.HOLD
    engine.toggle_pause()
    clock.advance(4)
    assert engine.current.breath.phase is BreathPhase.HOLD  # the pacer waits during a pause
    engine.toggle_pause()
    clock.advance(120)
    view = engine.current
    assert view.timer.is_over and view.timer.overtime == 5 and not engine.finished
    assert engine.next()
    outcome = engine.outcome()
    assert engine.finished and outcome.steps[0].actual == 125 and outcome.steps[0].paused_seconds == 4
    assert outcome.floor_seconds == {Seat.LEFT: 0, Seat.RIGHT: 0}
    assert outcome.first_seat is None


def test_plain_presence_has_no_pacer(make_engine: MakeEngine) -> None:
    engine = make_engine([breathing(breathe=None, prompt="Look at each other.")])
    engine.start()
    assert engine.current.breath is None and engine.current.timer.planned == 120
