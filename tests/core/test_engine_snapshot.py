"""Snapshots: a session saved at any point resumes as if it had never stopped."""

from __future__ import annotations

import dataclasses
import json
import random
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

import pytest

from tui.core.clock import FakeClock
from tui.core.engine import SessionEngine, SnapshotMismatch
from tui.core.model import CardOrder, Exercise, Seat
from tui.core.steps import StepKind

if TYPE_CHECKING:
    from tests.core.conftest import MakeEngine, PlayStep

LEFT, RIGHT = Seat.LEFT, Seat.RIGHT


def saved(engine: SessionEngine) -> dict[str, Any]:
    """The snapshot as it comes back from disk."""
    return json.loads(json.dumps(engine.snapshot()))


def comparable(engine: SessionEngine) -> dict[str, Any]:
    data = engine.outcome().to_dict()
    del data["started"], data["ended"]  # wall-clock readings, and these engines ran one after another
    return data


def test_resuming_after_any_step_ends_with_the_same_outcome(
    make_engine: MakeEngine,
    clock: FakeClock,
    wall: Callable[[], datetime],
    plan_exercises: list[Exercise],
    play_step: PlayStep,
    play_to_the_end: PlayStep,
) -> None:
    options = {"closing": True, "previous_commitments": {LEFT: "Cook"}, "last_first_seat": LEFT}
    whole = make_engine(plan_exercises, **options)
    whole.start()
    play_to_the_end(whole, clock)
    steps = len(whole.outcome().steps)

    for resume_at in range(steps + 1):
        interrupted = make_engine(plan_exercises, **options)
        interrupted.start()
        for _ in range(resume_at):
            play_step(interrupted, clock)
        later = FakeClock(3.5)  # another process, another monotonic origin
        resumed = SessionEngine.restore(saved(interrupted), plan_exercises, later, wall=wall)
        assert resumed.finished == interrupted.finished
        if not resumed.finished:
            before, after = interrupted.current, resumed.current
            assert dataclasses.replace(after, timer=before.timer) == before
        play_to_the_end(resumed, later)
        assert comparable(resumed) == comparable(whole), f"resumed after {resume_at} steps"


def test_resuming_mid_step_keeps_time_answers_ticks_and_stars(
    make_engine: MakeEngine, clock: FakeClock, plan_exercises: list[Exercise]
) -> None:
    deck = dataclasses.replace(plan_exercises[3], per_card=120)
    engine = make_engine([deck], last_first_seat=RIGHT)
    engine.start()
    clock.advance(25)
    engine.add_minute()
    engine.star()
    engine.press_yes(RIGHT)
    snapshot = saved(engine)

    later = FakeClock(0.0)
    resumed = SessionEngine.restore(snapshot, [deck], later)
    later.advance(10)
    view = resumed.current
    assert (view.timer.elapsed, view.timer.added, view.card.starred, view.ready) == (35, 60, True, {RIGHT})
    assert view.number == 1 and view.card.text == engine.current.card.text
    resumed.press_yes(LEFT)
    record = resumed.outcome().steps[0]
    assert (record.actual, record.added) == (35, 60)


def test_a_session_saved_during_a_time_out_comes_back_paused(
    make_engine: MakeEngine, clock: FakeClock, plan_exercises: list[Exercise]
) -> None:
    presence = plan_exercises[4]
    engine = make_engine([presence])
    engine.start()
    clock.advance(20)
    engine.toggle_pause()
    clock.advance(40)
    later = FakeClock(100.0)
    resumed = SessionEngine.restore(saved(engine), [presence], later)
    later.advance(3600)  # a night's sleep is neither active nor counted against the step
    assert resumed.paused and not resumed.next()
    timer = resumed.current.timer
    assert (timer.elapsed, timer.pauses) == (20, 1)
    resumed.toggle_pause()
    later.advance(5)
    resumed.next()
    record = resumed.outcome().steps[0]
    assert (record.actual, record.pauses, record.paused_seconds) == (25, 1, 3640)


def test_a_pending_reflection_try_and_private_answers_survive(
    make_engine: MakeEngine, clock: FakeClock, plan_exercises: list[Exercise]
) -> None:
    talk = plan_exercises[1]
    engine = make_engine([talk])
    engine.start()
    engine.press_yes(LEFT)  # the left seat chose to start
    engine.next()
    engine.press_no(LEFT)  # not quite: try 2
    resumed = SessionEngine.restore(saved(engine), [talk], FakeClock())
    view = resumed.current
    assert (view.attempt, view.header, view.check_by, view.floor) == (2, "Zoë reflects · try 2", LEFT, RIGHT)
    assert resumed.outcome().reflections[RIGHT].attempts == 1

    check = plan_exercises[0]
    engine = make_engine([check])
    engine.start()
    engine.submit_rating(LEFT, 4)
    resumed = SessionEngine.restore(saved(engine), [check], FakeClock())
    assert resumed.current.input.answered == {LEFT} and resumed.current.input.answers == {}
    resumed.submit_rating(RIGHT, 6)
    assert resumed.current.input.answers == {LEFT: 4, RIGHT: 6}


def test_a_shuffled_deck_is_asked_in_the_same_order_after_resuming(
    make_engine: MakeEngine, plan_exercises: list[Exercise]
) -> None:
    deck = dataclasses.replace(plan_exercises[3], order=CardOrder.SHUFFLE, draw=None)
    engine = make_engine([deck], rng=random.Random(11))
    engine.start()
    engine.next()
    resumed = SessionEngine.restore(saved(engine), [deck], FakeClock())
    asked = []
    for source in (engine, resumed):
        texts = []
        while not source.finished:
            texts.append(source.current.card.text)
            source.skip()
        asked.append(texts)
    assert asked[0] == asked[1] and len(asked[0]) == 5


def test_snapshots_before_start_and_after_the_end(
    make_engine: MakeEngine, clock: FakeClock, plan_exercises: list[Exercise], play_to_the_end: PlayStep
) -> None:
    engine = make_engine(plan_exercises[:1])
    fresh = SessionEngine.restore(saved(engine), plan_exercises[:1], clock)
    assert not fresh.started and fresh.current is None
    fresh.start()
    assert fresh.current.kind is StepKind.QUESTION

    engine.start()
    play_to_the_end(engine, clock)
    done = SessionEngine.restore(saved(engine), plan_exercises[:1], clock)
    assert done.finished and done.current is None
    assert done.outcome() == engine.outcome()


def test_changed_exercises_or_an_unknown_schema_are_refused(
    make_engine: MakeEngine, plan_exercises: list[Exercise]
) -> None:
    engine = make_engine(plan_exercises)
    engine.start()
    snapshot = saved(engine)
    edited = [dataclasses.replace(plan_exercises[0], title="Edited"), *plan_exercises[1:]]
    with pytest.raises(SnapshotMismatch):
        SessionEngine.restore(snapshot, edited, FakeClock())
    with pytest.raises(SnapshotMismatch):
        SessionEngine.restore(snapshot, plan_exercises[:2], FakeClock())
    with pytest.raises(SnapshotMismatch):
        SessionEngine.restore({**snapshot, "schema": 0}, plan_exercises, FakeClock())
