from __future__ import annotations

from datetime import date

from tui.core.library import Library
from tui.core.model import CheckIn, Presence, Question
from tui.core.suggest import suggest_tonight


def _library(*ids: str) -> Library:
    library = Library()
    for exercise_id in ids:
        library.exercises[exercise_id] = Presence(id=exercise_id, title=exercise_id, duration=60, prompt="p")
    library.exercises["check"] = CheckIn(id="check", title="c", questions=(Question(text="q"),))
    return library


def test_prefers_what_was_never_done_and_never_a_check_in() -> None:
    library = _library("a", "b", "c")
    assert suggest_tonight(library, ["a", "b", "check"], date(2026, 11, 21)).id == "c"


def test_then_what_was_done_longest_ago() -> None:
    library = _library("a", "b", "c")
    assert suggest_tonight(library, ["a", "c", "a", "b"], date(2026, 11, 21)).id == "b"


def test_stable_within_a_day_and_varied_across_days() -> None:
    library = _library(*"abcdefgh")
    picks = {suggest_tonight(library, [], date(2026, 11, day)).id for day in range(1, 15)}
    assert suggest_tonight(library, [], date(2026, 11, 3)) == suggest_tonight(library, [], date(2026, 11, 3))
    assert len(picks) > 1


def test_empty_library_suggests_nothing() -> None:
    assert suggest_tonight(Library(), [], date(2026, 11, 21)) is None
