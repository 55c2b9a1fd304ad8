"""What the history says: weeks and streaks, closeness, talk time, listening, starred cards, commitments."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from tui.core.model import Seat
from tui.core.record import Status
from tui.store import Store
from tui.store.stats import CommitmentResult

if TYPE_CHECKING:
    from tests.store.conftest import MakeSession

# A Wednesday; weeks start on Monday 2026-03-02.
TODAY = date(2026, 3, 25)


def _at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def _closeness(record: dict[str, Any], before: int, after: int) -> dict[str, Any]:
    readings = [item for item in record["check_ins"] if item["measure"] == "closeness"]
    readings[0]["answers"] = {"left": before, "right": before}
    readings[-1]["answers"] = {"left": after, "right": after}
    return record


def test_weeks_and_streaks(store: Store, make_session: MakeSession) -> None:
    days = [date(2026, 1, 5), date(2026, 1, 12), date(2026, 1, 19), date(2026, 3, 9), date(2026, 3, 10), date(2026, 3, 16)]
    for day in days:
        store.save_session(make_session(started=_at(day)))
    store.save_session(make_session(started=_at(date(2026, 3, 24)), status=Status.STOPPED))
    stats = store.stats(today=TODAY, weeks=4)
    assert [(week.monday, week.sessions) for week in stats.weeks] == [
        (date(2026, 3, 2), 0),
        (date(2026, 3, 9), 2),
        (date(2026, 3, 16), 1),
        (date(2026, 3, 23), 0),
    ]
    # This week has no completed session yet, so the streak still counts from last week.
    assert stats.current_streak == 2
    assert stats.longest_streak == 3
    assert (stats.completed, stats.stopped) == (6, 1)
    assert store.stats(today=TODAY + timedelta(weeks=1)).current_streak == 0


def test_closeness_trend_and_which_exercises_leave_you_closest(store: Store, make_session: MakeSession) -> None:
    changes = [(4, 7), (5, 6), (6, 6), (7, 5)]
    records = [_closeness(make_session(), before, after) for before, after in changes]
    for record in records:
        store.save_session(record)
    stats = store.stats(today=TODAY)
    assert stats.closeness == (7.0, 6.0, 6.0, 5.0)
    by_exercise: dict[str, list[int]] = {}
    for record, (before, after) in zip(records, changes):
        for run in record["exercises"][1:]:
            by_exercise.setdefault(run["id"], []).append(after - before)
    expected = {key: sum(values) / len(values) for key, values in by_exercise.items()}
    assert {row.exercise_id: row.average_change for row in stats.closest} == expected
    assert [row.average_change for row in stats.closest] == sorted(expected.values(), reverse=True)
    assert "closeness-check-in" not in {row.exercise_id for row in stats.closest}


def test_talk_time_minutes_and_listening(store: Store, make_session: MakeSession) -> None:
    first, second = make_session(), make_session()
    first["floor_seconds"] = {"left": 100.0, "right": 50.0}
    second["floor_seconds"] = {"left": 20.0, "right": 80.0}
    first["reflections"] = {
        "left": {"checks": 2, "landed_first_time": 1, "attempts": 3},
        "right": {"checks": 0, "landed_first_time": 0, "attempts": 0},
    }
    second["reflections"] = {seat: {"checks": 0, "landed_first_time": 0, "attempts": 0} for seat in ("left", "right")}
    for record in (first, second):
        store.save_session(record)
    stats = store.stats(today=TODAY)
    assert stats.floor_seconds == {Seat.LEFT: 120.0, Seat.RIGHT: 130.0}
    total = first["totals"]["active_seconds"] + second["totals"]["active_seconds"]
    assert stats.total_minutes == round(total / 60)
    assert stats.listening[0].started == first["started"]
    assert stats.listening[0].rates == {Seat.LEFT: 0.5}


def test_starred_cards_newest_first_each_once(store: Store, make_session: MakeSession) -> None:
    card = {"exercise_id": "deck-fun", "key": "k1", "text": "A [question]?", "kind": "talk", "level": 1,
            "reader": "left", "status": "answered", "starred": True, "answers": {}}
    older, newer = make_session(), make_session()
    older["cards"] = [card, {**card, "key": "k2", "text": "Another"}]
    newer["cards"] = [card]
    for record in (older, newer):
        store.save_session(record)
    starred = store.stats(today=TODAY).starred
    assert [(item.card.key, item.started) for item in starred] == [("k1", newer["started"]), ("k2", older["started"])]


def test_commitments_with_how_they_went(store: Store, make_session: MakeSession) -> None:
    first, second, third = make_session(), make_session(), make_session()
    first["commitments"] = {"left": "Breakfast", "right": "Call mum"}
    second["reviews"] = [
        {"seat": "left", "text": "Breakfast", "result": "kept"},
        {"seat": "right", "text": "Call mum", "result": None},
    ]
    second["commitments"] = {"right": "Plan a trip"}
    third["reviews"] = []
    third["commitments"] = {}
    for record in (first, second, third):
        store.save_session(record)
    assert store.stats(today=TODAY).commitments == (
        CommitmentResult(second["started"], Seat.RIGHT, "Plan a trip", None, reviewed=False),
        CommitmentResult(first["started"], Seat.LEFT, "Breakfast", "kept", reviewed=True),
        CommitmentResult(first["started"], Seat.RIGHT, "Call mum", None, reviewed=True),
    )


def test_an_empty_history_has_quiet_stats(store: Store) -> None:
    stats = store.stats(today=TODAY)
    assert (stats.completed, stats.current_streak, stats.longest_streak, stats.total_minutes) == (0, 0, 0, 0)
    assert stats.closeness == stats.closest == stats.starred == stats.commitments == ()
    assert [week.sessions for week in stats.weeks] == [0] * 12
