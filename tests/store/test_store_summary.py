"""Summary rows: closeness before and after, the row format round trip, and what the collector has to walk."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Any

import pytest

from tui.core.record import Status
from tui.store import Summary
from tui.store.index import newest_weeks, week_of_started

if TYPE_CHECKING:
    from tests.store.conftest import MakeSession


def _reading(exercise_id: str | None, rating: int) -> dict[str, Any]:
    return {"exercise_id": exercise_id, "question": "How close?", "measure": "closeness", "kind": "scale",
            "answers": {"left": rating, "right": rating + 1}}


@pytest.mark.parametrize(
    ("readings", "before", "after"),
    [
        ([], None, None),
        # Stopped after the opening check-in: only a "before".
        ([_reading("closeness-check-in", 4)], 4.5, None),
        # No check-in exercise, only the closing question.
        ([_reading(None, 7)], None, 7.5),
        ([_reading("closeness-check-in", 4), _reading(None, 7)], 4.5, 7.5),
        # A plan that measures at its start and end, without the closing steps.
        ([_reading("check-a", 3), _reading("check-b", 5)], 3.5, 5.5),
    ],
)
def test_closeness_before_and_after(make_session: MakeSession, readings: list, before: float, after: float) -> None:
    record = make_session()
    stress = {**_reading("closeness-check-in", 9), "measure": "stress"}
    record["check_ins"] = [stress, *readings]
    summary = Summary.of(record)
    assert (summary.before, summary.after) == (before, after)
    assert summary.closeness_change == (None if before is None or after is None else after - before)


@pytest.mark.parametrize("status", list(Status))
def test_rows_round_trip(make_session: MakeSession, status: Status) -> None:
    summary = Summary.of(make_session(status=status))
    assert Summary.from_row(summary.to_row()) == summary


def test_a_summary_leaves_the_collector_one_object_to_walk(make_session: MakeSession) -> None:
    """Ten thousand stay in memory with a long history, and every full collection walks what is tracked."""
    summary = Summary.from_row(Summary.of(make_session()).to_row())
    # The collector untracks a tuple of plain values once it has untracked what the tuple holds:
    # one level of nesting a collection, and the deepest (landed) is three levels down.
    for _ in range(3):
        gc.collect()
    tracked = [part for part in gc.get_referents(summary) if gc.is_tracked(part)]
    # Its class and status are shared by every summary.
    assert tracked == [summary.status, Summary]


@pytest.mark.parametrize(
    ("started", "week"),
    [
        ("2026-11-20T20:00:00+00:00", "2026-W47"),
        # Local New Year's night is still the last days of 2025 in UTC, and ISO week 1 of 2026.
        ("2026-01-01T00:30:00+02:00", "2026-W01"),
        ("2027-01-01T12:00:00+00:00", "2026-W53"),
        ("2026-03-02T19:30:00", "2026-W10"),
        (None, "undated"),
    ],
)
def test_sessions_are_filed_by_the_utc_iso_week_they_started_in(started: str | None, week: str) -> None:
    assert week_of_started(started) == week


def test_week_files_are_read_newest_first_and_undated_last() -> None:
    assert newest_weeks(["2025-W52", "undated", "2026-W01", "2026-W10", "2024-W53"]) == [
        "2026-W10", "2026-W01", "2025-W52", "2024-W53", "undated",
    ]
