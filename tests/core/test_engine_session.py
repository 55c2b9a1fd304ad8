"""A whole session: a plan's exercises in order, last time's commitments, the closing steps."""

from __future__ import annotations

import json
import random
from typing import TYPE_CHECKING

import pytest

from tui.core.clock import FakeClock
from tui.core.engine import SessionEngine
from tui.core.model import AnswerKind, CheckIn, Exercise, Plan, PlanStep, Question, Seat
from tui.core.outcome import CardStatus, SessionOutcome
from tui.core.partners import Partners
from tui.core.record import Status
from tui.core.steps import REVIEW_OPTIONS, InputKind, SeatRole, StepKind

if TYPE_CHECKING:
    from tests.core.conftest import MakeEngine, PlayStep

LEFT, RIGHT = Seat.LEFT, Seat.RIGHT


def test_a_plan_runs_every_exercise_then_closes(
    make_engine: MakeEngine, clock: FakeClock, plan_exercises: list[Exercise], play_to_the_end: PlayStep
) -> None:
    engine = make_engine(plan_exercises, closing=True, previous_commitments={LEFT: "Cook on Thursday", RIGHT: ""})
    assert engine.current is None and not engine.started
    engine.start()
    play_to_the_end(engine, clock)
    outcome = engine.outcome()
    assert outcome.status is Status.COMPLETED
    kinds = [(step.exercise_id, step.kind) for step in outcome.steps]
    assert kinds[0] == (None, StepKind.REVIEW)
    assert [exercise_id for exercise_id, _ in kinds[1:-3]] == [
        "check",
        *["talk"] * 7,  # choose, then speak and reflect (twice: the first try misses) for each seat
        *["thanks"] * 2,
        *["deck"] * 3,
        "breathe",
    ]
    assert kinds[-3:] == [(None, StepKind.QUESTION), (None, StepKind.TAKEAWAY), (None, StepKind.COMMITMENT)]
    assert [run.id for run in outcome.exercises] == ["check", "talk", "thanks", "deck", "breathe"]
    assert all(run.fingerprint == exercise.fingerprint() for run, exercise in zip(outcome.exercises, plan_exercises))
    assert [review.seat for review in outcome.reviews] == [LEFT]  # an empty commitment is none
    assert [record.measure for record in outcome.check_ins] == ["closeness", "closeness"]
    assert outcome.check_ins[-1].exercise_id is None
    assert len(outcome.cards) == 3 and {card.status for card in outcome.cards} == {CardStatus.ANSWERED}
    assert len(outcome.appreciations) == 2
    assert set(outcome.takeaways) == set(outcome.commitments) == {LEFT, RIGHT}
    assert outcome.first_seat is RIGHT  # who chose to speak first
    assert outcome.reflections[LEFT].attempts == 2 and outcome.reflections[LEFT].landed_first_time == 0
    assert outcome.active_seconds == 30 * len(outcome.steps)


def test_the_view_names_each_part_of_the_session(
    make_engine: MakeEngine, clock: FakeClock, plan_exercises: list[Exercise], play_step: PlayStep
) -> None:
    engine = make_engine(plan_exercises, closing=True)
    engine.start()
    seen = []
    while not engine.finished:
        view = engine.current
        seen.append((view.title, view.exercise_number, view.exercise_count))
        play_step(engine, clock)
    assert seen[0] == ("Check-in", 1, 5)
    assert ("Talk", 2, 5) in seen and ("Breathe", 5, 5) in seen
    assert seen[-1] == ("Closing", None, 5)


def test_last_times_commitments_are_reviewed_first(make_engine: MakeEngine, plan_exercises: list[Exercise]) -> None:
    engine = make_engine(plan_exercises[:1], previous_commitments={LEFT: "Cook on Thursday", RIGHT: "Plan a walk"})
    engine.start()
    view = engine.current
    assert view.kind is StepKind.REVIEW and view.title == "Before we begin" and view.exercise_id is None
    assert view.commitments == {LEFT: "Cook on Thursday", RIGHT: "Plan a walk"}
    assert view.input.kind is InputKind.CHOICE and view.input.options == REVIEW_OPTIONS and not view.input.private
    assert view.roles == {LEFT: SeatRole.ANSWERING, RIGHT: SeatRole.ANSWERING}
    assert not engine.submit_choice(LEFT, "maybe")
    assert engine.submit_choice(LEFT, "partly")
    assert engine.current.input.answers == {LEFT: "partly"}  # open answers show at once
    assert engine.next()  # answering is optional
    assert [(review.seat, review.text, review.result) for review in engine.outcome().reviews] == [
        (LEFT, "Cook on Thursday", "partly"),
        (RIGHT, "Plan a walk", None),
    ]


def test_a_seat_without_a_commitment_has_nothing_to_review(
    make_engine: MakeEngine, plan_exercises: list[Exercise]
) -> None:
    engine = make_engine(plan_exercises[:1], previous_commitments={RIGHT: "Plan a walk"})
    engine.start()
    view = engine.current
    assert view.roles == {LEFT: SeatRole.IDLE, RIGHT: SeatRole.ANSWERING}
    assert not engine.submit_choice(LEFT, "kept")


def test_closing_asks_for_commitments_only_if_no_exercise_did(
    make_engine: MakeEngine, clock: FakeClock, play_to_the_end: PlayStep
) -> None:
    weekly = CheckIn(
        id="weekly-commitment",
        title="One thing for next week",
        questions=(Question(text="I'll…", answer=AnswerKind.TEXT, measure="commitment"),),
    )
    engine = make_engine([weekly], closing=True)
    engine.start()
    play_to_the_end(engine, clock)
    outcome = engine.outcome()
    assert [step.kind for step in outcome.steps] == [StepKind.QUESTION, StepKind.QUESTION, StepKind.TAKEAWAY]
    assert outcome.commitments == {LEFT: "left at step 1", RIGHT: "right at step 1"}


def test_closing_takeaways_and_commitments_are_optional(make_engine: MakeEngine) -> None:
    engine = make_engine([], closing=True)
    engine.start()
    view = engine.current
    assert (view.kind, view.title, view.exercise_number) == (StepKind.QUESTION, "Closing", None)
    assert "close" in view.prompt and view.input.private
    engine.submit_rating(LEFT, 8)
    engine.submit_rating(RIGHT, 6)
    engine.next()
    assert engine.current.kind is StepKind.TAKEAWAY and not engine.current.input.private
    assert engine.submit_text(LEFT, "We laugh more when we slow down.")
    assert engine.submit_text(RIGHT, "")  # passing is fine
    assert engine.next()
    assert engine.current.kind is StepKind.COMMITMENT
    assert engine.next()
    outcome = engine.outcome()
    assert outcome.takeaways == {LEFT: "We laugh more when we slow down."}
    assert outcome.commitments == {}
    assert outcome.check_ins[0].answers == {LEFT: 8, RIGHT: 6}


def test_who_started_feeds_alternate_next_time(
    make_engine: MakeEngine, clock: FakeClock, plan_exercises: list[Exercise], play_to_the_end: PlayStep
) -> None:
    thanks = plan_exercises[2]
    first = make_engine([thanks], rng=random.Random(1))
    first.start()
    play_to_the_end(first, clock)
    started = first.outcome().first_seat
    second = make_engine([thanks], last_first_seat=started)
    second.start()
    assert second.current.floor is started.other


def test_plans_must_be_expanded_and_a_session_needs_something_to_run(partners: Partners, clock: FakeClock) -> None:
    plan = Plan(id="evening", title="Evening", steps=(PlanStep(exercise="check"),))
    with pytest.raises(TypeError):
        SessionEngine([plan], partners, clock, random.Random(1))
    with pytest.raises(ValueError):
        SessionEngine([], partners, clock, random.Random(1), closing=False)


def test_the_outcome_is_json_ready_and_reads_back(
    make_engine: MakeEngine, clock: FakeClock, plan_exercises: list[Exercise], play_to_the_end: PlayStep
) -> None:
    engine = make_engine(plan_exercises, closing=True, previous_commitments={LEFT: "Cook"})
    engine.start()
    clock.advance(3)
    engine.toggle_pause()
    clock.advance(7)
    engine.toggle_pause()
    play_to_the_end(engine, clock)
    outcome = engine.outcome()
    data = json.loads(json.dumps(outcome.to_dict()))
    assert data["schema"] == 1 and data["id"] == "session-1"
    assert data["partners"] == {
        "left": {"name": "Sam [b]", "colour": "#e07a5f"},
        "right": {"name": "Zoë", "colour": "#3d85c6"},
    }
    assert data["totals"]["pause_count"] == 1 and data["totals"]["paused_seconds"] == 7
    assert data["floor_seconds"]["right"] > 0
    assert SessionOutcome.from_dict(data) == outcome
    with pytest.raises(ValueError):
        SessionOutcome.from_dict({**data, "schema": 99})


def test_outcome_returns_a_copy(make_engine: MakeEngine, plan_exercises: list[Exercise]) -> None:
    engine = make_engine(plan_exercises)
    engine.start()
    engine.outcome().steps.append("not really")
    assert engine.outcome().steps == []


def test_floor_shares(make_engine: MakeEngine, plan_exercises: list[Exercise]) -> None:
    outcome = make_engine(plan_exercises).outcome()
    assert outcome.floor_shares() is None
    outcome.floor_seconds = {LEFT: 30.0, RIGHT: 90.0}
    assert outcome.floor_shares() == {LEFT: 0.25, RIGHT: 0.75}
