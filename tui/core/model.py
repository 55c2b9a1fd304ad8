"""The exercise model: immutable, validated values built by the loader.

Every duration is a whole number of seconds. Text is kept exactly as written
(brackets, emoji and accents included); it is never markup.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from typing import Any


class ExerciseType(StrEnum):
    TURNS = "turns"
    APPRECIATION = "appreciation"
    CARDS = "cards"
    PRESENCE = "presence"
    CHECK_IN = "check_in"
    PLAN = "plan"


class Seat(StrEnum):
    """Where a partner sits: their panel is on that side, their keys on that hand."""

    LEFT = "left"
    RIGHT = "right"

    @property
    def other(self) -> Seat:
        return Seat.RIGHT if self is Seat.LEFT else Seat.LEFT


class Role(StrEnum):
    SPEAKER = "speaker"
    LISTENER = "listener"


class FirstSpeaker(StrEnum):
    CHOOSE = "choose"
    RANDOM = "random"
    ALTERNATE = "alternate"


class Record(StrEnum):
    NONE = "none"
    OPTIONAL = "optional"
    REQUIRED = "required"


class CardKind(StrEnum):
    TALK = "talk"
    PRIVATE = "private"
    TASK = "task"


class CardOrder(StrEnum):
    SHUFFLE = "shuffle"
    IN_ORDER = "in_order"
    BY_LEVEL = "by_level"


class AnswerKind(StrEnum):
    SCALE = "scale"
    TEXT = "text"


@dataclass(frozen=True)
class Origin:
    """Where an exercise was defined, for messages and for the `source` column."""

    path: str
    line: int = 1
    builtin: bool = False


@dataclass(frozen=True, kw_only=True)
class Exercise:
    id: str
    title: str
    summary: str = ""
    themes: tuple[str, ...] = ()
    # The estimate shown in the picker; None means "compute it" (see tui.core.library).
    minutes: int | None = None
    origin: Origin = field(default=Origin("<memory>"), compare=False)

    type: Any = None  # each subclass fixes it

    def fingerprint(self) -> str:
        """A short digest of the definition as run, kept with each outcome."""
        return hashlib.sha256(repr(_without_origin(self)).encode()).hexdigest()[:16]


def _without_origin(exercise: Exercise) -> tuple:
    return tuple((f.name, getattr(exercise, f.name)) for f in fields(exercise) if f.name != "origin")


@dataclass(frozen=True, kw_only=True)
class Phase:
    """One stretch of a turn: the speaker talks, or the listener reflects back."""

    role: Role
    duration: int
    prompt: str
    stems: tuple[str, ...] = ()
    # Both partners press their key to go on.
    confirm: bool = False
    # On a listener phase: the speaker says whether the reflection landed.
    check: bool = False


@dataclass(frozen=True, kw_only=True)
class Turns(Exercise):
    type: ExerciseType = ExerciseType.TURNS
    phases: tuple[Phase, ...]
    rounds: int = 1
    first: FirstSpeaker = FirstSpeaker.CHOOSE
    topics: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Appreciation(Exercise):
    type: ExerciseType = ExerciseType.APPRECIATION
    per_person: int = 3
    duration: int = 120
    prompt: str = ""
    stems: tuple[str, ...] = ()
    receive: str = ""
    record: Record = Record.OPTIONAL


@dataclass(frozen=True, kw_only=True)
class Card:
    text: str
    level: int = 1
    tags: tuple[str, ...] = ()
    kind: CardKind = CardKind.TALK

    @property
    def key(self) -> str:
        """Stable identity across sessions, so "not yet seen" survives edits to other cards."""
        return hashlib.sha1(self.text.encode()).hexdigest()[:12]


@dataclass(frozen=True, kw_only=True)
class Cards(Exercise):
    type: ExerciseType = ExerciseType.CARDS
    cards: tuple[Card, ...]
    order: CardOrder = CardOrder.SHUFFLE
    # Cards per session; None draws the whole deck.
    draw: int | None = None
    # Optional soft timer per card, in seconds.
    per_card: int | None = None
    prompt: str = ""


@dataclass(frozen=True, kw_only=True)
class Breathe:
    inhale: int
    hold: int
    exhale: int

    @property
    def cycle(self) -> int:
        return self.inhale + self.hold + self.exhale


@dataclass(frozen=True, kw_only=True)
class Presence(Exercise):
    type: ExerciseType = ExerciseType.PRESENCE
    duration: int
    prompt: str
    breathe: Breathe | None = None


@dataclass(frozen=True, kw_only=True)
class Question:
    text: str
    answer: AnswerKind = AnswerKind.SCALE
    scale: tuple[int, int] = (1, 10)
    # Shown once both answers are revealed ("what would raise it by one?").
    follow_up: str = ""
    # A short word that names what is measured (e.g. "closeness"), used by history.
    measure: str = ""


@dataclass(frozen=True, kw_only=True)
class CheckIn(Exercise):
    type: ExerciseType = ExerciseType.CHECK_IN
    questions: tuple[Question, ...]
    prompt: str = ""


@dataclass(frozen=True, kw_only=True)
class PlanStep:
    exercise: str
    # Overrides of the step's exercise, already parsed (e.g. (("rounds", 1),)).
    overrides: tuple[tuple[str, Any], ...] = ()
    # Line and column in the plan's file, for messages about this step.
    at: tuple[int, int] = field(default=(1, 1), compare=False, repr=False)


@dataclass(frozen=True, kw_only=True)
class Plan(Exercise):
    type: ExerciseType = ExerciseType.PLAN
    steps: tuple[PlanStep, ...]


EXERCISE_CLASSES: dict[ExerciseType, type[Exercise]] = {
    ExerciseType.TURNS: Turns,
    ExerciseType.APPRECIATION: Appreciation,
    ExerciseType.CARDS: Cards,
    ExerciseType.PRESENCE: Presence,
    ExerciseType.CHECK_IN: CheckIn,
    ExerciseType.PLAN: Plan,
}


def with_overrides(exercise: Exercise, overrides: tuple[tuple[str, Any], ...]) -> Exercise:
    """The exercise as a plan step runs it (fewer rounds, fewer cards, ...)."""
    return replace(exercise, **dict(overrides)) if overrides else exercise
