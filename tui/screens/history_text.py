"""How the history screens put sessions into words: shared by the list, one session's detail and the stats."""

from __future__ import annotations

from datetime import datetime

from tui.core.model import ExerciseType
from tui.core.record import Status
from tui.store.summary import Summary

STATUS_WORDS = {Status.COMPLETED: "done", Status.STOPPED: "stopped", Status.IN_PROGRESS: "in progress"}


def hours_and_minutes(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return f"{hours:,} h {rest} min" if hours else f"{rest} min"


def rating(value: float | None) -> str:
    """A closeness rating or an average of two: "7", "6.5"; a dash when it was not asked."""
    return "–" if value is None else f"{round(value, 1):g}"


def what_was_done(summary: Summary) -> str:
    """The exercises' titles, less the check-ins that open and close most sessions (the closeness column has them)."""
    titles = [exercise.title for exercise in summary.exercises if exercise.type != ExerciseType.CHECK_IN]
    return " + ".join(titles) if titles else summary.titles


def closeness(summary: Summary) -> str:
    """Both partners averaged, before → after; empty when the session measured neither."""
    if summary.before is None and summary.after is None:
        return ""
    return f"{rating(summary.before)} → {rating(summary.after)}"


def long_date(when: datetime | None) -> str:
    return when.strftime("%A %d %B %Y, %H:%M") if when else "Undated"
