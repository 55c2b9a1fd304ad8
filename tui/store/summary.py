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


# A seat-keyed mapping kept as ((seat value, value), ...).
SeatPairs = tuple[tuple[str, Any], ...]


@dataclass(frozen=True, slots=True)
class Summary:
    """One finished session, as the history and the stats need it.

    A long history keeps ten thousand of these while the app runs, and every full garbage
    collection walks each object the collector tracks, on whichever thread it falls. So a
    summary holds only plain values and tuples of them, which the collector stops tracking:
    one object a session to walk rather than fifteen. Its mappings and small records are
    built when asked for.
    """

    id: str
    started: str | None
    ended: str | None
    status: Status
    # (id, title, type) of each exercise.
    _exercises: tuple[tuple[str, str, str], ...]
    active_seconds: float
    planned_seconds: int
    _closeness_before: SeatPairs | None
    _closeness_after: SeatPairs | None
    _floor_seconds: SeatPairs
    _landed: SeatPairs
    # (exercise id, key, text) of each starred card.
    _starred: tuple[tuple[str, str, str], ...]
    _commitments: SeatPairs
    # (seat value, text, result) of each review.
    _reviews: tuple[tuple[str, str, str | None], ...]
    _takeaways: SeatPairs
    _names: SeatPairs
    cards_answered: int
    cards_skipped: int

    @property
    def exercises(self) -> tuple[ExerciseRef, ...]:
        return tuple(ExerciseRef(*exercise) for exercise in self._exercises)

    @property
    def closeness_before(self) -> Mapping[Seat, int] | None:
        """Each seat's first closeness rating."""
        return None if self._closeness_before is None else _by_seat(self._closeness_before)

    @property
    def closeness_after(self) -> Mapping[Seat, int] | None:
        """Each seat's closing closeness rating."""
        return None if self._closeness_after is None else _by_seat(self._closeness_after)

    @property
    def floor_seconds(self) -> Mapping[Seat, float]:
        return _by_seat(self._floor_seconds)

    @property
    def landed(self) -> Mapping[Seat, tuple[int, int]]:
        """Per listener: (reflections that landed first time, reflections checked)."""
        return _by_seat(self._landed)

    @property
    def starred(self) -> tuple[StarredCard, ...]:
        return tuple(StarredCard(*card) for card in self._starred)

    @property
    def commitments(self) -> Mapping[Seat, str]:
        return _by_seat(self._commitments)

    @property
    def reviews(self) -> tuple[Review, ...]:
        return tuple(Review(_SEATS[seat], text, result) for seat, text, result in self._reviews)

    @property
    def takeaways(self) -> Mapping[Seat, str]:
        return _by_seat(self._takeaways)

    @property
    def names(self) -> Mapping[Seat, str]:
        return _by_seat(self._names)

    @property
    def started_at(self) -> datetime | None:
        """Local time, for showing and for counting weeks."""
        return None if self.started is None else datetime.fromisoformat(self.started).astimezone()

    @property
    def minutes(self) -> int:
        return round(self.active_seconds / 60)

    @property
    def titles(self) -> str:
        return " + ".join(title for _, title, _ in self._exercises)

    @property
    def before(self) -> float | None:
        """Both partners' closeness before, averaged."""
        return _mean(self._closeness_before)

    @property
    def after(self) -> float | None:
        return _mean(self._closeness_after)

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
            *(part for exercise_id, title, _ in self._exercises for part in (exercise_id, title)),
            *(name for _, name in self._names),
            *(text for _, text in self._takeaways),
            *(text for _, text in self._commitments),
            *(text for _, _, text in self._starred),
        ]
        return "\n".join(parts).lower()

    def to_row(self) -> dict[str, Any]:
        return {
            "schema": SUMMARY_SCHEMA,
            "id": self.id,
            "started": self.started,
            "ended": self.ended,
            "status": self.status.value,
            "exercises": [list(exercise) for exercise in self._exercises],
            "active": self.active_seconds,
            "planned": self.planned_seconds,
            "before": None if self._closeness_before is None else dict(self._closeness_before),
            "after": None if self._closeness_after is None else dict(self._closeness_after),
            "floor": dict(self._floor_seconds),
            "landed": {seat: list(pair) for seat, pair in self._landed},
            "starred": [list(card) for card in self._starred],
            "commitments": dict(self._commitments),
            "reviews": [list(review) for review in self._reviews],
            "takeaways": dict(self._takeaways),
            "names": dict(self._names),
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
            _exercises=tuple((exercise_id, title, kind) for exercise_id, title, kind in row["exercises"]),
            active_seconds=row["active"],
            planned_seconds=row["planned"],
            _closeness_before=_optional_pairs(row["before"]),
            _closeness_after=_optional_pairs(row["after"]),
            _floor_seconds=_pairs(row["floor"]),
            _landed=tuple((_seat(seat).value, (first, checks)) for seat, (first, checks) in row["landed"].items()),
            _starred=tuple((exercise_id, key, text) for exercise_id, key, text in row["starred"]),
            _commitments=_pairs(row["commitments"]),
            _reviews=tuple((_seat(seat).value, text, result) for seat, text, result in row["reviews"]),
            _takeaways=_pairs(row["takeaways"]),
            _names=_pairs(row["names"]),
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
            _exercises=tuple((run["id"], run["title"], run["type"]) for run in record["exercises"]),
            active_seconds=record["totals"]["active_seconds"],
            planned_seconds=record["totals"]["planned_seconds"],
            _closeness_before=_optional_pairs(before),
            _closeness_after=_optional_pairs(after),
            _floor_seconds=_pairs(record["floor_seconds"]),
            _landed=tuple(
                (_seat(seat).value, (stats["landed_first_time"], stats["checks"]))
                for seat, stats in record["reflections"].items()
            ),
            _starred=tuple((card["exercise_id"], card["key"], card["text"]) for card in cards if card["starred"]),
            _commitments=_pairs(record["commitments"]),
            _reviews=tuple((_seat(item["seat"]).value, item["text"], item["result"]) for item in record["reviews"]),
            _takeaways=_pairs(record["takeaways"]),
            _names=tuple((_seat(seat).value, partner["name"]) for seat, partner in record["partners"].items()),
            cards_answered=sum(card["status"] == "answered" for card in cards),
            cards_skipped=sum(card["status"] == "skipped" for card in cards),
        )


def _closeness(check_ins: list[Mapping[str, Any]]) -> tuple[Mapping[str, int] | None, Mapping[str, int] | None]:
    """Before and after: the first closeness rating, and the closing one (or the last, when there are two or more)."""
    readings = [item for item in check_ins if item["measure"] == CLOSENESS and item["kind"] == "scale" and item["answers"]]
    if not readings:
        return None, None
    last = readings[-1]
    has_after = len(readings) > 1 or last["exercise_id"] is None
    after = last["answers"] if has_after else None
    before = readings[0]["answers"] if len(readings) > 1 or not has_after else None
    return before, after


def _mean(ratings: SeatPairs | None) -> float | None:
    return fmean([rating for _, rating in ratings]) if ratings else None


def _pairs(mapping: Mapping[str, Any]) -> SeatPairs:
    return tuple((_seat(seat).value, value) for seat, value in mapping.items())


def _optional_pairs(mapping: Mapping[str, Any] | None) -> SeatPairs | None:
    return None if mapping is None else _pairs(mapping)


def _by_seat(pairs: SeatPairs) -> dict[Seat, Any]:
    return {_SEATS[seat]: value for seat, value in pairs}


_SEATS = {seat.value: seat for seat in Seat}
_STATUSES = {status.value: status for status in Status}


def _seat(value: str) -> Seat:
    # A dict lookup is much quicker than Seat(value) over ten thousand rows; Seat() still rejects bad values.
    return _SEATS.get(value) or Seat(value)
