"""What happened in a session, as plain data ready for JSON and the store.

`to_dict()` gives only JSON types (enums become their values) and adds a few
totals for history queries; `from_dict()` reads them back and ignores the totals.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, is_dataclass
from enum import Enum, StrEnum
from typing import Any

from tui.core.model import AnswerKind, CardKind, Exercise, Seat
from tui.core.partners import Partners
from tui.core.record import OUTCOME_SCHEMA, Status
from tui.core.steps import StepKind


class StepEnd(StrEnum):
    DONE = "done"
    SKIPPED = "skipped"
    # A reflection the speaker said did not land yet; the phase ran again.
    NOT_QUITE = "not_quite"
    STOPPED = "stopped"


class CardStatus(StrEnum):
    ANSWERED = "answered"
    SKIPPED = "skipped"
    # On screen when the session was stopped.
    UNFINISHED = "unfinished"


@dataclass
class ExerciseRun:
    id: str
    title: str
    type: str
    fingerprint: str

    @classmethod
    def of(cls, exercise: Exercise) -> ExerciseRun:
        return cls(exercise.id, exercise.title, str(exercise.type), exercise.fingerprint())


@dataclass
class StepRecord:
    kind: StepKind
    # None for the opening review and the closing steps.
    exercise_id: str | None
    header: str
    planned: int | None
    added: int
    # Active (unpaused) seconds.
    actual: float
    pauses: int
    paused_seconds: float
    floor: Seat | None
    ended: StepEnd
    # Which try of a checked reflection this was.
    attempt: int = 1


@dataclass
class CardRecord:
    exercise_id: str
    key: str
    text: str
    kind: CardKind
    level: int
    reader: Seat
    status: CardStatus
    starred: bool
    # Private cards' answers, once both were revealed.
    answers: dict[Seat, str] = field(default_factory=dict)


@dataclass
class AppreciationRecord:
    exercise_id: str
    giver: Seat
    text: str


@dataclass
class CheckInRecord:
    # None for the closing closeness question.
    exercise_id: str | None
    question: str
    measure: str
    kind: AnswerKind
    answers: dict[Seat, int | str]


@dataclass
class CommitmentReview:
    seat: Seat
    text: str
    # One of steps.REVIEW_OPTIONS, or None when passed.
    result: str | None


@dataclass
class ReflectionStats:
    """For one listener: checked reflections that landed, and how many tries they took."""

    checks: int = 0
    landed_first_time: int = 0
    attempts: int = 0

    @property
    def first_time_rate(self) -> float | None:
        return self.landed_first_time / self.checks if self.checks else None


@dataclass
class SessionOutcome:
    id: str
    partners: Partners
    exercises: list[ExerciseRun]
    status: Status = Status.IN_PROGRESS
    # ISO 8601 wall-clock times.
    started: str | None = None
    ended: str | None = None
    steps: list[StepRecord] = field(default_factory=list)
    cards: list[CardRecord] = field(default_factory=list)
    appreciations: list[AppreciationRecord] = field(default_factory=list)
    check_ins: list[CheckInRecord] = field(default_factory=list)
    reviews: list[CommitmentReview] = field(default_factory=list)
    takeaways: dict[Seat, str] = field(default_factory=dict)
    commitments: dict[Seat, str] = field(default_factory=dict)
    floor_seconds: dict[Seat, float] = field(default_factory=lambda: dict.fromkeys(Seat, 0.0))
    # Keyed by the listener's seat.
    reflections: dict[Seat, ReflectionStats] = field(default_factory=lambda: {seat: ReflectionStats() for seat in Seat})
    # Who held the floor first; next time `first: alternate` starts with the other.
    first_seat: Seat | None = None

    @property
    def planned_seconds(self) -> int:
        return sum(step.planned or 0 for step in self.steps)

    @property
    def active_seconds(self) -> float:
        return sum(step.actual for step in self.steps)

    @property
    def pause_count(self) -> int:
        return sum(step.pauses for step in self.steps)

    @property
    def paused_seconds(self) -> float:
        return sum(step.paused_seconds for step in self.steps)

    def floor_shares(self) -> dict[Seat, float] | None:
        """Each seat's share of the talk time, or None before anyone has held the floor."""
        total = sum(self.floor_seconds.values())
        return {seat: seconds / total for seat, seconds in self.floor_seconds.items()} if total else None

    def to_dict(self) -> dict[str, Any]:
        data = {item.name: to_json_types(getattr(self, item.name)) for item in fields(self) if item.name != "partners"}
        data["partners"] = self.partners.to_dict()
        data["schema"] = OUTCOME_SCHEMA
        data["totals"] = {
            "planned_seconds": self.planned_seconds,
            "active_seconds": round(self.active_seconds, 3),
            "pause_count": self.pause_count,
            "paused_seconds": round(self.paused_seconds, 3),
        }
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SessionOutcome:
        if data.get("schema") != OUTCOME_SCHEMA:
            raise ValueError(f"session record schema {data.get('schema')!r}; this version reads {OUTCOME_SCHEMA}")
        return cls(
            id=data["id"],
            partners=Partners.from_dict(data["partners"]),
            exercises=[ExerciseRun(**item) for item in data["exercises"]],
            status=Status(data["status"]),
            started=data["started"],
            ended=data["ended"],
            steps=[
                StepRecord(
                    **{
                        **item,
                        "kind": StepKind(item["kind"]),
                        "floor": _optional_seat(item["floor"]),
                        "ended": StepEnd(item["ended"]),
                    }
                )
                for item in data["steps"]
            ],
            cards=[
                CardRecord(
                    **{
                        **item,
                        "kind": CardKind(item["kind"]),
                        "reader": Seat(item["reader"]),
                        "status": CardStatus(item["status"]),
                        "answers": _by_seat(item["answers"]),
                    }
                )
                for item in data["cards"]
            ],
            appreciations=[
                AppreciationRecord(**{**item, "giver": Seat(item["giver"])}) for item in data["appreciations"]
            ],
            check_ins=[
                CheckInRecord(**{**item, "kind": AnswerKind(item["kind"]), "answers": _by_seat(item["answers"])})
                for item in data["check_ins"]
            ],
            reviews=[CommitmentReview(**{**item, "seat": Seat(item["seat"])}) for item in data["reviews"]],
            takeaways=_by_seat(data["takeaways"]),
            commitments=_by_seat(data["commitments"]),
            floor_seconds=_by_seat(data["floor_seconds"]),
            reflections={Seat(seat): ReflectionStats(**stats) for seat, stats in data["reflections"].items()},
            first_seat=_optional_seat(data["first_seat"]),
        )


def _optional_seat(value: str | None) -> Seat | None:
    return None if value is None else Seat(value)


def _by_seat(mapping: dict[str, Any]) -> dict[Seat, Any]:
    return {Seat(seat): value for seat, value in mapping.items()}


def to_json_types(value: Any) -> Any:
    """JSON types only: enums become their values, dataclasses and tuples become dicts and lists."""
    if isinstance(value, Enum):
        return value.value
    if is_dataclass(value) and not isinstance(value, type):
        return to_json_types(asdict(value))
    if isinstance(value, dict):
        return {to_json_types(key): to_json_types(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_json_types(item) for item in value]
    return value
