"""What a screen renders: a read-only picture of the current step at one instant."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tui.core.breath import BreathReading
from tui.core.model import CardKind, Seat
from tui.core.steps import InputKind, SeatRole, StepKind
from tui.core.timer import TimerReading


@dataclass(frozen=True)
class CardView:
    text: str
    kind: CardKind
    level: int
    reader: Seat
    starred: bool


@dataclass(frozen=True)
class InputView:
    kind: InputKind
    # Who answers.
    seats: frozenset[Seat]
    # Mask the input and ask the other partner to look away.
    private: bool
    # Nothing moves on (except skip) until every seat has answered.
    required: bool
    scale: tuple[int, int] | None
    options: tuple[str, ...]
    answered: frozenset[Seat]
    # Private answers are revealed together once all are in; open ones always are.
    revealed: bool
    # Only what may be shown: empty while private answers are hidden.
    answers: Mapping[Seat, int | str]


@dataclass(frozen=True)
class StepView:
    kind: StepKind
    # Steps begun so far this session, from 1; a repeated reflection counts again.
    number: int
    # The exercise's title, or "Before we begin" / "Closing".
    title: str
    exercise_id: str | None
    # 1-based position among the session's exercises; None before and after them.
    exercise_number: int | None
    exercise_count: int
    # This step's place among the steps of its exercise (or opening/closing part), from 1.
    position: int
    steps_in_part: int
    # "Round 2 of 3 · Sam speaks" (plain text, never markup).
    header: str
    prompt: str
    intro: str
    stems: tuple[str, ...]
    # Shown once answers are revealed (always, on steps without private answers).
    note: str
    topics: tuple[str, ...]
    roles: Mapping[Seat, SeatRole]
    floor: Seat | None
    # Seats whose ready key the step waits for (show a tick each); either may press on choose_first.
    needs: frozenset[Seat]
    ready: frozenset[Seat]
    can_next: bool
    can_skip: bool
    # On a checked reflection: the speaker, whose yes/no key says whether it landed.
    check_by: Seat | None
    attempt: int
    timer: TimerReading
    card: CardView | None
    input: InputView | None
    breath: BreathReading | None
    commitments: Mapping[Seat, str]
