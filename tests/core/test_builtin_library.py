"""The built-in library: clean, and no smaller than what we promise couples."""

from __future__ import annotations

from collections import Counter

import pytest

from tui.core.library import ExerciseFolder, Library, load_library
from tui.core.model import (
    Appreciation,
    CardKind,
    CardOrder,
    Cards,
    CheckIn,
    Plan,
    Presence,
    Record,
    Role,
    Turns,
)
from tui.paths import builtin_exercises_dir


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([ExerciseFolder(builtin_exercises_dir(), builtin=True)])


def _of(library: Library, kind: type) -> list:
    return [exercise for exercise in library if isinstance(exercise, kind)]


def test_every_builtin_file_is_clean(library: Library) -> None:
    assert library.problems == []
    assert library.notices == []


def test_three_kinds_of_dialogue(library: Library) -> None:
    turns = {exercise.id: exercise for exercise in _of(library, Turns)}
    assert {"speaker-listener", "mirror-validate-empathise", "stress-reducing-talk"} <= set(turns)
    for exercise in turns.values():
        roles = {phase.role for phase in exercise.phases}
        assert roles == {Role.SPEAKER, Role.LISTENER} and exercise.topics
    assert any(phase.check for phase in turns["speaker-listener"].phases)
    assert all(phase.stems for phase in turns["mirror-validate-empathise"].phases if phase.role is Role.LISTENER)


def test_appreciation_presence_and_check_in(library: Library) -> None:
    appreciations = _of(library, Appreciation)
    assert len(appreciations) >= 2 and any(a.record is not Record.NONE for a in appreciations)
    presence = _of(library, Presence)
    assert len(presence) >= 2 and any(p.breathe for p in presence) and any(not p.breathe for p in presence)
    measures = {question.measure for check_in in _of(library, CheckIn) for question in check_in.questions}
    assert "closeness" in measures


def test_decks_are_large_varied_and_go_deep(library: Library) -> None:
    decks = _of(library, Cards)
    cards = [card for deck in decks for card in deck.cards]
    assert len(cards) >= 180
    assert len({theme for deck in decks for theme in deck.themes}) >= 6
    assert Counter(card.level for card in cards).keys() == {1, 2, 3}
    kinds = Counter(card.kind for card in cards)
    assert kinds[CardKind.PRIVATE] >= 3 and kinds[CardKind.TASK] >= 3
    # Seen-card tracking is by text, so no two cards may share one.
    assert len({card.key for card in cards}) == len(cards)


def test_one_deck_escalates_in_three_sets(library: Library) -> None:
    escalating = [
        deck for deck in _of(library, Cards)
        if deck.order is CardOrder.IN_ORDER and [c.level for c in deck.cards] == sorted(c.level for c in deck.cards)
    ]
    assert escalating and {card.level for card in escalating[0].cards} == {1, 2, 3}


@pytest.mark.parametrize(("plan_id", "low", "high"), [("daily-ten", 8, 12), ("weekly-meeting", 20, 35), ("deep-dive", 40, 50)])
def test_plans_take_about_as_long_as_they_say(library: Library, plan_id: str, low: int, high: int) -> None:
    plan = library[plan_id]
    assert isinstance(plan, Plan)
    assert low <= library.minutes(plan) <= high


def test_weekly_meeting_covers_its_four_parts(library: Library) -> None:
    steps = library.expand(library["weekly-meeting"])
    assert any(isinstance(step, Appreciation) for step in steps)
    assert any(isinstance(step, Turns) for step in steps)
    commitment = [q for step in steps if isinstance(step, CheckIn) for q in step.questions if q.answer == "text"]
    assert commitment
