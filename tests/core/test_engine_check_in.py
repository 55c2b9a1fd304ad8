"""Check-in: private answers, hidden until both are in, then revealed with a follow-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.clock import FakeClock
from tui.core.model import AnswerKind, CheckIn, Question, Seat
from tui.core.steps import InputKind, SeatRole, StepKind

if TYPE_CHECKING:
    from tests.core.conftest import MakeEngine

LEFT, RIGHT = Seat.LEFT, Seat.RIGHT

CLOSE = Question(text="How close do you feel?", measure="closeness", follow_up="What would raise it by one?")
STRESS = Question(text="How much stress?", scale=(0, 5), measure="stress")
PROMISE = Question(text="One thing I'll do for you is…", answer=AnswerKind.TEXT, measure="commitment")


def check_in(*questions: Question) -> CheckIn:
    return CheckIn(id="check-in", title="How are we doing?", prompt="Answer for yourself.", questions=questions)


def test_a_whole_check_in_reveals_answers_together(make_engine: MakeEngine, clock: FakeClock) -> None:
    engine = make_engine([check_in(CLOSE, STRESS)])
    engine.start()
    view = engine.current
    assert (view.kind, view.header, view.prompt, view.intro) == (
        StepKind.QUESTION,
        "Question 1 of 2",
        "How close do you feel?",
        "Answer for yourself.",
    )
    assert view.roles == {LEFT: SeatRole.ANSWERING, RIGHT: SeatRole.ANSWERING}
    assert view.input.kind is InputKind.SCALE and view.input.scale == (1, 10) and view.input.private
    assert view.note == ""  # the follow-up waits for the reveal
    assert not view.can_next and not engine.next()
    assert not engine.submit_rating(LEFT, 11) and not engine.submit_rating(LEFT, 0)
    assert not engine.submit_rating(LEFT, True)  # not a number on the scale
    assert not engine.submit_text(LEFT, "7") and not engine.submit_choice(LEFT, "kept")
    assert engine.submit_rating(LEFT, 7)
    view = engine.current
    assert view.input.answered == {LEFT} and view.input.answers == {} and not view.input.revealed
    clock.advance(20)
    assert engine.submit_rating(RIGHT, 9)
    view = engine.current
    assert view.input.revealed and view.input.answers == {LEFT: 7, RIGHT: 9}
    assert view.note == "What would raise it by one?"
    assert not engine.submit_rating(RIGHT, 3)
    engine.press_yes(LEFT)
    engine.press_yes(RIGHT)

    assert engine.current.header == "Question 2 of 2"
    assert engine.submit_rating(LEFT, 0) and engine.submit_rating(RIGHT, 5)
    engine.next()
    outcome = engine.outcome()
    assert engine.finished
    assert [(item.question, item.measure, item.kind, item.answers) for item in outcome.check_ins] == [
        ("How close do you feel?", "closeness", AnswerKind.SCALE, {LEFT: 7, RIGHT: 9}),
        ("How much stress?", "stress", AnswerKind.SCALE, {LEFT: 0, RIGHT: 5}),
    ]
    assert outcome.steps[0].planned is None and outcome.steps[0].actual == 20


def test_skipping_a_question_keeps_a_single_answer_private(make_engine: MakeEngine) -> None:
    engine = make_engine([check_in(CLOSE)])
    engine.start()
    assert engine.current.header == "Check-in"
    engine.submit_rating(LEFT, 3)
    assert engine.current.can_skip and engine.skip()
    assert engine.finished and engine.outcome().check_ins == []
    assert engine.outcome().steps[0].ended == "skipped"


def test_a_text_commitment_question_becomes_a_commitment(make_engine: MakeEngine) -> None:
    engine = make_engine([check_in(PROMISE)])
    engine.start()
    assert engine.current.input.kind is InputKind.TEXT and engine.current.input.scale is None
    assert not engine.submit_rating(LEFT, 5)
    assert not engine.submit_text(LEFT, "  ")  # an answer is needed; skip passes instead
    engine.submit_text(LEFT, "Cook on Thursday")
    engine.submit_text(RIGHT, "Plan a walk")
    engine.next()
    outcome = engine.outcome()
    assert outcome.commitments == {LEFT: "Cook on Thursday", RIGHT: "Plan a walk"}
    assert outcome.check_ins[0].answers == {LEFT: "Cook on Thursday", RIGHT: "Plan a walk"}
