"""Turns: speaker and listener phases, who goes first, checked reflections, consent, talk time."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

import pytest

from tui.core.clock import FakeClock
from tui.core.model import FirstSpeaker, Phase, Role, Seat, Turns
from tui.core.outcome import StepEnd
from tui.core.record import Status
from tui.core.steps import SeatRole, StepKind

if TYPE_CHECKING:
    from tests.core.conftest import MakeEngine

LEFT, RIGHT = Seat.LEFT, Seat.RIGHT


def speaker_listener(**changes: object) -> Turns:
    fields = {
        "id": "speaker-listener",
        "title": "Speaker and listener",
        "rounds": 2,
        "first": FirstSpeaker.ALTERNATE,
        "topics": ("Chores", "Money"),
        "phases": (
            Phase(role=Role.SPEAKER, duration=90, prompt="Say one piece.", stems=("I feel…",)),
            Phase(role=Role.LISTENER, duration=60, prompt="Say back what you heard.", check=True),
            Phase(role=Role.SPEAKER, duration=30, prompt="Anything left?", confirm=True),
        ),
    }
    return Turns(**(fields | changes))


def test_a_whole_exercise_alternates_the_floor_and_keeps_talk_time(make_engine: MakeEngine, clock: FakeClock) -> None:
    engine = make_engine([speaker_listener()], last_first_seat=LEFT)
    engine.start()
    seen = []
    while not engine.finished:
        view = engine.current
        seen.append((view.header, view.floor, view.roles[view.floor]))
        clock.advance(40)
        if view.check_by:
            # The left seat's reflections land first time; the right seat needs a second try.
            if view.check_by is RIGHT or view.attempt > 1:
                assert engine.press_yes(view.check_by)
            else:
                assert engine.press_no(view.check_by)
        elif view.can_next:
            assert engine.next()
        else:
            assert engine.press_yes(LEFT) and engine.press_yes(RIGHT)

    assert seen[:4] == [
        ("Round 1 of 2 · Zoë speaks", RIGHT, SeatRole.SPEAKER),  # the left seat started last time
        ("Round 1 of 2 · Sam [b] reflects", LEFT, SeatRole.LISTENER),
        ("Round 1 of 2 · Zoë speaks", RIGHT, SeatRole.SPEAKER),
        ("Round 1 of 2 · Sam [b] speaks", LEFT, SeatRole.SPEAKER),
    ]
    assert seen[4] == ("Round 1 of 2 · Zoë reflects", RIGHT, SeatRole.LISTENER)
    assert seen[5] == ("Round 1 of 2 · Zoë reflects · try 2", RIGHT, SeatRole.LISTENER)
    assert seen[-1] == ("Round 2 of 2 · Sam [b] speaks", LEFT, SeatRole.SPEAKER)

    outcome = engine.outcome()
    assert outcome.status is Status.COMPLETED
    assert outcome.first_seat is RIGHT
    assert len(outcome.steps) == 2 * 2 * 3 + 2  # two tries that did not land
    assert [step.ended for step in outcome.steps].count(StepEnd.NOT_QUITE) == 2
    assert all(step.actual == 40 for step in outcome.steps)
    assert outcome.planned_seconds == 2 * 2 * (90 + 60 + 30) + 2 * 60
    # Each seat spoke 2 × 2 phases and reflected twice; the right seat's retries add two more.
    assert outcome.floor_seconds == {LEFT: 6 * 40, RIGHT: 8 * 40}
    assert outcome.reflections[LEFT].first_time_rate == 1.0
    assert outcome.reflections[LEFT].attempts == 2
    assert outcome.reflections[RIGHT].checks == 2 and outcome.reflections[RIGHT].landed_first_time == 0
    assert outcome.reflections[RIGHT].attempts == 4
    assert outcome.started == "2026-03-01T20:00:00+00:00"
    assert outcome.ended == "2026-03-01T20:09:20+00:00"


def test_choose_waits_for_a_partner_to_take_the_floor(make_engine: MakeEngine) -> None:
    engine = make_engine([speaker_listener(first=FirstSpeaker.CHOOSE)])
    engine.start()
    view = engine.current
    assert view.kind is StepKind.CHOOSE_FIRST
    assert view.title == "Speaker and listener"
    assert view.topics == ("Chores", "Money")
    assert view.roles == {LEFT: SeatRole.CHOOSING, RIGHT: SeatRole.CHOOSING}
    assert not view.can_next and not engine.next()
    assert not engine.press_no(LEFT)
    assert engine.press_yes(RIGHT)
    view = engine.current
    assert view.header == "Round 1 of 2 · Zoë speaks"
    assert view.topics == ("Chores", "Money")  # still offered while the first speaker begins


@pytest.mark.parametrize(
    ("first", "last_first_seat", "seed", "expected"),
    [
        (FirstSpeaker.ALTERNATE, LEFT, 0, RIGHT),
        (FirstSpeaker.ALTERNATE, RIGHT, 0, LEFT),
    ],
)
def test_alternate_starts_with_whoever_did_not_start_last_time(
    make_engine: MakeEngine, first: FirstSpeaker, last_first_seat: Seat, seed: int, expected: Seat
) -> None:
    engine = make_engine([speaker_listener(first=first)], last_first_seat=last_first_seat, rng=random.Random(seed))
    engine.start()
    assert engine.current.floor is expected


@pytest.mark.parametrize("first", [FirstSpeaker.RANDOM, FirstSpeaker.ALTERNATE])
def test_random_first_and_alternate_without_history_use_the_injected_generator(
    make_engine: MakeEngine, first: FirstSpeaker
) -> None:
    def opener(seed: int) -> Seat:
        engine = make_engine([speaker_listener(first=first)], rng=random.Random(seed))
        engine.start()
        return engine.current.floor

    assert [opener(seed) for seed in range(8)] == [opener(seed) for seed in range(8)]
    assert {opener(seed) for seed in range(8)} == {LEFT, RIGHT}


def test_confirm_needs_both_keys_and_n_cannot_bypass_it(make_engine: MakeEngine) -> None:
    exercise = speaker_listener(
        rounds=1, phases=(Phase(role=Role.SPEAKER, duration=30, prompt="Done?", confirm=True),)
    )
    engine = make_engine([exercise], last_first_seat=RIGHT)
    engine.start()
    view = engine.current
    assert view.needs == {LEFT, RIGHT} and not view.can_next
    assert not engine.next()
    assert engine.press_yes(LEFT)
    assert not engine.press_yes(LEFT)  # one tick each
    assert engine.current.ready == {LEFT}
    assert engine.press_no(LEFT)  # a tick can be taken back
    assert engine.current.ready == frozenset()
    assert not engine.press_no(LEFT)
    engine.press_yes(RIGHT)
    engine.press_yes(LEFT)
    assert engine.current.header == "Zoë speaks"  # one round: no round count in the header


def test_ordinary_phase_moves_on_with_n_or_both_ready_keys(make_engine: MakeEngine) -> None:
    engine = make_engine([speaker_listener(rounds=1)], last_first_seat=RIGHT)
    engine.start()
    assert engine.current.can_next
    engine.press_yes(RIGHT)
    assert engine.current.position == 1
    engine.press_yes(LEFT)
    assert engine.current.position == 2  # both ready moved it on
    assert engine.current.check_by is LEFT


def test_a_reflection_that_did_not_land_repeats_with_a_fresh_timer(make_engine: MakeEngine, clock: FakeClock) -> None:
    engine = make_engine([speaker_listener(rounds=1)], last_first_seat=RIGHT)
    engine.start()
    engine.next()
    view = engine.current
    assert (view.check_by, view.floor, view.needs) == (LEFT, RIGHT, {LEFT})
    assert not view.can_next and not engine.next()
    assert not engine.press_yes(RIGHT) and not engine.press_no(RIGHT)  # only the speaker judges
    clock.advance(70)
    assert engine.current.timer.overtime == 10
    assert engine.press_no(LEFT)
    view = engine.current
    assert (view.attempt, view.header, view.timer.elapsed, view.timer.remaining) == (2, "Zoë reflects · try 2", 0, 60)
    clock.advance(20)
    assert engine.press_yes(LEFT)
    assert engine.current.prompt == "Anything left?"
    outcome = engine.outcome()
    tries = [(step.attempt, step.ended, step.actual) for step in outcome.steps[1:]]
    assert tries == [(1, StepEnd.NOT_QUITE, 70), (2, StepEnd.DONE, 20)]
    assert outcome.floor_seconds[RIGHT] == 90
    stats = outcome.reflections[RIGHT]
    assert (stats.checks, stats.landed_first_time, stats.attempts) == (1, 0, 2)


def test_a_checked_reflection_with_confirm_also_waits_for_the_listener(make_engine: MakeEngine) -> None:
    exercise = speaker_listener(
        rounds=1,
        phases=(Phase(role=Role.LISTENER, duration=60, prompt="Reflect.", check=True, confirm=True),),
    )
    engine = make_engine([exercise], last_first_seat=RIGHT)
    engine.start()
    assert engine.current.needs == {LEFT, RIGHT}
    engine.press_yes(RIGHT)  # the listener is done
    engine.press_yes(LEFT)  # the speaker: it landed
    assert engine.current.check_by is RIGHT  # the floor passed
    engine.press_yes(LEFT)
    assert engine.press_no(RIGHT)  # the speaker's "not quite" clears the listener's tick too
    assert engine.current.ready == frozenset() and engine.current.attempt == 2


def test_pauses_are_not_counted_and_nothing_moves_on_while_paused(make_engine: MakeEngine, clock: FakeClock) -> None:
    engine = make_engine([speaker_listener(rounds=1)], last_first_seat=RIGHT)
    engine.start()
    clock.advance(30)
    assert engine.toggle_pause()
    assert engine.paused
    clock.advance(600)
    view = engine.current
    assert view.timer.paused and view.timer.elapsed == 30 and not view.can_next
    assert not engine.next() and not engine.press_yes(LEFT) and not engine.skip()
    assert engine.add_minute()  # planning ahead is fine during a time-out
    engine.toggle_pause()
    clock.advance(15)
    engine.next()
    step = engine.outcome().steps[0]
    assert (step.actual, step.pauses, step.paused_seconds, step.added) == (45, 1, 600, 60)
    assert engine.outcome().floor_seconds == {LEFT: 45, RIGHT: 0}


def test_the_timer_is_soft_overtime_is_shown_and_a_minute_can_be_added(
    make_engine: MakeEngine, clock: FakeClock
) -> None:
    engine = make_engine([speaker_listener(rounds=1)], last_first_seat=RIGHT)
    engine.start()
    clock.advance(76)
    assert not engine.current.timer.in_wrap_up
    clock.advance(4)
    assert engine.current.timer.in_wrap_up  # 15% of 90 s is 13.5 s
    clock.advance(20)
    timer = engine.current.timer
    assert timer.is_over and timer.overtime == 10 and engine.current.prompt == "Say one piece."
    assert engine.add_minute()
    timer = engine.current.timer
    assert (timer.is_over, timer.remaining, timer.planned) == (False, 50, 150)
    clock.advance(55)
    engine.next()
    step = engine.outcome().steps[0]
    assert (step.planned, step.added, step.actual) == (90, 60, 155)


def test_the_view_shows_prompt_stems_and_progress(make_engine: MakeEngine) -> None:
    engine = make_engine([speaker_listener()], last_first_seat=RIGHT)
    engine.start()
    view = engine.current
    assert (view.prompt, view.stems) == ("Say one piece.", ("I feel…",))
    assert (view.exercise_id, view.exercise_number, view.exercise_count) == ("speaker-listener", 1, 1)
    assert (view.position, view.steps_in_part, view.number) == (1, 12, 1)
    assert view.roles == {LEFT: SeatRole.SPEAKER, RIGHT: SeatRole.LISTENER}
    assert view.timer.planned == 90 and view.card is None and view.input is None and view.breath is None
