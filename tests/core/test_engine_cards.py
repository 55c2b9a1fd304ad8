"""Cards: the reader alternates, private answers are revealed together, cards can be skipped and starred."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.clock import FakeClock
from tui.core.model import Card, CardKind, CardOrder, Cards, Seat
from tui.core.outcome import CardStatus
from tui.core.record import Status
from tui.core.steps import SeatRole, StepKind

if TYPE_CHECKING:
    from tests.core.conftest import MakeEngine

LEFT, RIGHT = Seat.LEFT, Seat.RIGHT

TALK = Card(text="What made you laugh this week?")
PRIVATE = Card(text="Guess my favourite [memory] of us.", kind=CardKind.PRIVATE, level=2)
TASK = Card(text="Name five things you admire in each other.", kind=CardKind.TASK)
DEEP = Card(text="What do you wish I asked you more often?", level=3)


def deck(**changes: object) -> Cards:
    fields = {
        "id": "deck-fun",
        "title": "Getting closer",
        "prompt": "The reader answers first.",
        "cards": (TALK, PRIVATE, TASK, DEEP),
        "order": CardOrder.IN_ORDER,
        "per_card": 120,
    }
    return Cards(**(fields | changes))


def test_a_whole_deck_of_every_kind_of_card(make_engine: MakeEngine, clock: FakeClock) -> None:
    engine = make_engine([deck()], last_first_seat=LEFT)
    engine.start()

    view = engine.current  # a talk card: the reader holds the floor and answers first
    assert (view.kind, view.header, view.prompt, view.intro) == (
        StepKind.CARD,
        "Card 1 of 4 · Zoë reads",
        TALK.text,
        "The reader answers first.",
    )
    assert view.roles == {RIGHT: SeatRole.READER, LEFT: SeatRole.RESPONDER}
    assert (view.floor, view.card.reader, view.card.kind, view.timer.planned) == (RIGHT, RIGHT, CardKind.TALK, 120)
    assert view.can_skip
    clock.advance(100)
    assert engine.star() and engine.current.card.starred
    assert engine.next()

    view = engine.current  # a private card: both type unseen, then both are revealed
    assert view.header == "Card 2 of 4 · Sam [b] reads"
    assert view.roles == {LEFT: SeatRole.ANSWERING, RIGHT: SeatRole.ANSWERING}
    assert view.input.private and view.input.required and view.floor is None
    assert not view.can_next and not engine.press_yes(LEFT)
    assert engine.submit_text(LEFT, "The night train [to Porto] 🚆")
    view = engine.current
    assert view.input.answered == {LEFT} and not view.input.revealed and view.input.answers == {}
    assert engine.submit_text(LEFT, "The night train to Porto 🚆")  # may change it while still hidden
    assert not engine.submit_text(RIGHT, "")
    clock.advance(90)
    assert engine.submit_text(RIGHT, "Our first snow")
    view = engine.current
    assert view.input.revealed and view.can_next
    assert view.input.answers == {LEFT: "The night train to Porto 🚆", RIGHT: "Our first snow"}
    assert not engine.submit_text(RIGHT, "Something else")  # revealed answers stay as shown
    assert engine.next()

    view = engine.current  # a task: done together
    assert view.roles == {LEFT: SeatRole.TOGETHER, RIGHT: SeatRole.TOGETHER}
    assert view.card.reader is RIGHT and view.floor is None
    clock.advance(60)
    assert engine.skip()

    view = engine.current
    assert view.header == "Card 4 of 4 · Sam [b] reads"
    clock.advance(150)
    assert engine.current.timer.overtime == 30  # still on the card, not cut off
    engine.press_yes(LEFT)
    engine.press_yes(RIGHT)

    outcome = engine.outcome()
    assert outcome.status is Status.COMPLETED
    assert [(card.text, card.reader, card.status, card.starred) for card in outcome.cards] == [
        (TALK.text, RIGHT, CardStatus.ANSWERED, True),
        (PRIVATE.text, LEFT, CardStatus.ANSWERED, False),
        (TASK.text, RIGHT, CardStatus.SKIPPED, False),
        (DEEP.text, LEFT, CardStatus.ANSWERED, False),
    ]
    assert outcome.cards[1].answers == {LEFT: "The night train to Porto 🚆", RIGHT: "Our first snow"}
    assert outcome.cards[1].key == PRIVATE.key and outcome.cards[1].level == 2
    assert [step.actual for step in outcome.steps] == [100, 90, 60, 150]
    # Talk cards count as the reader's floor time; private and task cards as nobody's.
    assert outcome.floor_seconds == {LEFT: 150, RIGHT: 100}


def test_cards_seen_in_earlier_sessions_come_last(make_engine: MakeEngine) -> None:
    engine = make_engine([deck(draw=2)], seen_cards={TALK.key, PRIVATE.key})
    engine.start()
    assert engine.current.prompt == TASK.text
    engine.next()
    assert engine.current.prompt == DEEP.text
    assert engine.current.steps_in_part == 2


def test_star_toggles_and_only_cards_can_be_starred(make_engine: MakeEngine) -> None:
    engine = make_engine([deck(cards=(TALK,))])
    engine.start()
    assert engine.star() and engine.star()
    assert not engine.current.card.starred
    engine.skip()
    assert engine.outcome().cards[0].status is CardStatus.SKIPPED
    assert not engine.star() and not engine.skip()


def test_skipping_a_half_answered_private_card_keeps_the_answer_private(make_engine: MakeEngine) -> None:
    engine = make_engine([deck(cards=(PRIVATE,))])
    engine.start()
    engine.submit_text(LEFT, "Something I'd rather not show unanswered")
    assert engine.skip()
    card = engine.outcome().cards[0]
    assert card.status is CardStatus.SKIPPED and card.answers == {}


def test_untimed_cards_wait_without_a_countdown(make_engine: MakeEngine, clock: FakeClock) -> None:
    engine = make_engine([deck(cards=(TALK,), per_card=None)])
    engine.start()
    clock.advance(1000)
    timer = engine.current.timer
    assert (timer.planned, timer.remaining, timer.is_over, timer.elapsed) == (None, None, False, 1000)
    assert not engine.add_minute()


def test_stopping_on_a_card_keeps_it_as_unfinished(make_engine: MakeEngine, clock: FakeClock) -> None:
    engine = make_engine([deck()], last_first_seat=LEFT)
    engine.start()
    engine.next()
    clock.advance(12)
    engine.submit_text(LEFT, "half")
    assert engine.stop()
    assert engine.finished and engine.current is None
    assert not engine.next() and not engine.stop() and not engine.toggle_pause()
    outcome = engine.outcome()
    assert outcome.status is Status.STOPPED
    assert [card.status for card in outcome.cards] == [CardStatus.ANSWERED, CardStatus.UNFINISHED]
    assert outcome.cards[1].answers == {}
    assert outcome.steps[-1].ended == "stopped" and outcome.steps[-1].actual == 12
    assert outcome.ended == "2026-03-01T20:00:12+00:00"
