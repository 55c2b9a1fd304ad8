"""The blocks the summary and the session's page share: nothing to show gives no block, and words stand as written."""

from __future__ import annotations

from rich.cells import cell_len

from tui.core.model import Seat
from tui.core.outcome import AppreciationRecord, ReflectionStats, SessionOutcome
from tui.widgets.outcome_blocks import OutcomeBlocks

from couple import LEFT_NAME, PARTNERS, RIGHT_NAME


def test_an_outcome_with_nothing_in_it_gives_no_blocks() -> None:
    shared = OutcomeBlocks(SessionOutcome(id="empty", partners=PARTNERS, exercises=[]))
    found = [shared.talk_time(), shared.listening(), shared.card_tally(), shared.appreciations()]
    found += [shared.takeaways(), shared.commitments()]
    assert found == [None] * len(found)


def test_empty_words_give_no_line() -> None:
    outcome = SessionOutcome(id="quiet", partners=PARTNERS, exercises=[])
    outcome.takeaways = {Seat.LEFT: "", Seat.RIGHT: "More walks"}
    outcome.appreciations = [AppreciationRecord("a", Seat.LEFT, "")]
    shared = OutcomeBlocks(outcome)
    assert shared.takeaways().plain.splitlines()[1:] == [f"  {RIGHT_NAME}  More walks"]
    assert shared.appreciations() is None


def test_names_and_words_show_as_written_and_line_up() -> None:
    outcome = SessionOutcome(id="markup", partners=PARTNERS, exercises=[])
    outcome.takeaways = {Seat.RIGHT: "[b]x[/b] stays", Seat.LEFT: "[@click=app.quit]é[/] 🌙"}
    outcome.floor_seconds = {Seat.LEFT: 90.0, Seat.RIGHT: 270.0}
    outcome.reflections = {Seat.LEFT: ReflectionStats(3, 2, 4), Seat.RIGHT: ReflectionStats()}
    shared = OutcomeBlocks(outcome)
    # The shorter name is padded, so what each partner said starts in one column, counted in cells (🌙 takes two).
    left = LEFT_NAME + " " * (cell_len(RIGHT_NAME) - cell_len(LEFT_NAME))
    takeaways = shared.takeaways().plain.splitlines()
    # Seat order, whatever order the words came in; names and words exactly as typed.
    assert takeaways == [
        "Takeaways",
        f"  {left}  [@click=app.quit]é[/] 🌙",
        f"  {RIGHT_NAME}  [b]x[/b] stays",
    ]
    talk = shared.talk_time().plain.splitlines()
    assert talk[1:] == [f"  {left}   25%   1:30  {'█' * 6}", f"  {RIGHT_NAME}   75%   4:30  {'█' * 18}"]
    assert shared.listening().plain.splitlines()[1:] == [f"  {left}  2 of 3 reflections landed first time"]
