"""One compact row per finished session: what the history list and the stats need.

Rows are derived from the full session records and kept beside them, so the
history opens without reading every session.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from statistics import fmean
from typing import Any

from tui.core.model import Seat
from tui.core.record import Status

SUMMARY_SCHEMA = 1
CLOSENESS = "closeness"


@dataclass(frozen=True, slots=True)
class StarredCard:
    exercise_id: str
    key: str
    text: str


@dataclass(frozen=True, slots=True)
class ExerciseRef:
    id: str
    title: str
    # An exercise type's value ("cards", "check_in", ...).
    type: str


@dataclass(frozen=True, slots=True)
class Review:
    """How a commitment from the session before went, in the reviewer's words."""

    seat: Seat
    text: str
    # "kept", "partly", "not yet", or None when passed.
    result: str | None


@dataclass(frozen=True, slots=True)
class Summary:
    id: str
    started: str | None
    ended: str | None
    status: Status
    exercises: tuple[ExerciseRef, ...]
    active_seconds: float
    planned_seconds: int
    # Each seat's rating; `before` is the first closeness check-in, `after` the closing one.
    closeness_before: Mapping[Seat, int] | None
    closeness_after: Mapping[Seat, int] | None
    floor_seconds: Mapping[Seat, float]
    # Per listener: (reflections that landed first time, reflections checked).
    landed: Mapping[Seat, tuple[int, int]]
    starred: tuple[StarredCard, ...]
    commitments: Mapping[Seat, str]
    reviews: tuple[Review, ...]
    takeaways: Mapping[Seat, str]
    names: Mapping[Seat, str]
    cards_answered: int
    cards_skipped: int

    @property
    def started_at(self) -> datetime | None:
        """Local time, for showing and for counting weeks."""
        return None if self.started is None else datetime.fromisoformat(self.started).astimezone()

    @property
    def minutes(self) -> int:
        return round(self.active_seconds / 60)

    @property
    def titles(self) -> str:
        return " + ".join(exercise.title for exercise in self.exercises)

    @property
    def before(self) -> float | None:
        """Both partners' closeness before, averaged."""
        return _mean(self.closeness_before)

    @property
    def after(self) -> float | None:
        return _mean(self.closeness_after)

    @property
    def closeness_change(self) -> float | None:
        before, after = self.before, self.after
        return None if before is None or after is None else after - before

    def search_text(self) -> str:
        """What a history search looks in (lower case): date, titles, names, takeaways, commitments, starred cards."""
        when = self.started_at
        parts = [
            when.strftime("%Y-%m-%d %A %B") if when else "",
            self.status.value.replace("_", " "),
            *(part for exercise in self.exercises for part in (exercise.id, exercise.title)),
            *self.names.values(),
            *self.takeaways.values(),
            *self.commitments.values(),
            *(card.text for card in self.starred),
        ]
        return "\n".join(parts).lower()

    def to_row(self) -> dict[str, Any]:
        return {
            "schema": SUMMARY_SCHEMA,
            "id": self.id,
            "started": self.started,
            "ended": self.ended,
            "status": self.status.value,
            "exercises": [[exercise.id, exercise.title, exercise.type] for exercise in self.exercises],
            "active": self.active_seconds,
            "planned": self.planned_seconds,
            "before": _plain(self.closeness_before),
            "after": _plain(self.closeness_after),
            "floor": _plain(self.floor_seconds),
            "landed": {seat.value: list(pair) for seat, pair in self.landed.items()},
            "starred": [[card.exercise_id, card.key, card.text] for card in self.starred],
            "commitments": _plain(self.commitments),
            "reviews": [[review.seat.value, review.text, review.result] for review in self.reviews],
            "takeaways": _plain(self.takeaways),
            "names": _plain(self.names),
            "cards": [self.cards_answered, self.cards_skipped],
        }

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Summary:
        answered, skipped = row["cards"]
        return cls(
            id=row["id"],
            started=row["started"],
            ended=row["ended"],
            status=_STATUSES[row["status"]],
            exercises=tuple(ExerciseRef(*exercise) for exercise in row["exercises"]),
            active_seconds=row["active"],
            planned_seconds=row["planned"],
            closeness_before=_by_seat(row["before"]),
            closeness_after=_by_seat(row["after"]),
            floor_seconds=_by_seat(row["floor"]),
            landed={_seat(seat): (pair[0], pair[1]) for seat, pair in row["landed"].items()},
            starred=tuple(StarredCard(*card) for card in row["starred"]),
            commitments=_by_seat(row["commitments"]),
            reviews=tuple(Review(_seat(seat), text, result) for seat, text, result in row["reviews"]),
            takeaways=_by_seat(row["takeaways"]),
            names=_by_seat(row["names"]),
            cards_answered=answered,
            cards_skipped=skipped,
        )

    @classmethod
    def of(cls, record: Mapping[str, Any]) -> Summary:
        """The summary of a full session record (`SessionOutcome.to_dict()` at the current schema)."""
        before, after = _closeness(record["check_ins"])
        cards = record["cards"]
        return cls(
            id=record["id"],
            started=record["started"],
            ended=record["ended"],
            status=Status(record["status"]),
            exercises=tuple(ExerciseRef(run["id"], run["title"], run["type"]) for run in record["exercises"]),
            active_seconds=record["totals"]["active_seconds"],
            planned_seconds=record["totals"]["planned_seconds"],
            closeness_before=before,
            closeness_after=after,
            floor_seconds=_by_seat(record["floor_seconds"]),
            landed={_seat(seat): (stats["landed_first_time"], stats["checks"]) for seat, stats in record["reflections"].items()},
            starred=tuple(StarredCard(card["exercise_id"], card["key"], card["text"]) for card in cards if card["starred"]),
            commitments=_by_seat(record["commitments"]),
            reviews=tuple(Review(_seat(item["seat"]), item["text"], item["result"]) for item in record["reviews"]),
            takeaways=_by_seat(record["takeaways"]),
            names={_seat(seat): partner["name"] for seat, partner in record["partners"].items()},
            cards_answered=sum(card["status"] == "answered" for card in cards),
            cards_skipped=sum(card["status"] == "skipped" for card in cards),
        )


def _closeness(check_ins: list[Mapping[str, Any]]) -> tuple[dict[Seat, int] | None, dict[Seat, int] | None]:
    """Before and after: the first closeness rating, and the closing one (or the last, when there are two or more)."""
    readings = [item for item in check_ins if item["measure"] == CLOSENESS and item["kind"] == "scale" and item["answers"]]
    if not readings:
        return None, None
    last = readings[-1]
    has_after = len(readings) > 1 or last["exercise_id"] is None
    after = _by_seat(last["answers"]) if has_after else None
    before = _by_seat(readings[0]["answers"]) if len(readings) > 1 or not has_after else None
    return before, after


def _mean(ratings: Mapping[Seat, int] | None) -> float | None:
    return fmean(ratings.values()) if ratings else None


def _by_seat(mapping: Mapping[str, Any] | None) -> dict[Seat, Any] | None:
    return None if mapping is None else {_seat(seat): value for seat, value in mapping.items()}


_SEATS = {seat.value: seat for seat in Seat}
_STATUSES = {status.value: status for status in Status}


def _seat(value: str) -> Seat:
    # A dict lookup is much quicker than Seat(value) over ten thousand rows; Seat() still rejects bad values.
    return _SEATS.get(value) or Seat(value)


def _plain(mapping: Mapping[Seat, Any] | None) -> dict[str, Any] | None:
    return None if mapping is None else {seat.value: value for seat, value in mapping.items()}
