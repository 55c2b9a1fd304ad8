"""What the history says about a couple's time together, computed from the summary rows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from statistics import fmean

from tui.core.model import ExerciseType, Seat
from tui.core.record import Status
from tui.store.summary import StarredCard, Summary


@dataclass(frozen=True)
class WeekCount:
    monday: date
    sessions: int


@dataclass(frozen=True)
class ExerciseCloseness:
    exercise_id: str
    title: str
    # Closeness after minus before, averaged over the sessions that measured both.
    average_change: float
    sessions: int


@dataclass(frozen=True)
class ListeningPoint:
    started: str | None
    # Share of reflections that landed first time, for each listener who was checked.
    rates: Mapping[Seat, float]


@dataclass(frozen=True)
class Starred:
    card: StarredCard
    started: str | None


@dataclass(frozen=True)
class CommitmentResult:
    # When the commitment was made.
    started: str | None
    seat: Seat
    text: str
    # "kept", "partly", "not yet", or None when passed or not reviewed yet.
    result: str | None
    reviewed: bool


@dataclass(frozen=True)
class Stats:
    completed: int
    stopped: int
    # The recent weeks, oldest first, ending with this week; counts completed sessions.
    weeks: tuple[WeekCount, ...]
    # Weeks in a row with at least one completed session; this week counts once it has one.
    current_streak: int
    longest_streak: int
    total_minutes: int
    # Closeness after each session (both partners averaged), in time order.
    closeness: tuple[float, ...]
    # Best first; check-ins themselves are left out (they measure, they don't move anyone).
    closest: tuple[ExerciseCloseness, ...]
    floor_seconds: Mapping[Seat, float]
    listening: tuple[ListeningPoint, ...]
    # Newest first, each card once.
    starred: tuple[Starred, ...]
    # Newest first.
    commitments: tuple[CommitmentResult, ...]


def compute_stats(oldest_first: Sequence[Summary], today: date, weeks: int = 12) -> Stats:
    completed = [summary for summary in oldest_first if summary.status is Status.COMPLETED]
    mondays = [_monday(when.date()) for summary in completed if (when := summary.started_at)]
    this_week = _monday(today)
    per_week = defaultdict(int)
    for monday in mondays:
        per_week[monday] += 1
    recent = [this_week - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]
    current, longest = _streaks(set(mondays), this_week)
    floor = dict.fromkeys(Seat, 0.0)
    for summary in oldest_first:
        for seat, seconds in summary.floor_seconds.items():
            floor[seat] += seconds
    return Stats(
        completed=len(completed),
        stopped=sum(summary.status is Status.STOPPED for summary in oldest_first),
        weeks=tuple(WeekCount(monday, per_week.get(monday, 0)) for monday in recent),
        current_streak=current,
        longest_streak=longest,
        total_minutes=round(sum(summary.active_seconds for summary in oldest_first) / 60),
        closeness=tuple(after for summary in oldest_first if (after := summary.after) is not None),
        closest=_closest(oldest_first),
        floor_seconds=floor,
        listening=tuple(_listening(oldest_first)),
        starred=_starred(oldest_first),
        commitments=_commitments(oldest_first),
    )


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _streaks(weeks: set[date], this_week: date) -> tuple[int, int]:
    longest = run = 0
    previous = None
    for monday in sorted(weeks):
        run = run + 1 if previous is not None and monday - previous == timedelta(weeks=1) else 1
        longest = max(longest, run)
        previous = monday
    # The streak is still alive during a week that has no session yet.
    week = this_week if this_week in weeks else this_week - timedelta(weeks=1)
    current = 0
    while week in weeks:
        current += 1
        week -= timedelta(weeks=1)
    return current, longest


def _closest(summaries: Iterable[Summary]) -> tuple[ExerciseCloseness, ...]:
    changes: dict[str, list[float]] = defaultdict(list)
    titles: dict[str, str] = {}
    for summary in summaries:
        change = summary.closeness_change
        if change is None:
            continue
        for exercise in {exercise.id: exercise for exercise in summary.exercises}.values():
            if exercise.type != ExerciseType.CHECK_IN:
                changes[exercise.id].append(change)
                titles[exercise.id] = exercise.title
    rows = [ExerciseCloseness(key, titles[key], fmean(values), len(values)) for key, values in changes.items()]
    return tuple(sorted(rows, key=lambda row: (-row.average_change, -row.sessions, row.title)))


def _listening(summaries: Iterable[Summary]) -> Iterable[ListeningPoint]:
    for summary in summaries:
        rates = {seat: first / checks for seat, (first, checks) in summary.landed.items() if checks}
        if rates:
            yield ListeningPoint(summary.started, rates)


def _starred(summaries: Sequence[Summary]) -> tuple[Starred, ...]:
    seen: set[tuple[str, str]] = set()
    starred = []
    for summary in reversed(summaries):
        for card in summary.starred:
            if (card.exercise_id, card.key) not in seen:
                seen.add((card.exercise_id, card.key))
                starred.append(Starred(card, summary.started))
    return tuple(starred)


def _commitments(summaries: Iterable[Summary]) -> tuple[CommitmentResult, ...]:
    """Each commitment with how it went, as told at the start of the next completed session; newest first."""
    made: list[list[CommitmentResult]] = []
    # Where the commitments the next session will review sit in `made`.
    pending: dict[tuple[Seat, str], tuple[int, int]] = {}
    for summary in summaries:
        for review in summary.reviews:
            # A later review of the same commitment (after a stopped session) wins.
            where = pending.get((review.seat, review.text))
            if where is not None:
                session, number = where
                made[session][number] = replace(made[session][number], result=review.result, reviewed=True)
        if summary.status is Status.COMPLETED:
            these = [CommitmentResult(summary.started, seat, text, None, reviewed=False) for seat, text in summary.commitments.items()]
            pending = {(item.seat, item.text): (len(made), number) for number, item in enumerate(these)}
            made.append(these)
    return tuple(item for these in reversed(made) for item in these)
