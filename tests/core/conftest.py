"""Fixtures for engine tests: a fake clock, two partners, a fixed wall clock, seeded randomness."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

import pytest

from tui.core.clock import FakeClock
from tui.core.engine import SessionEngine
from tui.core.model import (
    Appreciation,
    Breathe,
    Card,
    CardKind,
    Cards,
    CheckIn,
    Exercise,
    FirstSpeaker,
    Phase,
    Plan,
    PlanStep,
    Presence,
    Question,
    Role,
    Seat,
    Turns,
    with_overrides,
)
from tui.core.partners import Partner, Partners
from tui.core.steps import InputKind, StepKind

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


@pytest.fixture
def plan_exercises() -> list[Exercise]:
    """A plan's steps as the library expands them (overrides applied): one exercise of every type."""
    library: dict[str, Exercise] = {
        "check": CheckIn(id="check", title="Check-in", questions=(Question(text="Close?", measure="closeness"),)),
        "talk": Turns(
            id="talk",
            title="Talk",
            rounds=3,
            first=FirstSpeaker.CHOOSE,
            phases=(
                Phase(role=Role.SPEAKER, duration=60, prompt="Speak."),
                Phase(role=Role.LISTENER, duration=45, prompt="Reflect.", check=True),
            ),
        ),
        "thanks": Appreciation(id="thanks", title="Thanks", per_person=3, duration=90),
        "deck": Cards(
            id="deck",
            title="Deck",
            cards=(
                *(Card(text=f"Card {number}?") for number in range(5)),
                Card(text="Private?", kind=CardKind.PRIVATE),
            ),
        ),
        "breathe": Presence(
            id="breathe", title="Breathe", duration=60, prompt="Breathe.", breathe=Breathe(inhale=4, hold=2, exhale=4)
        ),
    }
    plan = Plan(
        id="evening",
        title="Evening",
        steps=(
            PlanStep(exercise="check"),
            PlanStep(exercise="talk", overrides=(("rounds", 1),)),
            PlanStep(exercise="thanks", overrides=(("per_person", 1),)),
            PlanStep(exercise="deck", overrides=(("draw", 3),)),
            PlanStep(exercise="breathe"),
        ),
    )
    return [with_overrides(library[step.exercise], step.overrides) for step in plan.steps]


PlayStep = Callable[[SessionEngine, FakeClock], None]


def _play_step(engine: SessionEngine, clock: FakeClock) -> None:
    """What the partners do on the current step, ending with the engine on its next step.

    Every reflection misses once and lands on the second try; every answer is
    given; every second card is starred; the right seat chooses to go first.
    """
    view = engine.current
    clock.advance(30)
    if view.kind is StepKind.CHOOSE_FIRST:
        assert engine.press_yes(Seat.RIGHT)
        return
    if view.check_by:
        assert engine.press_yes(view.check_by) if view.attempt > 1 else engine.press_no(view.check_by)
        return
    if view.input:
        for seat in sorted(view.input.seats):
            if view.input.kind is InputKind.SCALE:
                assert engine.submit_rating(seat, view.input.scale[0] + view.number % 3)
            elif view.input.kind is InputKind.CHOICE:
                assert engine.submit_choice(seat, view.input.options[view.number % len(view.input.options)])
            else:
                assert engine.submit_text(seat, f"{seat} at step {view.number}")
    if view.card and view.position % 2 == 0:
        assert engine.star()
    if not engine.next():
        assert engine.press_yes(Seat.LEFT) and engine.press_yes(Seat.RIGHT)


@pytest.fixture
def play_step() -> PlayStep:
    return _play_step


@pytest.fixture
def play_to_the_end() -> PlayStep:
    def play(engine: SessionEngine, clock: FakeClock) -> None:
        while not engine.finished:
            _play_step(engine, clock)

    return play
