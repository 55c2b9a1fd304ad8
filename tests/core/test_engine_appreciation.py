"""Appreciation: partners take turns, one appreciation at a time, typed in when recorded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.clock import FakeClock
from tui.core.model import Appreciation, Record, Seat
from tui.core.steps import InputKind, SeatRole, StepKind

if TYPE_CHECKING:
    from tests.core.conftest import MakeEngine

LEFT, RIGHT = Seat.LEFT, Seat.RIGHT


def three_good_things(**changes: object) -> Appreciation:
    fields = {
        "id": "three-good-things",
        "title": "Three good things",
        "per_person": 3,
        "duration": 100,
        "prompt": "Name something your partner did.",
        "stems": ("Thank you for…",),
        "receive": "Just let it land.",
        "record": Record.OPTIONAL,
    }
    return Appreciation(**(fields | changes))


def test_a_whole_exercise_takes_turns_and_keeps_what_was_typed(make_engine: MakeEngine, clock: FakeClock) -> None:
    engine = make_engine([three_good_things()], last_first_seat=RIGHT)
    engine.start()
    headers = []
    while not engine.finished:
        view = engine.current
        giver = view.floor
        headers.append(view.header)
        assert view.roles == {giver: SeatRole.GIVER, giver.other: SeatRole.RECEIVER}
        assert (view.prompt, view.stems) == ("Name something your partner did.", ("Thank you for…",))
        assert view.note == "Just let it land."
        assert view.input.kind is InputKind.TEXT and view.input.seats == {giver} and not view.input.private
        assert not engine.submit_text(giver.other, "not yours to type")
        clock.advance(30)
        if view.position != 3:  # one appreciation said aloud only
            assert engine.submit_text(giver, f"  {view.position}: you made tea [again]  ")
            assert engine.current.input.answers == {giver: f"{view.position}: you made tea [again]"}
        assert engine.next()

    assert headers == [
        "Appreciation 1 of 3 · Sam [b] to Zoë",
        "Appreciation 1 of 3 · Zoë to Sam [b]",
        "Appreciation 2 of 3 · Sam [b] to Zoë",
        "Appreciation 2 of 3 · Zoë to Sam [b]",
        "Appreciation 3 of 3 · Sam [b] to Zoë",
        "Appreciation 3 of 3 · Zoë to Sam [b]",
    ]
    outcome = engine.outcome()
    assert [(item.giver, item.text) for item in outcome.appreciations] == [
        (LEFT, "1: you made tea [again]"),
        (RIGHT, "2: you made tea [again]"),
        (RIGHT, "4: you made tea [again]"),
        (LEFT, "5: you made tea [again]"),
        (RIGHT, "6: you made tea [again]"),
    ]
    assert {item.exercise_id for item in outcome.appreciations} == {"three-good-things"}
    # Each person's 100 s are split into whole seconds that add up.
    assert [step.planned for step in outcome.steps] == [34, 34, 33, 33, 33, 33]
    assert outcome.floor_seconds == {LEFT: 90, RIGHT: 90}


def test_required_appreciations_must_be_typed_before_moving_on(make_engine: MakeEngine) -> None:
    engine = make_engine([three_good_things(per_person=1, record=Record.REQUIRED)], last_first_seat=RIGHT)
    engine.start()
    assert not engine.current.can_next and not engine.next()
    assert not engine.press_yes(LEFT) and not engine.press_yes(RIGHT)
    assert not engine.submit_text(LEFT, "   ")
    assert engine.submit_text(LEFT, "Your patience")
    assert engine.submit_text(LEFT, "Your patience with me")  # can be rewritten until moving on
    assert engine.current.can_next
    engine.press_yes(LEFT)
    engine.press_yes(RIGHT)
    assert engine.current.floor is RIGHT
    assert [item.text for item in engine.outcome().appreciations] == ["Your patience with me"]


def test_unrecorded_appreciations_ask_for_no_typing(make_engine: MakeEngine) -> None:
    engine = make_engine([three_good_things(per_person=1, record=Record.NONE)], last_first_seat=RIGHT)
    engine.start()
    assert engine.current.kind is StepKind.APPRECIATION and engine.current.input is None
    assert not engine.submit_text(LEFT, "nowhere to keep it")
    engine.next()
    engine.next()
    assert engine.finished and engine.outcome().appreciations == []
